from odoo import api, fields, models

from ..tools.actions import window_action


class MentorshipPair(models.Model):
    """The questionnaires answered about a pair or group, and its awards."""

    _inherit = "mentorship.pair"

    survey_answer_ids = fields.One2many(
        "survey.user_input", "mentorship_pair_id", string="Questionnaire Answers"
    )
    survey_answer_count = fields.Integer(string="Questionnaires", compute="_compute_survey_answer_count")

    @api.depends("survey_answer_ids")
    def _compute_survey_answer_count(self):
        counts = dict(
            self.env["survey.user_input"]._read_group(
                [("mentorship_pair_id", "in", self.ids)], ["mentorship_pair_id"], ["__count"]
            )
        )
        for pair in self:
            pair.survey_answer_count = counts.get(pair, 0)

    def action_open_survey_answers(self):
        self.ensure_one()
        return window_action(
            self.env._("Questionnaires of %(pair)s", pair=self.name),
            "survey.user_input",
            "list,form",
            domain=[("mentorship_pair_id", "=", self.id)],
            views=[
                (self.env.ref("mentorship_odoo.survey_user_input_view_list_mentorship").id, "list"),
                (False, "form"),
            ],
        )
