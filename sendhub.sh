#!/usr/bin/env bash
# sendhub's one entry point for people and CI.
#   ./sendhub.sh serve   install what is missing, build, migrate, load demo data once, serve
#   ./sendhub.sh test    install what is missing, build (normal + ASan/UBSan), run every suite
#   ./sendhub.sh bench   run the HTTP benchmark (bench/http); "bench planner" runs bench/planner,
#                        "bench profile [page|read]" writes where a request's time goes (bench/http/profile.sh)
#   ./sendhub.sh build   install and build only
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

# Debian packages the build, the server and the tests need.
APT_PACKAGES=(
    build-essential cmake pkg-config git ca-certificates
    librestinio-dev libasio-dev libhttp-parser-dev libfmt-dev
    libsqlite3-dev libargon2-dev libssl-dev nlohmann-json3-dev libkainjow-mustache-dev
    libgtest-dev libgmock-dev libcurl4-openssl-dev libcairo2-dev libpango1.0-dev libxlsxwriter-dev libqrencode-dev libzip-dev libglpk-dev coinor-libcbc-dev liblemon-dev libjemalloc-dev fonts-dejavu-core
    libpq-dev postgresql-15 postgresql-client-15 nginx-light openssl
    poppler-utils chromium curl python3 clang-format clang-tidy-16
)
BENCH_PACKAGES=(wrk linux-perf)

log() { printf '\033[1msendhub:\033[0m %s\n' "$*" >&2; }

missing_packages() {
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
    done
}

# Installs only what is missing, so a second run installs nothing and never runs apt-get update.
ensure_packages() {
    local missing
    mapfile -t missing < <(missing_packages "$@")
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        missing+=(nodejs npm)
    fi
    if [ ${#missing[@]} -gt 0 ]; then
        log "installing Debian packages: ${missing[*]}"
        local sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

ensure_node_modules() {
    # package-lock.json pins every front-end package; reinstall only when it changed.
    if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
        log "installing npm packages"
        npm ci --no-audit --no-fund --loglevel=error >/dev/null
    fi
}

build_assets() {
    local out="$1/static"
    mkdir -p "$out"
    if [ ! -f "$out/sendhub.css" ] || [ -n "$(find frontend -newer "$out/sendhub.css" -print -quit)" ]; then
        log "compiling GOV.UK Frontend styles"
        npx --no-install sass --no-source-map --style=compressed --load-path=node_modules \
            --quiet-deps --silence-deprecation=import frontend/sendhub.scss "$out/sendhub.css"
    fi
    cp -u node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js "$out/govuk-frontend.min.js"
    cp -u frontend/app.js "$out/app.js"
}

jobs() { nproc 2>/dev/null || echo 2; }

# build DIR [TARGET] [cmake options…]: TARGET "all" builds the tests too.
build() {
    local dir="$1" target="${2:-all}"; shift 2 || shift $#
    # Chained with &&, not left to set -e: cmd_test runs a build where set -e does not apply.
    cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null &&
        cmake --build "$dir" -j "$(jobs)" --target "$target" &&
        build_assets "$dir"
}

prepare() {
    ensure_packages "${APT_PACKAGES[@]}"
    ensure_node_modules
}

shared_data_dir() {
    local d
    for d in "${SENDHUB_SHARED_DATA:-}" "$ROOT/../shared/data" "$ROOT/shared/data"; do
        [ -n "$d" ] && [ -f "$d/schools/england_school_coords_2024-25.csv" ] && { echo "$d"; return; }
    done
    echo ""
}

cmd_serve() {
    prepare
    build build sendhub
    local db="${SENDHUB_DB:-sqlite:data/sendhub.db}"
    mkdir -p data
    ./build/sendhub migrate --db "$db"
    if ! ./build/sendhub demo --db "$db" --check >/dev/null 2>&1; then
        log "first run: loading demo data"
        ./build/sendhub demo --db "$db" --shared-data "$(shared_data_dir)"
    fi
    exec ./build/sendhub serve --db "$db" --listen "${SENDHUB_LISTEN:-127.0.0.1:8080}" --static build/static "$@"
}

# The suites mostly wait (on Chromium, on fsync, on servers starting), while the sanitizer build
# keeps both cores busy; one after another they left a core idle for most of CI's hour. So
# after the normal build two lanes run at once: the normal build's suites two at a time
# (printed when they end), and the sanitizer build then its suites. clang-tidy needs both cores
# for its thirteen minutes and runs last, on its own.
cmd_test() {
    prepare
    log "building (RelWithDebInfo)"
    build build
    export SENDHUB_SHARED_DATA="$(shared_data_dir)"
    local logs
    logs=$(mktemp -d)
    log "running the normal build's suites while the sanitizer build compiles and runs its own"
    (cd build && ctest --output-on-failure -j2 -E '^tidy$') >"$logs/suites" 2>&1 &
    local suites=$!
    trap 'kill $suites 2>/dev/null || true' EXIT
    local status=0
    log "building with AddressSanitizer + UndefinedBehaviorSanitizer"
    if build build-asan all -DSENDHUB_SANITIZE=ON; then
        log "running tests under ASan/UBSan"
        (cd build-asan && ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS="suppressions=$ROOT/tests/support/lsan.supp" \
            UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j2) || status=1
    else
        status=1
    fi
    wait "$suites" || status=1
    trap - EXIT
    log "tests of the normal build"
    cat "$logs/suites"
    rm -rf "$logs"
    log "clang-tidy"
    (cd build && ctest --output-on-failure -R '^tidy$') || status=1
    return $status
}

cmd_bench() {
    prepare
    case "${1:-http}" in
        planner) shift; build build sendhub_planner_bench; bench/planner/run.sh "$@" ;;
        http) [ $# -gt 0 ] && shift; ensure_packages "${BENCH_PACKAGES[@]}"; build build sendhub; bench/http/run.sh "$@" ;;
        profile) shift; ensure_packages "${BENCH_PACKAGES[@]}"; build build sendhub; bench/http/profile.sh "$@" ;;
        *) echo "usage: $0 bench [http|planner|profile]" >&2; exit 2 ;;
    esac
}

case "${1:-}" in
    serve) shift; cmd_serve "$@" ;;
    test) shift; cmd_test "$@" ;;
    bench) shift; cmd_bench "$@" ;;
    build) shift; prepare; build build all ;;
    *) echo "usage: $0 serve|test|bench|build" >&2; exit 2 ;;
esac
