#!/usr/bin/env bash
# `make bench-kpi`: every indicator of a programme with 20,000 participants and 10,000 pairs
# (target: at most 2 s). Uses its own database with mentorship_odoo installed (created on the first
# run); the benchmark data is built in a transaction that is rolled back.
source "$(dirname "$0")/lib.sh"
setup_all

BENCH_DB=${MENTORSHIP_BENCH_DB:-mentorship_bench}
CONFIG=$MENTORSHIP_HOME/bench.conf
write_config "$CONFIG" "$BENCH_DB"
if ! db_exists "$BENCH_DB" || ! psql -U "$DB_USER" -d "$BENCH_DB" -tAc \
  "SELECT 1 FROM ir_module_module WHERE name = 'mentorship_odoo' AND state = 'installed'" | grep -q 1; then
  log "Creating the benchmark database $BENCH_DB"
  dropdb -U "$DB_USER" --if-exists "$BENCH_DB"
  odoo_bin -c "$CONFIG" -d "$BENCH_DB" -i mentorship_odoo --without-demo=all --stop-after-init \
    --log-level=warn || die "Installing mentorship_odoo in $BENCH_DB failed."
else
  odoo_bin -c "$CONFIG" -d "$BENCH_DB" -u mentorship_odoo --stop-after-init --log-level=warn ||
    die "Updating mentorship_odoo in $BENCH_DB failed."
fi
cd "$REPO_DIR"
python tests/benchmarks/bench_kpi.py -c "$CONFIG" -d "$BENCH_DB" "$@"
