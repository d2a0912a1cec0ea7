import logging
from collections import defaultdict
from decimal import Decimal

import psycopg2.errors
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools.actions import window_action
from ..tools.allowance_calculator import DEFAULT_ADJUSTMENT_MONTHS, fmt_amount, month_bounds
from ..tools.bulk_insert import BulkInsert, OrderedWriter
from ..tools.no_query_env import no_query_env

_logger = logging.getLogger(__name__)

PAYROLL_GROUP = "mentorship_odoo.group_mentorship_payroll"
# Amounts and wages: payroll officers and managers (mentors see their own through own_amount*).
AMOUNT_GROUPS = "mentorship_odoo.group_mentorship_payroll,mentorship_odoo.group_mentorship_manager"
# Whose time off suspended the allowance: not for mentors (their mentees' health is private).
DETAIL_GROUPS = AMOUNT_GROUPS + ",mentorship_odoo.group_mentorship_curator"
STATES = [
    ("draft", "Draft"),
    ("confirmed", "Confirmed"),
    ("exported", "Exported"),
    ("paid", "Paid"),
    ("cancelled", "Cancelled"),
]
# Accruals counted as accrued (for adjustments) once they leave the draft state.
FINAL_STATES = ("confirmed", "exported", "paid")
# Advisory lock namespace (any constant): one generation per company at a time.
GENERATION_LOCK = 720301
# Accruals computed and formatted while the chunk before them is being written.
STORE_CHUNK = 5000


