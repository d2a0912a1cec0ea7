import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)

REMINDER_DAYS_PARAM = "mentorship_odoo.survey_reminder_days"
REMINDER_MAX_PARAM = "mentorship_odoo.survey_reminder_max"
PSYCHOLOGIST_GROUP = "mentorship_odoo.group_mentorship_psychologist"


class SurveyUserInput(models.Model):
    """An answer set of a mentoring questionnaire, tied to the participant who gave it and,
    when it concerns their pair or group, to that pair."""

    _inherit = "survey.user_input"

    mentorship_programme_id = fields.Many2one(
        "mentorship.programme", string="Mentoring Programme", index="btree_not_null", ondelete="set null"
    )
    mentorship_participant_id = fields.Many2one(
        "mentorship.participant", string="Participant", index="btree_not_null", ondelete="set null"
    )
    mentorship_pair_id = fields.Many2one(
        "mentorship.pair", string="Pair or Group", index="btree_not_null", ondelete="set null"
    )
    mentorship_company_id = fields.Many2one(
        related="mentorship_programme_id.company_id", store=True, string="Mentoring Company"
    )
    mentorship_role = fields.Selection(related="mentorship_participant_id.role", store=True, string="Role")
    mentorship_purpose = fields.Selection(
        related="survey_id.mentorship_purpose", store=True, string="Purpose"
    )
    mentorship_reminder_count = fields.Integer(string="Reminders Sent", readonly=True, copy=False)
    mentorship_last_reminder = fields.Datetime(string="Last Reminder", readonly=True, copy=False)

    @api.constrains("mentorship_programme_id", "mentorship_participant_id", "mentorship_pair_id")
    def _check_mentorship_links(self):
        for answer in self:
            programme = answer.mentorship_programme_id
            participant = answer.mentorship_participant_id
            pair = answer.mentorship_pair_id
            if (participant or pair) and not programme:
                raise ValidationError(self.env._("Choose the programme of the participant or pair."))
            if participant and participant.programme_id != programme:
                raise ValidationError(
                    self.env._(
                        "%(person)s is not a participant of programme «%(programme)s».",
                        person=participant.name,
                        programme=programme.name,
                    )
                )
            if pair and pair.programme_id != programme:
                raise ValidationError(
                    self.env._(
                        "Pair %(pair)s does not belong to programme «%(programme)s».",
                        pair=pair.name,
                        programme=programme.name,
                    )
                )
            if pair and participant and participant not in pair.mentor_id | pair.mentee_ids:
                raise ValidationError(
                    self.env._("%(person)s is not in pair %(pair)s.", person=participant.name, pair=pair.name)
                )

    # --- Confidentiality -------------------------------------------------------------------

    def _mentorship_sees_confidential(self):
        """Whether the current user may see this answer set's confidential items: psychologists,
        the respondent, and anyone who holds only the answer's token (the public respondent)."""
        self.ensure_one()
        user = self.env.user
        return (
            user._is_public()
            or user.has_group(PSYCHOLOGIST_GROUP)
            or (self.partner_id and self.partner_id == user.partner_id)
        )

    def _get_print_questions(self):
        # The printed answers (/survey/print) are rendered with sudo: hide confidential items
        # from anyone but psychologists and the respondent, as the record rules do in the backend.
        questions = super()._get_print_questions()
        if self.survey_id.mentorship_purpose and not self._mentorship_sees_confidential():
            if self.survey_id.mentorship_confidential:
                return questions.browse()
            questions = questions.filtered(lambda question: not question.mentorship_confidential)
        return questions

    # --- Reminders -------------------------------------------------------------------------

    def _mentorship_remindable(self):
        now = fields.Datetime.now()
        return self.filtered(
            lambda answer: answer.mentorship_programme_id
            and answer.state != "done"
            and not answer.test_entry
            and answer.survey_id.active
            and (answer.partner_id.email or answer.email)
            and (not answer.deadline or answer.deadline > now)
        )

    def _mentorship_send_reminders(self):
        """Send the reminder e-mail through the survey's invitation wizard; return the answers
        reminded."""
        answers = self._mentorship_remindable()
        template = self.env.ref("mentorship_odoo.mail_template_survey_reminder")
        reminded = self.browse()
        for survey, survey_answers in answers.grouped("survey_id").items():
            invite = self.env["survey.invite"].create(
                {"survey_id": survey.id, "template_id": template.id, "existing_mode": "resend"}
            )
            for answer in survey_answers:
                try:
                    invite._send_mail(answer)
                except UserError as error:
                    _logger.warning("Survey reminder for answer %s not sent: %s", answer.id, error)
                    continue
                reminded |= answer
        for answer in reminded:
            answer.write(
                {
                    "mentorship_reminder_count": answer.mentorship_reminder_count + 1,
                    "mentorship_last_reminder": fields.Datetime.now(),
                }
            )
        return reminded

    def action_mentorship_remind(self):
        reminded = self._mentorship_send_reminders()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success" if reminded else "warning",
                "message": self.env._(
                    "%(count)s reminders sent (answered, expired or e-mail-less ones are skipped).",
                    count=len(reminded),
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    @api.model
    def _cron_mentorship_survey_reminders(self):
        """Remind participants who have not answered a mentoring questionnaire: every
        ``mentorship_odoo.survey_reminder_days`` days (7), at most
        ``mentorship_odoo.survey_reminder_max`` times (3)."""
        params = self.env["ir.config_parameter"].sudo()
        every = int(params.get_param(REMINDER_DAYS_PARAM, 7))
        most = int(params.get_param(REMINDER_MAX_PARAM, 3))
        threshold = fields.Datetime.now() - timedelta(days=every)
        answers = self.search(
            [
                ("mentorship_programme_id", "!=", False),
                ("mentorship_programme_id.state", "in", ("approved", "running")),
                ("state", "!=", "done"),
                ("test_entry", "=", False),
                ("mentorship_reminder_count", "<", most),
                ("create_date", "<=", threshold),
                "|",
                ("mentorship_last_reminder", "=", False),
                ("mentorship_last_reminder", "<=", threshold),
            ]
        )
        answers._mentorship_send_reminders()
