from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class MentorshipDocumentPrintWizard(models.TransientModel):
    """Print (and register) one type of document for a programme in one go: e.g. the agreements
    of all its pairs, the consents of all their participants or the order fixing the pairs."""

    _name = "mentorship.document.print.wizard"
    _description = "Print Mentoring Documents"

    programme_id = fields.Many2one("mentorship.programme", required=True, ondelete="cascade")
    type_id = fields.Many2one(
        "mentorship.document.type",
        string="Document",
        required=True,
        domain="[('category', '!=', 'award')]",
        ondelete="cascade",
    )
    pair_ids = fields.Many2many(
        "mentorship.pair",
        string="Pairs and Groups",
        compute="_compute_pair_ids",
        store=True,
        readonly=False,
        domain="[('programme_id', '=', programme_id)]",
        help="The pairs and groups to print for (agreements, consents of their participants) or to "
        "list (order fixing pairs).",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    register = fields.Boolean(
        string="Register the Documents",
        default=True,
        help="Give the documents their numbers, store their PDFs and freeze them. Without it they "
        "stay drafts in the register.",
    )

    @api.depends("programme_id")
    def _compute_pair_ids(self):
        for wizard in self:
            wizard.pair_ids = wizard.programme_id.pair_ids.filtered(
                lambda pair: pair.state in ("draft", "active")
            )

    def _get_units(self):
        """The records of each document to make, and the pairs left out with the reason."""
        self.ensure_one()
        doc_type = self.type_id
        subject_models = doc_type._get_subject_models()
        units, skipped = [], []
        if "mentorship.programme" in subject_models:
            units = [self.programme_id]
        elif "mentorship.pair" in subject_models:
            candidates = list(self.pair_ids)
            units = candidates if doc_type.grouping == "record" else [self.pair_ids]
        elif "mentorship.participant" in subject_models:
            participants = (self.pair_ids.mentor_id | self.pair_ids.mentee_ids).sorted("name")
            units = list(participants)
        else:
            raise UserError(
                self.env._(
                    "«%(type)s» is not printed for a programme's pairs: print it from its records.",
                    type=doc_type.name,
                )
            )
        printable = []
        for unit in units:
            try:
                doc_type._check_printable(unit)
            except UserError as error:
                skipped.append(str(error.args[0]))
            else:
                printable.append(unit)
        return printable, skipped

    def action_generate(self):
        self.ensure_one()
        units, skipped = self._get_units()
        if not units:
            raise UserError(
                self.env._(
                    "There is nothing to print:\n%(reasons)s",
                    reasons="\n".join(skipped) or self.env._("choose some pairs or groups."),
                )
            )
        document_model = self.env["mentorship.document"]
        vals_list = []
        for unit in units:
            extra = {"date": self.date}
            if unit._name == "mentorship.programme" and self.type_id.code == "order_pairs":
                extra["pair_ids"] = [Command.set(self.pair_ids.ids)]
            vals_list.append(document_model._prepare_values_for(self.type_id, unit, **extra))
        documents = document_model.create(vals_list)
        if self.register:
            documents.action_register()
        message = self.env._(
            "%(count)s × «%(type)s» made from the programme.", count=len(documents), type=self.type_id.name
        )
        if skipped:
            message += "\n" + self.env._("Left out:") + "\n" + "\n".join(skipped)
        self.programme_id.message_post(body=message)
        return documents.action_print()
