from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

CONSENT_TYPES = [
    ("personal_data", "Personal Data Processing"),
    ("participation", "Participation in Mentoring"),
    ("appointment", "Written Consent to Appointment as Mentor"),
    ("publication", "Publication"),
]


class MentorshipConsent(models.Model):
    """A consent about one person (152-FZ; Labour Code art. 351.8), given by the person or, for a
    minor, by a legal representative. Withdrawal keeps the record and ends its effect."""

    _name = "mentorship.consent"
    _description = "Mentoring Consent"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _rec_name = "consent_type"
    _check_company_auto = True

    consent_type = fields.Selection(CONSENT_TYPES, string="Type", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    employee_id = fields.Many2one("hr.employee", index="btree_not_null", tracking=True, check_company=True)
    partner_id = fields.Many2one(
        "res.partner", string="Student or External Person", index="btree_not_null", tracking=True
    )
    person_name = fields.Char(string="Person", compute="_compute_person_name", store=True)
    given_by = fields.Selection(
        [("self", "The Person"), ("representative", "Legal Representative")],
        required=True,
        default="self",
        tracking=True,
    )
    representative_id = fields.Many2one("res.partner", string="Legal Representative", tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    date_withdrawn = fields.Date(string="Withdrawn On", tracking=True, copy=False)
    withdrawal_reason = fields.Char(copy=False)
    document = fields.Binary(string="Signed Document", attachment=True, copy=False)
    document_name = fields.Char(copy=False)
    note = fields.Text()
    state = fields.Selection(
        [("valid", "Valid"), ("withdrawn", "Withdrawn")], compute="_compute_state", store=True
    )

    _sql_constraints = [
        (
            "one_person",
            "CHECK((employee_id IS NULL) != (partner_id IS NULL))",
            "A consent concerns either an employee or a contact, not both.",
        ),
    ]

    @api.depends("employee_id.name", "partner_id.name")
    def _compute_person_name(self):
        for consent in self:
            consent.person_name = consent.employee_id.name or consent.partner_id.name

    @api.depends("date_withdrawn")
    def _compute_state(self):
        for consent in self:
            consent.state = "withdrawn" if consent.date_withdrawn else "valid"

    @api.depends("consent_type", "person_name")
    def _compute_display_name(self):
        labels = dict(self._fields["consent_type"]._description_selection(self.env))
        for consent in self:
            consent.display_name = f"{labels.get(consent.consent_type, '')}: {consent.person_name or ''}"

    @api.constrains("given_by", "representative_id", "partner_id", "date")
    def _check_representative(self):
        for consent in self:
            if consent.given_by == "representative" and not consent.representative_id:
                raise ValidationError(
                    self.env._(
                        "Choose the legal representative who gave the consent for %(person)s.",
                        person=consent.person_name,
                    )
                )
            partner = consent.partner_id
            if partner and partner._is_minor_on(consent.date) and consent.given_by != "representative":
                raise ValidationError(
                    self.env._(
                        "%(person)s is a minor: the consent must be given by a legal representative.",
                        person=consent.person_name,
                    )
                )
            if (
                consent.representative_id
                and partner
                and consent.representative_id not in partner.legal_representative_ids
            ):
                raise ValidationError(
                    self.env._(
                        "%(rep)s is not a legal representative of %(person)s: add them on the contact "
                        "first.",
                        rep=consent.representative_id.name,
                        person=consent.person_name,
                    )
                )

    @api.constrains("date", "date_withdrawn")
    def _check_dates(self):
        for consent in self:
            if consent.date_withdrawn and consent.date_withdrawn < consent.date:
                raise ValidationError(self.env._("A consent cannot be withdrawn before it was given."))

    def action_withdraw(self):
        for consent in self:
            if consent.date_withdrawn:
                raise UserError(self.env._("This consent is already withdrawn."))
        self.write({"date_withdrawn": fields.Date.context_today(self)})

    def _is_valid_on(self, on_date):
        self.ensure_one()
        return self.date <= on_date and (not self.date_withdrawn or self.date_withdrawn > on_date)

    @api.model
    def _find_valid(self, consent_type, on_date, employee=None, partner=None, by_representative=False):
        domain = [
            ("consent_type", "=", consent_type),
            ("date", "<=", on_date),
            "|",
            ("date_withdrawn", "=", False),
            ("date_withdrawn", ">", on_date),
        ]
        if employee:
            domain.append(("employee_id", "=", employee.id))
        else:
            domain.append(("partner_id", "=", partner.id))
        if by_representative:
            domain.append(("given_by", "=", "representative"))
        return self.search(domain, limit=1)
