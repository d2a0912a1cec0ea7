from . import actions
from . import allowance_calculator
from . import roadmap_dates
from . import russian_format
from . import wilcoxon
