from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from ..tools.roadmap_dates import deadline_date
from .mentorship_roadmap_deadline import DEADLINE_KINDS, MONTHS

ROADMAP_STATES = [
    ("planned", "Planned"),
    ("in_progress", "In Progress"),
    ("done", "Done"),
]
REMINDER_DAYS_PARAM = "mentorship_odoo.roadmap_reminder_days"
REMINDER_DAYS_DEFAULT = 7


class MentorshipRoadmapItem(models.Model):
    """An item of a programme's road map (дорожная карта): stage, activity, key result, deadline
    of one of the kinds the seeds use, responsible employees and the documents that record the
    result (domain §4, §8.2)."""

    _name = "mentorship.roadmap.item"
    _description = "Road-Map Item"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "programme_id, stage_sequence, sequence, id"
    _check_company_auto = True

    programme_id = fields.Many2one(
        "mentorship.programme",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        tracking=True,
    )
    company_id = fields.Many2one(related="programme_id.company_id", store=True, index=True)
    stage_id = fields.Many2one(
        "mentorship.roadmap.stage",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        group_expand="_read_group_stage_ids",
    )
    stage_sequence = fields.Integer(related="stage_id.sequence", store=True, string="Stage Sequence")
    sequence = fields.Integer(default=10)
    number = fields.Char(string="No.", help="Number in the approved road map, e.g. «4.4.1».")
    name = fields.Char(string="Activity", required=True, tracking=True)
    description = fields.Text(string="Details")
    key_result = fields.Text()
    # Deadline
    deadline_kind = fields.Selection(DEADLINE_KINDS, required=True, default="by_date", tracking=True)
    date_deadline = fields.Date(
        string="Date", tracking=True, help="For an exact date or a date to be done by."
    )
    deadline_month = fields.Selection(
        MONTHS, string="Month", help="For a month, or the month of a yearly item."
    )
    deadline_year = fields.Integer(
        string="Year", help="For a month, or the year of this occurrence of a yearly item."
    )
    date_from = fields.Date(string="From", help="Start of a range.")
    date_to = fields.Date(string="To", help="End of a range.")
    deadline_note = fields.Char(help="E.g. «according to the plan of the regional institute».")
    date_deadline_computed = fields.Date(
        string="Deadline",
        compute="_compute_date_deadline_computed",
        store=True,
        index=True,
        help="The date by which the item is due, used for overdue items and reminders; empty for "
        "continuous items.",
    )
    deadline_display = fields.Char(string="Deadline as Written", compute="_compute_deadline_display")
    # Responsibility and results
    responsible_employee_ids = fields.Many2many(
        "hr.employee",
        "mentorship_roadmap_item_employee_rel",
        "item_id",
        "employee_id",
        string="Responsible",
        check_company=True,
        tracking=True,
    )
    responsible_note = fields.Char(
        string="Responsible as Written",
        help="Roles or names from the road map, e.g. «Куратор, педагог-психолог».",
    )
    document_note = fields.Text(string="Documents That Record the Result")
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "mentorship_roadmap_item_attachment_rel",
        "item_id",
        "attachment_id",
        string="Documents",
        copy=False,
    )
    state = fields.Selection(ROADMAP_STATES, string="Status", default="planned", required=True, tracking=True)
    date_done = fields.Date(
        string="Done On",
        compute="_compute_date_done",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    is_overdue = fields.Boolean(string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue")
    reminder_deadline = fields.Date(
        copy=False, readonly=True, help="The deadline the responsible persons were last reminded of."
    )
    template_id = fields.Many2one("mentorship.roadmap.template", readonly=True, index="btree_not_null")
    color = fields.Integer()

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        return stages.search([("active", "=", True)])

    @api.depends(
        "deadline_kind",
        "date_deadline",
        "deadline_month",
        "deadline_year",
        "date_to",
        "programme_id.date_start",
        "programme_id.date_end",
    )
    def _compute_date_deadline_computed(self):
        for item in self:
            item.date_deadline_computed = item._get_deadline()

    def _get_deadline(self):
        self.ensure_one()
        return (
            deadline_date(
                self.deadline_kind,
                date_deadline=self.date_deadline,
                month=int(self.deadline_month) if self.deadline_month else None,
                year=self.deadline_year,
                date_to=self.date_to,
                programme_start=self.programme_id.date_start,
                programme_end=self.programme_id.date_end,
            )
            or False
        )

    @api.depends(
        "deadline_kind",
        "date_deadline",
        "deadline_month",
        "deadline_year",
        "date_from",
        "date_to",
        "deadline_note",
    )
    def _compute_deadline_display(self):
        months = dict(self._fields["deadline_month"]._description_selection(self.env))
        for item in self:
            kind = item.deadline_kind
            month = months.get(item.deadline_month, "")
            if kind == "exact":
                text = format_date(self.env, item.date_deadline) if item.date_deadline else ""
            elif kind == "by_date":
                text = (
                    self.env._("by %(date)s", date=format_date(self.env, item.date_deadline))
                    if item.date_deadline
                    else ""
                )
            elif kind == "month":
                text = f"{month} {item.deadline_year or ''}".strip()
            elif kind == "range":
                text = self.env._(
                    "%(start)s – %(end)s",
                    start=format_date(self.env, item.date_from) if item.date_from else "…",
                    end=format_date(self.env, item.date_to) if item.date_to else "…",
                )
            elif kind == "yearly":
                text = self.env._(
                    "every year by %(date)s",
                    date=format_date(self.env, item.date_deadline_computed)
                    if item.date_deadline_computed
                    else "…",
                )
            elif kind == "continuous":
                text = self.env._("continuously")
            else:
                text = self.env._("whole period")
            item.deadline_display = f"{text} ({item.deadline_note})" if item.deadline_note else text

    @api.depends("state")
    def _compute_date_done(self):
        """The day the item is marked done (a date given with it, or entered later, is kept);
        cleared when it is reopened."""
        today = fields.Date.context_today(self)
        for item in self:
            item.date_done = (item.date_done or today) if item.state == "done" else False

    def _is_overdue_on(self, day):
        self.ensure_one()
        return bool(
            self.state != "done" and self.date_deadline_computed and self.date_deadline_computed < day
        )

    @api.depends("state", "date_deadline_computed")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for item in self:
            item.is_overdue = item._is_overdue_on(today)

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise NotImplementedError(self.env._("Search on “Overdue” supports only = and !=."))
        overdue = [
            ("state", "!=", "done"),
            ("date_deadline_computed", "!=", False),
            ("date_deadline_computed", "<", fields.Date.context_today(self)),
        ]
        if (operator == "=") == bool(value):
            return overdue
        return ["!", "&", "&", *overdue]

    @api.constrains(
        "deadline_kind", "date_deadline", "deadline_month", "deadline_year", "date_from", "date_to"
    )
    def _check_deadline(self):
        for item in self:
            kind = item.deadline_kind
            problem = False
            if kind in ("exact", "by_date") and not item.date_deadline:
                problem = self.env._("enter the date")
            elif kind == "month" and not (item.deadline_month and item.deadline_year):
                problem = self.env._("enter the month and the year")
            elif kind == "yearly" and not item.deadline_year:
                problem = self.env._("enter the year of this occurrence")
            elif kind == "range" and not (item.date_from and item.date_to):
                problem = self.env._("enter the start and the end of the range")
            elif kind == "range" and item.date_to < item.date_from:
                problem = self.env._("the range ends before it starts")
            elif item.deadline_year and not 1900 < item.deadline_year < 2200:
                problem = self.env._("the year %(year)s is not plausible", year=item.deadline_year)
            if problem:
                raise ValidationError(
                    self.env._(
                        "Road-map item «%(item)s» (%(kind)s deadline): %(problem)s.",
                        item=item.name,
                        kind=dict(self._fields["deadline_kind"]._description_selection(self.env))[kind],
                        problem=problem,
                    )
                )

    # --- Workflow -----------------------------------------------------------------------------

    def action_start(self):
        if any(item.state != "planned" for item in self):
            raise UserError(self.env._("Only planned road-map items can be started."))
        self.write({"state": "in_progress"})
        return True

    def action_done(self):
        if any(item.state == "done" for item in self):
            raise UserError(self.env._("This road-map item is already done."))
        self.write({"state": "done"})
        self._create_next_occurrences()
        return True

    def action_reset_planned(self):
        self.write({"state": "planned"})
        return True

    def _create_next_occurrences(self):
        """A yearly item, once done, is planned again for next year while the programme runs."""
        vals_list = []
        for item in self.filtered(lambda i: i.deadline_kind == "yearly" and i.deadline_year):
            next_year = item.deadline_year + 1
            existing = self.search_count(
                [
                    ("programme_id", "=", item.programme_id.id),
                    ("name", "=", item.name),
                    ("stage_id", "=", item.stage_id.id),
                    ("deadline_kind", "=", "yearly"),
                    ("deadline_year", "=", next_year),
                ]
            )
            if existing:
                continue
            vals = item.copy_data({"deadline_year": next_year, "state": "planned"})[0]
            probe = self.new(vals)
            if probe._get_deadline() and probe._get_deadline() <= item.programme_id.date_end:
                vals_list.append(vals)
        return self.create(vals_list)

    # --- Reminders ----------------------------------------------------------------------------

    def _get_reminder_users(self):
        self.ensure_one()
        users = self.responsible_employee_ids.user_id
        return users or self.programme_id.curator_ids

    @api.model
    def _cron_send_deadline_reminders(self):
        """Schedule a "road-map deadline" activity for every responsible person of the items due
        within N days (a system parameter; overdue ones included), once per deadline: a second run
        and an activity already done do not remind again unless the deadline moves."""
        # sudo: system parameters are readable by administrators only; this one is not secret.
        param = self.env["ir.config_parameter"].sudo().get_param(REMINDER_DAYS_PARAM, REMINDER_DAYS_DEFAULT)
        try:
            days = max(int(param), 0)
        except ValueError:
            days = REMINDER_DAYS_DEFAULT
        today = fields.Date.context_today(self)
        items = self.search(
            [
                ("state", "!=", "done"),
                ("date_deadline_computed", "!=", False),
                ("date_deadline_computed", "<=", today + timedelta(days=days)),
                ("programme_id.state", "in", ("approved", "running")),
            ]
        )
        items = items.filtered(lambda item: item.reminder_deadline != item.date_deadline_computed)
        if not items:
            return self.browse()
        activity_type = self.env.ref("mentorship_odoo.mail_activity_type_roadmap_deadline")
        open_activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", items.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        already = {(activity.res_id, activity.user_id.id) for activity in open_activities}
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for item in items:
            for user in item._get_reminder_users():
                if (item.id, user.id) in already:
                    continue
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": item.id,
                        "activity_type_id": activity_type.id,
                        "user_id": user.id,
                        "date_deadline": item.date_deadline_computed,
                        "summary": self.env._(
                            "Road map of «%(programme)s»: %(item)s",
                            programme=item.programme_id.name,
                            item=item.name[:100],
                        ),
                    }
                )
        self.env["mail.activity"].create(vals_list)
        for item in items:
            item.reminder_deadline = item.date_deadline_computed
        return items
