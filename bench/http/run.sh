#!/usr/bin/env bash
# HTTP benchmark: wrk at 100 keep-alive connections, on loopback, for each engine (SQLite,
# PostgreSQL) with one app instance and with two behind nginx, measuring
#   read:   GET /api/v1/schools/{urn} with a bearer token (session look-up, a read, JSON)
#   page:   GET /requests signed in by cookie, 20 requests listed (session, list query, render)
#   submit: POST /api/v1/requests as a SENCO (validation, a write transaction, audit, outbox)
# and nginx serving the read's JSON body and the page's HTML as static files, as yardsticks:
# each figure is printed beside its ratio to nginx serving the same bytes. The server's
# resident memory is printed idle (after start-up) and after the load.
# PostgreSQL runs with its durable defaults (fsync on), as SQLite runs synchronous=FULL.
# Prints a table and writes bench/results/. Not a timed test: run it by hand
# (./sendhub.sh bench) on a quiet machine. ENGINES="sqlite" or INSTANCES="1" narrow it.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-100}
THREADS=${THREADS:-2}
ENGINES=${ENGINES:-"sqlite postgresql"}
INSTANCES=${INSTANCES:-"1 2"}
BIN=$ROOT/build/sendhub
source tests/support/pg_cluster.sh
source bench/http/seed.sh

work=$(mktemp -d)
chmod 755 "$work"  # nginx workers drop root and must read the static file
pids=()
stop_processes() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=(); }
cleanup() { stop_processes; pg_cluster_stop; rm -rf "$work"; }
trap cleanup EXIT

