#!/usr/bin/env bash
# Browser suite: starts the real server on a free port with a fresh database (SQLite, or
# PostgreSQL when SENDHUB_TEST_POSTGRES names a cluster) and the demo data, then drives headless Chromium (Playwright) through every main page and the outreach
# journey, with axe-core on each page. Any axe violation or broken step fails the suite.
# Usage: tests/browser/run.sh BUILD_DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
shared=${SENDHUB_SHARED_DATA:-../shared/data}
if [ ! -x /usr/bin/chromium ]; then echo "browser suite needs Debian's chromium (./sendhub.sh test installs it)" >&2; exit 1; fi
if [ ! -f "$shared/schools/england_school_coords_2024-25.csv" ]; then echo "browser suite needs shared/data (set SENDHUB_SHARED_DATA)" >&2; exit 1; fi

work=$(mktemp -d)
# The journeys sign every role in many times from this one address.
export SENDHUB_SIGN_INS_PER_MINUTE=1000000
# Every page the journeys open is checked against its template: a key the view lacks fails it.
export SENDHUB_STRICT_TEMPLATES=1
server_pid=""
short_pid=""
cleanup() { kill $server_pid $short_pid 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
db="sqlite:$work/sendhub.db"
screenshots="$build/screenshots"
if [ -n "${SENDHUB_TEST_POSTGRES:-}" ]; then  # tests/integration/on_postgresql.sh started a cluster
    psql -q -v ON_ERROR_STOP=1 "$SENDHUB_TEST_POSTGRES/postgres" -c "CREATE DATABASE browser_$$" >/dev/null
    db="$SENDHUB_TEST_POSTGRES/browser_$$"
    screenshots="$build/screenshots-postgresql"
fi
"$build/sendhub" demo --db "$db" --shared-data "$shared" > "$work/demo.txt"
logins=$(awk '/^  (admin|coordinator|senco|practitioner|finance|partnerships|headteacher|school_staff|reviewer|reviewer2|therapist) / {printf "%s=%s:%s,", $1, $2, $3}' "$work/demo.txt")
"$build/sendhub" serve --db "$db" --listen "127.0.0.1:$port" --static "$build/static" --no-access-log \
    --mail-dir "$work/mail" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

# A second instance on the same database with a 3-second idle timeout, for session expiry. Its
# mailer may send any email the first instance queued, so it writes to the same folder.
short_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$build/sendhub" serve --db "$db" --listen "127.0.0.1:$short_port" --static "$build/static" --no-access-log \
    --session-idle-seconds 3 --mail-dir "$work/mail" > "$work/short.log" 2>&1 &
short_pid=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$short_port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

export SENDHUB_SCREENSHOT_DIR=${SENDHUB_SCREENSHOT_DIR:-$screenshots}
export SENDHUB_LOGINS=$logins
export SENDHUB_MAIL_DIR="$work/mail"
status=0
url="http://127.0.0.1:$port"
node tests/browser/screenshots.mjs "$url" || status=1
# The planner takes half of the demo's waiting requests with JavaScript, half without.
node tests/browser/planning.mjs "$url" || status=1
SENDHUB_JS=off node tests/browser/planning.mjs "$url" || status=1
# Term dates and leave clashes need the visits the term plans above hold.
node tests/browser/school_days.mjs "$url" || status=1
SENDHUB_JS=off node tests/browser/school_days.mjs "$url" || status=1
node tests/browser/front_door.mjs "$url" || status=1
SENDHUB_JS=off node tests/browser/front_door.mjs "$url" || status=1
node tests/browser/journey.mjs "$url" || status=1
SENDHUB_JS=off node tests/browser/journey.mjs "$url" || status=1
node tests/browser/data_protection.mjs "$url" || status=1
SENDHUB_JS=off node tests/browser/data_protection.mjs "$url" || status=1
node tests/browser/events.mjs "$url" || status=1
SENDHUB_JS=off node tests/browser/events.mjs "$url" || status=1
node tests/browser/resources.mjs "$url" || status=1
SENDHUB_JS=off node tests/browser/resources.mjs "$url" || status=1
node tests/browser/insight.mjs "$url" || status=1
SENDHUB_JS=off node tests/browser/insight.mjs "$url" || status=1
node tests/browser/self_evaluation.mjs "$url" || status=1
SENDHUB_JS=off node tests/browser/self_evaluation.mjs "$url" || status=1
node tests/browser/peer_review.mjs "$url" || status=1
SENDHUB_JS=off node tests/browser/peer_review.mjs "$url" || status=1
node tests/browser/early_identification.mjs "$url" || status=1
SENDHUB_JS=off node tests/browser/early_identification.mjs "$url" || status=1
node tests/browser/keyboard.mjs "$url" || status=1
node tests/browser/reflow.mjs "$url" || status=1
node tests/browser/expiry.mjs "http://127.0.0.1:$short_port" 3 || status=1
kill "$short_pid" 2>/dev/null || true
[ $status -eq 0 ] && echo "browser: all pages passed axe and the journey completed" || cat "$work/server.log" | tail -20 >&2
exit $status
