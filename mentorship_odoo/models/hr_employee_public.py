from odoo import fields, models

from .hr_employee import QUALIFICATION_CATEGORIES


class HrEmployeePublic(models.Model):
    """Curators and mentors are usually not HR officers and read employees through the public
    profile: the teaching data the forms of mentoring need is public on purpose (Russian schools
    publish their teachers' education, experience and category anyway)."""

    _inherit = "hr.employee.public"

    teaching_start_date = fields.Date(string="Teaching Experience Since", readonly=True)
    teaching_experience_years = fields.Integer(related="employee_id.teaching_experience_years")
    qualification_category = fields.Selection(QUALIFICATION_CATEGORIES, readonly=True)
    teacher_education = fields.Char(string="Education", readonly=True)
