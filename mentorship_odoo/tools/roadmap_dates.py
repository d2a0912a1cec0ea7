"""Dates of road-map deadlines, as pure functions of plain dates (no Odoo environment): the
deadline an item is due by, and the calendar arithmetic that places a template's months in the
years of a programme."""

import calendar
from datetime import date

from dateutil.relativedelta import relativedelta


def month_end(year, month):
    """The last day of ``month`` of ``year``."""
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


def deadline_date(
    kind,
    *,
    date_deadline=None,
    month=None,
    year=None,
    date_to=None,
    programme_start=None,
    programme_end=None,
):
    """The date an item with a deadline of ``kind`` is due by, or None when it has none (a
    continuous item, or one whose deadline is not filled in yet). ``month`` is a number 1–12."""
    if kind in ("exact", "by_date"):
        return date_deadline or None
    if kind == "month":
        return month_end(year, month) if month and year else None
    if kind == "range":
        return date_to or None
    if kind == "yearly":
        if not year:
            return None
        if month:
            return month_end(year, month)
        return programme_year_end(programme_start, year) if programme_start else None
    if kind == "whole_period":
        return programme_end or None
    return None  # continuous
