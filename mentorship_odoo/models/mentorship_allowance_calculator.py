from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import api, models
from odoo.tools import SQL

from ..tools.allowance_calculator import (
    DEFAULT_EARNING_CODE,
    PAIR_STATES,
    Cover,
    PairTally,
    Policy,
    Schedule,
    contract_spans,
    days_of_month,
    fmt_amount,
    fmt_date,
    local_dates,
    local_midnight,
    merge_intervals,
    month_bounds,
    policy_for,
    whole_day,
    working_schedule,
)

# Public holidays: the calendar leaves of no one in particular (time off of a person is read from
# hr.leave, whose records the lines name).
HOLIDAY_DOMAIN = [("time_type", "=", "leave"), ("resource_id", "=", False)]


class AllowanceMonth:
    """What one computation of a month holds between its steps (see
    ``mentorship.allowance.calculator``), for one company or several at once (a region's month is
    one computation, not one per organisation). A plain object: a module that extends a step may
    keep attributes of its own on it."""

    def __init__(self, companies, month, employee_ids=None):
        self.companies = companies
        self.company = companies  # the name of one company's computation, kept for extensions
        self.first, self.last = month_bounds(month)
        self.days = days_of_month(month)
        self.employee_ids = None if employee_ids is None else list(employee_ids)
        self.company_calendars = {}  # company id: its default calendar id (of every person's company)
        self.pairs = []  # search_read rows of mentorship.pair
        self.mentees = {}  # participant id: {name, employee_id, partner_id}
        self.employees = {}  # employee id (mentors and employee mentees): {name, tz, resource_id, …}
        self.contracts = defaultdict(list)  # mentor employee id: contracts by start date
        self.policies = {}  # company id: {(programme id or False, form id or False): Policy}
        self.schedules = {}  # (calendar id, resource id): Schedule
        self.resource_companies = {}  # resource id: company id
        self.resource_calendars = {}  # resource id: calendar id (None: fully flexible)
        self.flexible_calendars = set()  # ids of the calendars of flexible hours
        self.leaves = defaultdict(list)  # employee id: validated hr.leave rows (naive UTC)
        self.leave_type_names = {}
        self.absences = defaultdict(list)  # (company id, partner id): mentorship.absence rows
        self.covers = {}  # cache of Cover by (employee id, leave types)
        self.time_off_days = {}  # cache of the days off by (employee id, leave types)
        self.texts = {}  # translated templates of the lines' texts, looked up once a month
        # Schedules built from the same attendance intervals and holidays (the intervals are
        # kept with them, so that their id is not reused while the month is computed).
        self.built_schedules = {}


