"""Pure functions and values of the mentor allowance computation (architecture §5).

The computation itself is the model ``mentorship.allowance.calculator``: it loads the data, takes
working time and public holidays from ``resource.calendar`` and keeps its tallies in integers.
What is here needs no database, so that the arithmetic that decides kopecks stays exact and can be
read (and tested) on its own:

* intervals: merging, subtracting, cutting at local midnights, the uncovered part of a day;
* a working schedule of one month: the days with working time once public holidays are removed;
* amounts: exact fractions (``rate × Σ wage × days / days of the month``) until they are rounded
  half-up to kopecks, once per line;
* the policy values and their precedence.
"""

import math
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

import pytz
from dateutil.relativedelta import relativedelta

# A leave or a holiday that leaves less than this of the scheduled time uncovered covers it
# (tolerates end times stored as 16:59:59 or 23:59:59.999999 and the like).
COVER_TOLERANCE = 60  # seconds
PAIR_STATES = ("active", "done", "terminated")
DEFAULT_RATE = 15.0
DEFAULT_EARNING_CODE = "MENTOR"
DEFAULT_ADJUSTMENT_MONTHS = 3


# --- amounts ----------------------------------------------------------------------------------


def round_half_up(value):
    """Round a Fraction (or anything Fraction accepts) half-up (away from zero) to kopecks."""
    cents = Fraction(value) * 100
    sign = -1 if cents < 0 else 1
    rounded = math.floor(abs(cents) + Fraction(1, 2))
    return Decimal(sign * rounded).scaleb(-2)


@lru_cache(maxsize=4096)
def exact(value):
    """The exact value of a float as written (40000.1 is 400001/10, not the binary float)."""
    return Fraction(str(value))


def prorated_sum(tallies, denominator=1):
    """Σ wage × days / working days of the month, exactly: ``tallies`` maps (wage, working days
    of the month) to a number of days (or of 1/``denominator`` shares of days)."""
    total = sum(
        (exact(wage) * days / month_days for (wage, month_days), days in tallies.items() if days),
        Fraction(0),
    )
    return total / denominator


@lru_cache(maxsize=4096)
def exact_ratio(value):
    """(numerator, denominator) of :func:`exact` ``value``."""
    fraction = exact(value)
    return fraction.numerator, fraction.denominator


def allowance_amount(rate, tallies, denominator=1):
    """The amount in kopecks of ``rate`` % of the prorated wages of ``tallies`` (see
    :func:`prorated_sum`), rounded once. The same exact arithmetic as :func:`prorated_sum` and
    :func:`round_half_up`, in integers: a region's month computes it hundreds of thousands of times."""
    numerator, common = 0, 1
    for (wage, month_days), days in tallies.items():
        if days:
            wage_numerator, wage_denominator = exact_ratio(wage)
            term_denominator = wage_denominator * month_days
            numerator = numerator * term_denominator + wage_numerator * days * common
            common *= term_denominator
    rate_numerator, rate_denominator = exact_ratio(rate)
    # In kopecks: rate / 100 × Σ / denominator × 100.
    kopecks, divisor = rate_numerator * numerator, rate_denominator * common * denominator
    rounded = (2 * abs(kopecks) + divisor) // (2 * divisor)
    return Decimal(-rounded if kopecks < 0 else rounded).scaleb(-2)


# --- dates and texts --------------------------------------------------------------------------


def month_bounds(month):
    first = month.replace(day=1)
    return first, first + relativedelta(months=1, days=-1)


def days_of_month(month):
    """Every date of the month of ``month``."""
    first, last = month_bounds(month)
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


@lru_cache(maxsize=4096)
def fmt_date(day):
    return day.strftime("%d.%m.%Y")


def fmt_amount(amount):
    return f"{amount:,.2f}".replace(",", "\u00a0")


def to_naive_utc(value):
    """A time-zone aware datetime as the naive UTC datetime the database stores."""
    return value.astimezone(pytz.utc).replace(tzinfo=None)


@lru_cache(maxsize=16384)
def local_midnight(day, tz):
    """The start of local ``day`` in ``tz`` (a pytz time zone), time-zone aware (remembered:
    pytz's localize is slow, and a month asks for the same few midnights again and again)."""
    return tz.localize(datetime.combine(day, time.min))


def whole_day(day, tz):
    """Local ``day`` in ``tz`` as one naive UTC interval."""
    return [
        (to_naive_utc(local_midnight(day, tz)), to_naive_utc(local_midnight(day + timedelta(days=1), tz)))
    ]


def local_dates(date_from, date_to, tz):
    """The first and last local dates in ``tz`` of the naive UTC interval (date_from, date_to); an
    interval that ends at a local midnight ends the day before."""
    start = pytz.utc.localize(date_from).astimezone(tz)
    end = pytz.utc.localize(date_to).astimezone(tz)
    last = end.date() if end.time() != time.min else end.date() - timedelta(days=1)
    return start.date(), max(start.date(), last)


# --- intervals (naive UTC datetimes) ----------------------------------------------------------


