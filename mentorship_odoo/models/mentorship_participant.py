from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.actions import window_action
from .mentorship_form import PERSON_TYPES


class MentorshipParticipant(models.Model):
    """A person's entry in a programme's database of mentors or of mentees
    (база наставников / база наставляемых)."""

    _name = "mentorship.participant"
    _description = "Mentoring Participant"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "programme_id, role, name, id"
    _check_company_auto = True

    name = fields.Char(string="Full Name", compute="_compute_person", store=True, index="trigram")
    programme_id = fields.Many2one(
        "mentorship.programme", required=True, ondelete="cascade", index=True, check_company=True
    )
    company_id = fields.Many2one(related="programme_id.company_id", store=True, index=True)
    role = fields.Selection(
        [("mentor", "Mentor"), ("mentee", "Mentee")], required=True, default="mentee", tracking=True
    )
    employee_id = fields.Many2one("hr.employee", index="btree_not_null", tracking=True, check_company=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Student or External Person",
        index="btree_not_null",
        tracking=True,
        help="A student, graduate or external mentor (contact).",
    )
    person_type = fields.Selection(PERSON_TYPES, compute="_compute_person", store=True)
    user_id = fields.Many2one(
        "res.users",
        compute="_compute_person",
        store=True,
        index="btree_not_null",
        help="The person's user, so they see their own mentoring records.",
    )
    source = fields.Selection(
        [
            ("staff", "Staff"),
            ("students", "Students"),
            ("graduates", "Graduates"),
            ("employers", "Employers"),
            ("parents", "Parents"),
        ],
        compute="_compute_source",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    programme_form_ids = fields.Many2many(related="programme_id.form_ids", string="Programme Forms")
    form_id = fields.Many2one(
        "mentorship.form",
        string="Form of Mentoring",
        domain="[('id', 'in', programme_form_ids)]",
        help="The form this person is a candidate for; eligibility is checked against it.",
    )
    request = fields.Text(
        string="Requests and Needs", help="What the mentee asks for: difficulties, deficits, goals."
    )
    strengths = fields.Text(help="What the mentor can offer: experience, achievements, skills.")
    state = fields.Selection(
        [
            ("candidate", "Candidate"),
            ("approved", "Approved"),
            ("active", "Active"),
            ("former", "Former"),
            ("rejected", "Rejected"),
        ],
        default="candidate",
        required=True,
        compute="_compute_state",
        store=True,
        copy=False,
        tracking=True,
    )
    rejection_reason = fields.Char(tracking=True)
    mentor_pair_ids = fields.One2many("mentorship.pair", "mentor_id", string="Pairs as Mentor")
    mentee_pair_ids = fields.Many2many(
        "mentorship.pair",
        "mentorship_pair_mentee_rel",
        "participant_id",
        "pair_id",
        string="Pairs as Mentee",
    )
    pair_count = fields.Integer(compute="_compute_pair_count")
    is_minor = fields.Boolean(related="partner_id.is_minor")
    study_group = fields.Char(related="partner_id.study_group")
    study_year = fields.Integer(related="partner_id.study_year")
    teaching_experience_years = fields.Integer(related="employee_id.teaching_experience_years")
    consent_ids = fields.One2many("mentorship.consent", compute="_compute_consent_ids")

    _sql_constraints = [
        (
            "employee_uniq",
            "unique(programme_id, role, employee_id)",
            "This employee is already in the programme's database with this role.",
        ),
        (
            "partner_uniq",
            "unique(programme_id, role, partner_id)",
            "This person is already in the programme's database with this role.",
        ),
        (
            "one_person",
            "CHECK((employee_id IS NULL) != (partner_id IS NULL))",
            "A participant is either an employee or a contact (student or external person), not both.",
        ),
    ]

    @api.depends(
        "employee_id.name",
        "employee_id.user_id",
        "partner_id.name",
        "partner_id.user_ids",
        "partner_id.is_external_mentor",
    )
    def _compute_person(self):
        for participant in self:
            if participant.employee_id:
                participant.name = participant.employee_id.name
                participant.person_type = "employee"
                participant.user_id = participant.employee_id.user_id
            elif participant.partner_id:
                participant.name = participant.partner_id.name
                participant.person_type = (
                    "external" if participant.partner_id.is_external_mentor else "student"
                )
                participant.user_id = participant.partner_id.user_ids[:1]
            else:
                participant.name = False
                participant.person_type = False
                participant.user_id = False

    @api.depends("employee_id", "partner_id.is_graduate", "partner_id.is_external_mentor")
    def _compute_source(self):
        for participant in self:
            partner = participant.partner_id
            if participant.employee_id:
                participant.source = "staff"
            elif partner.is_external_mentor:
                participant.source = "employers"
            elif partner.is_graduate:
                participant.source = "graduates"
            elif partner.is_student:
                participant.source = "students"
            elif partner:
                participant.source = participant.source or "parents"
            else:
                participant.source = participant.source or "staff"

    @api.depends(
        "mentor_pair_ids.state",
        "mentor_pair_ids.date_activated",
        "mentee_pair_ids.state",
        "mentee_pair_ids.date_activated",
    )
    def _compute_state(self):
        """Active while in an active pair; former once none of their pairs is active but one was.
        The states before pairing are the curator's decisions (the actions write them) and stay.
        The stored state may not have been recomputed between two changes of a pair (activated,
        then completed in one transaction), hence "was active" is read from the pairs."""
        for participant in self:
            pairs = participant.mentor_pair_ids | participant.mentee_pair_ids
            if any(pair.state == "active" for pair in pairs):
                participant.state = "active"
            elif participant.state == "active" or (
                participant.state == "approved" and any(pairs.mapped("date_activated"))
            ):
                participant.state = "former"
            else:
                participant.state = participant.state or "candidate"

    @api.depends("mentor_pair_ids", "mentee_pair_ids")
    def _compute_pair_count(self):
        for participant in self:
            participant.pair_count = len(participant.mentor_pair_ids | participant.mentee_pair_ids)

    @api.depends("employee_id", "partner_id")
    def _compute_consent_ids(self):
        consents = self.env["mentorship.consent"].search(
            ["|", ("employee_id", "in", self.employee_id.ids), ("partner_id", "in", self.partner_id.ids)]
        )
        for participant in self:
            participant.consent_ids = consents.filtered(
                lambda consent, p=participant: (p.employee_id and consent.employee_id == p.employee_id)
                or (p.partner_id and consent.partner_id == p.partner_id)
            )

    @api.constrains("form_id", "programme_id")
    def _check_form_in_programme(self):
        for participant in self:
            if participant.form_id and participant.form_id not in participant.programme_id.form_ids:
                raise ValidationError(
                    self.env._(
                        "Form «%(form)s» is not enabled in programme «%(programme)s»: enable it there "
                        "or choose another form for %(person)s.",
                        form=participant.form_id.name,
                        programme=participant.programme_id.name,
                        person=participant.name,
                    )
                )

    def _person_key(self):
        self.ensure_one()
        return ("employee", self.employee_id.id) if self.employee_id else ("partner", self.partner_id.id)

    def _get_eligibility_problems(self, form, on_date):
        self.ensure_one()
        return form._get_eligibility_problems(self, on_date)

    def _raise_if_ineligible(self, form, on_date):
        problems = []
        for participant in self:
            problems += participant._get_eligibility_problems(form, on_date)
        if problems:
            raise ValidationError("\n".join(problems))

    def action_approve(self):
        for participant in self:
            if participant.state not in ("candidate", "rejected"):
                raise UserError(
                    self.env._(
                        "%(person)s can be approved only as a candidate or after a rejection.",
                        person=participant.name,
                    )
                )
            if participant.form_id:
                participant._raise_if_ineligible(
                    participant.form_id,
                    participant.programme_id.date_start or fields.Date.context_today(self),
                )
        self.write({"state": "approved", "rejection_reason": False})

    def action_reject(self):
        if any(participant.state in ("active",) for participant in self):
            raise UserError(self.env._("An active participant cannot be rejected: end their pairs first."))
        self.write({"state": "rejected"})

    def action_reset_candidate(self):
        if any(participant.state not in ("rejected", "approved") for participant in self):
            raise UserError(self.env._("Only approved or rejected participants can go back to candidates."))
        self.write({"state": "candidate"})

    def action_open_pairs(self):
        self.ensure_one()
        return window_action(
            self.env._("Pairs of %(person)s", person=self.name),
            "mentorship.pair",
            "list,form",
            domain=[("id", "in", (self.mentor_pair_ids | self.mentee_pair_ids).ids)],
        )
