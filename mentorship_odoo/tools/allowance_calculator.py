"""The mentor allowance computation of architecture §5, set-based.

:class:`AllowanceCalculator` reads everything one month of one company needs — pairs, mentees,
employees, contracts, working schedules, public holidays, validated time off, student absences
and policies — in a constant number of queries, whatever the number of pairs, and then computes
every pair's line in Python:

* base: the contract wage of each day (a contract change within the month is honoured day by day);
* proration: ``rate × Σ over eligible working days (wage of that day / working days of the month)``,
  working days from the mentor's schedule in the mentor's time zone, public holidays excluded;
* a day is suspended when the mentee's validated time off covers all of the mentee's scheduled
  working time that day (in the mentee's own schedule and time zone), when a recorded absence of a
  student mentee covers the date, or (policy option) when the mentor's own time off covers the
  mentor's working time; groups suspend when all mentees are absent, or proportionally (1/n each);
* amounts are exact fractions until they are rounded half-up to kopecks, once per line.
"""

import math
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction

import pytz
from dateutil.relativedelta import relativedelta

# A leave or a holiday that leaves less than this of the scheduled time uncovered covers it
# (tolerates end times stored as 16:59:59 and the like).
COVER_TOLERANCE = 60  # seconds
PAIR_STATES = ("active", "done", "terminated")
DEFAULT_RATE = 15.0
DEFAULT_EARNING_CODE = "MENTOR"
DEFAULT_ADJUSTMENT_MONTHS = 3


def round_half_up(value):
    """Round a Fraction (or anything Fraction accepts) half-up (away from zero) to kopecks."""
    cents = Fraction(value) * 100
    sign = -1 if cents < 0 else 1
    rounded = math.floor(abs(cents) + Fraction(1, 2))
    return Decimal(sign * rounded).scaleb(-2)


def month_bounds(month):
    first = month.replace(day=1)
    return first, first + relativedelta(months=1, days=-1)


def fmt_date(day):
    return day.strftime("%d.%m.%Y")


def fmt_amount(amount):
    return f"{amount:,.2f}".replace(",", "\u00a0")


def _merge(intervals):
    """Sort and merge (start, end) intervals."""
    merged = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1][1] = end
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def _uncovered_seconds(intervals, covers, cover_starts):
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


@dataclass
class Cover:
    """Merged time off of one employee (for one set of suspending leave types)."""

    intervals: list
    starts: list = field(init=False)

    def __post_init__(self):
        self.starts = [start for start, _end in self.intervals]

    def covers(self, day_intervals):
        if not self.intervals or not day_intervals:
            return False
        return _uncovered_seconds(day_intervals, self.intervals, self.starts) < COVER_TOLERANCE


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


