# shellcheck shell=bash
# Shared set-up for `make demo`, `make test` and the benchmarks: finds the Odoo 18 source,
# installs system packages, makes PostgreSQL answer, builds the virtualenv and the Odoo config.
# Every step checks first and does nothing when its work is already done, so a second run is quick.

set -euo pipefail

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MENTORSHIP_HOME=${MENTORSHIP_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/mentorship_odoo}
ODOO_DEFAULT_DIR=${ODOO_DEFAULT_DIR:-/opt/odoo/18.0}
ODOO_CLONE_URL=${ODOO_CLONE_URL:-https://github.com/odoo/odoo}
OPENEDUCAT_DEFAULT_DIR=${OPENEDUCAT_DEFAULT_DIR:-/opt/openeducat/18.0}
OPENEDUCAT_CLONE_URL=${OPENEDUCAT_CLONE_URL:-https://github.com/openeducat/openeducat_erp}
DB_USER=${MENTORSHIP_DB_USER:-mentorship}
HTTP_PORT=${MENTORSHIP_HTTP_PORT:-8069}
PYTHON=${MENTORSHIP_PYTHON:-$(command -v python3.11 || command -v python3)}
APT_PACKAGES=(wkhtmltopdf poppler-utils fonts-dejavu fonts-liberation libldap2-dev libsasl2-dev
  libpq-dev chromium postgresql-client)

log() { printf '\033[1m[mentorship]\033[0m %s\n' "$*" >&2; }
die() {
  printf '\033[31m[mentorship] %s\033[0m\n' "$*" >&2
  exit 1
}

is_odoo18() { [ -f "$1/odoo-bin" ] && grep -q "version_info = (18, 0" "$1/odoo/release.py" 2>/dev/null; }

# Architecture §2: ODOO_SRC, then /opt/odoo/18.0, then a shallow clone of branch 18.0.
# (ODOO_DEFAULT_DIR and ODOO_CLONE_URL exist so that tests can exercise every branch.)
find_odoo() {
  if [ -n "${ODOO_SRC:-}" ]; then
    is_odoo18 "$ODOO_SRC" || die "ODOO_SRC=$ODOO_SRC is not an Odoo 18.0 source tree (no odoo-bin or not version 18.0)."
    ODOO_DIR=$ODOO_SRC
  elif is_odoo18 "$ODOO_DEFAULT_DIR"; then
    ODOO_DIR=$ODOO_DEFAULT_DIR
  elif is_odoo18 "$MENTORSHIP_HOME/odoo-18.0"; then
    ODOO_DIR=$MENTORSHIP_HOME/odoo-18.0
  else
    log "No Odoo source in ODOO_SRC or $ODOO_DEFAULT_DIR: cloning $ODOO_CLONE_URL (branch 18.0, depth 1)…"
    mkdir -p "$MENTORSHIP_HOME"
    rm -rf "$MENTORSHIP_HOME/odoo-18.0.part"
    if git clone --quiet --depth 1 --branch 18.0 "$ODOO_CLONE_URL" "$MENTORSHIP_HOME/odoo-18.0.part" 2>/dev/null &&
      is_odoo18 "$MENTORSHIP_HOME/odoo-18.0.part"; then
      mv "$MENTORSHIP_HOME/odoo-18.0.part" "$MENTORSHIP_HOME/odoo-18.0"
      ODOO_DIR=$MENTORSHIP_HOME/odoo-18.0
    else
      rm -rf "$MENTORSHIP_HOME/odoo-18.0.part"
      die "Odoo 18.0 source not found. Tried, in order:
  1. the ODOO_SRC environment variable (unset);
  2. $ODOO_DEFAULT_DIR (no odoo-bin of version 18.0 there);
  3. git clone --depth 1 --branch 18.0 $ODOO_CLONE_URL (failed: no network or no git?).
Put an Odoo 18.0 source tree in one of these places, e.g. ODOO_SRC=/path/to/odoo make demo"
    fi
  fi
  # A git checkout keeps addons in addons/; the nightly tarball has them all in odoo/addons.
  ODOO_ADDONS=$ODOO_DIR/odoo/addons
  [ -d "$ODOO_DIR/addons" ] && ODOO_ADDONS=$ODOO_DIR/addons,$ODOO_ADDONS
  export ODOO_DIR ODOO_ADDONS
}

is_openeducat18() { grep -q "'version': '18\.0" "$1/openeducat_core/__manifest__.py" 2>/dev/null; }

# OpenEduCat 18.0 (student records) is optional and found like Odoo: OPENEDUCAT_SRC, then
# /opt/openeducat/18.0, then a shallow clone of branch 18.0 into the cache. Sets OPENEDUCAT_DIR, or
# leaves it empty and puts the reason in OPENEDUCAT_MISSING (the bridge's tests are then skipped).
find_openeducat() {
  OPENEDUCAT_DIR=
  OPENEDUCAT_MISSING=
  if [ -n "${OPENEDUCAT_SRC:-}" ]; then
    if is_openeducat18 "$OPENEDUCAT_SRC"; then OPENEDUCAT_DIR=$OPENEDUCAT_SRC; else
      OPENEDUCAT_MISSING="OPENEDUCAT_SRC=$OPENEDUCAT_SRC is not an OpenEduCat 18.0 tree (no openeducat_core of version 18.0)"
    fi
  elif is_openeducat18 "$OPENEDUCAT_DEFAULT_DIR"; then
    OPENEDUCAT_DIR=$OPENEDUCAT_DEFAULT_DIR
  elif is_openeducat18 "$MENTORSHIP_HOME/openeducat-18.0"; then
    OPENEDUCAT_DIR=$MENTORSHIP_HOME/openeducat-18.0
  elif [ "${MENTORSHIP_NO_CLONE:-0}" != 1 ] && rm -rf "$MENTORSHIP_HOME/openeducat-18.0.part" &&
    timeout 300 git clone --quiet --depth 1 --branch 18.0 "$OPENEDUCAT_CLONE_URL" \
      "$MENTORSHIP_HOME/openeducat-18.0.part" 2>/dev/null && is_openeducat18 "$MENTORSHIP_HOME/openeducat-18.0.part"; then
    mv "$MENTORSHIP_HOME/openeducat-18.0.part" "$MENTORSHIP_HOME/openeducat-18.0"
    OPENEDUCAT_DIR=$MENTORSHIP_HOME/openeducat-18.0
  else
    rm -rf "$MENTORSHIP_HOME/openeducat-18.0.part"
    OPENEDUCAT_MISSING="OpenEduCat 18.0 not found: OPENEDUCAT_SRC unset, nothing in $OPENEDUCAT_DEFAULT_DIR, git clone of branch 18.0 of $OPENEDUCAT_CLONE_URL failed"
  fi
  export OPENEDUCAT_DIR OPENEDUCAT_MISSING
}

# Our addons that go into the common databases (tests, demo): every mentorship_odoo* addon of this
# repository except the bridges to optional platforms, which get a database of their own.
OPTIONAL_BRIDGES=(mentorship_odoo_openeducat)
our_addons() {
  local manifest name names=()
  for manifest in "$REPO_DIR"/mentorship_odoo*/__manifest__.py; do
    name=$(basename "$(dirname "$manifest")")
    [[ " ${OPTIONAL_BRIDGES[*]} " == *" $name "* ]] && continue
    names+=("$name")
  done
  (
    IFS=,
    echo "${names[*]}"
  )
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi
}

ensure_apt_packages() {
  local missing=() pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "Installing Debian packages: ${missing[*]}"
  if ! { as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}"; } >"$MENTORSHIP_HOME/apt.log" 2>&1; then
    die "Could not install ${missing[*]} (see $MENTORSHIP_HOME/apt.log); install them as root and run again."
  fi
}

ensure_postgres() {
  if ! pg_isready -q 2>/dev/null; then
    log "PostgreSQL does not answer: starting the local cluster…"
    local version
    version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
    [ -n "$version" ] || die "PostgreSQL is not installed (no /etc/postgresql). Install postgresql and run again."
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start ||
      die "Could not start PostgreSQL $version (pg_ctlcluster $version main start)."
    for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
    pg_isready -q || die "PostgreSQL $version was started but does not answer."
  fi
  # Odoo refuses the postgres superuser, so it gets a role of its own that may create databases.
  if ! psql -U postgres -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'" 2>/dev/null | grep -q 1; then
    log "Creating PostgreSQL role $DB_USER"
    psql -U postgres -d postgres -qc "CREATE ROLE \"$DB_USER\" LOGIN CREATEDB" >/dev/null 2>&1 ||
      as_root su postgres -c "psql -qc 'CREATE ROLE \"$DB_USER\" LOGIN CREATEDB'" >/dev/null ||
      die "Could not create the PostgreSQL role $DB_USER."
  fi
}

ensure_venv() {
  local key
  key=$(cat "$ODOO_DIR/requirements.txt" "$REPO_DIR/requirements.txt" "$REPO_DIR/requirements-nodeps.txt" \
    <("$PYTHON" -V 2>&1) | sha1sum | cut -c1-12)
  VENV=$MENTORSHIP_HOME/venv-$key
  export VENV
  if [ -f "$VENV/.complete" ]; then
    return 0
  fi
  log "Creating the virtualenv $VENV (Odoo's and our requirements; a few minutes the first time)…"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  local constraints=$MENTORSHIP_HOME/pip-constraints.txt
  # Odoo 18's pinned sdists (e.g. gevent, psycopg2) build only with setuptools<70 on Python 3.11.
  echo "setuptools<70" >"$constraints"
  PIP_CONSTRAINT=$constraints "$VENV/bin/pip" install -q --upgrade "pip<25" wheel "setuptools<70" >&2
  PIP_CONSTRAINT=$constraints "$VENV/bin/pip" install -q -r "$ODOO_DIR/requirements.txt" \
    -r "$REPO_DIR/requirements.txt" >&2 || die "pip could not install the requirements (see above)."
  # OCA addons on PyPI depend on an `odoo` distribution that PyPI does not have (Odoo comes from its
  # source tree here), so they install without their dependencies; they land in site-packages/odoo/addons.
  "$VENV/bin/pip" install -q --no-deps -r "$REPO_DIR/requirements-nodeps.txt" >&2 ||
    die "pip could not install requirements-nodeps.txt (see above)."
  touch "$VENV/.complete"
}

# The venv imports Odoo from the source tree through a .pth file (no `setup.py develop`).
ensure_odoo_importable() {
  local site
  site=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
  echo "$ODOO_DIR" >"$site/odoo_src.pth"
  SITE_ADDONS=$site/odoo/addons
  export SITE_ADDONS
}

write_config() {
  # $1: config path, $2: database name (or empty)
  local addons=$REPO_DIR,$ODOO_ADDONS
  [ -d "$SITE_ADDONS" ] && addons=$addons,$SITE_ADDONS
  [ -n "${OPENEDUCAT_DIR:-}" ] && addons=$addons,$OPENEDUCAT_DIR
  mkdir -p "$MENTORSHIP_HOME/data"
  cat >"$1" <<EOF
[options]
addons_path = $addons
data_dir = $MENTORSHIP_HOME/data
db_user = $DB_USER
db_host = False
db_port = False
db_name = ${2:-False}
http_port = $HTTP_PORT
admin_passwd = admin
list_db = True
without_demo = False
EOF
}

setup_all() {
  mkdir -p "$MENTORSHIP_HOME"
  find_odoo
  log "Odoo source: $ODOO_DIR"
  ensure_apt_packages
  ensure_postgres
  ensure_venv
  ensure_odoo_importable
  find_openeducat
  if [ -n "$OPENEDUCAT_DIR" ]; then log "OpenEduCat source: $OPENEDUCAT_DIR"; else log "$OPENEDUCAT_MISSING"; fi
  export PATH=$VENV/bin:$PATH
}

odoo_bin() { "$VENV/bin/python" "$ODOO_DIR/odoo-bin" "$@"; }

db_exists() { psql -U "$DB_USER" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1; }

# A benchmark's own database ($1) with the addons $3 (comma-separated) installed without demo data,
# config $2: created on the first run (or rebuilt with MENTORSHIP_BENCH_REBUILD=1), updated when the
# addons' source changed since, else reused as it is.
ensure_bench_db() {
  local db=$1 config=$2 modules=$3 source_hash installed="" built_hash=""
  source_hash=$(cd "$REPO_DIR" && find ${modules//,/ } \( -name '*.py' -o -name '*.xml' -o -name '*.csv' \) -print0 |
    sort -z | xargs -0 cat | sha1sum | cut -c1-16)
  if db_exists "$db"; then
    installed=$(psql -U "$DB_USER" -d "$db" -tAc \
      "SELECT 1 FROM ir_module_module WHERE name = '${modules##*,}' AND state = 'installed'" 2>/dev/null || true)
    built_hash=$(psql -U "$DB_USER" -d "$db" -tAc \
      "SELECT value FROM ir_config_parameter WHERE key = 'mentorship_odoo.bench_source'" 2>/dev/null || true)
  fi
  if [ "${MENTORSHIP_BENCH_REBUILD:-0}" = 1 ] || [ "$installed" != 1 ]; then
    log "Creating the benchmark database $db ($modules)"
    dropdb -U "$DB_USER" --if-exists "$db"
    odoo_bin -c "$config" -d "$db" -i "$modules" --without-demo=all --stop-after-init --log-level=warn ||
      die "Installing $modules in $db failed."
  elif [ "$built_hash" != "$source_hash" ]; then
    log "Updating $modules in the benchmark database $db"
    odoo_bin -c "$config" -d "$db" -u "$modules" --stop-after-init --log-level=warn ||
      die "Updating $modules in $db failed."
  else
    log "Reusing the benchmark database $db"
  fi
  psql -U "$DB_USER" -d "$db" -qc \
    "INSERT INTO ir_config_parameter (key, value) VALUES ('mentorship_odoo.bench_source', '$source_hash')
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"
}
