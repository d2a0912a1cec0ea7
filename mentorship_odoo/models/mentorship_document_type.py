from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

SUBJECT_MODELS = [
    ("mentorship.programme", "Programme"),
    ("mentorship.pair", "Pair or Group"),
    ("mentorship.participant", "Participant"),
    ("mentorship.consent", "Consent"),
    ("mentorship.plan", "Personalised Programme"),
]


class MentorshipDocumentType(models.Model):
    """Type of a printed mentoring document (order, agreement, consent, letter of thanks …): the
    template that renders it, the records it is printed from and the format of its number."""

    _name = "mentorship.document.type"
    _description = "Type of Mentoring Document"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Technical code, also the code of its numbering sequences.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    category = fields.Selection(
        [
            ("order", "Order"),
            ("agreement", "Agreement"),
            ("consent", "Consent"),
            ("award", "Letter or Certificate"),
            ("programme", "Programme"),
        ],
        required=True,
        default="order",
    )
    body_template = fields.Char(
        required=True,
        help="XML id of the QWeb template that renders the body of one document, e.g. "
        "mentorship_odoo.document_body_order_pairs.",
    )
    report_ids = fields.Many2many(
        "ir.actions.report",
        "mentorship_document_type_report_rel",
        "type_id",
        "report_id",
        string="Print Actions",
        help="Reports that print this document from the records it concerns.",
    )
    grouping = fields.Selection(
        [
            ("record", "One Document per Record"),
            ("programme", "One Document per Programme"),
            ("all", "One Document for All Records"),
        ],
        string="Printing Several Records",
        required=True,
        default="record",
        help="What printing several records at once produces.",
    )
    prefix = fields.Char(
        string="Number Prefix",
        help="Printed before the number, e.g. «ДС-». %(year)s is replaced by the year of the document.",
    )
    suffix = fields.Char(string="Number Suffix", help="Printed after the number, e.g. «-н» gives «15-н».")
    padding = fields.Integer(
        string="Number Digits", default=0, help="Zeros are added on the left up to this many digits."
    )
    description = fields.Text(translate=True)
    document_count = fields.Integer(compute="_compute_document_count", string="Documents")

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a document type must be unique."),
        ("padding_positive", "CHECK(padding >= 0)", "The number of digits cannot be negative."),
    ]

    def _compute_document_count(self):
        counts = dict(
            self.env["mentorship.document"]._read_group(
                [("type_id", "in", self.ids)], ["type_id"], ["__count"]
            )
        )
        for doc_type in self:
            doc_type.document_count = counts.get(doc_type, 0)

    @api.model
    def _get_by_code(self, code):
        return self.with_context(active_test=False).search([("code", "=", code)], limit=1)

    def _get_subject_models(self):
        """The models this type can be printed from (the models of its print actions)."""
        self.ensure_one()
        return self.report_ids.mapped("model")

    # --- Printing: who may print, what a type applies to, how records split into documents ---

    def _get_print_units(self, records):
        """Split the printed records into documents: one per record, per programme or one for
        all, as the type's grouping says."""
        self.ensure_one()
        if self.grouping == "all":
            return [records]
        if self.grouping == "programme" and records._name != "mentorship.programme":
            return [
                records.filtered(lambda rec, p=programme: rec.programme_id == p)
                for programme in records.programme_id
            ]
        return list(records)

    def _check_print_access(self, records, user):
        """Beyond record rules: an agreement with a mentor's pay is printed by ``user`` only
        when they are that mentor, a curator or a payroll officer."""
        self.ensure_one()
        if self.code != "agreement_employment" or (
            user.has_group("mentorship_odoo.group_mentorship_curator")
            or user.has_group("mentorship_odoo.group_mentorship_payroll")
        ):
            return
        pairs = records if records._name == "mentorship.pair" else records.browse()
        if any(pair.sudo().mentor_user_id != user for pair in pairs):
            raise AccessError(
                self.env._("Only the mentor and the curators may print the mentor's supplementary agreement.")
            )

    def _check_printable(self, records):
        """Raise a UserError naming the record when this type does not apply to ``records``
        (one document's records): each type with conditions has a ``_check_printable_<code>``."""
        self.ensure_one()
        check = getattr(self, f"_check_printable_{self.code}", None)
        if check:
            check(records)

    def _check_printable_agreement_employment(self, pairs):
        for pair in pairs:
            if not pair.mentor_id.employee_id:
                raise UserError(
                    self.env._(
                        "The mentor of %(pair)s is not an employee: a supplementary agreement to an "
                        "employment contract is made only with employee mentors.",
                        pair=pair.name,
                    )
                )

    def _check_printable_order_termination(self, pairs):
        for pair in pairs:
            if pair.state != "terminated":
                raise UserError(
                    self.env._(
                        "Pair %(pair)s has not been terminated early: terminate it first.", pair=pair.name
                    )
                )

    def _check_printable_consent_personal_data(self, records):
        for record in records:
            if record._name == "mentorship.consent" and record.consent_type != "personal_data":
                raise UserError(
                    self.env._(
                        "%(consent)s is not a consent to personal-data processing.",
                        consent=record.display_name,
                    )
                )

    def _check_printable_order_pairs(self, records):
        if records._name == "mentorship.programme":
            for programme in records:
                if not self._get_order_pairs(programme):
                    raise UserError(
                        self.env._(
                            "Programme «%(programme)s» has no pairs or groups to list in the order.",
                            programme=programme.name,
                        )
                    )

    @api.model
    def _get_order_pairs(self, records, document=None):
        """The pairs and groups an order fixing pairs lists: those chosen on the register entry,
        the printed pairs, or the running and planned pairs of the printed programme; sorted by
        mentor."""
        if document and document.pair_ids:
            pairs = document.pair_ids
        elif records._name == "mentorship.pair":
            pairs = records
        else:
            pairs = records.pair_ids.filtered(lambda pair: pair.state in ("draft", "active"))
        return pairs.sorted(lambda pair: (pair.mentor_id.name or "", pair.date_start, pair.id))

    # --- Numbering: one sequence per type and company, restarting every year ------------------

    def _sequence_code(self):
        self.ensure_one()
        return f"mentorship.document.{self.code}"

    def _sequence_values(self):
        self.ensure_one()
        return {"prefix": self.prefix or "", "suffix": self.suffix or "", "padding": self.padding}

    def _get_sequences(self):
        return self.env["ir.sequence"].sudo().search([("code", "in", [t._sequence_code() for t in self])])

    def _get_sequence(self, company):
        self.ensure_one()
        sequence_model = self.env["ir.sequence"].sudo()
        sequence = sequence_model.search(
            [("code", "=", self._sequence_code()), ("company_id", "=", company.id)], limit=1
        )
        if not sequence:
            sequence = sequence_model.create(
                {
                    "name": f"{self.name} ({company.name})",
                    "code": self._sequence_code(),
                    "company_id": company.id,
                    "implementation": "no_gap",
                    "use_date_range": True,
                    "number_increment": 1,
                    **self._sequence_values(),
                }
            )
        return sequence

    def _next_number(self, company, on_date):
        """The next number of this type in ``company`` for the year of ``on_date``."""
        self.ensure_one()
        return self._get_sequence(company).next_by_id(sequence_date=on_date)

    def write(self, vals):
        res = super().write(vals)
        if {"prefix", "suffix", "padding"} & set(vals):
            for doc_type in self:
                sequences = doc_type._get_sequences()
                if sequences:
                    sequences.write(doc_type._sequence_values())
        return res

    def action_open_documents(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("mentorship_odoo.mentorship_document_action")
        action["domain"] = [("type_id", "=", self.id)]
        action["context"] = {"default_type_id": self.id}
        return action
