from odoo import api, fields, models

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
