from odoo import models


class MentorshipParticipant(models.Model):
    _inherit = "mentorship.participant"

    def _portal_invitees(self):
        """Contacts to invite: participants who are contacts and the legal representatives of the
        minors among them (employees work with their internal users)."""
        partners = self.partner_id
        return partners | partners.filtered("is_minor").legal_representative_ids

    def action_portal_grant_access(self):
        return self._portal_invitees()._mentorship_open_portal_wizard()
