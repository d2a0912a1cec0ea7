from odoo import api, fields, models


class MentorshipPlanTemplate(models.Model):
    """Typical activities and explanatory note of the personalised programmes of one form, which
    a curator applies to many pairs at once."""

    _name = "mentorship.plan.template"
    _description = "Personalised Programme Template"
    _order = "sequence, name, id"
    _check_company_auto = True

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", help="Leave empty to share across companies.")
    form_id = fields.Many2one(
        "mentorship.form", string="Form of Mentoring", required=True, ondelete="cascade"
    )
    problem = fields.Text(string="Problem (Professional Deficits)")
    goal = fields.Text()
    task_text = fields.Text(string="Tasks")
    content = fields.Text(string="Content of Activity")
    planned_results = fields.Text()
    line_ids = fields.One2many("mentorship.plan.template.line", "template_id", string="Activities", copy=True)
    line_count = fields.Integer(compute="_compute_line_count")

    @api.depends("line_ids")
    def _compute_line_count(self):
        for template in self:
            template.line_count = len(template.line_ids)
