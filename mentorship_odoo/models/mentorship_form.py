from odoo import api, fields, models
from odoo.exceptions import ValidationError

PERSON_TYPES = [
    ("employee", "Employee"),
    ("student", "Student"),
    ("external", "External"),
]


class MentorshipForm(models.Model):
    """Form of mentoring (форма наставничества) with the rules that pairs of this form follow."""

    _name = "mentorship.form"
    _description = "Form of Mentoring"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    company_id = fields.Many2one("res.company", help="Leave empty to share across companies.")
    mentor_type = fields.Selection(PERSON_TYPES, required=True, default="employee")
    mentee_type = fields.Selection(PERSON_TYPES, required=True, default="employee")
    # Eligibility; a maximum of 0 means "no upper limit".
    mentee_experience_min = fields.Integer(string="Mentee Experience From (years)")
    mentee_experience_max = fields.Integer(
        string="Mentee Experience Up To (years)",
        help="For employee mentees: most years of teaching experience, e.g. 3 for young specialists. "
        "0 means no limit.",
    )
    mentor_experience_min = fields.Integer(
        string="Mentor Experience From (years)",
        help="For employee mentors: least years of teaching experience.",
    )
    mentee_study_year_min = fields.Integer(string="Mentee Year of Study From")
    mentee_study_year_max = fields.Integer(string="Mentee Year of Study Up To")
    mentor_study_year_min = fields.Integer(string="Mentor Year of Study From")
    mentor_study_year_max = fields.Integer(string="Mentor Year of Study Up To")
    mentor_graduates_allowed = fields.Boolean(
        string="Graduates May Mentor",
        help="Graduates of the institution may be mentors of this form whatever their year of study.",
    )
    duration_min_months = fields.Integer(string="Shortest Duration (months)", default=3)
    duration_max_months = fields.Integer(string="Longest Duration (months)", default=12)
    capacity = fields.Integer(
        string="Most Mentees per Mentor",
        default=1,
        help="How many mentees one mentor may have at once in this form's active pairs and groups. "
        "0 means no limit.",
    )
    allowance_applicable = fields.Boolean(
        string="Allowance Applies",
        help="Employee mentors of this form receive the mentoring allowance.",
    )
    kind_ids = fields.Many2many("mentorship.kind", string="Kinds")
    role_model_ids = fields.One2many("mentorship.role.model", "form_id", string="Role Models")

    _sql_constraints = [
        (
            "code_company_uniq",
            # NULLS NOT DISTINCT (PostgreSQL 15): shared records (no company) may not repeat a code either.
            "unique nulls not distinct (code, company_id)",
            "The code of a form must be unique within its company and among shared forms.",
        ),
        (
            "duration_bounds",
            "CHECK(duration_min_months >= 0 AND (duration_max_months = 0 "
            "OR duration_max_months >= duration_min_months))",
            "The longest duration must not be shorter than the shortest one.",
        ),
        ("capacity_positive", "CHECK(capacity >= 0)", "The capacity cannot be negative."),
    ]

    @api.constrains(
        "mentee_experience_min",
        "mentee_experience_max",
        "mentee_study_year_min",
        "mentee_study_year_max",
        "mentor_study_year_min",
        "mentor_study_year_max",
    )
    def _check_ranges(self):
        for form in self:
            for low, high, label in (
                (form.mentee_experience_min, form.mentee_experience_max, self.env._("mentee experience")),
                (form.mentee_study_year_min, form.mentee_study_year_max, self.env._("mentee year of study")),
                (form.mentor_study_year_min, form.mentor_study_year_max, self.env._("mentor year of study")),
            ):
                if low < 0 or high < 0 or (high and low > high):
                    raise ValidationError(
                        self.env._(
                            "Form «%(form)s»: the range of %(what)s is wrong (%(low)s – %(high)s).",
                            form=form.name,
                            what=label,
                            low=low,
                            high=high,
                        )
                    )

    def _get_eligibility_problems(self, participant, on_date):
        """Return the reasons (translated strings) why ``participant`` may not take part in this
        form on ``on_date``; an empty list means eligible."""
        self.ensure_one()
        problems = []
        role_is_mentor = participant.role == "mentor"
        wanted_type = self.mentor_type if role_is_mentor else self.mentee_type
        type_labels = dict(self._fields["mentor_type"]._description_selection(self.env))
        if participant.person_type != wanted_type:
            problems.append(
                self.env._(
                    "%(person)s is %(actual)s, but form «%(form)s» needs a %(role)s who is %(wanted)s.",
                    person=participant.name,
                    actual=type_labels.get(participant.person_type, "?"),
                    form=self.name,
                    role=self.env._("mentor") if role_is_mentor else self.env._("mentee"),
                    wanted=type_labels[wanted_type],
                )
            )
            return problems
        if participant.person_type == "employee":
            years = participant.employee_id._get_teaching_experience_years(on_date)
            low = self.mentor_experience_min if role_is_mentor else self.mentee_experience_min
            high = 0 if role_is_mentor else self.mentee_experience_max
            if (low or high) and years is None:
                problems.append(
                    self.env._(
                        "%(person)s has no start of teaching experience: enter it on the employee.",
                        person=participant.name,
                    )
                )
            elif years is not None and (years < low or (high and years > high)):
                problems.append(
                    self.env._(
                        "%(person)s has %(years)s years of teaching experience; form «%(form)s» "
                        "accepts %(low)s–%(high)s.",
                        person=participant.name,
                        years=years,
                        form=self.name,
                        low=low,
                        high=high or "∞",
                    )
                )
        elif participant.person_type == "student":
            partner = participant.partner_id
            if role_is_mentor and partner.is_graduate and self.mentor_graduates_allowed:
                return problems
            low = self.mentor_study_year_min if role_is_mentor else self.mentee_study_year_min
            high = self.mentor_study_year_max if role_is_mentor else self.mentee_study_year_max
            year = partner.study_year
            if (low or high) and (partner.is_graduate or year < max(low, 1) or (high and year > high)):
                problems.append(
                    self.env._(
                        "%(person)s is in year %(year)s of study; form «%(form)s» accepts years "
                        "%(low)s–%(high)s.",
                        person=participant.name,
                        year=self.env._("graduate") if partner.is_graduate else year,
                        form=self.name,
                        low=low,
                        high=high or "∞",
                    )
                )
        return problems
