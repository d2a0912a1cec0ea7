from odoo.tests import tagged

from odoo.addons.mentorship_odoo.tests import test_translations


@tagged("post_install", "-at_install")
class TestPortalRussianTranslation(test_translations.TestRussianTranslation):
    """Every term of the portal addon has a Russian translation with the same placeholders."""

    addon = "mentorship_odoo_portal"
