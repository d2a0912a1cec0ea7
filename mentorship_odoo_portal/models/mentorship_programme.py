from odoo import fields, models
from odoo.exceptions import UserError


class MentorshipProgramme(models.Model):
    _inherit = "mentorship.programme"

    portal_contact_policy = fields.Selection(
        [("none", "Names Only"), ("email", "E-mail"), ("email_phone", "E-mail and Phone")],
        string="Contacts Shown on the Portal",
        default="email",
        required=True,
        help="What the portal shows each side of a pair of the other side's contacts.",
    )

    def _portal_invitees(self):
        return self.participant_ids.filtered(lambda p: p.state in ("approved", "active"))._portal_invitees()

    def action_portal_grant_access(self):
        return self._portal_invitees()._mentorship_open_portal_wizard()

    def action_portal_invite_all(self):
        """Invite every student, external mentor and legal representative of the programme at once."""
        invitees = self._portal_invitees()
        skipped = invitees._mentorship_grant_portal_access()
        invited = invitees - skipped
        message = self.env._("%(count)s people have portal access.", count=len(invited))
        if skipped:
            message += " " + self.env._(
                "No e-mail, not invited: %(names)s.", names=", ".join(skipped.mapped("name"))
            )
        if not invited and skipped:
            raise UserError(message)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": message,
                "type": "warning" if skipped else "success",
                "sticky": bool(skipped),
            },
        }
