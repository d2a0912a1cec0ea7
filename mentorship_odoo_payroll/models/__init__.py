from . import hr_payslip
from . import hr_payslip_input
from . import mentorship_allowance
