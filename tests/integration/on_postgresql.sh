#!/usr/bin/env bash
# Runs the integration suite (argument 1, the test binary) against PostgreSQL: a throwaway
# cluster is started for it and removed afterwards. Each test server gets its own database.
set -euo pipefail
source "$(dirname "$0")/../support/pg_cluster.sh"
trap pg_cluster_stop EXIT
pg_cluster_start
SENDHUB_TEST_POSTGRES="$PG_URL" "$@"
