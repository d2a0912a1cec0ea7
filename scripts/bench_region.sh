#!/usr/bin/env bash
# `make bench-region`: the screens of the Mentoring app and pair health with a region's data
# (100 organisations, 100,000 participants, 50,000 pairs, 500,000 meetings, 150,000 activities).
# Its database is its own: MENTORSHIP_BENCH_REGION_DB, by default ${MENTORSHIP_BENCH_DB:-mentorship_bench}_region,
# built once (install, then the region by SQL; rebuilt when the generator changes or with
# MENTORSHIP_BENCH_REBUILD=1, updated in place when the addons change) and reused: every
# measurement is rolled back.
source "$(dirname "$0")/lib.sh"
setup_all

BENCH_DB=${MENTORSHIP_BENCH_REGION_DB:-${MENTORSHIP_BENCH_DB:-mentorship_bench}_region}
CONFIG=$MENTORSHIP_HOME/bench-region.conf
write_config "$CONFIG" "$BENCH_DB"

# The region is rebuilt when its generator changes (or with MENTORSHIP_BENCH_REBUILD=1); when only
# the addons change, they are updated in place and the region's data is kept.
hash_of() { (cd "$REPO_DIR" && find "$@" \( -name '*.py' -o -name '*.xml' -o -name '*.csv' \) -print0 |
  sort -z | xargs -0 cat | sha1sum | cut -c1-16); }
generator_hash=$(hash_of tests/benchmarks/bench_region.py)
addons_hash=$(hash_of mentorship_odoo mentorship_odoo_payroll)
param() {
  psql -U "$DB_USER" -d "$BENCH_DB" -tAc "SELECT value FROM ir_config_parameter WHERE key = '$1'" 2>/dev/null || true
}
built_generator="" built_addons=""
if db_exists "$BENCH_DB"; then
  built_generator=$(param mentorship_odoo.bench_region_generator)
  built_addons=$(param mentorship_odoo.bench_source)
fi
if [ "${MENTORSHIP_BENCH_REBUILD:-0}" = 1 ] || [ "$built_generator" != "$generator_hash" ]; then
  log "Building the region database $BENCH_DB (install, then the region by SQL; a few minutes)…"
  dropdb -U "$DB_USER" --if-exists "$BENCH_DB"
  odoo_bin -c "$CONFIG" -d "$BENCH_DB" -i mentorship_odoo,mentorship_odoo_payroll --without-demo=all --stop-after-init --log-level=warn ||
    die "Installing mentorship_odoo and mentorship_odoo_payroll in $BENCH_DB failed."
  "$VENV/bin/python" "$REPO_DIR/tests/benchmarks/bench_region.py" --config "$CONFIG" --database "$BENCH_DB" \
    build --orgs "${MENTORSHIP_BENCH_ORGS:-100}" || die "Building the region failed."
  # The visibility map and statistics of a database just filled, as autovacuum would leave them
  # some minutes later (the system catalogs are the superuser's: their warnings are not shown).
  psql -U "$DB_USER" -d "$BENCH_DB" -q -c "SET client_min_messages = error" -c "VACUUM ANALYZE"
elif [ "$built_addons" != "$addons_hash" ]; then
  log "Updating the addons in the region database $BENCH_DB (its data is kept)"
  odoo_bin -c "$CONFIG" -d "$BENCH_DB" -u mentorship_odoo,mentorship_odoo_payroll --stop-after-init --log-level=warn ||
    die "Updating mentorship_odoo and mentorship_odoo_payroll in $BENCH_DB failed."
else
  log "Reusing the region database $BENCH_DB"
fi
psql -U "$DB_USER" -d "$BENCH_DB" -qc \
  "INSERT INTO ir_config_parameter (key, value) VALUES
     ('mentorship_odoo.bench_source', '$addons_hash'), ('mentorship_odoo.bench_region_generator', '$generator_hash')
   ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"
# Every measurement is rolled back, and rolled-back rows stay in the tables and their indexes until
# a vacuum (autovacuum may be off, or not yet there): clear those of the last run first.
psql -U "$DB_USER" -d "$BENCH_DB" -q -c "SET client_min_messages = error" -c \
  "VACUUM ANALYZE mentorship_allowance, mentorship_allowance_line, mentorship_allowance_line_leave_rel,
   mentorship_allowance_line_absence_rel, mentorship_allowance_check, mentorship_allowance_policy,
   mentorship_pair, hr_payslip, hr_payslip_line, hr_payslip_run"
cd "$REPO_DIR"
"$VENV/bin/python" tests/benchmarks/bench_region.py --config "$CONFIG" --database "$BENCH_DB" run
