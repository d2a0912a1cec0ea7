from . import allowance_calculator
from . import wilcoxon
