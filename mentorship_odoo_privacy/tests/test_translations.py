# The module, not the class: a class imported here would be collected and run again.
from odoo.addons.mentorship_odoo.tests import test_translations as core


class TestPrivacyRussianTranslation(core.TestRussianTranslation):
    """Every term of the addon has a Russian translation with the same placeholders."""

    addon = "mentorship_odoo_privacy"
