from odoo import api, fields, models

UNMATCHED_REASONS = [
    ("no_eligible", "No Eligible Mentor"),
    ("capacity", "No Free Place Left"),
]


class MentorshipMatchWizardLine(models.TransientModel):
    _name = "mentorship.match.wizard.line"
    _description = "Proposed Pair"
    _order = "mentor_id, score desc, id"

    wizard_id = fields.Many2one("mentorship.match.wizard", required=True, ondelete="cascade")
    programme_id = fields.Many2one(related="wizard_id.programme_id")
    mentee_id = fields.Many2one("mentorship.participant", required=True, readonly=True)
    mentor_id = fields.Many2one(
        "mentorship.participant",
        domain="[('programme_id', '=', programme_id), ('role', '=', 'mentor'), "
        "('state', 'in', ('approved', 'active', 'former'))]",
    )
    score = fields.Float(string="Score (%)", digits=(5, 1), readonly=True)
    explanation = fields.Text(readonly=True)
    forced = fields.Boolean(
        string="Set by Hand", help="Kept as it is when the proposals are computed again («Rework»)."
    )
    selected = fields.Boolean(string="Accept", default=True)
    reason = fields.Selection(UNMATCHED_REASONS, string="Why Unmatched", readonly=True)

    @api.onchange("mentor_id")
    def _onchange_mentor_id(self):
        # A mentor chosen by the curator is theirs: keep it when the rest is reworked.
        if self.mentor_id:
            self.forced = True
