#!/usr/bin/env bash
# `make bench-kpi`: every indicator of a programme with 20,000 participants and 10,000 pairs
# (target: at most 2 s). Uses a database of its own, MENTORSHIP_BENCH_KPI_DB, by default
# ${MENTORSHIP_BENCH_DB:-mentorship_bench}_kpi, with mentorship_odoo installed: created on the first
# run and updated only when the addon's source changes (or with MENTORSHIP_BENCH_REBUILD=1 rebuilt).
# The benchmark data is built in a transaction that is rolled back, so the database stays as installed.
source "$(dirname "$0")/lib.sh"
setup_all

BENCH_DB=${MENTORSHIP_BENCH_KPI_DB:-${MENTORSHIP_BENCH_DB:-mentorship_bench}_kpi}
CONFIG=$MENTORSHIP_HOME/bench-kpi.conf
write_config "$CONFIG" "$BENCH_DB"

ensure_bench_db "$BENCH_DB" "$CONFIG" mentorship_odoo
cd "$REPO_DIR"
"$VENV/bin/python" tests/benchmarks/bench_kpi.py -c "$CONFIG" -d "$BENCH_DB" "$@"
