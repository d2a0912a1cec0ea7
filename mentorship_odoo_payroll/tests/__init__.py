from . import test_payroll_bridge
from . import test_translations
