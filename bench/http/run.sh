#!/usr/bin/env bash
# HTTP benchmark: wrk at 100 keep-alive connections against
#   1. sendhub: GET /api/v1/schools/{urn} with a bearer token (session lookup + SQLite read + JSON)
#   2. nginx: the same JSON body as a static file
# in the same run, on loopback. Prints req/s, p50, p99 and the ratio; writes bench/results/.
# Not a timed test: run it by hand (./sendhub.sh bench) on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-100}
THREADS=${THREADS:-2}
BIN=build/sendhub

work=$(mktemp -d)
chmod 755 "$work"  # nginx workers drop root and must read the static file
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_for() { for _ in $(seq 100); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "not up: $1" >&2; cat "$work"/*.log "$work"/nginx/*.log 2>/dev/null >&2; exit 1; }

db="sqlite:$work/bench.db"
port=$(free_port)
$BIN migrate --db "$db" >/dev/null
echo 'benchmark-password-1' | $BIN user add --db "$db" --email bench@example.org --name Bench --role coordinator >/dev/null
$BIN serve --db "$db" --listen "127.0.0.1:$port" --static build/static --no-access-log $SENDHUB_BENCH_FLAGS >"$work/sendhub.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$port/healthz"
base="http://127.0.0.1:$port"
token=$(curl -fs -X POST "$base/api/v1/login" -d '{"email":"bench@example.org","password":"benchmark-password-1"}' |
        python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
curl -fs -X POST "$base/api/v1/schools" -H "Authorization: Bearer $token" \
     -d '{"urn":123641,"name":"Coxley Primary School","postcode":"BA5 1RD","phase":"primary","local_authority":"Somerset"}' >/dev/null
curl -fs "$base/api/v1/schools/123641" -H "Authorization: Bearer $token" > "$work/school.json"

nginx_port=$(free_port)
mkdir -p "$work/nginx/html"
cp "$work/school.json" "$work/nginx/html/school.json"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
daemon off;
events { worker_connections 1024; }
http {
    access_log off;
    keepalive_requests 1000000;
    client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
    uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
    server {
        listen 127.0.0.1:$nginx_port;
        location / { root $work/nginx/html; default_type application/json; }
    }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" 2>"$work/nginx/stderr.log" &
pids+=($!)
wait_for "http://127.0.0.1:$nginx_port/school.json"

# wrk prints latency percentiles with --latency; we read 50% and 99% and Requests/sec.
measure() {
    local name=$1; shift
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" > "$work/$name.txt"
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/$name.txt")
    p50=$(awk '$1=="50%" {print $2}' "$work/$name.txt")
    p99=$(awk '$1=="99%" {print $2}' "$work/$name.txt")
    errors=$(awk '/Non-2xx/ {print $4}' "$work/$name.txt")
    echo "$name $rps $p50 $p99 ${errors:-0}"
}

# Warm both (SQLite page cache, connection pools), then measure.
wrk -t1 -c10 -d2s -H "Authorization: Bearer $token" "$base/api/v1/schools/123641" >/dev/null
wrk -t1 -c10 -d2s "http://127.0.0.1:$nginx_port/school.json" >/dev/null
read -r _ s_rps s_p50 s_p99 s_err < <(measure sendhub -H "Authorization: Bearer $token" "$base/api/v1/schools/123641")
read -r _ n_rps n_p50 n_p99 n_err < <(measure nginx "http://127.0.0.1:$nginx_port/school.json")
ratio=$(python3 -c "print(f'{$s_rps / $n_rps:.2f}')")

stamp=$(date -u +%Y-%m-%dT%H:%M:%SZ)
table=$(cat <<TABLE
| target | req/s | p50 | p99 | non-2xx |
|---|---:|---:|---:|---:|
| sendhub GET /api/v1/schools/{urn} (bearer) | $s_rps | $s_p50 | $s_p99 | $s_err |
| nginx static JSON | $n_rps | $n_p50 | $n_p99 | $n_err |

sendhub / nginx req/s ratio: **$ratio** (aim: at least 0.5; p99 under 10 ms)
TABLE
)
echo "$table"
out="bench/results/http-$(date -u +%Y%m%d-%H%M%S).md"
{
    echo "# HTTP benchmark, $stamp"
    echo
    echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION on loopback; $(nproc) cores; $(uname -r)."
    echo "sendhub $(git rev-parse --short HEAD 2>/dev/null || echo unknown), access log off; nginx $(nginx -v 2>&1 | cut -d/ -f2), access log off."
    echo
    echo "$table"
} > "$out"
cp "$out" bench/results/http-latest.md
echo "written: $out"