def merge_intervals(intervals):
    """Sort and merge (start, end) intervals."""
    merged = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1][1] = end
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def subtract_intervals(intervals, covers):
    """``intervals`` less the merged, sorted ``covers``."""
    result = []
    for start, end in intervals:
        cursor = start
        for cover_start, cover_end in covers:
            if cover_end <= cursor:
                continue
            if cover_start >= end:
                break
            if cover_start > cursor:
                result.append((cursor, cover_start))
            cursor = max(cursor, cover_end)
            if cursor >= end:
                break
        if cursor < end:
            result.append((cursor, end))
    return result


def uncovered_seconds(intervals, covers, cover_starts):
    """Seconds of ``intervals`` not covered by the merged, sorted ``covers``."""
    total = 0.0
    for start, end in intervals:
        cursor = start
        index = max(bisect_left(cover_starts, start) - 1, 0)
        while index < len(covers) and cursor < end:
            cover_start, cover_end = covers[index]
            if cover_start >= end:
                break
            if cover_end > cursor:
                if cover_start > cursor:
                    total += (cover_start - cursor).total_seconds()
                cursor = max(cursor, cover_end)
            index += 1
        if cursor < end:
            total += (end - cursor).total_seconds()
    return total


def split_by_local_day(intervals, tz, days):
    """{day: merged naive UTC intervals} for each of ``days``: the time-zone aware ``intervals``
    cut at the local midnights of ``tz``. A flexible schedule is one interval over the whole
    period; it becomes every whole local day."""
    wanted = set(days)
    pieces = {day: [] for day in days}
    for start, end in intervals:
        start = start.astimezone(tz)
        end = end.astimezone(tz)
        day = start.date()
        while start < end:
            next_midnight = local_midnight(day + timedelta(days=1), tz)
            piece_end = min(end, next_midnight)
            if day in wanted:
                pieces[day].append((to_naive_utc(start), to_naive_utc(piece_end)))
            start, day = next_midnight, day + timedelta(days=1)
    return {day: merge_intervals(found) for day, found in pieces.items()}


@dataclass
class Cover:
    """Merged time off (or public holidays) of one person, as naive UTC intervals."""

    intervals: list
    starts: list = field(init=False)

    def __post_init__(self):
        self.starts = [start for start, _end in self.intervals]

    def covers(self, day_intervals):
        """Whether these intervals leave (almost) nothing of ``day_intervals`` uncovered."""
        if not self.intervals or not day_intervals:
            return False
        return uncovered_seconds(day_intervals, self.intervals, self.starts) < COVER_TOLERANCE


@dataclass
class Schedule:
    """The working time of one person in one calendar for one month: {day: naive UTC working
    intervals, empty on a day off}, public holidays removed, and the number of working days."""

    days: dict
    month_days: int
    _running: dict = field(default=None, init=False, repr=False, compare=False)

    def working_days(self, first, last):
        """The number of working days from ``first`` to ``last`` (both days of the month)."""
        if self._running is None:
            # {day: working days before it}: a count between two days is one subtraction.
            running, count = {}, 0
            for day in sorted(self.days):
                running[day] = count
                count += bool(self.days[day])
            self._running = running
            self._total = count
        after_last = last + timedelta(days=1)
        return self._running.get(after_last, self._total) - self._running[first]


def working_schedule(attendance, holidays, tz, days):
    """The :class:`Schedule` of ``days`` from time-zone aware ``attendance`` and ``holidays``
    intervals ((start, end) pairs): a day is a working day when its attendance less the holidays
    leaves at least :data:`COVER_TOLERANCE` of working time."""
    by_day = split_by_local_day(attendance, tz, days)
    off = merge_intervals((to_naive_utc(start), to_naive_utc(end)) for start, end in holidays)
    working = {}
    for day in days:
        intervals = by_day[day]
        if intervals and off:
            intervals = subtract_intervals(intervals, off)
            if sum((end - start).total_seconds() for start, end in intervals) < COVER_TOLERANCE:
                intervals = []
        working[day] = intervals
    return Schedule(working, sum(1 for day in days if working[day]))


# --- policies ---------------------------------------------------------------------------------


@dataclass
class Policy:
    id: int
    rate: float
    leave_type_ids: frozenset | None
    suspend_on_mentor_leave: bool
    group_mode: str
    earning_code: str
    adjustment_months: int


def policy_scope_keys(programme_id, form_id):
    """The (programme, form) scopes of the policies that may apply to a pair, most specific first:
    programme and form, programme, form, the company's."""
    return ((programme_id, form_id), (programme_id, False), (False, form_id), (False, False))


DEFAULT_POLICY = Policy(
    id=False,
    rate=DEFAULT_RATE,
    leave_type_ids=None,
    suspend_on_mentor_leave=True,
    group_mode="all_absent",
    earning_code=DEFAULT_EARNING_CODE,
    adjustment_months=DEFAULT_ADJUSTMENT_MONTHS,
)


