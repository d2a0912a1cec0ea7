from odoo import api, fields, models
from odoo.exceptions import UserError

NOMINATIONS = [
    ("results", "High Results in Mentoring"),
    ("active", "Active Participation"),
    ("mentor_of_year", "Mentor of the Year"),
    ("best_pair", "Best Mentoring Pair"),
    ("custom", "Own Wording"),
]
# Printed after «за» in the Russian documents.
NOMINATION_TEXTS = {
    "results": "высокие результаты наставнической деятельности",
    "active": "активное участие в наставнической деятельности",
    "mentor_of_year": "победу в номинации «Наставник года»",
    "best_pair": "победу в номинации «Лучшая наставническая пара»",
}


class MentorshipAwardWizard(models.TransientModel):
    """Encourage mentors, mentees or pairs: an order of encouragement for all of them, or a letter
    of thanks or certificate of honour each, with the wording of the nomination."""

    _name = "mentorship.award.wizard"
    _description = "Encourage Mentoring Participants"

    participant_ids = fields.Many2many("mentorship.participant", string="Participants")
    pair_ids = fields.Many2many("mentorship.pair", string="Pairs and Groups")
    type_id = fields.Many2one(
        "mentorship.document.type",
        string="Document",
        required=True,
        domain="[('code', 'in', ('order_encouragement', 'letter_thanks', 'certificate'))]",
        default=lambda self: self.env["mentorship.document.type"]._get_by_code("letter_thanks"),
        ondelete="cascade",
    )
    nomination_choice = fields.Selection(NOMINATIONS, string="Nomination", required=True, default="results")
    nomination = fields.Text(
        string="Wording",
        compute="_compute_nomination",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        help="Printed after «за» (for).",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    register = fields.Boolean(
        string="Register the Documents",
        default=True,
        help="Number, store and freeze the documents in the register. Without it the documents are "
        "only printed.",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        model, ids = self.env.context.get("active_model"), self.env.context.get("active_ids") or []
        if model == "mentorship.participant" and "participant_ids" in fields_list:
            values["participant_ids"] = [fields.Command.set(ids)]
        elif model == "mentorship.pair" and "pair_ids" in fields_list:
            values["pair_ids"] = [fields.Command.set(ids)]
        return values

    @api.depends("nomination_choice")
    def _compute_nomination(self):
        for wizard in self:
            if wizard.nomination_choice != "custom" or not wizard.nomination:
                wizard.nomination = NOMINATION_TEXTS.get(wizard.nomination_choice, "")

    def _get_records(self):
        self.ensure_one()
        if self.participant_ids and self.pair_ids:
            raise UserError(self.env._("Encourage either participants or pairs, not both at once."))
        records = self.participant_ids or self.pair_ids
        if not records:
            raise UserError(self.env._("Choose the participants or the pairs to encourage."))
        return records

    def action_print(self):
        self.ensure_one()
        records = self._get_records()
        nomination = (self.nomination or "").strip()
        if not self.register:
            report = self.type_id.report_ids.filtered(lambda rep: rep.model == records._name)[:1]
            return report.report_action(
                records, data={"record_ids": records.ids, "nomination": nomination}, config=False
            )
        units = [records] if self.type_id.grouping == "all" else list(records)
        document_model = self.env["mentorship.document"]
        documents = document_model.create(
            [
                document_model._prepare_values_for(self.type_id, unit, date=self.date, nomination=nomination)
                for unit in units
            ]
        )
        documents.action_register()
        return documents.action_print()
