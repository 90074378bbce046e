#!/usr/bin/env bash
# Where a signed-in request's time goes: starts sendhub on SQLite with the coordinator's list
# of 20 requests (as bench/http/run.sh does), loads one measure with wrk while perf samples
# the server with call stacks, and writes the profile's top lines to
# bench/results/profile-<measure>-<time>.md. The measure is the first argument:
#   page (the default): GET /requests signed in by cookie
#   read:               GET /api/v1/schools/{urn} with a bearer token
# Not a timed test: ./sendhub.sh bench profile [page|read].
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
BIN=$ROOT/build/sendhub
DURATION=${DURATION:-6}
MEASURE=${1:-page}
case $MEASURE in page|read) ;; *) echo "usage: $0 [page|read]" >&2; exit 2 ;; esac
source tests/support/pg_cluster.sh  # free_port
source bench/http/seed.sh

work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

db="sqlite:$work/profile.db"
$BIN migrate --db "$db" >/dev/null
echo 'benchmark-password-1' | $BIN user add --db "$db" --email bench@example.org --name Bench --role coordinator >/dev/null
port=$(free_port)
$BIN serve --db "$db" --listen "127.0.0.1:$port" --static build/static --no-access-log --mail-dir "$work/mail" >"$work/server.log" 2>&1 &
server=$!
base="http://127.0.0.1:$port"
for _ in $(seq 100); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
seed_bench "$base" "$db"

if [ "$MEASURE" = page ]; then
    auth="Cookie: $cookie" path=/requests what="the coordinator's list of 20 requests"
else
    auth="Authorization: Bearer $token" path=/api/v1/schools/123641 what="one school as JSON"
fi
wrk -t1 -c10 -d2s -H "$auth" "$base$path" >/dev/null
perf record -F 499 --call-graph dwarf,16384 -p "$server" -o "$work/perf.data" -- sleep "$DURATION" >/dev/null 2>&1 &
perf_pid=$!
sleep 0.3
rate=$(wrk -t2 -c100 -d"$((DURATION - 1))s" -H "$auth" "$base$path" | awk '/Requests\/sec/ {print $2}')
wait "$perf_pid"
# PERF_DATA=file keeps the samples for a closer look (perf report -i file --no-children).
[ -z "${PERF_DATA:-}" ] || cp "$work/perf.data" "$PERF_DATA"

# Inclusive time ("children") per function, the plumbing of std::function and asio left out.
top=$(perf report -i "$work/perf.data" --children --stdio --percent-limit 2 -g none 2>/dev/null |
      grep -v '^#' | grep -v '^$' |
      sed -E 's/std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >/std::string/g;
              s/nlohmann::json_abi_v3_11_2::basic_json<[^>]*>[^>]*>[^>]*>[^>]*>/json/g' |
      grep -vE 'inlined|__invoke|_M_invoke|_Function_handler|_Rb_tree|allocator_traits|construct|async_|initiate|asio_handler|invoke<|clone3|start_thread|libstdc\+\+.so.6.0.30 +\[\.\] 0x' |
      cut -c1-170 | sed -n 1,45p)  # sed reads to the end: no SIGPIPE under pipefail
out="bench/results/profile-$MEASURE-$(date -u +%Y%m%d-%H%M%S).md"
{
    echo "# Where GET $path spends its time, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo
    echo "sendhub $(git rev-parse --short HEAD 2>/dev/null || echo unknown) on SQLite; $what ($(curl -fs "$base$path" -H "$auth" | wc -c) bytes)."
    echo "perf record -F 499 --call-graph dwarf for ${DURATION} s of wrk -t2 -c100 ($rate req/s while sampled); $(nproc) cores; $(uname -r)."
    echo "Command: ./sendhub.sh bench profile $MEASURE. Columns: time in the function and what it calls, time in the function itself."
    echo
    echo '```'
    echo "$top"
    echo '```'
} > "$out"
echo "written: $out"
