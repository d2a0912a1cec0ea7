from odoo import models

from odoo.addons.mentorship_odoo.tools.actions import window_action


class MentorshipProgramme(models.Model):
    _inherit = "mentorship.programme"

    def action_open_openeducat_import(self):
        self.ensure_one()
        return window_action(
            self.env._("Import from OpenEduCat"),
            "mentorship.openeducat.import.wizard",
            context={"default_programme_id": self.id},
            target="new",
        )
