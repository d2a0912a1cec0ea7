from odoo import fields, models
from odoo.exceptions import UserError


class MentorshipDocumentType(models.Model):
    """No new document names a person whose processing is stopped; the act of destruction is
    printed only once the data are destroyed."""

    _inherit = "mentorship.document.type"

    category = fields.Selection(selection_add=[("act", "Act")], ondelete={"act": "set default"})

    def _check_printable(self, records):
        super()._check_printable(records)
        if records._name == "mentorship.privacy.erasure":
            return
        participants = self._privacy_participants_of(records)
        if participants:
            participants._privacy_raise_if_stopped(
                self.env._(
                    "%(person)s withdrew the consent to personal-data processing on %(date)s: they cannot "
                    "be printed on new documents."
                )
            )

    def _privacy_participants_of(self, records):
        """The participants a new document about ``records`` names."""
        Participant = self.env["mentorship.participant"].sudo()
        if records._name == "mentorship.participant":
            return records.sudo()
        if records._name == "mentorship.pair":
            return records.sudo().mentor_id | records.sudo().mentee_ids
        if records._name == "mentorship.plan":
            return records.sudo().pair_id.mentor_id | records.sudo().pair_id.mentee_ids
        if records._name == "mentorship.consent":
            return records.sudo()._privacy_participants() if len(records) == 1 else Participant.browse()
        if records._name == "mentorship.programme" and self.code == "order_pairs":
            pairs = self._get_order_pairs(records.sudo())
            return pairs.mentor_id | pairs.mentee_ids
        return Participant.browse()

    def _check_printable_privacy_act(self, erasures):
        for erasure in erasures:
            if erasure.state != "done":
                raise UserError(
                    self.env._(
                        "%(act)s: destroy the data first; the act records a destruction that took place.",
                        act=erasure.display_name,
                    )
                )
