from odoo import api, models
from odoo.exceptions import UserError


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    @api.model_create_multi
    def create(self, vals_list):
        participant_ids = [
            vals["mentorship_participant_id"] for vals in vals_list if vals.get("mentorship_participant_id")
        ]
        if participant_ids:
            participants = self.env["mentorship.participant"].sudo().browse(participant_ids)
            stopped = participants._privacy_get_stopped()
            if stopped:
                participant, withdrawn = next(iter(stopped.items()))
                raise UserError(
                    self.env._(
                        "%(person)s withdrew the consent to personal-data processing on %(date)s: they "
                        "cannot receive questionnaires. Record a new consent first.",
                        person=participant.name,
                        date=withdrawn.strftime("%d.%m.%Y"),
                    )
                )
        return super().create(vals_list)