wait_for() { for _ in $(seq 100); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "not up: $1" >&2; cat "$work"/*.log >&2; exit 1; }

nginx_main_conf() {  # nginx_main_conf DIR SERVER_BLOCKS: a self-contained nginx.conf in DIR
    mkdir -p "$1"
    cat > "$1/nginx.conf" <<CONF
worker_processes auto;
pid $1/nginx.pid;
error_log $1/error.log;
daemon off;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_requests 1000000;
    client_body_temp_path $1; proxy_temp_path $1; fastcgi_temp_path $1; uwsgi_temp_path $1; scgi_temp_path $1;
    $2
}
CONF
    nginx -c "$1/nginx.conf" -p "$1" 2>"$1/stderr.log" &
    pids+=($!)
}

# wrk prints latency percentiles with --latency; we read Requests/sec, 50% and 99%.
measure() {
    local name=$1; shift
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" > "$work/$name.txt"
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/$name.txt")
    p50=$(awk '$1=="50%" {print $2}' "$work/$name.txt")
    p99=$(awk '$1=="99%" {print $2}' "$work/$name.txt")
    errors=$(awk '/Non-2xx/ {print $5}' "$work/$name.txt")
    echo "$rps $p50 $p99 ${errors:-0}"
}

rows=()
memory_rows=()
app_pids=()
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
# Requests a second per engine, instances and measure, for the ratios.
declare -A rate
row() { rate["$1 $2 $3"]=$4;  rows+=("| $1 | $2 | $3 | $4 | $5 | $6 | $7 |"); printf '%-11s %-9s %-7s %10s %9s %9s %6s\n' "$@"; }

# run_engine ENGINE N: a fresh database, N instances (behind nginx when N > 1), three measures.
run_engine() {
    local engine=$1 n=$2 db base
    if [ "$engine" = sqlite ]; then
        db="sqlite:$work/bench-$n.db"
    else
        [ -n "${PG_URL:-}" ] || pg_cluster_start durable
        db=$(pg_cluster_createdb "bench_$n")
        # On one box the app reaches PostgreSQL through its Unix socket, as a single-server
        # install would; PG_TCP=1 measures loopback TCP instead, as between machines.
        [ -n "${PG_TCP:-}" ] || db="postgresql://sendhub@/bench_$n?host=$PG_DIR&port=$PG_PORT"
    fi
    $BIN migrate --db "$db" >/dev/null
    echo 'benchmark-password-1' | $BIN user add --db "$db" --email bench@example.org --name Bench --role coordinator >/dev/null
    local ports=() i
    app_pids=()
    for i in $(seq "$n"); do
        ports+=($(free_port))
        $BIN serve --db "$db" --listen "127.0.0.1:${ports[-1]}" --static build/static --no-access-log \
            --mail-dir "$work/mail" ${SENDHUB_BENCH_FLAGS:-} >"$work/sendhub-$engine-$n-$i.log" 2>&1 &
        pids+=($!)
        app_pids+=($!)
        wait_for "http://127.0.0.1:${ports[-1]}/healthz"
    done
    base="http://127.0.0.1:${ports[0]}"
    if [ "$n" -gt 1 ]; then
        local lb_port upstream="" p
        lb_port=$(free_port)
        for p in "${ports[@]}"; do upstream="$upstream server 127.0.0.1:$p;"; done
        nginx_main_conf "$work/lb-$engine-$n" "upstream sendhub { $upstream keepalive 256; }
    server { listen 127.0.0.1:$lb_port; location / { proxy_pass http://sendhub; proxy_http_version 1.1;
             proxy_set_header Connection \"\"; proxy_set_header Host \$http_host; } }"
        base="http://127.0.0.1:$lb_port"
        wait_for "$base/healthz"
    fi

    local token senco_token cookie
    seed_bench "$base" "$db"
    curl -fs "$base/api/v1/schools/123641" -H "Authorization: Bearer $token" > "$work/school.json"
    curl -fs "$base/requests" -H "Cookie: $cookie" > "$work/page.html"

    local idle_kib=0 loaded_kib=0 p
    for p in "${app_pids[@]}"; do idle_kib=$((idle_kib + $(rss_kib "$p"))); done
    # Warm caches and connection pools, then measure.
    wrk -t1 -c10 -d2s -H "Authorization: Bearer $token" "$base/api/v1/schools/123641" >/dev/null
    local r
    r=$(measure "read-$engine-$n" -H "Authorization: Bearer $token" "$base/api/v1/schools/123641"); row "$engine" "$n" read $r
    r=$(measure "page-$engine-$n" -H "Cookie: $cookie" "$base/requests"); row "$engine" "$n" page $r
    r=$(measure "submit-$engine-$n" -s bench/http/submit.lua -H "Authorization: Bearer $senco_token" "$base/api/v1/requests"); row "$engine" "$n" submit $r
    for p in "${app_pids[@]}"; do loaded_kib=$((loaded_kib + $(rss_kib "$p"))); done
    memory_rows+=("| $engine | $n | $((idle_kib / 1024)) MB | $((loaded_kib / 1024)) MB |")
    printf 'memory     %-9s idle %d MB, after the load %d MB (all instances)\n' "$n" $((idle_kib / 1024)) $((loaded_kib / 1024))
    stop_processes
}

printf '%-11s %-9s %-7s %10s %9s %9s %6s\n' engine instances measure req/s p50 p99 non-2xx
for engine in $ENGINES; do
    for n in $INSTANCES; do run_engine "$engine" "$n"; done
done

# The yardsticks: nginx serving the read's JSON body and the page's HTML from files.
nginx_port=$(free_port)
mkdir -p "$work/static/html"
cp "$work/school.json" "$work/static/html/school.json"
cp "$work/page.html" "$work/static/html/page.html"
nginx_main_conf "$work/static" "server { listen 127.0.0.1:$nginx_port; location / { root $work/static/html; default_type application/json; } location = /page.html { root $work/static/html; default_type text/html; } }"
wait_for "http://127.0.0.1:$nginx_port/school.json"
wrk -t1 -c10 -d2s "http://127.0.0.1:$nginx_port/school.json" >/dev/null
r=$(measure nginx-json "http://127.0.0.1:$nginx_port/school.json"); row nginx - "static JSON" $r
r=$(measure nginx-page "http://127.0.0.1:$nginx_port/page.html"); row nginx - "static page" $r

# Ratios: each read and page against nginx serving the same bytes; PostgreSQL against SQLite.
ratio() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print(f'{a/b:.2f}×' if b else 'n/a')" "$1" "$2"; }
ratio_rows=()
echo
for key in "${!rate[@]}"; do
    read -r engine n measure <<<"$key"
    case $measure in
        read) yard=${rate["nginx - static JSON"]} what="nginx serving the same JSON" ;;
        page) yard=${rate["nginx - static page"]} what="nginx serving the same HTML ($(wc -c <"$work/page.html") bytes)" ;;
        *) continue ;;
    esac
    line="| $engine | $n | $measure | $(ratio "${rate[$key]}" "$yard") of $what |"
    if [ "$engine" = postgresql ] && [ -n "${rate["sqlite $n $measure"]:-}" ]; then
        line="$line $(ratio "${rate[$key]}" "${rate["sqlite $n $measure"]}") of SQLite |"
    else
        line="$line |"
    fi
    ratio_rows+=("$line")
done
IFS=$'\n' ratio_rows=($(sort <<<"${ratio_rows[*]}")); unset IFS
printf '%s\n' "${ratio_rows[@]}"

stamp=$(date -u +%Y-%m-%dT%H:%M:%SZ)
out="bench/results/http-$(date -u +%Y%m%d-%H%M%S).md"
{
    echo "# HTTP benchmark, $stamp"
    echo
    echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION on loopback; $(nproc) cores shared by wrk, nginx, the instances and PostgreSQL; $(uname -r)."
    echo "sendhub $(git rev-parse --short HEAD 2>/dev/null || echo unknown), access log off; two instances sit behind nginx (plain HTTP);"
    echo "PostgreSQL $("$(pg_cluster_bin)/postgres" --version | awk '{print $3}') with fsync on; SQLite WAL, synchronous=FULL."
    echo "read: GET /api/v1/schools/{urn} (bearer). page: GET /requests (cookie). submit: POST /api/v1/requests (SENCO)."
    echo
    echo "| engine | instances | measure | req/s | p50 | p99 | non-2xx |"
    echo "|---|---:|---|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "| engine | instances | measure | against nginx | against SQLite |"
    echo "|---|---:|---|---|---|"
    printf '%s\n' "${ratio_rows[@]}"
    echo
    echo "Resident memory of the sendhub processes (VmRSS), idle after start-up and after the three loads:"
    echo
    echo "| engine | instances | idle | after the load |"
    echo "|---|---:|---:|---:|"
    printf '%s\n' "${memory_rows[@]}"
    echo
    echo "Command: ENGINES=\"$ENGINES\" INSTANCES=\"$INSTANCES\" DURATION=$DURATION ./sendhub.sh bench http"
} > "$out"
cp "$out" bench/results/http-latest.md
echo "written: $out"
