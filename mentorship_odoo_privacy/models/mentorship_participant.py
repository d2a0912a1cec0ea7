from odoo import api, fields, models
from odoo.exceptions import UserError


class MentorshipParticipant(models.Model):
    _name = "mentorship.participant"
    _inherit = ["mentorship.participant", "mentorship.privacy.trail.mixin"]

    privacy_stopped = fields.Boolean(
        string="Processing Stopped",
        compute="_compute_privacy_stopped",
        search="_search_privacy_stopped",
        help="The consent to personal-data processing is withdrawn and no valid one is on record: the "
        "person cannot be paired, questioned or printed on new documents.",
    )
    privacy_erased = fields.Boolean(string="Data Destroyed", readonly=True, copy=False)

    def _privacy_get_stopped(self):
        """{participant: date of withdrawal} for those of ``self`` whose processing is stopped."""
        people = self.env["mentorship.consent"]._privacy_get_stopped_people(self.employee_id, self.partner_id)
        result = {}
        for participant in self:
            day = people.get(participant._person_key())
            if day:
                result[participant] = day
        return result

    @api.depends("employee_id", "partner_id")
    def _compute_privacy_stopped(self):
        stopped = self._privacy_get_stopped()
        for participant in self:
            participant.privacy_stopped = participant in stopped

    def _search_privacy_stopped(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on «Processing Stopped»."))
        consents = (
            self.env["mentorship.consent"]
            .sudo()
            .search([("consent_type", "=", "personal_data"), ("date_withdrawn", "!=", False)])
        )
        people = consents._privacy_get_stopped_people(consents.employee_id, consents.partner_id)
        employees = [key[1] for key in people if key[0] == "employee"]
        partners = [key[1] for key in people if key[0] == "partner"]
        domain = ["|", ("employee_id", "in", employees), ("partner_id", "in", partners)]
        return domain if (operator == "=") == value else ["!", *domain]

    def _privacy_raise_if_stopped(self, message):
        """Raise ``message`` (with %(person)s and %(date)s) for the first stopped participant."""
        stopped = self._privacy_get_stopped()
        if stopped:
            participant, day = next(iter(stopped.items()))
            raise UserError(message % {"person": participant.name, "date": day.strftime("%d.%m.%Y")})
