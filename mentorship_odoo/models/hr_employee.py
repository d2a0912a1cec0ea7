from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

QUALIFICATION_CATEGORIES = [
    ("none", "None"),
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
    personnel_number = fields.Char(
        help="Табельный номер: the employee's number in the personnel and payroll records (1C:ZUP).",
        copy=False,
        index="btree_not_null",
        groups="hr.group_hr_user,mentorship_odoo.group_mentorship_payroll",
    )
    mentorship_participant_ids = fields.One2many(
        "mentorship.participant", "employee_id", string="Mentoring Participations"
    )

    @api.depends("teaching_start_date")
    def _compute_teaching_experience_years(self):
        today = fields.Date.context_today(self)
        for employee in self:
            employee.teaching_experience_years = employee._get_teaching_experience_years(today) or 0

    def _get_teaching_experience_years(self, on_date):
        """Full years of teaching experience on ``on_date``; None when the start is unknown."""
        self.ensure_one()
        if not self.teaching_start_date:
            return None
        if on_date < self.teaching_start_date:
            return 0
        return relativedelta(on_date, self.teaching_start_date).years
