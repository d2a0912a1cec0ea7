from odoo import api, fields, models
from odoo.exceptions import ValidationError

SWOT_QUADRANTS = [
    ("strength", "Strengths"),
    ("weakness", "Weaknesses"),
    ("opportunity", "Opportunities"),
    ("threat", "Threats"),
]
NUMERIC_QUESTION_TYPES = ("numerical_box", "scale")


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    mentorship_measured = fields.Boolean(
        string="Measured Before and After",
        help="A numeric item (number or scale) measured at the baseline and again at the final "
        "measurement; the change is tested for significance.",
    )
    mentorship_measure_code = fields.Char(
        string="Measure Code",
        help="Links the same item in the baseline and the final questionnaires, e.g. «motivation».",
    )
    mentorship_lower_is_better = fields.Boolean(
        string="Lower Is Better",
        help="A decrease of this item is an improvement (e.g. anxiety).",
    )
    mentorship_confidential = fields.Boolean(
        string="Confidential",
        help="Only psychologists see individual answers to this item; others see aggregates.",
    )
    mentorship_satisfaction_item = fields.Boolean(
        string="Overall Satisfaction Item",
        help="Numeric item whose answer counts in the share of satisfied mentors and mentees.",
    )
    mentorship_swot_quadrant = fields.Selection(
        SWOT_QUADRANTS,
        string="SWOT Quadrant",
        help="Text answers to this item are proposed as SWOT items of the programme.",
    )

    @api.constrains(
        "mentorship_measured", "mentorship_measure_code", "mentorship_satisfaction_item", "question_type"
    )
    def _check_mentorship_measure(self):
        for question in self:
            numeric = question.question_type in NUMERIC_QUESTION_TYPES
            if (question.mentorship_measured or question.mentorship_satisfaction_item) and not numeric:
                raise ValidationError(
                    self.env._(
                        "Item «%(item)s» is measured or counts in satisfaction, so it must be a "
                        "number or a scale.",
                        item=question.title,
                    )
                )
            if question.mentorship_measured and not question.mentorship_measure_code:
                raise ValidationError(
                    self.env._(
                        "Give item «%(item)s» a measure code, the same in the baseline and the final "
                        "questionnaires.",
                        item=question.title,
                    )
                )