class MentorshipAllowanceCalculator(models.AbstractModel):
    """The mentor allowance computation of architecture §5, set-based.

    For one month of one or several companies it reads pairs, mentees, employees, contracts,
    policies, public holidays and the absences in a constant number of queries, takes the working
    time of each distinct working week and time zone from ``resource.calendar`` (one
    ``_attendance_intervals_batch`` call, batched over the people on it, so that two-week and
    flexible-hours calendars and resource-specific attendances count as the calendar defines them;
    holidays are picked as ``_leave_intervals_batch`` picks them, a test compares the two), and then
    computes every pair's line in Python:

    * base: the contract wage of each day (a contract change within the month is honoured day by
      day);
    * proration: ``rate × Σ over eligible working days (wage of that day / working days of the
      month)``, working days from the mentor's schedule in the mentor's time zone, public holidays
      excluded;
    * a day is suspended when an absence of the mentee covers it (validated time off covering all
      of an employee mentee's scheduled time that day in their own schedule and time zone, or a
      recorded absence of a student mentee on that date) or, by policy, when the mentor's own time
      off covers the mentor's working time; groups suspend when all mentees are absent, or
      proportionally (1/n each);
    * amounts are exact fractions until they are rounded half-up to kopecks, once per line
      (``tools/allowance_calculator.py``).

    Each step is a method so that a module can change it by ``_inherit``; an absence source (a
    school information system, say) is added by extending :meth:`_load_absences`,
    :meth:`_mentee_absence_days`, :meth:`_absence_label` and :meth:`_absence_line_fields`.
    Only the loading steps (:meth:`_load` and what it calls) may query the database; the others
    compute from what was loaded (see :meth:`_load_month`).
    """

    _name = "mentorship.allowance.calculator"
    _description = "Mentor Allowance Calculator"

    # --- entry point ---------------------------------------------------------------------------

    @api.model
    def _calculate_month(self, companies, month, employee_ids=None):
        """{mentor employee id: [line values, ...]} of ``month`` for ``companies`` (one or
        several), one dict per pair (see :meth:`_prepare_line_values`); ``employee_ids``
        (optional) limits it to these mentors. Nothing is written."""
        data, tallies = self._calculate_month_tallies(companies, month, employee_ids)
        return {
            employee_id: [self._prepare_line_values(data, pair, tally) for pair, tally in pairs]
            for employee_id, pairs in tallies.items()
        }

    @api.model
    def _calculate_month_tallies(self, companies, month, employee_ids=None):
        """The computation of :meth:`_calculate_month` before the texts of its lines: (the month's
        data, {mentor employee id: [(pair row, PairTally), ...]}; the pair rows carry their
        company). Rechecking a paid month needs the texts of the lines that changed only."""
        data = self._load_month(companies, month, employee_ids)
        return data, self._for_computation()._calculate_tallies(data)

    @api.model
    def _load_month(self, companies, month, employee_ids=None):
        """The month's data (:class:`AllowanceMonth`), read in a constant number of queries: every
        query of a computation is made here. What comes after (:meth:`_calculate_pair`,
        :meth:`_prepare_line_values` and the methods they call) only computes: the engine runs it
        while the lines computed before are being written, in an environment that refuses
        queries (``tools/no_query_env.py``), so an extension reads what it needs in :meth:`_load`."""
        calculator = self._for_computation()
        data = calculator._prepare_month(companies, month, employee_ids)
        calculator._load(data)
        return data

    @api.model
    def _for_computation(self):
        # Superuser: payroll officers compute from HR data (contracts, time off, schedules) that
        # their own access rights do not open; nothing read here is returned to them unfiltered
        # except through the accruals, whose fields carry their own access groups. Archived
        # records (a mentee who left, an old leave type) still count for the month.
        return self.sudo().with_context(active_test=False)

    @api.model
    def _prepare_month(self, companies, month, employee_ids=None):
        return AllowanceMonth(companies, month, employee_ids)

    # --- loading: a constant number of queries -------------------------------------------------

    @api.model
    def _read_rows(self, model_name, domain, fnames, order=None):
        """``search_read(domain, fnames, order=order, load=None)`` of stored column fields, as
        plain rows read in one query: a region's month reads tens of thousands of records, and the
        ORM's per-record formatting would cost more than the computation. Empty values are None,
        many2one fields ids, monetary and numeric columns floats."""
        Model = self.env[model_name]
        query = Model._search(domain, order=order)
        columns = [SQL("%s AS id", SQL.identifier(Model._table, "id"))]
        numeric = []
        for fname in fnames:
            field = Model._fields[fname]
            column = Model._field_to_sql(Model._table, fname, query)
            columns.append(SQL("%s AS %s", column, SQL.identifier(fname)))
            if field.type in ("float", "monetary"):
                numeric.append(fname)
        rows = self.env.execute_query_dict(query.select(*columns))
        for row in rows:
            for fname in numeric:
                row[fname] = float(row[fname] or 0.0)
        return rows

    @api.model
    def _read_relation(self, model_name, fname, ids):
        """{record id: [ids]} of the many2many ``fname`` of the records ``ids``, in one query."""
        field = self.env[model_name]._fields[fname]
        found = defaultdict(list)
        if ids:
            for record_id, target_id in self.env.execute_query(
                SQL(
                    "SELECT %s, %s FROM %s WHERE %s = ANY(%s) ORDER BY %s",
                    SQL.identifier(field.column1),
                    SQL.identifier(field.column2),
                    SQL.identifier(field.relation),
                    SQL.identifier(field.column1),
                    list(ids),
                    SQL.identifier(field.column2),
                )
            ):
                found[record_id].append(target_id)
        return found

    @api.model
    def _load(self, data):
        self._load_pairs(data)
        self._load_people(data)
        self._load_contracts(data)
        self._load_policies(data)
        self._load_schedules(data)
        self._load_absences(data)

    @api.model
    def _pair_domain(self, data):
        """The pairs that may earn an allowance in the month."""
        domain = [
            ("company_id", "in", data.companies.ids),
            ("state", "in", PAIR_STATES),
            ("mentor_employee_id", "!=", False),
            ("duties_include_mentoring", "=", False),
            ("form_id.allowance_applicable", "=", True),
            ("date_start", "<=", data.last),
            ("date_end", ">=", data.first),
            "|",
            ("date_closed", "=", False),
            ("date_closed", ">=", data.first),
        ]
        if data.employee_ids is not None:
            domain.append(("mentor_employee_id", "in", data.employee_ids))
        return domain

    @api.model
    def _load_pairs(self, data):
        data.pairs = self._read_rows(
            "mentorship.pair",
            self._pair_domain(data),
            ["name", "company_id", "mentor_employee_id", "programme_id", "form_id"]
            + ["date_start", "date_end", "date_closed"],
            order="id",
        )
        mentees = self._read_relation("mentorship.pair", "mentee_ids", [pair["id"] for pair in data.pairs])
        for pair in data.pairs:
            pair["mentee_ids"] = mentees.get(pair["id"], [])

    @api.model
    def _load_people(self, data):
        """Mentees, and the employees among mentors and mentees with their time zones."""
        mentee_ids = {mentee for pair in data.pairs for mentee in pair["mentee_ids"]}
        data.mentees = {
            rec["id"]: rec
            for rec in self._read_rows(
                "mentorship.participant",
                [("id", "in", list(mentee_ids))],
                ["name", "employee_id", "partner_id", "company_id"],
            )
        }
        employee_ids = {pair["mentor_employee_id"] for pair in data.pairs}
        employee_ids |= {rec["employee_id"] for rec in data.mentees.values() if rec["employee_id"]}
        data.employees = {
            rec["id"]: rec
            for rec in self._read_rows(
                "hr.employee",
                [("id", "in", list(employee_ids))],
                ["name", "resource_calendar_id", "resource_id", "company_id", "department_id"],
            )
        }
        company_ids = set(data.companies.ids) | {rec["company_id"] for rec in data.employees.values()}
        data.company_calendars = {
            rec["id"]: rec["resource_calendar_id"]
            for rec in self._read_rows(
                "res.company", [("id", "in", sorted(company_ids))], ["resource_calendar_id"]
            )
        }
        # The time zone lives on the resource; whether a person's time is flexible, on its calendar.
        resources = self._read_rows(
            "resource.resource",
            [("id", "in", sorted({rec["resource_id"] for rec in data.employees.values()}))],
            ["tz", "calendar_id", "company_id"],
        )
        data.resource_companies = {rec["id"]: rec["company_id"] for rec in resources}
        data.resource_calendars = {rec["id"]: rec["calendar_id"] for rec in resources}
        calendar_ids = {rec["calendar_id"] for rec in resources if rec["calendar_id"]}
        calendars = self._read_rows(
            "resource.calendar",
            [("id", "in", sorted((calendar_ids | set(data.company_calendars.values())) - {False, None}))],
            ["tz", "flexible_hours"],
        )
        data.flexible_calendars = {rec["id"] for rec in calendars if rec["flexible_hours"]}
        zones = {rec["id"]: rec["tz"] for rec in resources}
        calendar_zones = {rec["id"]: rec["tz"] for rec in calendars}
        for rec in data.employees.values():
            rec["tz"] = (
                zones.get(rec["resource_id"]) or calendar_zones.get(rec["resource_calendar_id"]) or "UTC"
            )

    @api.model
    def _resource_is_flexible(self, data, resource_id):
        """``resource.resource._is_flexible()`` from the month's data: no calendar, or a calendar
        of flexible hours."""
        calendar_id = data.resource_calendars.get(resource_id)
        return not calendar_id or calendar_id in data.flexible_calendars

    @api.model
    def _load_contracts(self, data):
        mentor_ids = {pair["mentor_employee_id"] for pair in data.pairs}
        for rec in self.with_context(active_test=True)._read_rows(
            "hr.contract",
            [
                ("employee_id", "in", list(mentor_ids)),
                ("state", "in", ("open", "close")),
                ("date_start", "<=", data.last),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", data.first),
            ],
            ["employee_id", "date_start", "date_end", "wage", "resource_calendar_id"],
            order="date_start, id",
        ):
            data.contracts[rec["employee_id"]].append(rec)

    @api.model
    def _load_policies(self, data):
        for rec in (
            self.env["mentorship.allowance.policy"]
            .with_context(active_test=True)
            .search_read(
                [("company_id", "in", data.companies.ids)],
                [
                    "company_id",
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
            company_policies = data.policies.setdefault(rec["company_id"], {})
            company_policies[(rec["programme_id"] or False, rec["form_id"] or False)] = Policy(
                id=rec["id"],
                rate=rec["rate"],
                leave_type_ids=frozenset(rec["leave_type_ids"]) or None,
                suspend_on_mentor_leave=rec["suspend_on_mentor_leave"],
                group_mode=rec["group_mode"],
                earning_code=rec["earning_code"] or DEFAULT_EARNING_CODE,
                adjustment_months=rec["adjustment_months"],
            )

    # --- schedules -----------------------------------------------------------------------------

    @api.model
    def _employee_calendar_id(self, data, employee, contract=None):
        """The calendar of ``employee`` on a day of ``contract``: the contract's, else the
        employee's, else their company's."""
        return (
            (contract and contract["resource_calendar_id"])
            or employee["resource_calendar_id"]
            or data.company_calendars.get(employee["company_id"])
        )

    @api.model
    def _schedule_needs(self, data):
        """{(calendar id, time zone): resource ids}: every schedule the month needs, the
        mentors' in each calendar of their contracts, the employee mentees' in their own."""
        needs = defaultdict(set)
        mentor_ids = {pair["mentor_employee_id"] for pair in data.pairs}
        for employee_id, employee in data.employees.items():
            contracts = data.contracts.get(employee_id, ()) if employee_id in mentor_ids else ()
            for contract in (None, *contracts):
                calendar_id = self._employee_calendar_id(data, employee, contract)
                needs[(calendar_id, employee["tz"])].add(employee["resource_id"])
        return needs

    @api.model
    def _load_schedules(self, data):
        """The working schedule of every person in every calendar the month needs: one call of
        each resource.calendar interval method per distinct calendar and time zone, and one
        attendance call for calendars that define the same working week (every organisation of a
        region has its own copy of the standard 40-hour week)."""
        Calendar = self.env["resource.calendar"]
        needs = self._schedule_needs(data)
        calendar_ids = sorted({calendar_id for calendar_id, _tz in needs if calendar_id})
        calendars = Calendar.browse(calendar_ids)
        calendars.fetch(["tz", "two_weeks_calendar", "flexible_hours", "hours_per_day", "company_id"])
        weeks, own = self._calendar_weeks(calendar_ids)
        self._load_holidays(data)
        shared = {}  # (week, time zone): attendance intervals of the resources without their own
        for (calendar_id, tz_name), resource_ids in sorted(needs.items()):
            if not calendar_id:
                # Neither the person nor the company has a calendar: no working days.
                empty = Schedule({day: [] for day in data.days}, 0)
                data.schedules.update({(False, resource_id): empty for resource_id in resource_ids})
                continue
            calendar = Calendar.browse(calendar_id)
            key = (weeks[calendar_id], calendar.two_weeks_calendar, tz_name)
            self._load_calendar_schedules(
                data, calendar, tz_name, sorted(resource_ids), own.get(calendar_id, set()), shared, key
            )

    @api.model
    def _calendar_weeks(self, calendar_ids):
        """({calendar id: its working week, as the attendances that
        ``resource.calendar._attendance_intervals_batch`` gives everyone}, {calendar id: ids of the
        resources with attendances of their own}), in one query."""
        weeks, own = defaultdict(list), defaultdict(set)
        for rec in self._read_rows(
            "resource.calendar.attendance",
            [
                ("calendar_id", "in", calendar_ids),
                ("display_type", "=", False),
                ("day_period", "!=", "lunch"),
            ],
            ["calendar_id", "resource_id", "dayofweek", "week_type", "date_from", "date_to"]
            + ["hour_from", "hour_to"],
        ):
            if rec["resource_id"]:
                own[rec["calendar_id"]].add(rec["resource_id"])
            else:
                weeks[rec["calendar_id"]].append(
                    (
                        rec["dayofweek"],
                        rec["week_type"] or "",
                        rec["date_from"] or "",
                        rec["date_to"] or "",
                        rec["hour_from"],
                        rec["hour_to"],
                    )
                )
        return {calendar_id: tuple(sorted(weeks[calendar_id])) for calendar_id in calendar_ids}, own

    @api.model
    def _load_holidays(self, data):
        """The public holidays around the month (the calendar leaves of no one in particular), of
        every calendar and company, in one query."""
        margin_start = datetime.combine(data.first - timedelta(days=2), time.min)
        margin_end = datetime.combine(data.last + timedelta(days=3), time.min)
        data.holidays = self._read_rows(
            "resource.calendar.leaves",
            HOLIDAY_DOMAIN + [("date_from", "<=", margin_end), ("date_to", ">=", margin_start)],
            ["calendar_id", "company_id", "date_from", "date_to"],
            order="date_from, id",
        )

    @api.model
    def _calendar_holidays(self, data, calendar_id, company_id, tz, start, end):
        """The public holidays of a resource of ``company_id`` on ``calendar_id`` between the local
        ``start`` and ``end``, as ``resource.calendar._leave_intervals_batch`` gives them with
        :data:`HOLIDAY_DOMAIN`: the leaves of that calendar or of none, of the resource's company,
        clipped to the period (which, like the calendar, it compares by wall-clock time)."""
        bound_from, bound_to = end.replace(tzinfo=None), start.replace(tzinfo=None)
        found = []
        for rec in data.holidays:
            if (
                rec["calendar_id"] in (None, calendar_id)
                and rec["company_id"] == company_id
                and rec["date_from"] <= bound_from
                and rec["date_to"] >= bound_to
            ):
                first = max(start, pytz.utc.localize(rec["date_from"]).astimezone(tz))
                last = min(end, pytz.utc.localize(rec["date_to"]).astimezone(tz))
                if first < last:
                    found.append((first, last))
        return tuple(sorted(found))

    @api.model
    def _load_calendar_schedules(self, data, calendar, tz_name, resource_ids, own, shared, key):
        tz = pytz.timezone(tz_name)
        start = local_midnight(data.first, tz)
        end = local_midnight(data.last + timedelta(days=1), tz)
        Resource = self.env["resource.resource"]
        # The calendar gives its own attendance intervals to every resource but the flexible ones
        # and those with attendances of their own: only these are asked for one by one, and the
        # others share the intervals of the first calendar of the same week and time zone.
        special = [rid for rid in resource_ids if rid in own or self._resource_is_flexible(data, rid)]
        if special or key not in shared:
            attendances = calendar._attendance_intervals_batch(start, end, Resource.browse(special), tz=tz)
            shared.setdefault(key, attendances[False])
        else:
            attendances = {}
        common = shared[key]
        company_of = data.resource_companies
        holidays = {
            company_id: self._calendar_holidays(data, calendar.id, company_id, tz, start, end)
            for company_id in {company_of[resource_id] for resource_id in resource_ids}
        }
        # Most people share one result: build each distinct schedule once for the month.
        built = data.built_schedules
        for resource_id in resource_ids:
            attendance = attendances.get(resource_id, common)
            off = holidays[company_of[resource_id]]
            schedule_key = (id(attendance), off, tz_name)
            if schedule_key not in built:
                intervals = [(start, stop) for start, stop, _attendance in attendance]
                built[schedule_key] = (attendance, working_schedule(intervals, off, tz, data.days))
            data.schedules[(calendar.id, resource_id)] = built[schedule_key][1]

    @api.model
    def _employee_schedule(self, data, employee, contract=None):
        return data.schedules[(self._employee_calendar_id(data, employee, contract), employee["resource_id"])]

    # --- absences ------------------------------------------------------------------------------

    @api.model
    def _load_absences(self, data):
        """Every source of absences of the month. A module with another source of absences extends
        this to load it (keeping it on ``data``), and :meth:`_mentee_absence_days` to use it."""
        self._load_time_off(data)
        self._load_student_absences(data)

    @api.model
    def _load_time_off(self, data):
        """Validated time off (hr.leave) of the mentors and employee mentees, in naive UTC; the time
        off of a flexible employee spans whole local days, as resource.calendar reads it."""
        env = self.env
        # A day of the month in any time zone lies within a day of the month in UTC.
        margin_start = datetime.combine(data.first - timedelta(days=1), time.min)
        margin_end = datetime.combine(data.last + timedelta(days=2), time.min)
        leave_type_ids = set()
        for rec in self._read_rows(
            "hr.leave",
            [
                ("state", "=", "validate"),
                ("employee_id", "in", list(data.employees)),
                ("date_from", "<", margin_end),
                ("date_to", ">", margin_start),
            ],
            ["employee_id", "date_from", "date_to", "holiday_status_id"],
            order="date_from, id",
        ):
            data.leaves[rec["employee_id"]].append(rec)
            leave_type_ids.add(rec["holiday_status_id"])
        data.leave_type_names = {
            rec["id"]: rec["name"]
            for rec in env["hr.leave.type"].search_read([("id", "in", list(leave_type_ids))], ["name"])
        }
        for employee_id, leaves in data.leaves.items():
            employee = data.employees[employee_id]
            if self._resource_is_flexible(data, employee["resource_id"]):
                self._expand_flexible_time_off(data, employee, leaves)

    @api.model
    def _expand_flexible_time_off(self, data, employee, leaves):
        """Stretch the time off of a flexible employee over whole local days, through the calendar
        hook that does the same for its own leaves (a flexible day off is stored from midnight to
        midnight, or with no length at all)."""
        calendar = self.env["resource.calendar"].browse(self._employee_calendar_id(data, employee))
        tz = pytz.timezone(employee["tz"])
        for rec in leaves:
            start, stop = calendar._handle_flexible_leave_interval(
                pytz.utc.localize(rec["date_from"]).astimezone(tz),
                pytz.utc.localize(rec["date_to"]).astimezone(tz),
                self.env["hr.leave"].browse(rec["id"]),
            )
            rec["date_from"] = start.astimezone(pytz.utc).replace(tzinfo=None)
            rec["date_to"] = stop.astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _load_student_absences(self, data):
        """Recorded absences (mentorship.absence) of the mentees who are not employees, each in the
        company where it was recorded."""
        partner_ids = {rec["partner_id"] for rec in data.mentees.values() if rec["partner_id"]}
        for rec in self._read_rows(
            "mentorship.absence",
            [
                ("partner_id", "in", list(partner_ids)),
                ("company_id", "in", data.companies.ids),
                ("date_from", "<=", data.last),
                ("date_to", ">=", data.first),
            ],
            ["partner_id", "company_id", "date_from", "date_to", "reason"],
            order="date_from, id",
        ):
            data.absences[(rec["company_id"], rec["partner_id"])].append(rec)

    @api.model
    def _changed_absence_partners(self, since):
        """[(partner id, write date)] of the absences of another source written from ``since`` on
        (see ``mentorship.allowance.check``): a module with another source of absences adds them,
        and its table to ``mentorship.allowance.check._signature_tables`` for deletions."""
        return []

    @api.model
    def _time_off_cover(self, data, employee_id, leave_type_ids):
        key = (employee_id, leave_type_ids)
        if key not in data.covers:
            data.covers[key] = Cover(
                merge_intervals(
                    (rec["date_from"], rec["date_to"])
                    for rec in data.leaves.get(employee_id, ())
                    if leave_type_ids is None or rec["holiday_status_id"] in leave_type_ids
                )
            )
        return data.covers[key]

    @api.model
    def _time_off_covering(self, data, employee_id, intervals, policy):
        """[("leave", time off)] of the employee's time off (of the policy's types) behind
        ``intervals`` when together it covers them all; empty when it does not."""
        types = policy.leave_type_ids
        if not self._time_off_cover(data, employee_id, types).covers(intervals):
            return []
        return [
            ("leave", rec)
            for rec in data.leaves[employee_id]
            if (types is None or rec["holiday_status_id"] in types)
            and any(rec["date_from"] < end and rec["date_to"] > start for start, end in intervals)
        ]

    @api.model
    def _employee_time_off_days(self, data, employee_id, policy):
        """{day: [("leave", time off)]} of the days on which the time off of an employee (of the
        policy's types) covers all their scheduled time (the whole day when nothing is scheduled);
        only the days that the time off touches are looked at."""
        leaves = data.leaves.get(employee_id)
        employee = data.employees.get(employee_id)
        if not leaves or not employee:
            return {}
        key = (employee_id, policy.leave_type_ids)
        if key in data.time_off_days:
            return data.time_off_days[key]
        schedule = self._employee_schedule(data, employee)
        tz = pytz.timezone(employee["tz"])
        touched = set()
        for rec in leaves:
            first, last = local_dates(rec["date_from"], rec["date_to"], tz)
            first, last = max(first, data.first), min(last, data.last)
            touched.update(first + timedelta(days=n) for n in range((last - first).days + 1))
        found = {}
        for day in sorted(touched):
            working = schedule.days[day] or whole_day(day, tz)
            covering = self._time_off_covering(data, employee_id, working, policy)
            if covering:
                found[day] = covering
        data.time_off_days[key] = found
        return found

    @api.model
    def _student_absence_days(self, data, mentee):
        """{day: [("absence", record)]} of the recorded absences of a student mentee, in the
        mentee's company (a pair's mentees are of its company)."""
        found = {}
        if mentee["employee_id"]:
            return found
        if mentee["company_id"]:
            recorded = data.absences.get((mentee["company_id"], mentee["partner_id"]), ())
        else:
            recorded = [
                rec
                for company_id in data.companies.ids
                for rec in data.absences.get((company_id, mentee["partner_id"]), ())
            ]
        for rec in recorded:
            day, last = max(rec["date_from"], data.first), min(rec["date_to"], data.last)
            while day <= last:
                found.setdefault(day, []).append(("absence", rec))
                day += timedelta(days=1)
        return found

    @api.model
    def _mentee_absence_days(self, data, mentee, policy):
        """{day: [(kind, record)]} of the days of the month on which ``mentee`` is absent, with
        the absences behind each; the kind names the source (see :meth:`_absence_line_fields`).
        A module with another source of absences adds its days here. The result is only read."""
        found = self._student_absence_days(data, mentee)
        if mentee["employee_id"]:
            time_off = self._employee_time_off_days(data, mentee["employee_id"], policy)
            if not found:
                return time_off
            for day, items in time_off.items():
                found[day] = found.get(day, []) + items
        return found

    @api.model
    def _absence_line_fields(self):
        """{kind of absence: the Many2many of mentorship.allowance.line that lists its records}."""
        return {"leave": "leave_ids", "absence": "absence_ids"}

    # --- computation ---------------------------------------------------------------------------

    @api.model
    def _calculate_lines(self, data):
        return {
            employee_id: [self._prepare_line_values(data, pair, tally) for pair, tally in pairs]
            for employee_id, pairs in self._calculate_tallies(data).items()
        }

    @api.model
    def _calculate_tallies(self, data):
        result = defaultdict(list)
        for pair in data.pairs:
            tally = self._calculate_pair(data, pair)
            if tally:
                result[pair["mentor_employee_id"]].append((pair, tally))
        return dict(result)

    @api.model
    def _calculate_pair(self, data, pair):
        """The :class:`PairTally` of ``pair`` over its working days of the month, or None when it
        has none (or its mentor is not loaded)."""
        policy = policy_for(data.policies.get(pair["company_id"], {}), pair["programme_id"], pair["form_id"])
        end = min(pair["date_end"], pair["date_closed"] or pair["date_end"], data.last)
        start = max(pair["date_start"], data.first)
        mentor_id = pair["mentor_employee_id"]
        mentor = data.employees.get(mentor_id)
        if start > end or not mentor:
            return None
        mentees = [data.mentees[mid] for mid in pair["mentee_ids"] if mid in data.mentees]
        # In proportional mode a day is worth (present mentees) / (mentees); otherwise 1 or 0.
        tally = PairTally(policy, len(mentees), proportional=policy.group_mode == "proportional")
        absences = [(mentee, self._mentee_absence_days(data, mentee, policy)) for mentee in mentees]
        absences = [(mentee, days) for mentee, days in absences if days]
        mentor_has_leaves = policy.suspend_on_mentor_leave and bool(data.leaves.get(mentor_id))
        for first, last, contract in contract_spans(data.contracts.get(mentor_id, ()), start, end):
            schedule = self._employee_schedule(data, mentor, contract)
            tally.add_contract_span(contract, first, last)
            if not mentor_has_leaves and not absences:
                # Nobody absent (most pairs): the working days are counted, not walked.
                tally.add_present_days(contract, schedule.month_days, schedule.working_days(first, last))
                continue
            day = first
            while day <= last:
                working = schedule.days[day]
                if working:
                    self._add_working_day(data, tally, pair, policy, contract, schedule, day, absences)
                day += timedelta(days=1)
        return tally if tally.period_days else None

    @api.model
    def _add_working_day(self, data, tally, pair, policy, contract, schedule, day, absences):
        """One working day of the mentor of ``pair`` on which someone may be absent."""
        mentor_id = pair["mentor_employee_id"]
        mentor_absent = (
            policy.suspend_on_mentor_leave
            and data.leaves.get(mentor_id)
            and self._time_off_covering(data, mentor_id, schedule.days[day], policy)
        )
        if mentor_absent:
            reasons = [(kind, rec, None) for kind, rec in mentor_absent]
            tally.add_day(contract, schedule.month_days, reasons, mentor_absent=True)
        elif absences:
            tally.add_day(
                contract,
                schedule.month_days,
                [(kind, rec, mentee) for mentee, days in absences for kind, rec in days.get(day, ())],
                absent_mentees=sum(1 for _mentee, days in absences if day in days),
            )
        else:
            tally.add_day(contract, schedule.month_days, ())

    # --- lines ---------------------------------------------------------------------------------

    @api.model
    def _prepare_line_values(self, data, pair, tally):
        """The values of one pair's line: amounts as exact Decimals in kopecks, days, the wages
        used and the reasons for suspension with their records."""
        policy = tally.policy
        reason_lines, records = self._reason_lines(data, data.employees[pair["mentor_employee_id"]], tally)
        wage_text = data.texts.get("wage")
        if wage_text is None:
            wage_text = data.texts["wage"] = self.env._("%(wage)s from %(start)s to %(end)s")
        values = {
            "pair_id": pair["id"],
            "employee_id": pair["mentor_employee_id"],
            "programme_id": pair["programme_id"],
            "form_id": pair["form_id"],
            "policy_id": policy.id,
            "rate": policy.rate,
            "group_mode": policy.group_mode,
            "earning_code": policy.earning_code,
            "month_days": tally.month_days or 0,
            "period_days": tally.period_days,
            "eligible_days": round(float(tally.eligible_days), 2),
            "suspended_days": round(float(tally.suspended_days), 2),
            "amount_full": tally.amount_full(),
            "amount": tally.amount(),
            "wage": tally.wage_segments[-1][0] if tally.wage_segments else 0.0,
            "wage_details": "; ".join(
                wage_text % {"wage": fmt_amount(wage), "start": fmt_date(first), "end": fmt_date(last)}
                for wage, first, last, _contract_id in tally.wage_segments
            ),
            "suspension_reason": "\n".join(reason_lines),
        }
        for kind, field_name in self._absence_line_fields().items():
            values[field_name] = records.get(kind, [])
        return values

    @api.model
    def _absence_label(self, data, mentor, kind, rec, mentee):
        """(label, first date, last date) of one absence in the reasons for suspension; ``mentee``
        is None for the mentor's own time off."""
        if kind == "absence":
            label = self.env._(
                "%(person)s: absence (%(reason)s)", person=mentee["name"], reason=rec["reason"]
            )
            return label, rec["date_from"], rec["date_to"]
        type_name = data.leave_type_names.get(rec["holiday_status_id"], "")
        if mentee is None:
            label = self.env._("Mentor %(person)s: %(type)s", person=mentor["name"], type=type_name)
            employee = mentor
        else:
            label = self.env._("%(person)s: %(type)s", person=mentee["name"], type=type_name)
            employee = data.employees[mentee["employee_id"]]
        return (label, *local_dates(rec["date_from"], rec["date_to"], pytz.timezone(employee["tz"])))

    @api.model
    def _reason_lines(self, data, mentor, tally):
        """Texts behind the suspended days in date order, and {kind: record ids}."""
        env = self.env
        items = []
        for (kind, record_id), (mentee, rec, days) in tally.reasons.items():
            label, date_from, date_to = self._absence_label(data, mentor, kind, rec, mentee)
            items.append((date_from, label, date_to, days, kind, record_id))
        lines, records = [], defaultdict(list)
        for date_from, label, date_to, days, kind, record_id in sorted(items):
            period = (
                fmt_date(date_from) if date_from == date_to else f"{fmt_date(date_from)}–{fmt_date(date_to)}"
            )
            lines.append(
                env._("%(label)s %(period)s: %(days)s working days", label=label, period=period, days=days)
            )
            records[kind].append(record_id)
        if tally.no_contract_days:
            lines.append(env._("No running contract: %(days)s working days", days=tally.no_contract_days))
        return lines, records
