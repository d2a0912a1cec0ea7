#!/usr/bin/env bash
# `make test`: set-up, a fresh test database, lint (ruff, pylint-odoo) and the whole test suite
# through pytest-odoo. pytest runs last so that its summary line closes the output.
# Bridges to optional platforms (OpenEduCat) get a database of their own and run first; without
# their platform their tests are collected in the main run and reported as skipped with the reason.
source "$(dirname "$0")/lib.sh"
setup_all

TEST_DB=${MENTORSHIP_TEST_DB:-mentorship_test}
CONFIG=$MENTORSHIP_HOME/test-$TEST_DB.conf
write_config "$CONFIG" "$TEST_DB"
export MENTORSHIP_ODOO_CONFIG=$CONFIG MENTORSHIP_TEST_DB=$TEST_DB ODOO_RC=$CONFIG

status=0
if [ "${MENTORSHIP_SKIP_LINT:-0}" != 1 ]; then
  log "Lint: ruff"
  ruff check "$REPO_DIR" || status=1
  ruff format --check "$REPO_DIR" || status=1
  log "Lint: pylint-odoo"
  pylint --rcfile="$REPO_DIR/.pylintrc" "$REPO_DIR"/mentorship_odoo* || status=1
fi

cd "$REPO_DIR"
bridge_status=0
bridge_tests=()
if [ -d "$REPO_DIR/mentorship_odoo_openeducat/tests" ]; then
  if [ -n "$OPENEDUCAT_DIR" ] && { [ $# -eq 0 ] || [[ " $* " == *mentorship_odoo_openeducat* ]]; }; then
    OEC_DB=${TEST_DB}_openeducat
    OEC_CONFIG=$MENTORSHIP_HOME/test-$OEC_DB.conf
    write_config "$OEC_CONFIG" "$OEC_DB"
    log "Fresh test database $OEC_DB (OpenEduCat from $OPENEDUCAT_DIR and the bridge)"
    dropdb -U "$DB_USER" --if-exists "$OEC_DB"
    odoo_bin -c "$OEC_CONFIG" -d "$OEC_DB" -i mentorship_odoo_openeducat --without-demo=all \
      --stop-after-init --log-level=warn || die "Installing OpenEduCat and the bridge in $OEC_DB failed."
    log "Tests of the OpenEduCat bridge (pytest-odoo, database $OEC_DB)"
    ODOO_RC=$OEC_CONFIG MENTORSHIP_ODOO_CONFIG=$OEC_CONFIG python -m pytest -p no:cacheprovider \
      --odoo-config="$OEC_CONFIG" --odoo-database="$OEC_DB" mentorship_odoo_openeducat/tests || bridge_status=$?
  elif [ -z "$OPENEDUCAT_DIR" ]; then
    log "SKIPPED: the OpenEduCat bridge's tests — $OPENEDUCAT_MISSING"
    # Collected in the main run, where they skip themselves with this reason.
    bridge_tests=(mentorship_odoo_openeducat/tests)
  fi
fi
if [ $# -gt 0 ] && [ -n "$OPENEDUCAT_DIR" ]; then
  args=()
  for arg in "$@"; do [[ "$arg" == mentorship_odoo_openeducat* ]] || args+=("$arg"); done
  set -- ${args[@]+"${args[@]}"}
  [ $# -gt 0 ] || { [ "$bridge_status" = 0 ] && exit "$status"; exit "$bridge_status"; }
fi

log "Fresh test database $TEST_DB"
dropdb -U "$DB_USER" --if-exists "$TEST_DB"
odoo_bin -c "$CONFIG" -d "$TEST_DB" -i "${MENTORSHIP_TEST_MODULES:-$(our_addons)}" --without-demo=all \
  --stop-after-init --log-level=warn || die "Installing the addons in $TEST_DB failed."

log "Tests (pytest-odoo)"
pytest_status=0
if [ $# -eq 0 ]; then
  for dir in "$REPO_DIR"/mentorship_odoo*/tests; do
    name=$(basename "$(dirname "$dir")")
    [[ " ${OPTIONAL_BRIDGES[*]} " == *" $name "* ]] || set -- "$@" "$name/tests"
  done
  set -- "$@" ${bridge_tests[@]+"${bridge_tests[@]}"} tests
fi
export OPENEDUCAT_MISSING
python -m pytest -p no:cacheprovider -rs --odoo-config="$CONFIG" --odoo-database="$TEST_DB" --odoo-http "$@" ||
  pytest_status=$?
# Only the bridge's tests asked for, and all of them skipped for want of OpenEduCat: not a failure.
[ "$pytest_status" = 5 ] && [ -n "$OPENEDUCAT_MISSING" ] && pytest_status=0
[ "$status" = 0 ] || log "Lint failed: see above."
[ "$bridge_status" = 0 ] || log "The OpenEduCat bridge's tests failed: see above."
[ "$pytest_status" = 0 ] || exit "$pytest_status"
[ "$bridge_status" = 0 ] || exit "$bridge_status"
exit "$status"
