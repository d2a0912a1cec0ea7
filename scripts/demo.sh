#!/usr/bin/env bash
# `make demo`: set-up, a database with our addons and the Russian demo college, then Odoo on
# http://localhost:8069 (login admin / admin). A second run reuses the database and starts at once;
# MENTORSHIP_DEMO_RESET=1 rebuilds it, MENTORSHIP_DEMO_UPDATE=1 updates our addons in it.
source "$(dirname "$0")/lib.sh"
setup_all

DEMO_DB=${MENTORSHIP_DEMO_DB:-mentorship_demo}
CONFIG=$MENTORSHIP_HOME/demo-$DEMO_DB.conf
write_config "$CONFIG" "$DEMO_DB"

# With OpenEduCat found (scripts/lib.sh), the demo college also gets the student-records bridge and
# its demo data; MENTORSHIP_DEMO_OPENEDUCAT=0 leaves it out.
MODULES=${MENTORSHIP_DEMO_MODULES:-$(our_addons)}
if [ -z "${MENTORSHIP_DEMO_MODULES:-}" ] && [ -n "$OPENEDUCAT_DIR" ] && [ "${MENTORSHIP_DEMO_OPENEDUCAT:-1}" = 1 ]; then
  MODULES=$MODULES,mentorship_odoo_openeducat
fi

installed() {
  db_exists "$DEMO_DB" && psql -U "$DB_USER" -d "$DEMO_DB" -tAc \
    "SELECT 1 FROM ir_module_module WHERE name = 'mentorship_odoo' AND state = 'installed'" 2>/dev/null | grep -q 1
}

if [ "${MENTORSHIP_DEMO_RESET:-0}" = 1 ] || ! installed; then
  log "Creating the demo database $DEMO_DB (about a minute)…"
  dropdb -U "$DB_USER" --if-exists "$DEMO_DB"
  odoo_bin -c "$CONFIG" -d "$DEMO_DB" -i "$MODULES" --load-language=ru_RU \
    --stop-after-init --log-level=warn || die "Creating the demo database failed (see above)."
elif [ "${MENTORSHIP_DEMO_UPDATE:-0}" = 1 ]; then
  odoo_bin -c "$CONFIG" -d "$DEMO_DB" -i "$MODULES" -u "$MODULES" --stop-after-init --log-level=warn
fi

[ "${MENTORSHIP_DEMO_NO_SERVE:-0}" = 1 ] && exit 0
log "Odoo serves the demo college on http://localhost:$HTTP_PORT — login admin / admin (curator: curator / curator, mentor: mentor / mentor)"
exec "$VENV/bin/python" "$ODOO_DIR/odoo-bin" -c "$CONFIG" -d "$DEMO_DB" --db-filter="^$DEMO_DB\$"
