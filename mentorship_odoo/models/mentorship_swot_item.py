from odoo import api, fields, models

from .survey_question import SWOT_QUADRANTS


class MentorshipSwotItem(models.Model):
    """One statement of a programme's SWOT analysis (monitoring stage 1, seed 000 L356), with the
    questionnaire answers it came from."""

    _name = "mentorship.swot.item"
    _description = "Mentoring SWOT Item"
    _order = "programme_id, quadrant, sequence, id"
    _check_company_auto = True

    programme_id = fields.Many2one(
        "mentorship.programme", required=True, ondelete="cascade", index=True, check_company=True
    )
    company_id = fields.Many2one(related="programme_id.company_id", store=True, index=True)
    quadrant = fields.Selection(SWOT_QUADRANTS, required=True, default="strength")
    sequence = fields.Integer(default=10)
    name = fields.Text(string="Statement", required=True)
    source_line_ids = fields.Many2many(
        "survey.user_input.line",
        "mentorship_swot_item_answer_rel",
        "swot_item_id",
        "line_id",
        string="Source Answers",
        help="The questionnaire answers this statement sums up.",
    )
    source_count = fields.Integer(string="Answers", compute="_compute_source_count")

    @api.depends("source_line_ids")
    def _compute_source_count(self):
        for item in self:
            item.source_count = len(item.source_line_ids)
