from odoo import fields, models

from odoo.addons.mentorship_odoo.tools.actions import window_action


class MentorshipMatchSuggestionLine(models.TransientModel):
    _name = "mentorship.match.suggestion.line"
    _description = "Suggested Mentor"
    _order = "rank"

    suggestion_id = fields.Many2one("mentorship.match.suggestion", required=True, ondelete="cascade")
    rank = fields.Integer()
    mentor_id = fields.Many2one("mentorship.participant", readonly=True)
    is_top = fields.Boolean(
        string="Top Pick", help="The mentor the best assignment of the whole cohort gives this mentee."
    )
    score = fields.Float(string="Score (%)", digits=(5, 1))
    free_places = fields.Integer()
    explanation = fields.Text()

    def action_create_pair(self):
        self.ensure_one()
        wizard = self.suggestion_id
        Engine = self.env["mentorship.match.engine"]
        pair = Engine._create_draft_pairs(
            wizard.programme_id,
            wizard.form_id,
            [(wizard.mentee_id, self.mentor_id)],
            wizard.date_start,
            Engine._default_dates(wizard.programme_id, wizard.form_id, wizard.date_start),
        )
        return window_action(self.env._("Pair"), "mentorship.pair", res_id=pair.id)
