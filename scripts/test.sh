#!/usr/bin/env bash
# `make test`: set-up, a fresh test database, lint (ruff, pylint-odoo) and the whole test suite
# through pytest-odoo. pytest runs last so that its summary line closes the output.
source "$(dirname "$0")/lib.sh"
setup_all

TEST_DB=${MENTORSHIP_TEST_DB:-mentorship_test}
CONFIG=$MENTORSHIP_HOME/test-$TEST_DB.conf
write_config "$CONFIG" "$TEST_DB"
export MENTORSHIP_ODOO_CONFIG=$CONFIG MENTORSHIP_TEST_DB=$TEST_DB ODOO_RC=$CONFIG

status=0
log "Lint: ruff"
ruff check "$REPO_DIR" || status=1
ruff format --check "$REPO_DIR" || status=1
log "Lint: pylint-odoo"
pylint --rcfile="$REPO_DIR/.pylintrc" "$REPO_DIR"/mentorship_odoo* || status=1

log "Fresh test database $TEST_DB"
dropdb -U "$DB_USER" --if-exists "$TEST_DB"
odoo_bin -c "$CONFIG" -d "$TEST_DB" -i "${MENTORSHIP_TEST_MODULES:-mentorship_odoo,mentorship_odoo_payroll}" --without-demo=all \
  --stop-after-init --log-level=warn || die "Installing the addons in $TEST_DB failed."

log "Tests (pytest-odoo)"
cd "$REPO_DIR"
pytest_status=0
[ $# -gt 0 ] || set -- mentorship_odoo/tests mentorship_odoo_payroll/tests tests
python -m pytest -p no:cacheprovider --odoo-config="$CONFIG" --odoo-database="$TEST_DB" --odoo-http "$@" ||
  pytest_status=$?
[ "$status" = 0 ] || log "Lint failed: see above."
[ "$pytest_status" = 0 ] || exit "$pytest_status"
exit "$status"
