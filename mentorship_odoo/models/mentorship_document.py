from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.actions import window_action
from .mentorship_document_type import SUBJECT_MODELS

DOCUMENT_STATES = [
    ("draft", "Draft"),
    ("registered", "Registered"),
    ("signed", "Signed"),
]
# Fields that may still change once a document is registered: its workflow, the signed scan and
# the chatter. Everything else is the content of the document and is frozen.
UNFROZEN_FIELDS = {
    "state",
    "superseded",
    "attachment_id",
    "signed_file",
    "signed_filename",
    "signed_date",
    "registered_by_id",
    "registered_on",
}
DOCUMENT_REPORT = "mentorship_odoo.action_report_mentorship_document"


class MentorshipDocument(models.Model):
    """The register of printed mentoring documents (журнал регистрации документов): each entry has
    a type, a number per type and year, a date and the records it concerns. Registering renders
    and stores the PDF and freezes the entry; a correction is a new version; nothing registered
    is ever deleted."""

    _name = "mentorship.document"
    _description = "Mentoring Document"
    _inherit = ["mail.thread", "mail.activity.mixin", "mentorship.frozen.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["number", "type_id.name"]

    # Not stored: it is worded in the reader's language.
    name = fields.Char(compute="_compute_name")
    type_id = fields.Many2one(
        "mentorship.document.type",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
    )
    type_code = fields.Char(related="type_id.code")
    category = fields.Selection(related="type_id.category", store=True)
    number = fields.Char(readonly=True, copy=False, index="btree_not_null", tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    res_model = fields.Selection(
        SUBJECT_MODELS,
        string="Concerns",
        required=True,
        compute="_compute_res_model",
        store=True,
        readonly=False,
        precompute=True,
    )
    programme_id = fields.Many2one(
        "mentorship.programme",
        index="btree_not_null",
        ondelete="restrict",
        check_company=True,
        compute="_compute_programme_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    pair_id = fields.Many2one(
        "mentorship.pair",
        string="Pair or Group",
        index="btree_not_null",
        ondelete="restrict",
        check_company=True,
    )
    pair_ids = fields.Many2many(
        "mentorship.pair",
        "mentorship_document_pair_rel",
        "document_id",
        "pair_id",
        string="Pairs and Groups",
        check_company=True,
        ondelete="restrict",
        help="For orders about several pairs: the pairs the order lists.",
    )
    all_pair_ids = fields.Many2many(
        "mentorship.pair",
        string="Any Pair",
        compute="_compute_all_pair_ids",
        search="_search_all_pair_ids",
        help="The pair the document is about or one of the pairs it lists.",
    )
    participant_id = fields.Many2one(
        "mentorship.participant", index="btree_not_null", ondelete="restrict", check_company=True
    )
    participant_ids = fields.Many2many(
        "mentorship.participant",
        "mentorship_document_participant_rel",
        "document_id",
        "participant_id",
        string="Participants",
        check_company=True,
        ondelete="restrict",
    )
    consent_id = fields.Many2one(
        "mentorship.consent", index="btree_not_null", ondelete="restrict", check_company=True
    )
    plan_id = fields.Many2one(
        "mentorship.plan",
        string="Personalised Programme",
        index="btree_not_null",
        ondelete="restrict",
        check_company=True,
    )
    employee_id = fields.Many2one(
        "hr.employee",
        compute="_compute_person",
        store=True,
        index="btree_not_null",
        help="The employee the document is about, if it is about one person.",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        compute="_compute_person",
        store=True,
        index="btree_not_null",
        help="The student or external person the document is about, if it is about one person.",
    )
    signatory_id = fields.Many2one(
        "hr.employee",
        string="Signed By",
        check_company=True,
        compute="_compute_signatory_id",
        store=True,
        readonly=False,
        precompute=True,
        help="Who signs for the institution; by default the head set on the company.",
    )
    nomination = fields.Text(
        help="Wording of an encouragement, printed after «за», e.g. «высокие результаты наставнической "
        "деятельности в номинации «Наставник года»»."
    )
    allowance_rate = fields.Float(
        string="Allowance (%)",
        digits=(5, 2),
        help="Compensatory payment for mentoring as a percentage of the base salary (supplementary "
        "agreement).",
    )
    allowance_base = fields.Monetary(
        string="Base Salary",
        currency_field="currency_id",
        help="The mentor's base salary (должностной оклад).",
    )
    allowance_amount = fields.Monetary(
        string="Allowance per Month",
        currency_field="currency_id",
        compute="_compute_allowance_amount",
        store=True,
    )
    extra_text = fields.Text(
        string="Additional Provisions", help="Printed as an additional item at the end of the document."
    )
    state = fields.Selection(
        DOCUMENT_STATES, default="draft", required=True, readonly=True, copy=False, tracking=True, index=True
    )
    superseded = fields.Boolean(
        readonly=True, copy=False, tracking=True, help="A later registered version replaces this one."
    )
    version = fields.Integer(default=1, readonly=True, copy=False)
    previous_version_id = fields.Many2one(
        "mentorship.document",
        string="Corrects",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
        help="The registered version this document corrects.",
    )
    next_version_ids = fields.One2many(
        "mentorship.document", "previous_version_id", string="Corrections", readonly=True
    )
    registered_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    registered_on = fields.Datetime(readonly=True, copy=False)
    attachment_id = fields.Many2one(
        "ir.attachment", string="Registered File", readonly=True, copy=False, ondelete="restrict"
    )
    pdf_file = fields.Binary(related="attachment_id.datas", string="Registered PDF")
    pdf_filename = fields.Char(related="attachment_id.name", string="Registered File Name")
    signed_file = fields.Binary(string="Signed Scan", attachment=True, copy=False)
    signed_filename = fields.Char(copy=False)
    signed_date = fields.Date(string="Signed On", copy=False, tracking=True)

    _sql_constraints = [
        (
            "number_uniq",
            "unique(type_id, company_id, number)",
            "This number is already registered for this type of document.",
        ),
    ]

    # --- Computes -------------------------------------------------------------------------

    @api.depends("type_id.name", "number", "date", "version")
    @api.depends_context("lang")
    def _compute_name(self):
        for document in self:
            if document.number:
                name = self.env._(
                    "%(type)s No. %(number)s of %(date)s",
                    type=document.type_id.name or "",
                    number=document.number,
                    date=document.date.strftime("%d.%m.%Y") if document.date else "",
                )
            else:
                name = self.env._("%(type)s (draft)", type=document.type_id.name or "")
            if document.version > 1:
                name = self.env._("%(name)s, version %(version)s", name=name, version=document.version)
            document.name = name

    @api.depends("pair_id", "pair_ids")
    def _compute_all_pair_ids(self):
        for document in self:
            document.all_pair_ids = document.pair_id | document.pair_ids

    def _search_all_pair_ids(self, operator, value):
        return ["|", ("pair_id", operator, value), ("pair_ids", operator, value)]

    @api.depends("type_id")
    def _compute_res_model(self):
        for document in self:
            subject_models = document.type_id.report_ids.mapped("model")
            if subject_models and document.res_model not in subject_models:
                document.res_model = subject_models[0]
            else:
                document.res_model = document.res_model

    @api.depends("pair_id", "pair_ids", "participant_id", "participant_ids", "plan_id")
    def _compute_programme_id(self):
        for document in self:
            programmes = (document.pair_id | document.pair_ids | document.plan_id.pair_id).programme_id | (
                document.participant_id | document.participant_ids
            ).programme_id
            document.programme_id = programmes[:1] or document.programme_id

    @api.depends("programme_id", "consent_id")
    def _compute_company_id(self):
        for document in self:
            company = document.programme_id.company_id or document.consent_id.company_id
            document.company_id = company or document.company_id or self.env.company

    @api.depends("participant_id", "consent_id", "pair_id", "res_model")
    def _compute_person(self):
        for document in self:
            person = document.consent_id or document.participant_id
            if not person and document.res_model == "mentorship.pair" and document.pair_id:
                person = document.pair_id.mentor_id
            document.employee_id = person.employee_id
            document.partner_id = person.partner_id

    @api.depends("company_id")
    def _compute_signatory_id(self):
        for document in self:
            if not document.signatory_id or document.signatory_id.company_id != document.company_id:
                document.signatory_id = document.company_id.mentorship_director_id

    @api.depends("allowance_rate", "allowance_base")
    def _compute_allowance_amount(self):
        for document in self:
            document.allowance_amount = document.currency_id.round(
                document.allowance_base * document.allowance_rate / 100.0
            )

    @api.onchange("plan_id")
    def _onchange_plan_id(self):
        if self.plan_id:
            self.pair_id = self.plan_id.pair_id

    @api.onchange("type_id", "pair_id")
    def _onchange_allowance(self):
        if self.type_id.code == "agreement_employment" and self.pair_id:
            rate, base = self.env["mentorship.allowance.policy"]._get_agreement_pay(self.pair_id)
            self.allowance_rate = rate
            self.allowance_base = base

    # --- Subjects -------------------------------------------------------------------------

    @api.model
    def _subject_fields(self):
        """Model of the records a document concerns → (field for one record, field for several).
        Extend it together with SUBJECT_MODELS for new kinds of documents."""
        return {
            "mentorship.programme": ("programme_id", None),
            "mentorship.pair": ("pair_id", "pair_ids"),
            "mentorship.participant": ("participant_id", "participant_ids"),
            "mentorship.consent": ("consent_id", None),
            "mentorship.plan": ("plan_id", None),
        }

    def _get_subject_records(self):
        """The records the document is printed from (one unit of its template)."""
        self.ensure_one()
        single, multi = self._subject_fields().get(self.res_model, (None, None))
        if multi and self[multi]:
            return self[multi]
        if single:
            return self[single]
        return self.env[self.res_model or "mentorship.programme"]

    @api.model
    def _prepare_values_for(self, doc_type, records, **extra):
        """Values to create a document of ``doc_type`` about ``records`` (one unit)."""
        single, multi = self._subject_fields()[records._name]
        vals = {"type_id": doc_type.id, "res_model": records._name}
        if records._name == "mentorship.programme" or not multi or len(records) == 1:
            vals[single] = records[:1].id
            if multi and len(records) == 1 and doc_type.grouping != "record":
                vals[multi] = [fields.Command.set(records.ids)]
        else:
            vals[multi] = [fields.Command.set(records.ids)]
        if records._name == "mentorship.plan":
            # The pair of the programme: the register lists it among the pair's documents.
            vals["pair_id"] = records[:1].pair_id.id
        if doc_type.code == "agreement_employment" and records._name == "mentorship.pair":
            rate, base = self.env["mentorship.allowance.policy"]._get_agreement_pay(records[:1])
            vals.update(allowance_rate=rate, allowance_base=base)
        vals.update(extra)
        return vals

    @api.constrains(
        "type_id",
        "res_model",
        "programme_id",
        "pair_id",
        "pair_ids",
        "participant_id",
        "consent_id",
        "plan_id",
    )
    def _check_subject(self):
        for document in self:
            allowed = document.type_id._get_subject_models()
            if allowed and document.res_model not in allowed:
                raise ValidationError(
                    self.env._(
                        "A document of type «%(type)s» cannot be made from this kind of record.",
                        type=document.type_id.name,
                    )
                )
            if not document._get_subject_records():
                raise ValidationError(
                    self.env._(
                        "Choose what document «%(name)s» is about (programme, pair, participant or consent).",
                        name=document.name,
                    )
                )

    # --- Freezing (mentorship.frozen.mixin) ------------------------------------------------

    @api.model
    def _frozen_writable_fields(self):
        return super()._frozen_writable_fields() | UNFROZEN_FIELDS

    def _frozen_write_message(self, frozen):
        return self.env._(
            "%(name)s is registered: its content can no longer change. Create a correction "
            "(a new version) instead.",
            name=frozen[0].display_name,
        )

    def _frozen_unlink_message(self, frozen):
        return self.env._(
            "%(name)s is registered and is kept for good: registered documents are never deleted. "
            "Create a correction (a new version) to replace it.",
            name=frozen[0].display_name,
        )

    def _check_write(self, vals):
        """The signed scan of a signed document stays: it may be replaced, not removed."""
        result = super()._check_write(vals)
        if (
            "signed_file" in vals
            and not vals["signed_file"]
            and self.filtered(lambda doc: doc.state == "signed")
        ):
            raise UserError(self.env._("The signed scan of a signed document cannot be removed."))
        return result

    # --- Workflow -------------------------------------------------------------------------

    def action_register(self):
        """Give each draft its number, render and store its PDF, and freeze it."""
        for document in self:
            if document.state != "draft":
                raise UserError(self.env._("%(name)s is already registered.", name=document.display_name))
            document.type_id._check_printable(document._get_subject_records())
        for document in self.sorted(lambda doc: (doc.date, doc.id)):
            number = document.type_id._next_number(document.company_id, document.date)
            document.write(
                {
                    "number": number,
                    "state": "registered",
                    "registered_by_id": self.env.uid,
                    "registered_on": fields.Datetime.now(),
                }
            )
            document._store_rendered_file()
            document._apply_number_to_subject()
            if document.previous_version_id:
                document.previous_version_id.superseded = True
            document.message_post(
                body=self.env._("Registered as No. %(number)s.", number=number),
                attachment_ids=document.attachment_id.ids,
            )
        return True

    def _store_rendered_file(self):
        self.ensure_one()
        content, file_type = (
            self.env["ir.actions.report"]
            .with_context(report_pdf_no_attachment=True)
            ._render_qweb_pdf(DOCUMENT_REPORT, res_ids=self.ids)
        )
        extension = "pdf" if file_type == "pdf" else "html"
        if isinstance(content, str):
            content = content.encode()
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"{self._get_file_basename()}.{extension}",
                "raw": content,
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": "application/pdf" if extension == "pdf" else "text/html",
            }
        )
        self.attachment_id = attachment

    def _get_file_basename(self):
        self.ensure_one()
        number = (self.number or "draft").replace("/", "-").replace(" ", "_")
        return f"{self.type_id.code}_{number}_{self.date:%Y-%m-%d}_v{self.version}"

    def _apply_number_to_subject(self):
        """Registered orders and agreements give their number to the record when it has none."""
        self.ensure_one()
        code = self.type_id.code
        if code == "order_programme" and self.programme_id and not self.programme_id.order_number:
            self.programme_id.write({"order_number": self.number, "order_date": self.date})
        elif code in ("agreement_employment", "agreement_tripartite") and self.pair_id:
            if not self.pair_id.agreement_number:
                self.pair_id.write({"agreement_number": self.number, "agreement_date": self.date})

    def action_mark_signed(self):
        for document in self:
            if document.state != "registered":
                raise UserError(
                    self.env._(
                        "Only a registered document can be marked as signed (%(name)s).",
                        name=document.display_name,
                    )
                )
            if not document.signed_file:
                raise UserError(
                    self.env._(
                        "Attach the scan of signed %(name)s before marking it as signed.",
                        name=document.display_name,
                    )
                )
        self.write({"state": "signed", "signed_date": fields.Date.context_today(self)})
        return True

    def action_create_correction(self):
        """A correction of a registered document: a new draft version that points to this one."""
        self.ensure_one()
        if self.state == "draft":
            raise UserError(
                self.env._("A draft can be edited directly: only registered documents are corrected.")
            )
        if self.superseded:
            raise UserError(
                self.env._(
                    "%(name)s is already replaced by a later version: correct that one.",
                    name=self.display_name,
                )
            )
        pending = self.next_version_ids.filtered(lambda doc: doc.state == "draft")
        correction = pending[:1] or self.copy(
            {
                "previous_version_id": self.id,
                "version": self.version + 1,
                "date": fields.Date.context_today(self),
            }
        )
        return window_action(self.env._("Correction"), self._name, res_id=correction.id)

    def action_print(self):
        return self.env.ref(DOCUMENT_REPORT).report_action(self, config=False)

    def action_open_subject(self):
        self.ensure_one()
        records = self._get_subject_records()
        return window_action(
            self.env._("Concerns"),
            records._name,
            "form" if len(records) == 1 else "list,form",
            res_id=records.id if len(records) == 1 else False,
            domain=[("id", "in", records.ids)],
        )
