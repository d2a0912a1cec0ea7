from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.actions import window_action
from .mentorship_achievement import ACHIEVEMENT_LEVEL_CODES


class MentorshipParticipant(models.Model):
    """Questionnaires, awards, portfolio and the honour board of a participant."""

    _inherit = "mentorship.participant"

    survey_answer_ids = fields.One2many(
        "survey.user_input", "mentorship_participant_id", string="Questionnaire Answers"
    )
    award_ids = fields.One2many("mentorship.award", "awarded_mentor_id", string="Awards")
    achievement_ids = fields.One2many("mentorship.achievement", "participant_id", string="Portfolio")
    achievement_count = fields.Integer(compute="_compute_achievement_count")
    has_publication_consent = fields.Boolean(
        string="May Be Published",
        compute="_compute_has_publication_consent",
        search="_search_has_publication_consent",
        help="The person (or, for a minor, a legal representative) has a valid consent to "
        "publication today: only such mentors appear on the honour board.",
    )
    honour_awards = fields.Char(string="Awards Received", compute="_compute_honours", compute_sudo=True)
    honour_achievements = fields.Char(string="Achievements", compute="_compute_honours", compute_sudo=True)
    avatar_partner_id = fields.Many2one(
        "res.partner", compute="_compute_avatar_partner_id", compute_sudo=True, string="Contact"
    )

    @api.depends("achievement_ids")
    def _compute_achievement_count(self):
        counts = dict(
            self.env["mentorship.achievement"]._read_group(
                [("participant_id", "in", self.ids)], ["participant_id"], ["__count"]
            )
        )
        for participant in self:
            participant.achievement_count = counts.get(participant, 0)

    @api.model
    def _publication_consents(self):
        # Who agreed to publication is read as superuser: consents are otherwise visible to
        # curators only, and the honour board must look the same to every reader.
        today = fields.Date.context_today(self)
        return (
            self.env["mentorship.consent"]
            .sudo()
            .search(
                [
                    ("consent_type", "=", "publication"),
                    ("date", "<=", today),
                    "|",
                    ("date_withdrawn", "=", False),
                    ("date_withdrawn", ">", today),
                ]
            )
        )

    @api.depends("employee_id", "partner_id")
    def _compute_has_publication_consent(self):
        consents = self._publication_consents()
        employees, partners = set(consents.employee_id.ids), set(consents.partner_id.ids)
        for participant in self:
            participant.has_publication_consent = (
                participant.employee_id.id in employees or participant.partner_id.id in partners
            )

    def _search_has_publication_consent(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on «May Be Published»."))
        consents = self._publication_consents()
        domain = [
            "|",
            ("employee_id", "in", consents.employee_id.ids),
            ("partner_id", "in", consents.partner_id.ids),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.depends("award_ids.state", "achievement_ids")
    def _compute_honours(self):
        for participant in self:
            awards = participant.award_ids.filtered(lambda award: award.state == "awarded").sorted(
                lambda award: (-award.year, award.nomination_id.sequence)
            )
            participant.honour_awards = "; ".join(f"{a.nomination_id.name} {a.year}" for a in awards) or False
            achievements = participant.achievement_ids.sorted("date", reverse=True)[:3]
            participant.honour_achievements = (
                "; ".join(f"{a.name} ({ACHIEVEMENT_LEVEL_CODES[a.level]})" for a in achievements) or False
            )

    @api.depends("employee_id", "partner_id")
    def _compute_avatar_partner_id(self):
        for participant in self:
            employee = participant.employee_id
            participant.avatar_partner_id = (
                employee.user_id.partner_id or employee.work_contact_id or participant.partner_id
            )

    def _get_survey_partner(self):
        """The contact who receives this participant's questionnaires."""
        self.ensure_one()
        employee = self.employee_id.sudo()
        return employee.user_id.partner_id or employee.work_contact_id or self.partner_id

    def _get_survey_pair(self):
        """The pair a questionnaire of this participant concerns: their only active pair, else
        their only pair; none when that is ambiguous."""
        self.ensure_one()
        pairs = self.mentor_pair_ids | self.mentee_pair_ids
        active = pairs.filtered(lambda pair: pair.state == "active")
        if len(active) == 1:
            return active
        if not active and len(pairs) == 1:
            return pairs
        return self.env["mentorship.pair"]

    def action_open_achievements(self):
        self.ensure_one()
        return window_action(
            self.env._("Portfolio of %(person)s", person=self.name),
            "mentorship.achievement",
            "list,form",
            domain=[("participant_id", "=", self.id)],
            context={"default_participant_id": self.id},
        )