def policy_for(policies, programme_id, form_id):
    """The policy of ``policies`` ({(programme, form): Policy}) that applies to a pair of this
    programme and form, the most specific first; the built-in defaults without one."""
    for key in policy_scope_keys(programme_id or False, form_id or False):
        if key in policies:
            return policies[key]
    return DEFAULT_POLICY


def contract_spans(contracts, first, last):
    """[(first day, last day, contract or None)]: the days from ``first`` to ``last`` cut where
    the contract of the day (:func:`contract_on`) changes, in order."""
    cuts = {first}
    for rec in contracts:
        for cut in (rec["date_start"], rec["date_end"] and rec["date_end"] + timedelta(days=1)):
            if cut and first < cut <= last:
                cuts.add(cut)
    starts = sorted(cuts)
    ends = [day - timedelta(days=1) for day in starts[1:]] + [last]
    return [(start, end, contract_on(contracts, start)) for start, end in zip(starts, ends, strict=True)]


def contract_on(contracts, day):
    """The contract of ``day`` among ``contracts`` (ordered by start): the latest one that has
    begun and not ended; None without one."""
    found = None
    for rec in contracts:
        if rec["date_start"] <= day and (not rec["date_end"] or rec["date_end"] >= day):
            found = rec
    return found


# --- one pair's month -------------------------------------------------------------------------


@dataclass
class PairTally:
    """One pair's month in integers until its amounts are computed: ``full`` and ``paid`` map
    (wage, working days of the month) to days (``paid`` in shares of 1/``denominator`` day: the
    number of mentees in proportional mode, else 1), so that nothing is rounded before the line."""

    policy: Policy
    mentees: int
    proportional: bool = False
    denominator: int = field(init=False)
    full: dict = field(default_factory=lambda: defaultdict(int))
    paid: dict = field(default_factory=lambda: defaultdict(int))
    period_days: int = 0
    eligible_units: int = 0
    month_days: int | None = None
    no_contract_days: int = 0
    wage_segments: list = field(default_factory=list)  # [wage, first day, last day, contract id]
    reasons: dict = field(default_factory=dict)  # (kind, record id): [mentee or None, record, days]

    def __post_init__(self):
        self.denominator = self.mentees if self.proportional and self.mentees else 1

    def add_contract_day(self, contract, day):
        """A day of the pair's period under ``contract`` (working or not): the wages used."""
        if not contract:
            return
        last = self.wage_segments[-1] if self.wage_segments else None
        if last and last[3] == contract["id"]:
            last[2] = day
        else:
            self.wage_segments.append([contract["wage"], day, day, contract["id"]])

    def add_contract_span(self, contract, first, last):
        """:meth:`add_contract_day` for every day from ``first`` to ``last``."""
        if not contract:
            return
        segment = self.wage_segments[-1] if self.wage_segments else None
        if segment and segment[3] == contract["id"]:
            segment[2] = last
        else:
            self.wage_segments.append([contract["wage"], first, last, contract["id"]])

    def add_present_days(self, contract, month_days, days):
        """:meth:`add_day` for ``days`` working days on which nobody is absent."""
        if not days:
            return
        if self.month_days is None:
            self.month_days = month_days
        self.period_days += days
        wage = contract["wage"] if contract else 0.0
        self.full[(wage, month_days)] += days
        if not contract:
            self.no_contract_days += days
            return
        self.eligible_units += days * self.denominator
        self.paid[(wage, month_days)] += days * self.denominator

    def add_day(self, contract, month_days, reasons, absent_mentees=0, mentor_absent=False):
        """One working day of the mentor in the pair's period, in a month of ``month_days``
        working days. ``reasons``: (kind, record, mentee or None for the mentor) of the absences
        that day; a group day is suspended when all mentees are absent, or by 1/n for each absent
        one in proportional mode; a day without a contract pays nothing."""
        if self.month_days is None:
            self.month_days = month_days
        self.period_days += 1
        wage = contract["wage"] if contract else 0.0
        self.full[(wage, month_days)] += 1
        if mentor_absent:
            units = 0
        elif self.denominator > 1:
            units = self.mentees - absent_mentees
        elif self.mentees and absent_mentees == self.mentees:
            units = 0
        else:
            units = 1
        if units < self.denominator:
            for kind, rec, mentee in reasons:
                entry = self.reasons.get((kind, rec["id"]))
                if entry is None:
                    entry = self.reasons[(kind, rec["id"])] = [mentee, rec, 0]
                entry[2] += 1
        if not contract:
            self.no_contract_days += 1
            units = 0
        self.eligible_units += units
        self.paid[(wage, month_days)] += units

    @property
    def eligible_days(self):
        if self.denominator == 1:
            return self.eligible_units  # whole days: no fraction to build for most pairs
        return Fraction(self.eligible_units, self.denominator)

    @property
    def suspended_days(self):
        return self.period_days - self.eligible_days

    def amount_full(self):
        """The allowance without suspensions, in kopecks."""
        return allowance_amount(self.policy.rate, self.full)

    def amount(self):
        """The allowance paid, in kopecks."""
        return allowance_amount(self.policy.rate, self.paid, self.denominator)
