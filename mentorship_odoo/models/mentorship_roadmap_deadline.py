import calendar
from datetime import date

from dateutil.relativedelta import relativedelta

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


def month_end(year, month):
    return date(year, month, calendar.monthrange(year, month)[1])


def clip_day(year, month, day):
    """The ``day`` of the month, or its last day when the month is shorter (or no day is given)."""
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day, last) if day else last)


def first_year_of_month(start, month, year_offset=0):
    """Year of the first month ``month`` on or after the month of ``start``, plus ``year_offset``
    years: for a programme starting in September 2022, October is 2022 and January is 2023."""
    return (start.year if month >= start.month else start.year + 1) + year_offset


def programme_year_end(programme_start, year):
    """The last day of the programme year that ends in calendar year ``year`` (the day before the
    anniversary of the programme's start)."""
    end = programme_start + relativedelta(years=year - programme_start.year, days=-1)
    if end.year < year:  # a programme starting on 1 January: its years end on 31 December
        end = programme_start + relativedelta(years=year + 1 - programme_start.year, days=-1)
    return end
