#!/usr/bin/env bash
# `make bench-health`: the pair-health benchmark of issue #4 (10,000 pairs, 100,000 meetings).
# Its databases are its own: MENTORSHIP_BENCH_HEALTH_DB, by default ${MENTORSHIP_BENCH_DB:-mentorship_bench}_health.
# The data is built once into the template database <that name>_tpl (plain SQL, rebuilt when the
# addon's source changes or with MENTORSHIP_BENCH_REBUILD=1); every run measures a fresh copy of it,
# rolls the measurement back and drops the copy, so nothing it commits outlives the template cache.
source "$(dirname "$0")/lib.sh"
setup_all

BENCH_DB=${MENTORSHIP_BENCH_HEALTH_DB:-${MENTORSHIP_BENCH_DB:-mentorship_bench}_health}
TEMPLATE_DB=${BENCH_DB}_tpl
CONFIG=${MENTORSHIP_BENCH_CONFIG:-$MENTORSHIP_HOME/bench-health.conf}
write_config "$CONFIG" "$BENCH_DB"

source_hash=$(cd "$REPO_DIR" && find mentorship_odoo \( -name '*.py' -o -name '*.xml' -o -name '*.csv' \) -print0 |
  sort -z | xargs -0 cat | sha1sum | cut -c1-16)
built_hash=""
if db_exists "$TEMPLATE_DB"; then
  built_hash=$(psql -U "$DB_USER" -d "$TEMPLATE_DB" -tAc \
    "SELECT value FROM ir_config_parameter WHERE key = 'mentorship_odoo.bench_source'" 2>/dev/null || true)
fi
if [ "${MENTORSHIP_BENCH_REBUILD:-0}" = 1 ] || [ "$built_hash" != "$source_hash" ]; then
  log "Building the benchmark template database $TEMPLATE_DB (install, then 10,000 pairs by SQL)…"
  dropdb -U "$DB_USER" --if-exists "$TEMPLATE_DB"
  odoo_bin -c "$CONFIG" -d "$TEMPLATE_DB" -i mentorship_odoo --without-demo=all --stop-after-init --log-level=warn ||
    die "Installing mentorship_odoo in $TEMPLATE_DB failed."
  "$VENV/bin/python" "$REPO_DIR/tests/benchmarks/bench_health.py" --config "$CONFIG" --database "$TEMPLATE_DB" \
    build --pairs "${MENTORSHIP_BENCH_PAIRS:-10000}" --meetings-per-pair 10 || die "Building the benchmark data failed."
  psql -U "$DB_USER" -d "$TEMPLATE_DB" -qc \
    "INSERT INTO ir_config_parameter (key, value) VALUES ('mentorship_odoo.bench_source', '$source_hash')"
else
  log "Reusing the benchmark template database $TEMPLATE_DB"
fi
dropdb -U "$DB_USER" --if-exists "$BENCH_DB"
createdb -U "$DB_USER" -T "$TEMPLATE_DB" "$BENCH_DB" || die "Copying $TEMPLATE_DB to $BENCH_DB failed."
trap 'dropdb -U "$DB_USER" --if-exists "$BENCH_DB" || log "Could not drop the working copy $BENCH_DB."' EXIT
"$VENV/bin/python" "$REPO_DIR/tests/benchmarks/bench_health.py" --config "$CONFIG" --database "$BENCH_DB" run
