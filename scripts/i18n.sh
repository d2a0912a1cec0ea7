#!/usr/bin/env bash
# Regenerates <addon>/i18n/<addon>.pot and ru.po from a fresh database. Existing Russian
# translations are kept (the addon's ru.po is loaded first); new terms come out with an empty
# msgstr to fill in. Usage: bash scripts/i18n.sh [addon …]   (default: every addon of the repo)
source "$(dirname "$0")/lib.sh"
setup_all
cd "$REPO_DIR"
[ $# -gt 0 ] || set -- $(ls -d */__manifest__.py | xargs -n1 dirname)
DB=${MENTORSHIP_I18N_DB:-mentorship_i18n}
CONFIG=$MENTORSHIP_HOME/i18n-$DB.conf
write_config "$CONFIG" "$DB"
dropdb -U "$DB_USER" --if-exists "$DB"
odoo_bin -c "$CONFIG" -d "$DB" -i "$(IFS=,; echo "$*")" --without-demo=all --load-language=ru_RU \
  --stop-after-init --log-level=warn
for addon in "$@"; do
  mkdir -p "$addon/i18n"
  odoo_bin -c "$CONFIG" -d "$DB" --i18n-export="$REPO_DIR/$addon/i18n/$addon.pot" --modules="$addon" \
    --stop-after-init --log-level=warn
  previous=$(mktemp)
  [ -f "$addon/i18n/ru.po" ] && cp "$addon/i18n/ru.po" "$previous"
  odoo_bin -c "$CONFIG" -d "$DB" --i18n-export="$REPO_DIR/$addon/i18n/ru.po" --language=ru_RU \
    --modules="$addon" --stop-after-init --log-level=warn
  # Odoo exports code terms without their translations (it reads those from the .po at run time):
  # carry every msgstr of the previous file over to the same msgid.
  "$VENV/bin/python" - "$previous" "$addon/i18n/ru.po" <<'PY'
import sys
import polib
old = {e.msgid: e.msgstr for e in polib.pofile(sys.argv[1]) if e.msgstr} if open(sys.argv[1]).read() else {}
new = polib.pofile(sys.argv[2])
for entry in new:
    if not entry.msgstr and entry.msgid in old:
        entry.msgstr = old[entry.msgid]
new.metadata.update({"Language": "ru", "Plural-Forms": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"})
new.save()
PY
  rm -f "$previous"
  log "$addon: $(grep -c '^msgid ' "$addon/i18n/ru.po") terms, $(python3 - "$addon/i18n/ru.po" <<'PY'
import sys, polib
print(len([e for e in polib.pofile(sys.argv[1]) if not e.msgstr and not e.obsolete]))
PY
) untranslated"
done
dropdb -U "$DB_USER" --if-exists "$DB"
