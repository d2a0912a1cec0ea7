from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

QUALIFICATION_CATEGORIES = [
    ("none", "No Category"),
    ("conformity", "Conformity to the Position Held"),
    ("first", "First"),
    ("highest", "Highest"),
]


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    teaching_start_date = fields.Date(
        string="Teaching Experience Since",
        help="Date from which teaching experience (педагогический стаж) is counted.",
        tracking=True,
    )
    teaching_experience_years = fields.Integer(
        string="Teaching Experience (years)",
        compute="_compute_teaching_experience_years",
        help="Full years of teaching experience today.",
    )
    qualification_category = fields.Selection(QUALIFICATION_CATEGORIES, default="none", tracking=True)
    teacher_education = fields.Char(
        string="Education",
        help="Level and institution, e.g. «высшее, АлтГПУ, учитель математики».",
    )
    mentorship_participant_ids = fields.One2many(
        "mentorship.participant", "employee_id", string="Mentoring Participations"
    )
    # Personnel number (табельный номер): the key of the 1C:ZUP export of the mentor allowance.
    # Same name and access as in Odoo Enterprise payroll, so that both can be installed together.
    registration_number = fields.Char(
        string="Personnel Number",
        help="Табельный номер: the employee's number in the personnel and payroll records (1C:ZUP).",
        groups="hr.group_hr_user",
        copy=False,
        tracking=True,
    )
    mentorship_allowance_ids = fields.One2many(
        "mentorship.allowance", "employee_id", string="Mentor Allowances"
    )
    mentorship_allowance_count = fields.Integer(compute="_compute_mentorship_allowance_count")

    _sql_constraints = [
        (
            "registration_number_company_uniq",
            "unique(registration_number, company_id)",
            "Another employee of this company already has this personnel number.",
        ),
    ]

    @api.depends("teaching_start_date")
    def _compute_teaching_experience_years(self):
        today = fields.Date.context_today(self)
        for employee in self:
            employee.teaching_experience_years = employee._get_teaching_experience_years(today) or 0

    def _compute_mentorship_allowance_count(self):
        counts = dict(
            self.env["mentorship.allowance"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.mentorship_allowance_count = counts.get(employee, 0)

    def action_open_mentorship_allowances(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("mentorship_odoo.mentorship_allowance_action")
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"search_default_group_month": 0}
        action["name"] = self.env._("Mentor Allowances of %(mentor)s", mentor=self.name)
        return action

    def _get_teaching_experience_years(self, on_date):
        """Full years of teaching experience on ``on_date``; None when the start is unknown."""
        self.ensure_one()
        if not self.teaching_start_date:
            return None
        if on_date < self.teaching_start_date:
            return 0
        return relativedelta(on_date, self.teaching_start_date).years
