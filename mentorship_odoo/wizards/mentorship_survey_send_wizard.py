from odoo import Command, api, fields, models
from odoo.exceptions import UserError

AUDIENCES = [
    ("all", "All Participants"),
    ("mentors", "Mentors"),
    ("mentees", "Mentees"),
    ("pairs", "Selected Pairs and Groups"),
]
PARTICIPANT_SCOPES = [
    ("joined", "Approved and Active"),
    ("candidates", "Candidates"),
    ("all", "All but Rejected"),
]
SCOPE_STATES = {
    "joined": ("approved", "active", "former"),
    "candidates": ("candidate",),
    "all": ("candidate", "approved", "active", "former"),
}


class MentorshipSurveySendWizard(models.TransientModel):
    """Send a questionnaire to a programme's participants through the survey's own invitations:
    one answer per person (and pair), linked to the participant and the pair."""

    _name = "mentorship.survey.send.wizard"
    _description = "Send a Mentoring Questionnaire"

    programme_id = fields.Many2one("mentorship.programme", required=True)
    survey_id = fields.Many2one(
        "survey.survey",
        string="Questionnaire",
        required=True,
        domain=[("mentorship_purpose", "!=", False), ("active", "=", True)],
    )
    purpose = fields.Selection(related="survey_id.mentorship_purpose")
    audience = fields.Selection(
        AUDIENCES, required=True, compute="_compute_defaults", store=True, readonly=False, precompute=True
    )
    participant_scope = fields.Selection(
        PARTICIPANT_SCOPES,
        string="Participants",
        required=True,
        compute="_compute_defaults",
        store=True,
        readonly=False,
        precompute=True,
    )
    pair_ids = fields.Many2many(
        "mentorship.pair",
        string="Pairs and Groups",
        domain="[('programme_id', '=', programme_id), ('state', 'in', ('active', 'done'))]",
    )
    deadline = fields.Datetime(string="Answer Deadline")
    send_email = fields.Boolean(string="Send by E-mail", default=True)
    template_id = fields.Many2one(
        "mail.template",
        string="E-mail Template",
        domain=[("model", "=", "survey.user_input")],
        default=lambda self: self.env.ref("survey.mail_template_user_input_invite", raise_if_not_found=False),
    )
    recipient_count = fields.Integer(string="Recipients", compute="_compute_recipients")
    no_contact_names = fields.Text(string="Without Contact", compute="_compute_recipients")

    @api.depends("survey_id")
    def _compute_defaults(self):
        for wizard in self:
            purpose = wizard.survey_id.mentorship_purpose
            wizard.audience = {"mentee_request": "mentees", "mentor_candidate": "mentors"}.get(purpose, "all")
            wizard.participant_scope = (
                "candidates" if purpose in ("mentee_request", "mentor_candidate") else "joined"
            )

    @api.depends("programme_id", "audience", "participant_scope", "pair_ids")
    def _compute_recipients(self):
        for wizard in self:
            targets = wizard._get_targets()
            wizard.recipient_count = len(targets)
            wizard.no_contact_names = (
                "\n".join(
                    sorted(
                        {
                            participant.name
                            for participant, _pair in targets
                            if not participant._get_survey_partner()
                        }
                    )
                )
                or False
            )

    def _get_targets(self):
        """[(participant, pair)] to invite."""
        self.ensure_one()
        if not self.programme_id:
            return []
        if self.audience == "pairs":
            return [
                (participant, pair)
                for pair in self.pair_ids
                for participant in pair.mentor_id | pair.mentee_ids
            ]
        domain = [
            ("programme_id", "=", self.programme_id.id),
            ("state", "in", SCOPE_STATES[self.participant_scope]),
        ]
        if self.audience in ("mentors", "mentees"):
            domain.append(("role", "=", self.audience[:-1]))
        participants = self.env["mentorship.participant"].search(domain)
        return [(participant, participant._get_survey_pair()) for participant in participants]

    def _find_open_answer(self, participant, pair):
        return self.env["survey.user_input"].search(
            [
                ("survey_id", "=", self.survey_id.id),
                ("mentorship_participant_id", "=", participant.id),
                ("mentorship_pair_id", "=", pair.id),
                ("state", "!=", "done"),
                ("test_entry", "=", False),
            ],
            order="create_date desc, id desc",
            limit=1,
        )

    def action_send(self):
        self.ensure_one()
        if self.audience == "pairs" and not self.pair_ids:
            raise UserError(self.env._("Choose the pairs and groups to send the questionnaire to."))
        targets = self._get_targets()
        if not targets:
            raise UserError(self.env._("Nobody in the programme matches the chosen participants."))
        self.survey_id.check_validity()
        answers = self.env["survey.user_input"]
        skipped = []
        for participant, pair in targets:
            partner = participant._get_survey_partner()
            if not partner:
                skipped.append(participant.name)
                continue
            answer = self._find_open_answer(participant, pair)
            if answer:
                if self.deadline:
                    answer.deadline = self.deadline
            else:
                answer = self.survey_id._create_answer(
                    partner=partner,
                    check_attempts=False,
                    deadline=self.deadline,
                    mentorship_programme_id=self.programme_id.id,
                    mentorship_participant_id=participant.id,
                    mentorship_pair_id=pair.id,
                )
            answers |= answer
        mailed = answers.browse()
        if self.send_email and answers:
            invite = self.env["survey.invite"].create(
                {
                    "survey_id": self.survey_id.id,
                    "template_id": self.template_id.id,
                    "deadline": self.deadline,
                    "existing_mode": "resend",
                    "partner_ids": [Command.set(answers.partner_id.ids)],
                }
            )
            for answer in answers.filtered(lambda a: a.partner_id.email):
                invite._send_mail(answer)
                mailed |= answer
        # Psychologists send questionnaires but only read programmes: the log note is posted as
        # superuser, still authored by the current user.
        self.programme_id.sudo().message_post(
            body=self.env._(
                "Questionnaire «%(survey)s» sent to %(count)s participants (%(mailed)s by e-mail).",
                survey=self.survey_id.title,
                count=len(answers),
                mailed=len(mailed),
            )
        )
        message = self.env._(
            "%(count)s invitations ready, %(mailed)s sent by e-mail.", count=len(answers), mailed=len(mailed)
        )
        if skipped:
            message += " " + self.env._("No contact for: %(names)s.", names=", ".join(sorted(set(skipped))))
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning" if skipped else "success",
                "message": message,
                "sticky": bool(skipped),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