class MentorshipAllowance(models.Model):
    """The mentor allowance accrued for one month: one per mentor employee, month and company,
    with a line per pair (architecture §5.6)."""

    _name = "mentorship.allowance"
    _description = "Mentor Allowance Accrual"
    _inherit = ["mail.thread", "mail.activity.mixin", "mentorship.frozen.mixin"]
    _order = "month desc, employee_id, id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    employee_id = fields.Many2one(
        "hr.employee", string="Mentor", required=True, readonly=True, index=True, check_company=True
    )
    mentor_user_id = fields.Many2one(
        "res.users", related="employee_id.user_id", store=True, string="Mentor's User", index="btree_not_null"
    )
    department_id = fields.Many2one(
        "hr.department", readonly=True, help="The mentor's department when the accrual was generated."
    )
    month = fields.Date(
        required=True, readonly=True, index=True, help="The first day of the month the allowance is for."
    )
    state = fields.Selection(
        STATES, default="draft", required=True, readonly=True, copy=False, tracking=True, index=True
    )
    line_ids = fields.One2many("mentorship.allowance.line", "allowance_id", string="Lines", readonly=True)
    line_count = fields.Integer(compute="_compute_totals", store=True)
    has_adjustment = fields.Boolean(compute="_compute_totals", store=True, string="Has Adjustments")
    eligible_days = fields.Float(
        compute="_compute_totals",
        store=True,
        digits=(16, 2),
        help="Working days with an allowance (the largest number among the pairs of the month).",
    )
    suspended_days = fields.Float(
        compute="_compute_totals",
        store=True,
        digits=(16, 2),
        help="Suspended working days (the largest number among the pairs of the month).",
    )
    amount_total = fields.Monetary(
        compute="_compute_totals", store=True, string="Amount", groups=AMOUNT_GROUPS, tracking=True
    )
    own_amount_total = fields.Monetary(
        compute="_compute_own_amount_total",
        string="My Amount",
        help="The amount, shown to the mentor on their own accruals.",
    )
    cancel_reason = fields.Text(readonly=True, copy=False, tracking=True)
    export_ids = fields.Many2many(
        "mentorship.allowance.export",
        "mentorship_allowance_export_rel",
        "allowance_id",
        "export_id",
        string="Exports",
        readonly=True,
        copy=False,
    )

    def init(self):
        # The guarantee that two generations, concurrent or one after the other, never create two
        # accruals (and so never pay twice) for a mentor and month: a database constraint.
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS mentorship_allowance_company_employee_month_uniq
            ON mentorship_allowance (company_id, employee_id, month)
            WHERE state != 'cancelled'
            """
        )

    @api.depends("employee_id.name", "month")
    def _compute_name(self):
        for allowance in self:
            allowance.name = self.env._(
                "%(mentor)s, %(month)s",
                mentor=allowance.employee_id.name or "",
                month=allowance.month and allowance.month.strftime("%m.%Y") or "",
            )

    @api.depends(
        "line_ids.amount", "line_ids.eligible_days", "line_ids.suspended_days", "line_ids.is_adjustment"
    )
    def _compute_totals(self):
        for allowance in self:
            lines = allowance.line_ids
            regular = lines.filtered(lambda line: not line.is_adjustment)
            allowance.line_count = len(lines)
            allowance.has_adjustment = len(regular) != len(lines)
            allowance.eligible_days = max(regular.mapped("eligible_days"), default=0.0)
            allowance.suspended_days = max(regular.mapped("suspended_days"), default=0.0)
            allowance.amount_total = sum(lines.mapped("amount"))

    @api.depends_context("uid")
    @api.depends("amount_total")
    def _compute_own_amount_total(self):
        visible = self._amounts_visible()
        for allowance in self:
            sudo_allowance = allowance.sudo()
            shown = visible or sudo_allowance.mentor_user_id == self.env.user
            allowance.own_amount_total = sudo_allowance.amount_total if shown else 0.0

    @api.model
    def _amounts_visible(self):
        user = self.env.user
        return self.env.su or user.has_groups(AMOUNT_GROUPS)

    # --- locking (mentorship.frozen.mixin) ------------------------------------------------

    @api.model
    def _frozen_writable_fields(self):
        """Fields that may still change once an accrual has left the draft state."""
        return super()._frozen_writable_fields() | {"state", "cancel_reason", "export_ids"}

    def _frozen_write_message(self, frozen):
        return self.env._(
            "Accrual %(accrual)s is %(state)s and cannot change: a later difference is "
            "paid or recovered by an adjustment line in the next open month.",
            accrual=frozen[0].name,
            state=dict(self._fields["state"]._description_selection(self.env))[frozen[0].state],
        )

    def _frozen_unlink_message(self, frozen):
        return self.env._("Only draft accruals can be deleted: cancel the others with a reason.")

    # --- actions --------------------------------------------------------------------------

    def _check_payroll_officer(self):
        if not (self.env.su or self.env.user.has_group(PAYROLL_GROUP)):
            raise AccessError(
                self.env._("Only payroll officers may generate, confirm, cancel or export mentor allowances.")
            )

    def action_confirm(self):
        self._check_payroll_officer()
        not_draft = self._frozen_records()
        if not_draft:
            raise UserError(
                self.env._(
                    "Only draft accruals can be confirmed (%(accrual)s is not).", accrual=not_draft[0].name
                )
            )
        self.write({"state": "confirmed"})
        return True

    def action_open_cancel_wizard(self):
        self._check_payroll_officer()
        return window_action(
            self.env._("Cancel Accruals"),
            "mentorship.allowance.cancel.wizard",
            context={"default_allowance_ids": self.ids},
            target="new",
        )

    def _cancel(self, reason):
        self._check_payroll_officer()
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for cancelling the accruals."))
        locked = self.filtered(lambda allowance: allowance.state not in ("draft", "confirmed"))
        if locked:
            raise UserError(
                self.env._(
                    "Accrual %(accrual)s has been exported or paid and is locked: correct it in 1C or "
                    "in payroll, not here.",
                    accrual=locked[0].name,
                )
            )
        self.write({"state": "cancelled", "cancel_reason": reason})
        return True

    def _mark_exported(self):
        exportable = self.filtered(lambda allowance: allowance.state in ("confirmed", "exported"))
        if exportable != self:
            bad = (self - exportable)[0]
            raise UserError(
                self.env._(
                    "Accrual %(accrual)s cannot be exported: only confirmed (or already exported) "
                    "accruals can.",
                    accrual=bad.name,
                )
            )
        self.filtered(lambda allowance: allowance.state == "confirmed").write({"state": "exported"})

    def _mark_paid(self):
        not_confirmed = self.filtered(lambda allowance: allowance.state != "confirmed")
        if not_confirmed:
            raise UserError(
                self.env._(
                    "Accrual %(accrual)s is no longer confirmed (it may have been paid or exported "
                    "meanwhile): recompute the payslip.",
                    accrual=not_confirmed[0].name,
                )
            )
        self.write({"state": "paid"})

    def _mark_unpaid(self):
        """The payment of paid accruals was undone (by payroll: its payslip was cancelled or
        refunded): they are confirmed, payable again."""
        not_paid = self.filtered(lambda allowance: allowance.state != "paid")
        if not_paid:
            raise UserError(
                self.env._(
                    "Accrual %(accrual)s is not paid, so its payment cannot be undone.",
                    accrual=not_paid[0].name,
                )
            )
        self.write({"state": "confirmed"})

    def action_open_lines(self):
        return window_action(
            self.env._("Allowance Lines"),
            "mentorship.allowance.line",
            "list,form,pivot,graph",
            domain=[("allowance_id", "in", self.ids)],
        )

    # --- generation -------------------------------------------------------------------------

    @api.model
    def _cron_generate_previous_month(self):
        """Monthly scheduled action: generate (or refresh the drafts of) the month just ended for
        every company with mentoring pairs, in one computation; a company that cannot be generated
        now (someone else is generating it) is left to the next run, the others are generated."""
        month = fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)
        companies = self.env["mentorship.pair"].sudo().search([("state", "!=", "draft")]).company_id
        Allowance = self.sudo()
        try:
            with self.env.cr.savepoint():
                Allowance._generate(companies, month)
            return
        except UserError as error:
            _logger.info("Mentor allowances of %s generated company by company: %s", month, error)
        for company in companies:
            try:
                with self.env.cr.savepoint():
                    Allowance.with_company(company)._generate(company, month)
            except UserError as error:
                _logger.warning("Mentor allowance of %s for %s not generated: %s", company.name, month, error)

    @api.model
    def _generate(self, companies, month, employees=None):
        """Generate the accruals of ``month`` for ``companies`` (one company or several, computed
        together; optionally only for ``employees``).

        Drafts are replaced; confirmed, exported and paid accruals never change. Differences
        found for earlier confirmed months become adjustment lines in the new drafts. Returns the
        created accruals."""
        self._check_payroll_officer()
        foreign = companies - self.env.user.company_ids
        if not self.env.su and foreign:
            raise AccessError(
                self.env._(
                    "You cannot generate allowances of %(company)s: it is not one of your companies.",
                    company=foreign[0].name,
                )
            )
        first, _last = month_bounds(month)
        cr = self.env.cr
        # One lock per company, taken in one query (a region is a hundred companies).
        cr.execute(
            "SELECT company_id FROM unnest(%s::int[]) AS company_id "
            "WHERE NOT pg_try_advisory_xact_lock(%s, company_id) ORDER BY company_id",
            (sorted(companies.ids), GENERATION_LOCK),
        )
        busy = [company_id for (company_id,) in cr.fetchall()]
        if busy:
            raise UserError(
                self.env._(
                    "Allowances of %(company)s are being generated by someone else right now: try "
                    "again in a minute.",
                    company=self.env["res.company"].browse(busy[0]).name,
                )
            )
        Check = self.env["mentorship.allowance.check"]
        # Taken before anything is read: what is written later is looked at again next time.
        horizon = Check._horizon()
        Allowance = self.sudo()
        employee_ids = employees.ids if employees is not None else None
        domain = [("company_id", "in", companies.ids), ("month", "=", first), ("state", "!=", "cancelled")]
        if employee_ids is not None:
            domain.append(("employee_id", "in", employee_ids))
        existing = Allowance.search(domain)
        locked = {(a.company_id.id, a.employee_id.id) for a in existing._frozen_records()}
        drafts = existing.filtered(lambda a: a.state == "draft")
        Calculator = self.env["mentorship.allowance.calculator"]._for_computation()
        data = Calculator._load_month(companies, first, employee_ids)
        adjustments, checked = self._get_adjustments(companies, first, employee_ids, locked, drafts)
        pairs_of = defaultdict(list)  # (company id, mentor employee id): pair rows
        for pair in data.pairs:
            pairs_of[(pair["company_id"], pair["mentor_employee_id"])].append(pair)
        targets = sorted((set(pairs_of) | set(adjustments)) - locked)
        employees_read = {
            rec["id"]: rec
            for rec in Calculator._read_rows(
                "hr.employee",
                [("id", "in", sorted({employee_id for _company, employee_id in targets}))],
                ["name", "department_id", "user_id"],
            )
        }
        drafts.unlink()

        def accruals(quiet):
            # Computed while the accruals before are written: in an environment without queries.
            calculator, allowance = quiet(Calculator), quiet(self)
            for company_id, employee_id in targets:
                lines = []
                for pair in pairs_of.get((company_id, employee_id), ()):
                    tally = calculator._calculate_pair(data, pair)
                    if tally:
                        values = calculator._prepare_line_values(data, pair, tally)
                        lines.append(allowance._prepare_line_vals(values))
                lines += adjustments.get((company_id, employee_id), [])
                if lines:
                    employee = employees_read.get(employee_id) or {
                        "id": employee_id,
                        "name": "",
                        "department_id": False,
                        "user_id": False,
                    }
                    yield company_id, employee, lines

        line_count = sum(len(pairs_of.get(key, ())) + len(adjustments.get(key, ())) for key in targets)
        try:
            with cr.savepoint():
                created = self._store_accruals(first, accruals, len(targets), line_count)
        except psycopg2.errors.UniqueViolation as error:
            raise UserError(
                self.env._(
                    "Allowances of %(month)s were generated at the same time by someone else: reload "
                    "the list; nothing was created twice.",
                    month=first.strftime("%m.%Y"),
                )
            ) from error
        if employee_ids is None:
            # The month itself is now computed as of the horizon, but for the mentors whose
            # accrual of it was already final and is kept as it was.
            checked.update(
                {
                    (company_id, first): {emp for company, emp in locked if company == company_id}
                    for company_id in companies.ids
                }
            )
        if checked:
            Check._record(checked, horizon, Check._signature(sorted({company for company, _m in checked})))
        return self.browse(created.ids)

    @api.model
    def _store_accruals(self, month, accruals, accrual_count, line_count):
        """Write the draft accruals of ``month`` with their lines with COPY and return them.

        ``accruals(quiet)`` yields (company id, employee row, line values) per mentor and
        company, the line values as :meth:`_prepare_line_vals` and :meth:`_prepare_adjustment_vals`
        give them; ``quiet`` moves records to an environment that cannot query the database, in
        which the generator computes. At most ``accrual_count`` accruals and ``line_count`` lines
        come (their ids are reserved first). The totals, the name and the fields copied from the
        accrual to its lines are set here, from the same values the computed fields would take
        (a region's month is tens of thousands of lines, and ``create()`` would spend most of its
        time per record).

        The database's half of the work overlaps with Python's: a thread writes each chunk of
        accruals and lines while the next chunk is computed and formatted here."""
        Line = self.env["mentorship.allowance.line"].sudo()
        link_fields = [
            name for name, field in Line._fields.items() if field.type == "many2many" and field.store
        ]
        copied_names = ["allowance_id", "company_id", "month", "state"]
        line_columns = [
            name
            for name, field in Line._fields.items()
            if field.store
            and field.column_type
            and not field.compute
            and name not in models.MAGIC_COLUMNS
            and name not in copied_names
            and name != "amount_suspended"
        ]
        # Looked up once: one translation per accrual would be a tenth of a region's month.
        name_text = self.env._("%(mentor)s, %(month)s")
        month_text = month.strftime("%m.%Y")
        header_names = [
            "company_id",
            "employee_id",
            "department_id",
            "mentor_user_id",
            "month",
            "state",
            "name",
            "line_count",
            "has_adjustment",
            "eligible_days",
            "suspended_days",
            "amount_total",
        ]
        header = BulkInsert(self.sudo(), header_names)
        body = BulkInsert(Line, [*line_columns, *copied_names, "amount_suspended"], link_fields)

        def format_chunk(chunk, header_ids, line_ids):
            rows, line_rows, links = [], [], {name: [] for name in link_fields}
            for allowance_id, (company_id, employee, lines) in zip(header_ids, chunk, strict=True):
                regular = [vals for vals in lines if not vals.get("is_adjustment")]
                total = sum(Decimal(str(vals["amount"])).quantize(Decimal("0.01")) for vals in lines)
                row = {
                    "company_id": company_id,
                    "employee_id": employee["id"],
                    "department_id": employee["department_id"] or False,
                    "mentor_user_id": employee["user_id"] or False,
                    "month": month,
                    "state": "draft",
                    "name": name_text % {"mentor": employee["name"] or "", "month": month_text},
                    "line_count": len(lines),
                    "has_adjustment": len(regular) != len(lines),
                    "eligible_days": max((vals["eligible_days"] for vals in regular), default=0.0),
                    "suspended_days": max((vals["suspended_days"] for vals in regular), default=0.0),
                    "amount_total": float(total),
                }
                rows.append(row)
                copied = (allowance_id, company_id, month, "draft")
                for vals in lines:
                    line_row = {name: vals.get(name, False) for name in line_columns}
                    line_row.update(zip(copied_names, copied, strict=True))
                    line_row["amount_suspended"] = round(
                        vals.get("amount_full", 0.0) - vals.get("amount", 0.0), 2
                    )
                    line_rows.append(line_row)
                    for name in link_fields:
                        commands = vals.get(name) or []
                        links[name].append([target for command in commands for target in command[2]])
            return (
                header.format(header_ids, rows),
                body.format(line_ids[: len(line_rows)], line_rows, links),
            )

        def write_chunk(header_block, body_block):
            header.copy_block(header_block)
            body.copy_block(body_block)

        created_ids, line_ids_written, chunk = [], [], []
        with (
            OrderedWriter() as writer,
            no_query_env(
                self.env,
                "The mentor allowance's lines are computed while the lines before them are being "
                "written, on the same cursor: mentorship.allowance.calculator's computing steps "
                "(_calculate_pair, _prepare_line_values and what they call) must not query the "
                "database. Read what they need in _load (see _load_month).",
            ) as quiet,
        ):
            reserved = writer.submit(lambda: (header.reserve(accrual_count), body.reserve(line_count)))
            header_ids = line_ids = None

            def flush_chunk():
                nonlocal header_ids, line_ids
                if header_ids is None:
                    header_ids, line_ids = reserved.result()
                used, header_ids = header_ids[: len(chunk)], header_ids[len(chunk) :]
                header_block, body_block = format_chunk(chunk, used, line_ids)
                line_ids = line_ids[len(body_block.ids) :]
                created_ids.extend(used)
                line_ids_written.extend(body_block.ids)
                writer.submit(write_chunk, header_block, body_block)
                chunk.clear()

            for accrual in accruals(quiet):
                chunk.append(accrual)
                if len(chunk) >= STORE_CHUNK:
                    flush_chunk()
            if chunk:
                flush_chunk()
            writer.close()
        body.finish(line_ids_written)
        return header.finish(created_ids)

    @api.model
    def _absence_commands(self, values):
        """{line field: Command.set} of the absences behind a computed line, one per source."""
        line_fields = self.env["mentorship.allowance.calculator"]._absence_line_fields().values()
        return {name: [Command.set(values[name])] for name in line_fields}

    @api.model
    def _prepare_line_vals(self, values):
        return {
            "pair_id": values["pair_id"],
            "programme_id": values["programme_id"],
            "form_id": values["form_id"],
            "policy_id": values["policy_id"],
            "rate": values["rate"],
            "group_mode": values["group_mode"],
            "earning_code": values["earning_code"],
            "month_days": values["month_days"],
            "period_days": values["period_days"],
            "eligible_days": values["eligible_days"],
            "suspended_days": values["suspended_days"],
            "wage": values["wage"],
            "wage_details": values["wage_details"],
            "amount_full": float(values["amount_full"]),
            "amount": float(values["amount"]),
            "suspension_reason": values["suspension_reason"],
            **self._absence_commands(values),
        }

    @api.model
    def _adjustment_months(self, companies):
        """{company id: months of its recheck window} (its general policy's, else the default)."""
        months = dict.fromkeys(companies.ids, DEFAULT_ADJUSTMENT_MONTHS)
        for rec in (
            self.env["mentorship.allowance.policy"]
            .sudo()
            .search_read(
                [("company_id", "in", companies.ids), ("programme_id", "=", False), ("form_id", "=", False)],
                ["company_id", "adjustment_months"],
                order="id desc",
                load=None,
            )
        ):
            months[rec["company_id"]] = rec["adjustment_months"]
        return months

    @api.model
    def _get_adjustments(self, companies, month, employee_ids, locked, replaced):
        """Adjustment line values per (company id, employee id): for each earlier month still
        within the company's recheck window whose accrual is confirmed (exported, paid), the
        difference between a fresh computation and what has been accrued for it so far (its lines
        plus earlier adjustments). Only the mentors whose sources changed since the month was last
        checked are recomputed (``mentorship.allowance.check``). Returns (adjustments, the checks
        made: {(company id, month): mentors whose difference waits in a draft})."""
        windows = {
            company_id: month - relativedelta(months=months_back)
            for company_id, months_back in self._adjustment_months(companies).items()
            if months_back
        }
        if not windows:
            return {}, {}
        start = min(windows.values())
        domain = [
            ("company_id", "in", list(windows)),
            ("month", ">=", start),
            ("month", "<", month),
            ("state", "in", FINAL_STATES),
        ]
        if employee_ids is not None:
            domain.append(("employee_id", "in", employee_ids))
        Calculator = self.env["mentorship.allowance.calculator"]._for_computation()
        # Plain rows: three paid months of a region are a hundred thousand lines.
        final = Calculator._read_rows("mentorship.allowance", domain, ["company_id", "employee_id", "month"])
        candidates = defaultdict(set)
        for rec in final:
            if rec["month"] >= windows[rec["company_id"]]:
                candidates[(rec["company_id"], rec["month"])].add(rec["employee_id"])
        if not candidates:
            return {}, {}
        to_check = self.env["mentorship.allowance.check"]._employees_to_recheck(
            list(windows), sorted({m for _c, m in candidates}), candidates
        )
        # Mentors whose accrual of this month is final are not generated now: their differences
        # wait for a later month.
        waiting = defaultdict(set)
        by_month = defaultdict(set)  # month: (company id, employee id) to recompute
        for key, employees in candidates.items():
            for employee_id in employees if to_check[key] is None else to_check[key]:
                if (key[0], employee_id) in locked:
                    waiting[key].add(employee_id)
                else:
                    by_month[key[1]].add((key[0], employee_id))
        result = defaultdict(list)
        if by_month:
            self._compute_adjustments(Calculator, start, by_month, replaced, result, waiting)
        checked = {}
        if employee_ids is None:
            checked = {key: waiting[key] for key in candidates}
        return dict(result), checked

    @api.model
    def _compute_adjustments(self, Calculator, start, by_month, replaced, result, waiting):
        """Recompute the (company, mentor) of ``by_month`` and add their differences with what has
        been accrued to ``result`` ({(company id, employee id): [adjustment values]}); the mentors
        with a difference are added to ``waiting`` ({(company id, month): ids})."""
        checked_employees = sorted({emp for keys in by_month.values() for _company, emp in keys})
        accrued_lines = Calculator._read_rows(
            "mentorship.allowance.line",
            [
                ("company_id", "in", sorted({company for keys in by_month.values() for company, _e in keys})),
                ("employee_id", "in", checked_employees),
                ("allowance_id.state", "!=", "cancelled"),
                ("allowance_id", "not in", replaced.ids),
                "|",
                "&",
                ("is_adjustment", "=", False),
                ("month", ">=", start),
                "&",
                ("is_adjustment", "=", True),
                ("corrected_month", ">=", start),
            ],
            [
                "company_id",
                "employee_id",
                "pair_id",
                "month",
                "corrected_month",
                "is_adjustment",
                "amount",
                "amount_full",
                "eligible_days",
                "suspended_days",
                "rate",
                "earning_code",
                "policy_id",
                "programme_id",
                "form_id",
            ],
        )
        accrued = {}
        for rec in accrued_lines:
            corrected = rec["corrected_month"] if rec["is_adjustment"] else rec["month"]
            if (rec["company_id"], rec["employee_id"]) not in by_month.get(corrected, ()):
                continue
            key = (corrected, rec["company_id"], rec["employee_id"], rec["pair_id"])
            total = accrued.setdefault(
                key,
                {
                    "amount": Decimal(0),
                    "amount_full": Decimal(0),
                    "eligible_days": 0.0,
                    "suspended_days": 0.0,
                    "line": rec,
                },
            )
            total["amount"] += Decimal(str(rec["amount"])).quantize(Decimal("0.01"))
            total["amount_full"] += Decimal(str(rec["amount_full"])).quantize(Decimal("0.01"))
            total["eligible_days"] += rec["eligible_days"]
            total["suspended_days"] += rec["suspended_days"]
        Company = self.env["res.company"]
        for corrected in sorted(by_month):
            keys = by_month[corrected]
            data, tallies = Calculator._calculate_month_tallies(
                Company.browse(sorted({company for company, _e in keys})),
                corrected,
                sorted({employee for _c, employee in keys}),
            )
            fresh_by_key = {
                (corrected, pair["company_id"], employee_id, pair["id"]): (pair, tally)
                for employee_id, pairs in tallies.items()
                for pair, tally in pairs
                if (pair["company_id"], employee_id) in keys
            }
            for key in sorted(set(fresh_by_key) | {key for key in accrued if key[0] == corrected}):
                old = accrued.get(key)
                pair, tally = fresh_by_key.get(key, (None, None))
                if tally and old and self._accrued_unchanged(tally, old):
                    continue  # most lines: no texts to build
                new = tally and Calculator._prepare_line_values(data, pair, tally)
                vals = self._prepare_adjustment_vals(corrected, new, old)
                if vals:
                    result[(key[1], key[2])].append(vals)
                    waiting[(key[1], corrected)].add(key[2])

    @api.model
    def _accrued_unchanged(self, tally, accrued):
        """Whether a fresh computation of a paid month gives what has been accrued for it: no
        adjustment (the test of :meth:`_prepare_adjustment_vals`, before any text is built)."""
        eligible = round(float(tally.eligible_days), 2)
        return tally.amount() == accrued["amount"] and not round(eligible - accrued["eligible_days"], 2)

    @api.model
    def _prepare_adjustment_vals(self, corrected, new, old):
        zero = Decimal(0)
        new_amount = new["amount"] if new else zero
        new_full = new["amount_full"] if new else zero
        new_eligible = new["eligible_days"] if new else 0.0
        new_suspended = new["suspended_days"] if new else 0.0
        old_amount = old["amount"] if old else zero
        old_full = old["amount_full"] if old else zero
        old_eligible = old["eligible_days"] if old else 0.0
        old_suspended = old["suspended_days"] if old else 0.0
        diff = new_amount - old_amount
        eligible_diff = round(new_eligible - old_eligible, 2)
        if not diff and not eligible_diff:
            return None
        header = self.env._(
            "Correction of %(month)s: eligible working days %(old_days)s → %(new_days)s, amount "
            "%(old_amount)s → %(new_amount)s.",
            month=corrected.strftime("%m.%Y"),
            old_days=round(old_eligible, 2),
            new_days=round(new_eligible, 2),
            old_amount=fmt_amount(old_amount),
            new_amount=fmt_amount(new_amount),
        )
        source = new or old["line"]
        vals = {
            "is_adjustment": True,
            "corrected_month": corrected,
            "pair_id": source["pair_id"],
            "programme_id": source["programme_id"],
            "form_id": source["form_id"],
            "policy_id": source["policy_id"],
            "rate": source["rate"],
            "earning_code": source["earning_code"],
            "eligible_days": eligible_diff,
            "suspended_days": round(new_suspended - old_suspended, 2),
            "amount_full": float(new_full - old_full),
            "amount": float(diff),
            "suspension_reason": "\n".join(filter(None, [header, new and new["suspension_reason"]])),
        }
        if new:
            vals.update(
                {
                    "group_mode": new["group_mode"],
                    "month_days": new["month_days"],
                    "period_days": new["period_days"],
                    "wage": new["wage"],
                    "wage_details": new["wage_details"],
                    **self._absence_commands(new),
                }
            )
        return vals
