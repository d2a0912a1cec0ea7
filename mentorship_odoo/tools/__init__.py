from . import allowance_calculator
from . import russian_format
from . import wilcoxon
