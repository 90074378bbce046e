# Sourced by test and benchmark scripts: a throwaway PostgreSQL cluster (Debian's
# postgresql-15) in a temporary directory on a free loopback port, removed on exit.
#   pg_cluster_start [durable]   sets PG_URL=postgresql://sendhub@127.0.0.1:PORT
#   pg_cluster_stop              stops it and removes its directory (callers trap EXIT)
#   pg_cluster_createdb NAME     prints the URL of a new, empty database
# Tests run with fsync off (a crashed test cluster is thrown away anyway); "durable" keeps
# PostgreSQL's defaults, for benchmarks that should pay for durability like SQLite does.

pg_cluster_bin() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found (apt install postgresql-15)" >&2; return 1; }
    echo "$bin"
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# initdb and postgres refuse to run as root: as root, run them as the postgres user.
pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_cluster_start() {
    local durable="${1:-}" options
    PG_BIN=$(pg_cluster_bin)
    PG_DIR=$(mktemp -d /tmp/sendhub-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR"
    PG_PORT=$(free_port)
    pg_as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U sendhub --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
        >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; return 1; }
    options="-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200"
    [ "$durable" = durable ] || options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -o "$options" start >/dev/null ||
        { cat "$PG_DIR/server.log" >&2; return 1; }
    PG_URL="postgresql://sendhub@127.0.0.1:$PG_PORT"
}

pg_cluster_createdb() {
    "$PG_BIN/psql" -q -v ON_ERROR_STOP=1 "$PG_URL/postgres" -c "CREATE DATABASE $1" >/dev/null
    echo "$PG_URL/$1"
}

pg_cluster_stop() {
    [ -n "${PG_DIR:-}" ] || return 0
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
    PG_DIR=""
}
