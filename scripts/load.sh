#!/usr/bin/env bash
# `make load`: a bounded load test with Locust against `make serve` on loopback only. A copy of the
# demo college (<demo db>_load) is served by scripts/serve.sh on MENTORSHIP_LOAD_PORT (default 8079)
# with prefork workers; Locust runs MENTORSHIP_LOAD_USERS users (default 50, spawned
# MENTORSHIP_LOAD_RATE = 2 a second) for MENTORSHIP_LOAD_TIME (default 150s) from tests/load/locustfile.py.
# The figures start MENTORSHIP_LOAD_WARMUP seconds (default 20) after every user is spawned: logging
# in hashes the password (PBKDF2, about half a second of CPU each), so a ramp of 50 logins, and the
# backlog it leaves, is not the steady state of 50 users. It prints the table of requests/s,
# p50/p95/p99 and errors per request type and checks that every meeting logged is stored once.
# Then the server stops and the copy is dropped. Locust lives in a virtualenv of its own (its gevent
# differs from the one Odoo pins).
source "$(dirname "$0")/lib.sh"
setup_all

DEMO_DB=${MENTORSHIP_DEMO_DB:-mentorship_demo}
LOAD_DB=${MENTORSHIP_LOAD_DB:-${DEMO_DB}_load}
PORT=${MENTORSHIP_LOAD_PORT:-8079}
USERS=${MENTORSHIP_LOAD_USERS:-50}
DURATION=${MENTORSHIP_LOAD_TIME:-150s}
RATE=${MENTORSHIP_LOAD_RATE:-2}
LOCUST_VERSION=2.47.0
LOCUST_VENV=$MENTORSHIP_HOME/venv-locust-$LOCUST_VERSION

if [ ! -f "$LOCUST_VENV/.complete" ]; then
  log "Creating the Locust virtualenv $LOCUST_VENV"
  rm -rf "$LOCUST_VENV"
  "$PYTHON" -m venv "$LOCUST_VENV"
  "$LOCUST_VENV/bin/pip" install -q "locust==$LOCUST_VERSION" >&2 || die "pip could not install locust."
  touch "$LOCUST_VENV/.complete"
fi
if ! db_exists "$DEMO_DB"; then
  MENTORSHIP_DEMO_DB=$DEMO_DB MENTORSHIP_DEMO_NO_SERVE=1 bash "$REPO_DIR/scripts/demo.sh"
fi
log "Copying $DEMO_DB to $LOAD_DB"
dropdb -U "$DB_USER" --if-exists "$LOAD_DB"
createdb -U "$DB_USER" -T "$DEMO_DB" "$LOAD_DB" || die "Copying $DEMO_DB failed (is a server still connected to it?)."
# The copy's filestore: the copy shares the demo database's attachments read-only by a symbolic link.
[ -d "$MENTORSHIP_HOME/data/filestore/$DEMO_DB" ] && ln -sfn "$MENTORSHIP_HOME/data/filestore/$DEMO_DB" "$MENTORSHIP_HOME/data/filestore/$LOAD_DB"

server_log=$MENTORSHIP_HOME/load-server.log
MENTORSHIP_SERVE_DB=$LOAD_DB MENTORSHIP_HTTP_PORT=$PORT MENTORSHIP_HTTP_INTERFACE=127.0.0.1 \
  setsid bash "$REPO_DIR/scripts/serve.sh" >"$server_log" 2>&1 &
server=$!
cleanup() {
  kill -TERM -- "-$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -f "$MENTORSHIP_HOME/data/filestore/$LOAD_DB"
  dropdb -U "$DB_USER" --if-exists "$LOAD_DB" || log "Could not drop $LOAD_DB."
}
trap cleanup EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/web/health" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || die "The server stopped (see $server_log)."
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/web/health" >/dev/null || die "The server does not answer on port $PORT (see $server_log)."
log "Locust: $USERS users for $DURATION against http://127.0.0.1:$PORT (server log: $server_log)"
cd "$REPO_DIR"
MENTORSHIP_LOAD_DB=$LOAD_DB timeout 900 "$LOCUST_VENV/bin/locust" -f tests/load/locustfile.py --headless \
  --host "http://127.0.0.1:$PORT" -u "$USERS" -r "$RATE" -t "$DURATION" --reset-stats --stop-timeout 10 --only-summary \
  --loglevel WARNING
