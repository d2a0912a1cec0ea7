from odoo import fields, models


class HrEmployee(models.Model):
    """OpenEduCat links a faculty member to an employee (``op.faculty.emp_id``): that employee is
    the teacher who mentors."""

    _inherit = "hr.employee"

    op_faculty_ids = fields.One2many(
        "op.faculty", "emp_id", string="OpenEduCat Faculty", groups="mentorship_odoo.group_mentorship_curator"
    )
