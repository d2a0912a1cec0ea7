from odoo import models


class MentorshipSurveySendWizard(models.TransientModel):
    """People whose processing is stopped get no questionnaire: they are left out and named."""

    _inherit = "mentorship.survey.send.wizard"

    def _get_targets(self):
        targets = super()._get_targets()
        if not targets:
            return targets
        participants = self.env["mentorship.participant"].union(
            *[participant for participant, _pair in targets]
        )
        stopped = participants._privacy_get_stopped()
        return [(participant, pair) for participant, pair in targets if participant not in stopped]

    def _privacy_stopped_targets(self):
        targets = super()._get_targets()
        participants = self.env["mentorship.participant"].union(
            *[participant for participant, _pair in targets]
        )
        return participants.filtered(lambda p: p in participants._privacy_get_stopped())

    def action_send(self):
        stopped = self._privacy_stopped_targets()
        if stopped and not self._get_targets():
            stopped._privacy_raise_if_stopped(
                self.env._(
                    "%(person)s withdrew the consent to personal-data processing on %(date)s: they cannot "
                    "receive questionnaires."
                )
            )
        result = super().action_send()
        if stopped and isinstance(result, dict) and result.get("params", {}).get("message"):
            result["params"]["message"] += " " + self.env._(
                "Left out, consent to personal-data processing withdrawn: %(names)s.",
                names=", ".join(sorted(stopped.mapped("name"))),
            )
            result["params"]["type"] = "warning"
        return result
