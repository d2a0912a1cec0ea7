from odoo import api, fields, models


class MentorshipDocument(models.Model):
    """The act of destruction is a register entry about a destruction (mentorship.privacy.erasure)."""

    _name = "mentorship.document"
    _inherit = ["mentorship.document", "mentorship.privacy.trail.mixin"]

    res_model = fields.Selection(
        selection_add=[("mentorship.privacy.erasure", "Destruction of Personal Data")],
        ondelete={"mentorship.privacy.erasure": "cascade"},
    )
    privacy_erasure_id = fields.Many2one(
        "mentorship.privacy.erasure",
        string="Destruction of Personal Data",
        index="btree_not_null",
        ondelete="restrict",
        check_company=True,
    )

    @api.model
    def _subject_fields(self):
        return {**super()._subject_fields(), "mentorship.privacy.erasure": ("privacy_erasure_id", None)}

    @api.depends("privacy_erasure_id")
    def _compute_company_id(self):
        result = super()._compute_company_id()
        for document in self.filtered("privacy_erasure_id"):
            document.company_id = document.privacy_erasure_id.company_id
        return result

    @api.constrains("privacy_erasure_id")
    def _check_privacy_subject(self):
        self._check_subject()
