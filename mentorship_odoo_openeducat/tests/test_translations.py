import os

import pytest

from odoo.tests import tagged

# Import the module, not the class: pytest would otherwise collect the base test here again.
from odoo.addons.mentorship_odoo.tests import test_translations

# Without OpenEduCat there is nothing to test: reported as skipped with the reason (scripts/lib.sh).
if os.environ.get("OPENEDUCAT_MISSING"):
    pytest.skip(os.environ["OPENEDUCAT_MISSING"], allow_module_level=True)


@tagged("post_install", "-at_install")
class TestOpenEduCatBridgeRussianTranslation(test_translations.TestRussianTranslation):
    addon = "mentorship_odoo_openeducat"
