# The selections of road-map deadlines; their calendar arithmetic lives in tools/roadmap_dates.py
# (pure functions with their own unit tests).

# Kinds of deadline the seeds use (domain §8.1): «до 01.10.2020», «октябрь», «ноябрь – апрель»,
# «ежегодно», «постоянно», «весь период».
DEADLINE_KINDS = [
    ("exact", "Exact Date"),
    ("by_date", "By a Date"),
    ("month", "Month"),
    ("range", "Range"),
    ("yearly", "Every Year"),
    ("continuous", "Continuously"),
    ("whole_period", "Whole Period"),
]
MONTHS = [
    ("1", "January"),
    ("2", "February"),
    ("3", "March"),
    ("4", "April"),
    ("5", "May"),
    ("6", "June"),
    ("7", "July"),
    ("8", "August"),
    ("9", "September"),
    ("10", "October"),
    ("11", "November"),
    ("12", "December"),
]
