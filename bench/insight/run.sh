#!/usr/bin/env bash
# England's census figures (GET /api/v1/insight/england) on both engines: the census is
# imported into a fresh database, the server warmed, then 200 reads are timed one after
# another and the median and 95th percentile printed and written to bench/results/.
# Usage: bench/insight/run.sh [BUILD_DIR]   (SENDHUB_SHARED_DATA names the DfE files)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
BIN="$build/sendhub"
shared=${SENDHUB_SHARED_DATA:-../shared/data}
source tests/support/pg_cluster.sh
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; pg_cluster_stop; rm -rf "$work"; }
trap cleanup EXIT

measure() {  # measure ENGINE DB_URL
    local engine=$1 db=$2 port
    $BIN migrate --db "$db" >/dev/null
    $BIN import census --db "$db" --shared-data "$shared" >/dev/null
    echo 'benchmark-password-1' | $BIN user add --db "$db" --email bench@example.org --name Bench --role coordinator >/dev/null
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    $BIN serve --db "$db" --listen "127.0.0.1:$port" --no-access-log >"$work/$engine.log" 2>&1 &
    server=$!
    for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
    local token
    token=$(curl -fs -X POST "http://127.0.0.1:$port/api/v1/login" \
        -d '{"email":"bench@example.org","password":"benchmark-password-1"}' |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
    local url="http://127.0.0.1:$port/api/v1/insight/england"
    for _ in $(seq 20); do curl -fs -o /dev/null -H "Authorization: Bearer $token" "$url"; done
    for _ in $(seq 200); do
        curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$url"
    done | sort -n | awk -v engine="$engine" '{t[NR]=$1*1000} END {
        printf "| %s | %d | %.1f | %.1f |\n", engine, NR, t[int(NR*0.5)], t[int(NR*0.95)] }'
    kill "$server"; wait "$server" 2>/dev/null || true; server=""
}

pg_cluster_start durable
{
    echo "| Engine | Reads | p50 ms | p95 ms |"
    echo "|---|---|---|---|"
    measure SQLite "sqlite:$work/insight.db"
    measure PostgreSQL "$(pg_cluster_createdb insight_bench)"
} | tee "$work/table.md"

mkdir -p bench/results
out="bench/results/insight-$(date -u +%Y%m%d-%H%M%S).md"
{
    echo "# England's census figures, one read at a time"
    echo
    echo "Commit $(git rev-parse --short HEAD), $(nproc) cores, \`bench/insight/run.sh $build\`."
    echo "GET /api/v1/insight/england (about 24,000 schools; 160 rows added up at import)."
    echo
    cat "$work/table.md"
} > "$out"
cp "$out" bench/results/insight-latest.md
echo "written to $out"
