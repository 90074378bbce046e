#!/usr/bin/env bash
# Term planner benchmark (issue 7): generated instances from the school register and outcode
# centroids, solved by the planner and by COIN-OR CBC with a time limit. Prints a table and
# writes bench/results/planner-latest.md. Not a timed test: ./sendhub.sh bench planner.
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${SENDHUB_SHARED_DATA:-../shared/data}
limit=${EXACT_LIMIT:-300}
cmake --build build --target sendhub_planner_bench -j2 >/dev/null
build/sendhub_planner_bench "$data" bench/results --exact-limit "$limit"
cp bench/results/planner-latest.md "bench/results/planner-$(date +%Y%m%d-%H%M%S).md"
