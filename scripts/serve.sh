#!/usr/bin/env bash
# `make serve`: Odoo as in production, on our database: prefork workers sized for the machine
# ((CPU × 2) + 1 by default), one cron thread, proxy mode (behind nginx or another reverse proxy that
# sets X-Forwarded-*), memory and time limits, one database only. The database is MENTORSHIP_SERVE_DB
# (default: the demo college, built first by scripts/demo.sh when it is missing).
#
# Settings (environment): MENTORSHIP_WORKERS, MENTORSHIP_CRON_THREADS, MENTORSHIP_HTTP_PORT,
# MENTORSHIP_HTTP_INTERFACE (default 127.0.0.1: the reverse proxy is on the same host),
# MENTORSHIP_DB_HOST / MENTORSHIP_DB_PORT / MENTORSHIP_DB_PASSWORD (PostgreSQL on another host),
# MENTORSHIP_DB_REPLICA_HOST / MENTORSHIP_DB_REPLICA_PORT (a streaming read replica: Odoo 18 sends
# the routes marked readonly=True there), MENTORSHIP_SERVE_DRY_RUN=1 (write the config and print it).
source "$(dirname "$0")/lib.sh"
setup_all

SERVE_DB=${MENTORSHIP_SERVE_DB:-${MENTORSHIP_DEMO_DB:-mentorship_demo}}
CONFIG=$MENTORSHIP_HOME/serve-$SERVE_DB.conf
CPUS=$(nproc)
WORKERS=${MENTORSHIP_WORKERS:-$((CPUS * 2 + 1))}
CRON_THREADS=${MENTORSHIP_CRON_THREADS:-1}
GEVENT_PORT=${MENTORSHIP_GEVENT_PORT:-$((HTTP_PORT + 3))}

write_config "$CONFIG" "$SERVE_DB"
# Production options on top of the common ones (addons path, data dir, database user).
# The database manager's master password: a random one kept beside the config (never "admin").
MASTER_FILE=$MENTORSHIP_HOME/serve-master-password
[ -s "$MASTER_FILE" ] || (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$MASTER_FILE")
sed -i -e '/^admin_passwd/d' -e '/^db_host/d' -e '/^db_port/d' -e '/^http_port/d' -e '/^list_db/d' -e '/^without_demo/d' "$CONFIG"
cat >>"$CONFIG" <<CONF
admin_passwd = $(cat "$MASTER_FILE")
db_host = ${MENTORSHIP_DB_HOST:-False}
db_port = ${MENTORSHIP_DB_PORT:-False}
db_password = ${MENTORSHIP_DB_PASSWORD:-False}
db_replica_host = ${MENTORSHIP_DB_REPLICA_HOST:-False}
db_replica_port = ${MENTORSHIP_DB_REPLICA_PORT:-False}
db_maxconn = 32
dbfilter = ^${SERVE_DB}\$
list_db = False
http_interface = ${MENTORSHIP_HTTP_INTERFACE:-127.0.0.1}
http_port = $HTTP_PORT
gevent_port = $GEVENT_PORT
proxy_mode = True
workers = $WORKERS
max_cron_threads = $CRON_THREADS
; a worker is recycled above the soft limit, killed above the hard one
limit_memory_soft = 2147483648
limit_memory_hard = 2684354560
limit_time_cpu = 120
limit_time_real = 240
limit_time_real_cron = 600
limit_request = 65536
log_level = info
CONF

if [ "${MENTORSHIP_SERVE_DRY_RUN:-0}" = 1 ]; then
  cat "$CONFIG"
  exit 0
fi
if [ -z "${MENTORSHIP_DB_HOST:-}" ] && ! db_exists "$SERVE_DB"; then
  log "The database $SERVE_DB does not exist: building the demo college first"
  MENTORSHIP_DEMO_DB=$SERVE_DB MENTORSHIP_DEMO_NO_SERVE=1 bash "$REPO_DIR/scripts/demo.sh"
fi
log "Odoo in production mode on http://${MENTORSHIP_HTTP_INTERFACE:-127.0.0.1}:$HTTP_PORT (database $SERVE_DB, $WORKERS workers, $CRON_THREADS cron thread(s), live chat/bus on port $GEVENT_PORT); config $CONFIG"
exec "$VENV/bin/python" "$ODOO_DIR/odoo-bin" -c "$CONFIG"
