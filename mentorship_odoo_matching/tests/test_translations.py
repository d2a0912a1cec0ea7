from odoo.tests import tagged

# Import the module, not the class: pytest would otherwise collect the base test here again.
from odoo.addons.mentorship_odoo.tests import test_translations


@tagged("post_install", "-at_install")
class TestMatchingRussianTranslation(test_translations.TestRussianTranslation):
    addon = "mentorship_odoo_matching"
