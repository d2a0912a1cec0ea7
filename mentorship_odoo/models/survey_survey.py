from odoo import api, fields, models

from ..tools.actions import window_action

SURVEY_PURPOSES = [
    ("mentee_request", "Mentee Request"),
    ("mentor_candidate", "Mentor Candidate"),
    ("preference", "Preference"),
    ("satisfaction", "Satisfaction"),
    ("baseline", "Baseline Measurement"),
    ("final", "Final Measurement"),
    ("quality", "Programme Quality (SWOT)"),
]


class SurveySurvey(models.Model):
    """A questionnaire of the mentoring programmes (анкета), on Odoo's own surveys."""

    _inherit = "survey.survey"

    mentorship_purpose = fields.Selection(
        SURVEY_PURPOSES,
        string="Mentoring Purpose",
        index=True,
        help="What the questionnaire is for in mentoring programmes: requests, candidates, "
        "preferences, satisfaction, the baseline and final measurements, or quality and SWOT.",
    )
    mentorship_confidential = fields.Boolean(
        string="Confidential Answers",
        help="Only psychologists see individual answers of this questionnaire; others see aggregates.",
    )
    mentorship_user_input_count = fields.Integer(
        string="Mentoring Answers", compute="_compute_mentorship_user_input_count"
    )

    @api.depends("user_input_ids")
    def _compute_mentorship_user_input_count(self):
        counts = dict(
            self.env["survey.user_input"]._read_group(
                [("survey_id", "in", self.ids), ("mentorship_programme_id", "!=", False)],
                ["survey_id"],
                ["__count"],
            )
        )
        for survey in self:
            survey.mentorship_user_input_count = counts.get(survey, 0)

    def action_open_mentorship_answers(self):
        self.ensure_one()
        return window_action(
            self.env._("Answers to %(survey)s", survey=self.title),
            "survey.user_input",
            "list,form",
            domain=[("survey_id", "=", self.id), ("mentorship_programme_id", "!=", False)],
            views=[
                (self.env.ref("mentorship_odoo.survey_user_input_view_list_mentorship").id, "list"),
                (False, "form"),
            ],
        )
