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

source_hash=$(cd "$REPO_DIR" && find mentorship_odoo mentorship_odoo_portal \( -name '*.py' -o -name '*.xml' -o -name '*.csv' \) -print0 |
  sort -z | xargs -0 cat | sha1sum | cut -c1-16)
installed=""
built_hash=""
if db_exists "$BENCH_DB"; then
  installed=$(psql -U "$DB_USER" -d "$BENCH_DB" -tAc \
    "SELECT 1 FROM ir_module_module WHERE name = 'mentorship_odoo_portal' AND state = 'installed'" 2>/dev/null || true)
  built_hash=$(psql -U "$DB_USER" -d "$BENCH_DB" -tAc \
    "SELECT value FROM ir_config_parameter WHERE key = 'mentorship_odoo_portal.bench_source'" 2>/dev/null || true)
fi
if [ "${MENTORSHIP_BENCH_REBUILD:-0}" = 1 ] || [ "$installed" != 1 ]; then
  log "Creating the benchmark database $BENCH_DB"
  dropdb -U "$DB_USER" --if-exists "$BENCH_DB"
  odoo_bin -c "$CONFIG" -d "$BENCH_DB" -i mentorship_odoo,mentorship_odoo_portal --without-demo=all --stop-after-init \
    --log-level=warn || die "Installing mentorship_odoo_portal in $BENCH_DB failed."
elif [ "$built_hash" != "$source_hash" ]; then
  log "Updating the addons in the benchmark database $BENCH_DB"
  odoo_bin -c "$CONFIG" -d "$BENCH_DB" -u mentorship_odoo,mentorship_odoo_portal --stop-after-init --log-level=warn ||
    die "Updating the addons in $BENCH_DB failed."
else
  log "Reusing the benchmark database $BENCH_DB"
fi
psql -U "$DB_USER" -d "$BENCH_DB" -qc \
  "INSERT INTO ir_config_parameter (key, value) VALUES ('mentorship_odoo_portal.bench_source', '$source_hash')
   ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"
cd "$REPO_DIR"
"$VENV/bin/python" tests/benchmarks/bench_portal.py -c "$CONFIG" -d "$BENCH_DB" "$@"
