#!/usr/bin/env bash
# `make bench-portal`: server time of every portal page and SQL queries of the /my counters, with
# 10,000 pairs, for a portal user with 3 pairs and 50 meetings (targets: 300 ms a page, 8 queries).
# Uses a database of its own, MENTORSHIP_BENCH_PORTAL_DB, by default
# ${MENTORSHIP_BENCH_DB:-mentorship_bench}_portal, with mentorship_odoo and mentorship_odoo_portal
# installed: created on the first run and updated only when the addons' source changes (or with
# MENTORSHIP_BENCH_REBUILD=1 rebuilt). The benchmark data is built in a transaction that is rolled
# back, so the database stays as installed.
source "$(dirname "$0")/lib.sh"
setup_all

BENCH_DB=${MENTORSHIP_BENCH_PORTAL_DB:-${MENTORSHIP_BENCH_DB:-mentorship_bench}_portal}
CONFIG=$MENTORSHIP_HOME/bench-portal.conf
write_config "$CONFIG" "$BENCH_DB"

ensure_bench_db "$BENCH_DB" "$CONFIG" mentorship_odoo,mentorship_odoo_portal
cd "$REPO_DIR"
"$VENV/bin/python" tests/benchmarks/bench_portal.py -c "$CONFIG" -d "$BENCH_DB" "$@"