class AllowanceCalculator:
    """Compute one month of allowance lines for one company.

    ``employee_ids`` (optional) limits the computation to these mentors. ``compute()`` returns
    ``{mentor employee id: [line values, ...]}``, one dict per pair, see :meth:`_compute_pair`.
    """

    def __init__(self, env, company, month, employee_ids=None):
        # Superuser: payroll officers compute from HR data (contracts, time off, schedules) that
        # their own access rights do not open; nothing read here is returned to them unfiltered
        # except through the accruals, whose fields carry their own access groups.
        self.env = env(su=True, context=dict(env.context, active_test=False))
        self.company = company
        self.first, self.last = month_bounds(month)
        self.days = [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]
        self.employee_ids = None if employee_ids is None else list(employee_ids)
        self._schedule_cache = {}
        self._month_days_cache = {}
        self._cover_cache = {}
        self._whole_day_cache = {}

    # --- loading: a constant number of queries ---------------------------------------------

    def _load(self):
        env = self.env
        company = self.company
        first, last = self.first, self.last
        domain = [
            ("company_id", "=", company.id),
            ("state", "in", PAIR_STATES),
            ("mentor_employee_id", "!=", False),
            ("duties_include_mentoring", "=", False),
            ("form_id.allowance_applicable", "=", True),
            ("date_start", "<=", last),
            ("date_end", ">=", first),
            "|",
            ("date_closed", "=", False),
            ("date_closed", ">=", first),
        ]
        if self.employee_ids is not None:
            domain.append(("mentor_employee_id", "in", self.employee_ids))
        self.pairs = env["mentorship.pair"].search_read(
            domain,
            [
                "name",
                "mentor_employee_id",
                "mentee_ids",
                "programme_id",
                "form_id",
                "date_start",
                "date_end",
                "date_closed",
            ],
            order="id",
            load=None,
        )
        mentee_ids = {mentee for pair in self.pairs for mentee in pair["mentee_ids"]}
        self.mentees = {
            rec["id"]: rec
            for rec in env["mentorship.participant"].search_read(
                [("id", "in", list(mentee_ids))], ["name", "employee_id", "partner_id"], load=None
            )
        }
        mentor_ids = {pair["mentor_employee_id"] for pair in self.pairs}
        mentee_employee_ids = {rec["employee_id"] for rec in self.mentees.values() if rec["employee_id"]}
        partner_ids = {rec["partner_id"] for rec in self.mentees.values() if rec["partner_id"]}
        employee_ids = mentor_ids | mentee_employee_ids
        self.employees = {
            rec["id"]: rec
            for rec in env["hr.employee"].search_read(
                [("id", "in", list(employee_ids))],
                ["name", "resource_calendar_id", "resource_id", "company_id", "department_id"],
                load=None,
            )
        }
        # The time zone lives on the resource: one query, rather than the related field's
        # prefetch in chunks of a thousand employees.
        zones = {
            rec["id"]: rec["tz"]
            for rec in env["resource.resource"].search_read(
                [("id", "in", [rec["resource_id"] for rec in self.employees.values()])], ["tz"], load=None
            )
        }
        for rec in self.employees.values():
            rec["tz"] = zones.get(rec["resource_id"])
        self.contracts = defaultdict(list)
        for rec in (
            env["hr.contract"]
            .with_context(active_test=True)
            .search_read(
                [
                    ("employee_id", "in", list(mentor_ids)),
                    ("state", "in", ("open", "close")),
                    ("date_start", "<=", last),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", first),
                ],
                ["employee_id", "date_start", "date_end", "wage", "resource_calendar_id"],
                order="date_start, id",
                load=None,
            )
        ):
            self.contracts[rec["employee_id"]].append(rec)
        company_calendar = company.resource_calendar_id.id
        self.company_calendar_id = company_calendar
        calendar_ids = {company_calendar} | {
            rec["resource_calendar_id"] for rec in self.employees.values() if rec["resource_calendar_id"]
        }
        calendar_ids |= {
            rec["resource_calendar_id"]
            for recs in self.contracts.values()
            for rec in recs
            if rec["resource_calendar_id"]
        }
        calendar_ids.discard(False)
        self.calendars = {
            rec["id"]: rec
            for rec in env["resource.calendar"].search_read(
                [("id", "in", list(calendar_ids))], ["tz", "two_weeks_calendar"], load=None
            )
        }
        self.attendances = defaultdict(list)
        for rec in env["resource.calendar.attendance"].search_read(
            [
                ("calendar_id", "in", list(calendar_ids)),
                ("display_type", "=", False),
                ("day_period", "!=", "lunch"),
            ],
            [
                "calendar_id",
                "dayofweek",
                "hour_from",
                "hour_to",
                "week_type",
                "date_from",
                "date_to",
                "resource_id",
            ],
            load=None,
        ):
            self.attendances[rec["calendar_id"]].append(rec)
        # Schedules are shared by everyone on the same calendar, time zone and company, except
        # the rare resources with attendances of their own.
        self.resource_specific = {
            (rec["calendar_id"], rec["resource_id"])
            for recs in self.attendances.values()
            for rec in recs
            if rec["resource_id"]
        }
        # Time-zone margins: a local day of the month lies within a day of the UTC month.
        self.utc_start = datetime.combine(first - timedelta(days=1), time.min)
        self.utc_end = datetime.combine(last + timedelta(days=2), time.min)
        self.holidays = env["resource.calendar.leaves"].search_read(
            [
                ("resource_id", "=", False),
                ("time_type", "=", "leave"),
                ("date_from", "<", self.utc_end),
                ("date_to", ">", self.utc_start),
            ],
            ["calendar_id", "company_id", "date_from", "date_to", "name"],
            load=None,
        )
        self.leaves = defaultdict(list)
        leave_type_ids = set()
        for rec in env["hr.leave"].search_read(
            [
                ("state", "=", "validate"),
                ("employee_id", "in", list(employee_ids)),
                ("date_from", "<", self.utc_end),
                ("date_to", ">", self.utc_start),
            ],
            ["employee_id", "date_from", "date_to", "holiday_status_id"],
            order="date_from, id",
            load=None,
        ):
            self.leaves[rec["employee_id"]].append(rec)
            leave_type_ids.add(rec["holiday_status_id"])
        self.leave_type_names = {
            rec["id"]: rec["name"]
            for rec in env["hr.leave.type"].search_read([("id", "in", list(leave_type_ids))], ["name"])
        }
        self.absences = defaultdict(list)
        for rec in env["mentorship.absence"].search_read(
            [
                ("partner_id", "in", list(partner_ids)),
                ("company_id", "=", company.id),
                ("date_from", "<=", last),
                ("date_to", ">=", first),
            ],
            ["partner_id", "date_from", "date_to", "reason"],
            order="date_from, id",
            load=None,
        ):
            self.absences[rec["partner_id"]].append(rec)
        self.policies = {}
        for rec in (
            env["mentorship.allowance.policy"]
            .with_context(active_test=True)
            .search_read(
                [("company_id", "=", company.id)],
                [
                    "programme_id",
                    "form_id",
                    "rate",
                    "leave_type_ids",
                    "suspend_on_mentor_leave",
                    "group_mode",
                    "earning_code",
                    "adjustment_months",
                ],
                load=None,
            )
        ):
            self.policies[(rec["programme_id"] or False, rec["form_id"] or False)] = Policy(
                id=rec["id"],
                rate=rec["rate"],
                leave_type_ids=frozenset(rec["leave_type_ids"]) or None,
                suspend_on_mentor_leave=rec["suspend_on_mentor_leave"],
                group_mode=rec["group_mode"],
                earning_code=rec["earning_code"] or DEFAULT_EARNING_CODE,
                adjustment_months=rec["adjustment_months"],
            )

    # --- schedules -----------------------------------------------------------------------------

    def policy_for(self, programme_id, form_id):
        """Most specific first: programme and form, programme, form, company, built-in defaults."""
        for key in policy_scope_keys(programme_id, form_id):
            if key in self.policies:
                return self.policies[key]
        return DEFAULT_POLICY

    def _employee_tz(self, employee):
        calendar = self.calendars.get(employee["resource_calendar_id"]) or {}
        return employee["tz"] or calendar.get("tz") or "UTC"

    def _holiday_cover(self, calendar_id, company_id):
        key = ("holidays", calendar_id, company_id)
        if key not in self._cover_cache:
            self._cover_cache[key] = Cover(
                _merge(
                    (rec["date_from"], rec["date_to"])
                    for rec in self.holidays
                    if rec["calendar_id"] in (False, calendar_id) and rec["company_id"] in (False, company_id)
                )
            )
        return self._cover_cache[key]

    def _schedule(self, calendar_id, tz_name, resource_id, company_id):
        """{day: (attendance intervals, working intervals)} in naive UTC for the month's days;
        working intervals are the attendance less public holidays."""
        key = (calendar_id, tz_name, resource_id, company_id)
        if key in self._schedule_cache:
            return self._schedule_cache[key]
        tz = pytz.timezone(tz_name)
        calendar = self.calendars.get(calendar_id) or {}
        by_weekday = defaultdict(list)
        for att in self.attendances.get(calendar_id, ()):
            if att["resource_id"] and att["resource_id"] != resource_id:
                continue
            week_type = (
                int(att["week_type"]) if calendar.get("two_weeks_calendar") and att["week_type"] else None
            )
            by_weekday[int(att["dayofweek"])].append((week_type, att))
        holidays = self._holiday_cover(calendar_id, company_id)
        schedule = {}
        for day in self.days:
            week_type = int(math.floor((day.toordinal() - 1) / 7) % 2)
            local_midnight = datetime.combine(day, time.min)
            intervals = []
            for att_week_type, att in by_weekday.get(day.weekday(), ()):
                if att_week_type is not None and att_week_type != week_type:
                    continue
                if (att["date_from"] and day < att["date_from"]) or (att["date_to"] and day > att["date_to"]):
                    continue
                start = tz.localize(local_midnight + timedelta(hours=att["hour_from"]))
                end = tz.localize(local_midnight + timedelta(hours=att["hour_to"]))
                intervals.append(
                    (
                        start.astimezone(pytz.utc).replace(tzinfo=None),
                        end.astimezone(pytz.utc).replace(tzinfo=None),
                    )
                )
            intervals = _merge(intervals)
            working = intervals
            if intervals and holidays.intervals:
                working = _subtract(intervals, holidays.intervals)
                if sum((end - start).total_seconds() for start, end in working) < COVER_TOLERANCE:
                    working = []
            schedule[day] = (intervals, working)
        self._schedule_cache[key] = schedule
        return schedule

    def _month_days(self, schedule_key):
        if schedule_key not in self._month_days_cache:
            schedule = self._schedule(*schedule_key)
            self._month_days_cache[schedule_key] = sum(1 for day in self.days if schedule[day][1])
        return self._month_days_cache[schedule_key]

    def _whole_day(self, day, tz_name):
        if (day, tz_name) in self._whole_day_cache:
            return self._whole_day_cache[(day, tz_name)]
        tz = pytz.timezone(tz_name)
        start = tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)
        end = (
            tz.localize(datetime.combine(day + timedelta(days=1), time.min))
            .astimezone(pytz.utc)
            .replace(tzinfo=None)
        )
        self._whole_day_cache[(day, tz_name)] = [(start, end)]
        return self._whole_day_cache[(day, tz_name)]

    def _leave_cover(self, employee_id, leave_type_ids):
        key = ("leaves", employee_id, leave_type_ids)
        if key not in self._cover_cache:
            self._cover_cache[key] = Cover(
                _merge(
                    (rec["date_from"], rec["date_to"])
                    for rec in self.leaves.get(employee_id, ())
                    if leave_type_ids is None or rec["holiday_status_id"] in leave_type_ids
                )
            )
        return self._cover_cache[key]

    def _leaves_touching(self, employee_id, intervals, leave_type_ids):
        found = []
        for rec in self.leaves.get(employee_id, ()):
            if leave_type_ids is not None and rec["holiday_status_id"] not in leave_type_ids:
                continue
            if any(rec["date_from"] < end and rec["date_to"] > start for start, end in intervals):
                found.append(rec)
        return found

    def _employee_schedule_key(self, employee, calendar_id=None):
        calendar_id = calendar_id or employee["resource_calendar_id"] or self.company_calendar_id
        resource_id = employee["resource_id"]
        return (
            calendar_id,
            self._employee_tz(employee),
            resource_id if (calendar_id, resource_id) in self.resource_specific else False,
            employee["company_id"] or self.company.id,
        )

    def _employee_absence(self, employee_id, day, leave_type_ids):
        """Leaves of the employee that cover all their scheduled time on ``day`` (or the whole day
        when nothing is scheduled); an empty list when they are not absent."""
        if not self.leaves.get(employee_id):
            return []
        employee = self.employees[employee_id]
        key = self._employee_schedule_key(employee)
        _attendance, working = self._schedule(*key)[day]
        intervals = working or self._whole_day(day, key[1])
        if not self._leave_cover(employee_id, leave_type_ids).covers(intervals):
            return []
        return self._leaves_touching(employee_id, intervals, leave_type_ids)

    def _student_absence(self, partner_id, day):
        return [rec for rec in self.absences.get(partner_id, ()) if rec["date_from"] <= day <= rec["date_to"]]

    def _contract_on(self, employee_id, day):
        found = None
        for rec in self.contracts.get(employee_id, ()):
            if rec["date_start"] <= day and (not rec["date_end"] or rec["date_end"] >= day):
                found = rec  # ordered by start: the latest one that has begun wins
        return found

    # --- computation ---------------------------------------------------------------------------

    def compute(self):
        self._load()
        result = defaultdict(list)
        for pair in self.pairs:
            values = self._compute_pair(pair)
            if values:
                result[pair["mentor_employee_id"]].append(values)
        return dict(result)

    def _compute_pair(self, pair):  # noqa: C901 - one pass over the days, kept together on purpose
        policy = self.policy_for(pair["programme_id"], pair["form_id"])
        types = policy.leave_type_ids
        end = min(pair["date_end"], pair["date_closed"] or pair["date_end"], self.last)
        start = max(pair["date_start"], self.first)
        if start > end:
            return None
        mentor_id = pair["mentor_employee_id"]
        mentor = self.employees.get(mentor_id)
        if not mentor:
            return None
        mentees = [self.mentees[mid] for mid in pair["mentee_ids"] if mid in self.mentees]
        count = len(mentees)
        # In proportional mode a day is worth (present mentees) / (mentees); otherwise 1 or 0.
        denominator = count if policy.group_mode == "proportional" and count else 1
        mentor_has_leaves = policy.suspend_on_mentor_leave and bool(self.leaves.get(mentor_id))
        # Integer tallies, turned into exact fractions once at the end:
        # full[(wage, days in month)] = days; paid[(wage, days in month)] = shares in 1/denominator.
        full = defaultdict(int)
        paid = defaultdict(int)
        period_days = 0
        eligible_units = 0
        month_days = None
        no_contract_days = 0
        wage_segments = []  # [wage, first day, last day, contract id]
        reasons = {}  # (kind, record id) -> [who, record, first date, last date, days]

        day = start
        one_day = timedelta(days=1)
        while day <= end:
            contract = self._contract_on(mentor_id, day)
            if contract:
                last = wage_segments[-1] if wage_segments else None
                if last and last[3] == contract["id"]:
                    last[2] = day
                else:
                    wage_segments.append([contract["wage"], day, day, contract["id"]])
            key = self._employee_schedule_key(mentor, contract and contract["resource_calendar_id"])
            working = self._schedule(*key)[day][1]
            if not working:
                day += one_day
                continue
            days_in_month = self._month_days(key)
            if month_days is None:
                month_days = days_in_month
            period_days += 1
            wage = contract["wage"] if contract else 0.0
            full[(wage, days_in_month)] += 1
            units = denominator
            day_reasons = []
            if mentor_has_leaves and self._leave_cover(mentor_id, types).covers(working):
                units = 0
                for rec in self._leaves_touching(mentor_id, working, types):
                    day_reasons.append(("leave", rec, None))
            elif count:
                absent = 0
                for mentee in mentees:
                    if mentee["employee_id"]:
                        if mentee["employee_id"] not in self.employees:
                            continue
                        found = self._employee_absence(mentee["employee_id"], day, types)
                        kind = "leave"
                    else:
                        found = self._student_absence(mentee["partner_id"], day)
                        kind = "absence"
                    if found:
                        absent += 1
                        day_reasons.extend((kind, rec, mentee) for rec in found)
                if denominator > 1:
                    units = count - absent
                elif absent == count:
                    units = 0
            if units < denominator:
                for kind, rec, mentee in day_reasons:
                    entry = reasons.get((kind, rec["id"]))
                    if entry is None:
                        entry = reasons[(kind, rec["id"])] = [mentee, rec, 0]
                    entry[2] += 1
            if not contract:
                no_contract_days += 1
                units = 0
            eligible_units += units
            paid[(wage, days_in_month)] += units
            day += one_day
        if not period_days:
            return None
        rate = Fraction(str(policy.rate)) / 100
        full_sum = sum((Fraction(str(w)) * n / d for (w, d), n in full.items()), Fraction(0))
        paid_sum = sum((Fraction(str(w)) * n / d for (w, d), n in paid.items()), Fraction(0)) / denominator
        eligible = Fraction(eligible_units, denominator)
        reason_lines, leave_ids, absence_ids = self._reason_lines(mentor, reasons, no_contract_days)
        return {
            "pair_id": pair["id"],
            "employee_id": mentor_id,
            "programme_id": pair["programme_id"],
            "form_id": pair["form_id"],
            "policy_id": policy.id,
            "rate": policy.rate,
            "group_mode": policy.group_mode,
            "earning_code": policy.earning_code,
            "month_days": month_days or 0,
            "period_days": period_days,
            "eligible_days": round(float(eligible), 2),
            "suspended_days": round(float(period_days - eligible), 2),
            "amount_full": round_half_up(rate * full_sum),
            "amount": round_half_up(rate * paid_sum),
            "wage": wage_segments[-1][0] if wage_segments else 0.0,
            "wage_details": "; ".join(
                self.env._(
                    "%(wage)s from %(start)s to %(end)s",
                    wage=fmt_amount(wage),
                    start=fmt_date(first),
                    end=fmt_date(last),
                )
                for wage, first, last, _contract_id in wage_segments
            ),
            "suspension_reason": "\n".join(reason_lines),
            "leave_ids": leave_ids,
            "absence_ids": absence_ids,
        }

    def _reason_lines(self, mentor, reasons, no_contract_days):
        """Texts and records behind the suspended days, in date order."""
        env = self.env
        items = []
        for (kind, _record_id), (mentee, rec, days) in reasons.items():
            if kind == "absence":
                label = env._("%(person)s: absence (%(reason)s)", person=mentee["name"], reason=rec["reason"])
                date_from, date_to = rec["date_from"], rec["date_to"]
            else:
                type_name = self.leave_type_names.get(rec["holiday_status_id"], "")
                if mentee is None:
                    label = env._("Mentor %(person)s: %(type)s", person=mentor["name"], type=type_name)
                    date_from, date_to = self._local_dates(rec, mentor["id"])
                else:
                    label = env._("%(person)s: %(type)s", person=mentee["name"], type=type_name)
                    date_from, date_to = self._local_dates(rec, mentee["employee_id"])
            items.append((date_from, label, date_to, days, kind, rec["id"]))
        lines, leave_ids, absence_ids = [], [], []
        for date_from, label, date_to, days, kind, record_id in sorted(items):
            period = (
                fmt_date(date_from) if date_from == date_to else f"{fmt_date(date_from)}–{fmt_date(date_to)}"
            )
            lines.append(
                env._("%(label)s %(period)s: %(days)s working days", label=label, period=period, days=days)
            )
            (leave_ids if kind == "leave" else absence_ids).append(record_id)
        if no_contract_days:
            lines.append(env._("No running contract: %(days)s working days", days=no_contract_days))
        return lines, leave_ids, absence_ids

    def _local_dates(self, leave, employee_id):
        """The first and last local dates of a leave in the employee's time zone."""
        tz = pytz.timezone(self._employee_tz(self.employees[employee_id]))
        start = pytz.utc.localize(leave["date_from"]).astimezone(tz)
        end = pytz.utc.localize(leave["date_to"]).astimezone(tz)
        last = end.date() if end.time() != time.min else end.date() - timedelta(days=1)
        return start.date(), max(start.date(), last)


def _subtract(intervals, covers):
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


def month_start(day: date) -> date:
    return day.replace(day=1)
