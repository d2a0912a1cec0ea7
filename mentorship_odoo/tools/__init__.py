from . import allowance_calculator
