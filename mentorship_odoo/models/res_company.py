from odoo import api, fields, models

from odoo.addons.base.models.res_partner import _lang_get

DOCUMENTS_LANG = "ru_RU"


class ResCompany(models.Model):
    _inherit = "res.company"

    mentorship_document_lang = fields.Selection(
        _lang_get,
        string="Language of Mentoring Documents",
        default=lambda self: self._default_mentorship_document_lang(),
        help="Printed mentoring documents (orders, agreements, consents) are rendered in this "
        "language; Russian by default.",
    )
    mentorship_director_id = fields.Many2one(
        "hr.employee",
        string="Head Who Signs Documents",
        domain="[('company_id', 'in', [id, False])]",
        help="The director (head) of the institution: signs the orders and agreements of the "
        "mentoring programmes.",
    )

    @api.model
    def _default_mentorship_document_lang(self):
        return DOCUMENTS_LANG if self.env["res.lang"]._get_data(code=DOCUMENTS_LANG) else False

    def _get_mentorship_document_lang(self):
        """The language to render documents in: the company's choice when it is installed, else
        Russian when installed, else the user's language."""
        lang_model = self.env["res.lang"]
        for code in (self[:1].mentorship_document_lang, DOCUMENTS_LANG):
            if code and lang_model._get_data(code=code):
                return code
        return self.env.lang or "en_US"
