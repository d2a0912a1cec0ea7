from odoo import models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        """Marking a help request done answers the pair's open help requests, so that they no
        longer hold the pair under attention."""
        help_type = self.env.ref(
            "mentorship_odoo_portal.mail_activity_type_portal_help", raise_if_not_found=False
        )
        pair_ids = [
            activity.res_id
            for activity in self
            if help_type
            and activity.activity_type_id == help_type
            and activity.res_model == "mentorship.pair"
        ]
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        if pair_ids:
            self.env["mentorship.meeting.rating"].sudo().search(
                [("pair_id", "in", pair_ids), ("help_state", "=", "open")]
            ).action_resolve_help()
        return result
