import base64

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.mentorship_odoo.models.mentorship_consent import CONSENT_TYPES

REPORT = "mentorship_odoo_portal.action_report_consent_request"


class MentorshipConsentRequest(models.Model):
    """A consent asked for on the portal: the person (or, for a minor, a legal representative)
    reads its text and signs it with name and drawn signature, which gives the consent; they may
    withdraw it there later. A token link opens it for a representative who has no account."""

    _name = "mentorship.consent.request"
    _description = "Mentoring Consent Request"
    _inherit = ["mail.thread", "portal.mixin"]
    _order = "create_date desc, id desc"
    _check_company_auto = True

    consent_type = fields.Selection(CONSENT_TYPES, string="Type", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True, tracking=True, ondelete="cascade"
    )
    signer_id = fields.Many2one(
        "res.partner",
        string="Signs",
        required=True,
        index=True,
        tracking=True,
        ondelete="cascade",
        help="The person, or a legal representative of a minor.",
    )
    given_by = fields.Selection(
        [("self", "The Person"), ("representative", "Legal Representative")],
        compute="_compute_given_by",
        store=True,
    )
    state = fields.Selection(
        [
            ("pending", "Awaiting Signature"),
            ("signed", "Signed"),
            ("withdrawn", "Withdrawn"),
            ("cancelled", "Cancelled"),
        ],
        default="pending",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    consent_id = fields.Many2one("mentorship.consent", readonly=True, copy=False, index="btree_not_null")
    signed_by = fields.Char(readonly=True, copy=False, help="The name typed when signing.")
    signature = fields.Binary(attachment=True, readonly=True, copy=False)
    signed_on = fields.Datetime(readonly=True, copy=False)
    signed_ip = fields.Char(string="Signed From IP", readonly=True, copy=False)
    document_id = fields.Many2one(
        "mentorship.document", string="Register Entry", readonly=True, copy=False, index="btree_not_null"
    )

    @api.depends("partner_id", "signer_id")
    def _compute_given_by(self):
        for request in self:
            request.given_by = "self" if request.signer_id == request.partner_id else "representative"

    @api.depends("consent_type", "partner_id")
    def _compute_display_name(self):
        labels = dict(self._fields["consent_type"]._description_selection(self.env))
        for request in self:
            request.display_name = f"{labels.get(request.consent_type, '')}: {request.partner_id.name or ''}"

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for request in self:
            request.access_url = f"/my/mentorship/consents/{request.id}"
        return res

    @api.model
    def _create_missing_for_pairs(self, pairs):
        """Requests for the consents the minors of ``pairs`` still need from a legal representative
        (to their first representative), unless one is already pending."""
        Consent = self.env["mentorship.consent"]
        today = fields.Date.context_today(self)
        vals_list = []
        pending = self.search(
            [("partner_id", "in", pairs.mentee_ids.partner_id.ids), ("state", "=", "pending")]
        )
        wanted = {(r.partner_id.id, r.consent_type) for r in pending}
        for pair in pairs:
            for partner in pair.mentee_ids.partner_id.filtered(lambda p: p._is_minor_on(today)):
                representative = partner.legal_representative_ids[:1]
                if not representative:
                    continue
                for consent_type in ("personal_data", "participation"):
                    key = (partner.id, consent_type)
                    if key in wanted or Consent._find_valid(
                        consent_type, today, partner=partner, by_representative=True
                    ):
                        continue
                    wanted.add(key)
                    vals_list.append(
                        {
                            "consent_type": consent_type,
                            "company_id": pair.company_id.id,
                            "partner_id": partner.id,
                            "signer_id": representative.id,
                        }
                    )
        return self.create(vals_list)

    def _action_open(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Consent Requests"),
            "res_model": self._name,
            "view_mode": "list,form",
            "domain": [("id", "in", self.ids)],
        }

    def _portal_can_act(self, user):
        """Whether ``user`` (not the public user: token visitors act through the token) signs this
        request."""
        self.ensure_one()
        return user.partner_id == self.signer_id

    def _portal_sign(self, name, signature, ip_address, author):
        """Give the consent: store name, signature, date and IP, render the signed PDF into the
        consent and, for personal data, register the document."""
        self.ensure_one()
        if self.state != "pending":
            raise UserError(self.env._("This consent request is not awaiting a signature."))
        if not (name or "").strip():
            raise UserError(self.env._("Type your full name to sign."))
        if not signature:
            raise UserError(self.env._("Draw your signature to sign."))
        request = self.sudo()
        consent = (
            self.env["mentorship.consent"]
            .sudo()
            .create(
                {
                    "consent_type": request.consent_type,
                    "company_id": request.company_id.id,
                    "partner_id": request.partner_id.id,
                    "given_by": request.given_by,
                    "representative_id": request.signer_id.id
                    if request.given_by == "representative"
                    else False,
                    "date": fields.Date.context_today(self),
                    "note": self.env._(
                        "Signed on the portal by %(name)s from %(ip)s.", name=name, ip=ip_address
                    ),
                }
            )
        )
        request.write(
            {
                "state": "signed",
                "consent_id": consent.id,
                "signed_by": name.strip(),
                "signature": signature,
                "signed_on": fields.Datetime.now(),
                "signed_ip": ip_address,
            }
        )
        pdf, _type = self.env["ir.actions.report"].sudo()._render_qweb_pdf(REPORT, res_ids=request.ids)
        filename = f"{request.display_name}.pdf"
        consent.write({"document": base64.b64encode(pdf), "document_name": filename})
        request._register_document(consent)
        request.message_post(
            body=Markup("%s") % self.env._("Consent signed on the portal by %(name)s.", name=name),
            attachments=[(filename, pdf)],
            author_id=author.id,
        )
        return consent

    def _register_document(self, consent):
        """The register entry of the consent, when the register has a type for it."""
        doc_type = (
            self.env["mentorship.document.type"]
            .sudo()
            .search([("code", "=", f"consent_{self.consent_type}")], limit=1)
        )
        if not doc_type:
            return
        Document = self.env["mentorship.document"].sudo()
        document = Document.create(Document._prepare_values_for(doc_type, consent))
        document.action_register()
        self.document_id = document

    def _portal_withdraw(self, author):
        self.ensure_one()
        if self.state != "signed":
            raise UserError(self.env._("Only a signed consent can be withdrawn."))
        request = self.sudo()
        request.consent_id.action_withdraw()
        request.state = "withdrawn"
        request.message_post(
            body=Markup("%s") % self.env._("Consent withdrawn on the portal by %(name)s.", name=author.name),
            author_id=author.id,
        )

    def action_cancel(self):
        self.filtered(lambda r: r.state == "pending").write({"state": "cancelled"})
