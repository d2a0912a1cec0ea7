from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

# The sources of a month's accruals whose rows may be deleted, with the column naming their
# company (None: shared by every company). A deleted row leaves no write date behind: the number of
# rows up to the highest id seen at the last check tells that one went.
SIGNATURE_TABLES = {
    "mentorship_pair": "company_id",
    "mentorship_participant": "company_id",
    "mentorship_absence": "company_id",
    "hr_contract": "company_id",
    "hr_leave": "employee_company_id",
    "mentorship_allowance_policy": "company_id",
    "resource_calendar": None,
    "resource_calendar_attendance": None,
    "resource_calendar_leaves": None,
}


class MentorshipAllowanceCheck(models.Model):
    """When the accruals of a company's month were last computed against their sources.

    Rechecking a paid month recomputes only the mentors whose sources (pairs, mentees, employees,
    contracts, time off, absences) were written since then, the mentors whose difference is still
    waiting in a draft, and every mentor of the company when its policies, calendars or holidays
    changed or a source row was deleted. A region's month otherwise recomputes its three paid months
    in full every time, for the few pairs that a late sick note changes."""

    _name = "mentorship.allowance.check"
    _description = "Mentor Allowance Recheck"
    _order = "month desc, company_id"

    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True, ondelete="cascade")
    month = fields.Date(required=True, readonly=True, help="The first day of the month checked.")
    checked_at = fields.Datetime(
        string="Checked As Of",
        required=True,
        readonly=True,
        help="Sources written from this moment on are looked at again by the next recheck.",
    )
    signature = fields.Json(
        string="Source Rows", readonly=True, help="{table: [highest id, rows of the company up to it]}."
    )
    pending_employee_ids = fields.Json(
        string="Mentors Waiting",
        readonly=True,
        help="Mentors to recompute at the next recheck whatever changes: their difference waits in a "
        "draft, or their accrual of the month being generated was already confirmed.",
    )

    _sql_constraints = [
        ("company_month_uniq", "unique (company_id, month)", "A company's month is checked once."),
    ]

    # --- when -----------------------------------------------------------------------------------

    @api.model
    def _horizon(self):
        """The start of the oldest transaction running now (ours included): a row that this
        transaction cannot see yet will carry a later write date. PostgreSQL shows the start of
        the transactions of the same role (Odoo's workers and crons); a program writing the sources
        under another role should write them in short transactions."""
        self.env.cr.execute(
            """SELECT least(min(xact_start), now()) AT TIME ZONE 'UTC'
                 FROM pg_stat_activity
                WHERE datname = current_database() AND xact_start IS NOT NULL"""
        )
        return self.env.cr.fetchone()[0]

    @api.model
    def _signature(self, company_ids):
        """{company id: {table: [highest id, rows of the company up to it]}} of the tables of
        :data:`SIGNATURE_TABLES` (rows shared by every company counted for each)."""
        self.env.flush_all()
        result = {company_id: {} for company_id in company_ids}
        for table, column in self._signature_tables().items():
            self.env.cr.execute(SQL("SELECT coalesce(max(id), 0) FROM %s", SQL.identifier(table)))
            top = self.env.cr.fetchone()[0]
            for (company_id, _top), count in self._count_up_to(table, column, [top], company_ids).items():
                result[company_id][table] = [top, count]
        return result

    @api.model
    def _signature_tables(self):
        """{table: company column or None}: a module with another source adds its table here."""
        return dict(SIGNATURE_TABLES)

    @api.model
    def _count_up_to(self, table, column, tops, company_ids):
        """{(company id, top): rows of ``table`` of the company with an id up to ``top``} for each
        of ``tops``, in one query (the rows of all companies when ``column`` is None)."""
        counts = SQL(", ").join(SQL("count(*) FILTER (WHERE id <= %s)", top) for top in tops)
        if column is None:
            self.env.cr.execute(SQL("SELECT %s FROM %s", counts, SQL.identifier(table)))
            found = self.env.cr.fetchone()
            return {(company_id, top): found[n] for company_id in company_ids for n, top in enumerate(tops)}
        self.env.cr.execute(
            SQL(
                "SELECT %s, %s FROM %s WHERE %s = ANY(%s) GROUP BY 1",
                SQL.identifier(column),
                counts,
                SQL.identifier(table),
                SQL.identifier(column),
                list(company_ids),
            )
        )
        by_company = {row[0]: row[1:] for row in self.env.cr.fetchall()}
        return {
            (company_id, top): by_company[company_id][n] if company_id in by_company else 0
            for company_id in company_ids
            for n, top in enumerate(tops)
        }

    @api.model
    def _with_deletions(self, checks):
        """The checks after which a source row of their company was deleted."""
        tables = self._signature_tables()
        entries = defaultdict(list)  # table: [(check, top, count)]
        for check in checks:
            for table, (top, count) in (check["signature"] or {}).items():
                if table in tables:
                    entries[table].append((check, top, count))
        found = set()
        for table, table_entries in entries.items():
            counts = self._count_up_to(
                table,
                tables[table],
                sorted({top for _check, top, _count in table_entries}),
                sorted({check["company_id"] for check, _top, _count in table_entries}),
            )
            found.update(
                check["id"]
                for check, top, count in table_entries
                if counts[(check["company_id"], top)] != count
            )
        # A check without the signature of a table (a module installed since) cannot tell.
        found.update(check["id"] for check in checks if set(tables) - set(check["signature"] or {}))
        return found

    # --- what changed ---------------------------------------------------------------------------

    @api.model
    def _changed_mentors(self, company_ids, since):
        """({(company id, mentor employee id): latest write}, {company id: latest write of what
        concerns every mentor of the company}) of the sources written from ``since`` on: pairs,
        mentees, employees and their resources, contracts, time off, student absences (and what
        :meth:`mentorship.allowance.calculator._changed_absence_partners` adds), cancelled
        accruals; policies, the company, calendars and public holidays for the whole company."""
        cr = self.env.cr
        mentors = defaultdict(lambda: since)
        companies = defaultdict(lambda: since)

        def touch(target, key, written):
            target[key] = max(target[key], written)

        # Employees whose schedule, time zone, contracts or time off changed.
        employees = defaultdict(lambda: since)
        cr.execute(
            """SELECT e.id, greatest(e.write_date, r.write_date)
                 FROM hr_employee e JOIN resource_resource r ON r.id = e.resource_id
                WHERE e.write_date >= %(since)s OR r.write_date >= %(since)s
               UNION ALL
               SELECT employee_id, write_date FROM hr_contract WHERE write_date >= %(since)s
               UNION ALL
               SELECT employee_id, write_date FROM hr_leave WHERE write_date >= %(since)s""",
            {"since": since},
        )
        for employee_id, written in cr.fetchall():
            touch(employees, employee_id, written)
        partners = defaultdict(lambda: since)
        cr.execute(
            "SELECT partner_id, write_date FROM mentorship_absence WHERE write_date >= %s",
            [since],
        )
        extra = self.env["mentorship.allowance.calculator"]._changed_absence_partners(since)
        for partner_id, written in cr.fetchall() + list(extra):
            touch(partners, partner_id, written)
        cr.execute(
            "SELECT id, write_date FROM mentorship_participant WHERE write_date >= %s",
            [since],
        )
        participants = dict(cr.fetchall())
        # The pairs behind them: the mentor of a pair whose mentor or a mentee changed.
        cr.execute(
            """SELECT p.id, p.company_id, p.mentor_employee_id, p.write_date,
                      par.id, par.employee_id, par.partner_id
                 FROM mentorship_pair p
                 LEFT JOIN mentorship_pair_mentee_rel rel ON rel.pair_id = p.id
                 LEFT JOIN mentorship_participant par ON par.id = rel.participant_id
                WHERE p.company_id = ANY(%(companies)s)
                  AND (p.write_date >= %(since)s OR p.mentor_employee_id = ANY(%(employees)s)
                       OR par.id = ANY(%(participants)s) OR par.employee_id = ANY(%(employees)s)
                       OR par.partner_id = ANY(%(partners)s))""",
            {
                "companies": list(company_ids),
                "since": since,
                "employees": list(employees),
                "participants": list(participants),
                "partners": list(partners),
            },
        )
        changed_pairs = {}
        for (
            pair_id,
            company_id,
            mentor_id,
            pair_written,
            participant_id,
            employee_id,
            partner_id,
        ) in cr.fetchall():
            written = max(
                pair_written if pair_written >= since else since,
                employees[mentor_id] if mentor_id in employees else since,
                participants.get(participant_id, since),
                employees[employee_id] if employee_id in employees else since,
                partners[partner_id] if partner_id in partners else since,
            )
            if mentor_id:
                touch(mentors, (company_id, mentor_id), written)
            if pair_written >= since:
                changed_pairs[pair_id] = max(changed_pairs.get(pair_id, since), pair_written)
        # A pair that changed mentor, or an absence that moved to another student: the mentors
        # paid for them before.
        cr.execute(
            """SELECT l.company_id, acc.employee_id, l.pair_id, NULL::timestamp
                 FROM mentorship_allowance_line l
                 JOIN mentorship_allowance acc ON acc.id = l.allowance_id
                WHERE l.pair_id = ANY(%(pairs)s) AND l.company_id = ANY(%(companies)s)
               UNION ALL
               SELECT l.company_id, acc.employee_id, NULL, a.write_date
                 FROM mentorship_absence a
                 JOIN mentorship_allowance_line_absence_rel rel ON rel.absence_id = a.id
                 JOIN mentorship_allowance_line l ON l.id = rel.line_id
                 JOIN mentorship_allowance acc ON acc.id = l.allowance_id
                WHERE a.write_date >= %(since)s AND l.company_id = ANY(%(companies)s)
               UNION ALL
               SELECT company_id, employee_id, NULL, write_date
                 FROM mentorship_allowance
                WHERE state = 'cancelled' AND write_date >= %(since)s AND company_id = ANY(%(companies)s)""",
            {"pairs": list(changed_pairs), "companies": list(company_ids), "since": since},
        )
        for company_id, employee_id, pair_id, written in cr.fetchall():
            touch(mentors, (company_id, employee_id), written or changed_pairs[pair_id])
        # What every mentor of a company depends on.
        cr.execute(
            """SELECT company_id, write_date FROM mentorship_allowance_policy
                WHERE write_date >= %(since)s AND company_id = ANY(%(companies)s)
               UNION ALL
               SELECT id, write_date FROM res_company
                WHERE write_date >= %(since)s AND id = ANY(%(companies)s)
               UNION ALL
               SELECT c.id, greatest(
                          (SELECT max(write_date) FROM resource_calendar),
                          (SELECT max(write_date) FROM resource_calendar_attendance),
                          (SELECT max(write_date) FROM resource_calendar_leaves WHERE resource_id IS NULL))
                 FROM res_company c WHERE c.id = ANY(%(companies)s)""",
            {"since": since, "companies": list(company_ids)},
        )
        for company_id, written in cr.fetchall():
            if written and written >= since:
                touch(companies, company_id, written)
        return dict(mentors), dict(companies)

    @api.model
    def _employees_to_recheck(self, company_ids, months, candidates):
        """{(company id, month): mentor employee ids to recompute, or None for all of them} among
        ``candidates`` ({(company id, month): mentor ids with an accrual of the month paid or
        confirmed})."""
        self.env.flush_all()  # the sources are read in SQL
        checks = self.sudo().search_read(
            [("company_id", "in", list(company_ids)), ("month", "in", list(months))],
            ["company_id", "month", "checked_at", "signature", "pending_employee_ids"],
            load=None,
        )
        checks = {(check["company_id"], check["month"]): check for check in checks}
        known = [checks[key] for key in candidates if key in checks]
        if not known:
            return dict.fromkeys(candidates)
        deleted = self._with_deletions(known)
        minimum = min(check["checked_at"] for check in known)
        mentors, companies = self._changed_mentors(company_ids, minimum)
        minimum -= timedelta(seconds=1)  # below every write date found
        result = {}
        for key, employees in candidates.items():
            check = checks.get(key)
            company_written = check and companies.get(key[0])
            if (
                not check
                or check["id"] in deleted
                or (company_written and company_written >= check["checked_at"])
            ):
                result[key] = None
                continue
            since = check["checked_at"]
            pending = set(check["pending_employee_ids"] or ())
            result[key] = {
                employee_id
                for employee_id in employees
                if employee_id in pending or mentors.get((key[0], employee_id), minimum) >= since
            }
        return result

    @api.model
    def _record(self, checked, horizon, signatures):
        """Store the checks of ``checked`` ({(company id, month): pending mentor ids}), all made
        against the sources as of ``horizon``."""
        checks = self.sudo()
        keys = list(checked)
        existing = checks.search(
            [
                ("company_id", "in", sorted({company for company, _month in keys})),
                ("month", "in", sorted({m for _c, m in keys})),
            ]
        )
        existing.filtered(lambda check: (check.company_id.id, check.month) in checked).unlink()
        checks.create(
            [
                {
                    "company_id": company_id,
                    "month": month,
                    "checked_at": horizon,
                    "signature": signatures[company_id],
                    "pending_employee_ids": sorted(checked[(company_id, month)]),
                }
                for company_id, month in keys
            ]
        )
