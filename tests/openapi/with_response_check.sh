#!/usr/bin/env bash
# Runs an integration test binary (and its arguments) with every JSON answer it receives
# logged, then checks each answer against docs/openapi.yaml (check_responses.mjs).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
SENDHUB_RESPONSE_LOG="$log" "$@"
node "$here/check_responses.mjs" "$log" "$here/../../docs/openapi.yaml"
