from odoo import models
from odoo.exceptions import UserError


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _mentorship_prepare_portal_invitation(self):
        """Contacts to invite must have an e-mail; the invitation goes out in the language of the
        company's mentoring documents (Russian by default)."""
        if not self:
            raise UserError(
                self.env._(
                    "There is nobody to invite: these records have no students, "
                    "external mentors or legal representatives."
                )
            )
        lang = self.env.company._get_mentorship_document_lang()
        if lang:
            # sudo: curators invite students and representatives without managing contacts.
            self.sudo().filtered(lambda p: p.lang != lang).write({"lang": lang})

    def _mentorship_open_portal_wizard(self):
        """Odoo's own «Grant portal access» wizard for these contacts."""
        self._mentorship_prepare_portal_invitation()
        wizard = (
            self.env["portal.wizard"].with_context(active_ids=self.ids, active_model="res.partner").create({})
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Grant Portal Access"),
            "res_model": "portal.wizard",
            "res_id": wizard.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def _mentorship_grant_portal_access(self):
        """Grant portal access at once to every contact that has none yet (and an e-mail); returns
        the contacts that could not be invited because they have no e-mail."""
        self._mentorship_prepare_portal_invitation()
        wizard = (
            self.env["portal.wizard"].with_context(active_ids=self.ids, active_model="res.partner").create({})
        )
        skipped = self.browse()
        for line in wizard.user_ids:
            if line.is_portal or line.is_internal:
                continue
            if not line.email:
                skipped |= line.partner_id
                continue
            line.action_grant_access()
        return skipped
