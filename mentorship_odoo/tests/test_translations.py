import re
from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|%s|%d")


@tagged("post_install", "-at_install")
class TestRussianTranslation(TransactionCase):
    """Every term the addon exports (code, views, data, selections, fields) has a Russian
    translation in i18n/ru.po, with the same placeholders."""

    addon = "mentorship_odoo"

    def test_ru_po_is_complete(self):
        po_path = Path(__file__).resolve().parent.parent / "i18n" / "ru.po"
        self.assertTrue(po_path.exists(), "i18n/ru.po is missing: run scripts/i18n.sh and translate it")
        translations = {
            entry.msgid: entry.msgstr for entry in polib.pofile(str(po_path)) if not entry.obsolete
        }
        sources = {
            source
            for module, _type, _name, _res_id, source, _value, _comments in TranslationModuleReader(
                self.env.cr, modules=[self.addon]
            )
            if module == self.addon
        }
        self.assertTrue(sources)
        missing = sorted(source for source in sources if not translations.get(source))
        self.assertFalse(missing, f"{len(missing)} terms have no Russian translation, e.g.: {missing[:15]}")
        wrong = [
            source
            for source in sources
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translations[source]))
        ]
        self.assertFalse(wrong, f"placeholders differ in: {wrong[:10]}")
