from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

KPI_COMPUTE_CODES = [
    ("students_mentees", "Share of Students of an Age Range Who Are Mentees"),
    ("students_mentors", "Share of Students of an Age Range Who Are Mentors"),
    ("young_teachers_mentees", "Share of Teachers with Little Experience Who Are Mentees"),
    ("partner_organisations", "Share of Partner Organisations That Supply Mentors"),
    ("satisfied_mentors", "Share of Satisfied Mentors"),
    ("satisfied_mentees", "Share of Satisfied Mentees"),
]
# Participants who joined the programme: approved in its database, in a pair now or before.
JOINED_STATES = ("approved", "active", "former")


class MentorshipKpi(models.Model):
    """A target indicator of mentoring programmes (целевой индикатор, seed 000 table 5): how its
    actual value is obtained, and its targets per year."""

    _name = "mentorship.kpi"
    _description = "Mentoring Indicator"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", help="Leave empty to share across companies.")
    description = fields.Text(translate=True)
    unit = fields.Char(default="%", required=True)
    method = fields.Selection(
        [("computed", "Computed from Data"), ("manual", "Entered by Hand")],
        required=True,
        default="computed",
    )
    compute_code = fields.Selection(KPI_COMPUTE_CODES, string="Computation")
    age_min = fields.Integer(string="Age From", help="Age in full years on the date of the value.")
    age_max = fields.Integer(string="Age Up To")
    experience_min = fields.Integer(string="Teaching Experience From (years)")
    experience_max = fields.Integer(string="Teaching Experience Up To (years)", default=3)
    satisfaction_threshold = fields.Float(
        string="Satisfied From",
        default=7.0,
        help="A respondent counts as satisfied when the mean of their overall satisfaction items "
        "is at least this value (e.g. 7 on a 1–10 scale).",
    )
    denominator_source = fields.Selection(
        [("records", "Counted from Records"), ("entered", "Entered")],
        string="Denominator",
        required=True,
        default="records",
        help="Counted from records: the institution's students, teachers, partner organisations "
        "or respondents. Entered: a number such as the region's population of that age, set "
        "here or per year on the targets.",
    )
    denominator_value = fields.Float(string="Entered Denominator")
    higher_is_better = fields.Boolean(default=True)
    close_margin = fields.Float(
        string="Close Within (%)",
        default=10.0,
        help="A value that misses the target by at most this share of the target is «close».",
    )
    target_ids = fields.One2many("mentorship.kpi.target", "kpi_id", string="Targets")
    value_ids = fields.One2many("mentorship.kpi.value", "kpi_id", string="Values")

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "The code of an indicator must be unique."),
    ]

    @api.constrains("method", "compute_code", "age_min", "age_max", "experience_min", "experience_max")
    def _check_computation(self):
        for kpi in self:
            if kpi.method == "computed" and not kpi.compute_code:
                raise ValidationError(
                    self.env._(
                        "Choose how indicator «%(kpi)s» is computed, or enter it by hand.", kpi=kpi.name
                    )
                )
            if kpi.compute_code in ("students_mentees", "students_mentors") and (
                kpi.age_min < 0 or kpi.age_max < kpi.age_min or not kpi.age_max
            ):
                raise ValidationError(
                    self.env._("Indicator «%(kpi)s»: enter a valid age range.", kpi=kpi.name)
                )
            if kpi.compute_code == "young_teachers_mentees" and (
                kpi.experience_min < 0 or kpi.experience_max < kpi.experience_min
            ):
                raise ValidationError(
                    self.env._("Indicator «%(kpi)s»: enter a valid range of experience.", kpi=kpi.name)
                )

    # --- Targets and statuses -------------------------------------------------------------

    def _get_target(self, year):
        self.ensure_one()
        return self.target_ids.filtered(lambda target: target.year == year)[:1]

    def _get_status(self, value, target_value):
        """met / close / behind against ``target_value`` (None: no_target)."""
        self.ensure_one()
        if target_value is None or target_value is False:
            return "no_target"
        margin = abs(target_value) * (self.close_margin or 0.0) / 100.0
        if self.higher_is_better:
            if value >= target_value:
                return "met"
            return "close" if value >= target_value - margin else "behind"
        if value <= target_value:
            return "met"
        return "close" if value <= target_value + margin else "behind"

    # --- Computation ----------------------------------------------------------------------

    def _get_actuals(self, programme, on_date):
        """Actual values of the computed indicators in ``self`` for ``programme`` on ``on_date``.

        Each indicator costs one or two aggregate queries whatever the size of the programme.
        Counting runs as superuser on purpose: a snapshot must not depend on who takes it; the
        programme's company bounds every count.

        :return: {kpi: {"numerator", "denominator", "value"}}
        """
        programme.ensure_one()
        self.env.flush_all()
        results = {}
        for kpi in self.filtered(lambda k: k.method == "computed"):
            numerator, denominator = getattr(kpi, f"_count_{kpi.compute_code}")(programme.sudo(), on_date)
            if kpi.denominator_source == "entered":
                target = kpi._get_target(on_date.year)
                denominator = target.denominator_value or kpi.denominator_value
                if not denominator:
                    raise UserError(
                        self.env._(
                            "Indicator «%(kpi)s» takes an entered denominator: enter it on the indicator "
                            "or on its target for %(year)s.",
                            kpi=kpi.name,
                            year=on_date.year,
                        )
                    )
            value = 100.0 * numerator / denominator if denominator else 0.0
            results[kpi] = {"numerator": numerator, "denominator": denominator, "value": value}
        return results

    def _birthdate_bounds(self, on_date):
        """Birth dates of people aged age_min to age_max (full years) on ``on_date``:
        (born after, born on or before)."""
        return on_date - relativedelta(years=self.age_max + 1), on_date - relativedelta(years=self.age_min)

    def _company_partner_domain(self, programme):
        return ["|", ("company_id", "=", False), ("company_id", "=", programme.company_id.id)]

    def _count_students(self, programme, on_date, role):
        born_after, born_until = self._birthdate_bounds(on_date)
        Participant = self.env["mentorship.participant"].sudo()
        numerator = Participant.search_count(
            [
                ("programme_id", "=", programme.id),
                ("role", "=", role),
                ("state", "in", JOINED_STATES),
                ("partner_id.is_student", "=", True),
                ("partner_id.birthdate_date", ">", born_after),
                ("partner_id.birthdate_date", "<=", born_until),
            ]
        )
        denominator = (
            self.env["res.partner"]
            .sudo()
            .search_count(
                [
                    ("is_student", "=", True),
                    ("birthdate_date", ">", born_after),
                    ("birthdate_date", "<=", born_until),
                    *self._company_partner_domain(programme),
                ]
            )
        )
        return numerator, denominator

    def _count_students_mentees(self, programme, on_date):
        return self._count_students(programme, on_date, "mentee")

    def _count_students_mentors(self, programme, on_date):
        return self._count_students(programme, on_date, "mentor")

    def _count_young_teachers_mentees(self, programme, on_date):
        # Full years of experience between experience_min and experience_max on on_date.
        started_after = on_date - relativedelta(years=self.experience_max + 1)
        started_until = on_date - relativedelta(years=self.experience_min)
        teacher_domain = [
            ("company_id", "=", programme.company_id.id),
            ("teaching_start_date", ">", started_after),
            ("teaching_start_date", "<=", started_until),
        ]
        numerator = (
            self.env["mentorship.participant"]
            .sudo()
            .search_count(
                [
                    ("programme_id", "=", programme.id),
                    ("role", "=", "mentee"),
                    ("state", "in", JOINED_STATES),
                    *[(f"employee_id.{field}", op, value) for field, op, value in teacher_domain],
                ]
            )
        )
        denominator = self.env["hr.employee"].sudo().search_count(teacher_domain)
        return numerator, denominator

    def _count_partner_organisations(self, programme, on_date):
        self.env.cr.execute(
            SQL(
                """
                SELECT count(DISTINCT contact.commercial_partner_id)
                  FROM mentorship_participant participant
                  JOIN res_partner contact ON contact.id = participant.partner_id
                  JOIN res_partner organisation ON organisation.id = contact.commercial_partner_id
                 WHERE participant.programme_id = %(programme)s
                   AND participant.role = 'mentor'
                   AND participant.state IN %(states)s
                   AND contact.is_external_mentor
                   AND organisation.is_company
                """,
                programme=programme.id,
                states=JOINED_STATES,
            )
        )
        numerator = self.env.cr.fetchone()[0]
        denominator = (
            self.env["res.partner"]
            .sudo()
            .search_count(
                [
                    ("is_company", "=", True),
                    ("child_ids.is_external_mentor", "=", True),
                    *self._company_partner_domain(programme),
                ]
            )
        )
        return numerator, denominator

    @api.model
    def _query_satisfaction(self, programme, role, threshold, date_from=None, date_to=None):
        """Respondents of ``role`` in ``programme``, each counted once with the mean of the
        overall-satisfaction items of their latest satisfaction questionnaire completed in the
        period (dates included; open bounds when not given).

        :return: (satisfied, respondents, mean score) where satisfied means a score >= threshold
        """
        conditions = [SQL("TRUE")]
        if date_from:
            conditions.append(SQL("answer.end_datetime >= %s", fields.Datetime.to_datetime(date_from)))
        if date_to:
            conditions.append(
                SQL("answer.end_datetime < %s", fields.Datetime.to_datetime(date_to + relativedelta(days=1)))
            )
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                WITH latest AS (
                    SELECT DISTINCT ON (answer.mentorship_participant_id)
                           answer.id, answer.mentorship_participant_id AS participant_id
                      FROM survey_user_input answer
                      JOIN survey_survey survey ON survey.id = answer.survey_id
                      JOIN mentorship_participant participant
                           ON participant.id = answer.mentorship_participant_id
                     WHERE answer.mentorship_programme_id = %(programme)s
                       AND survey.mentorship_purpose = 'satisfaction'
                       AND answer.state = 'done'
                       AND answer.test_entry IS NOT TRUE
                       AND participant.role = %(role)s
                       AND %(conditions)s
                  ORDER BY answer.mentorship_participant_id, answer.end_datetime DESC, answer.id DESC
                ), scores AS (
                    SELECT latest.participant_id,
                           avg(CASE WHEN line.answer_type = 'scale' THEN line.value_scale
                                    ELSE line.value_numerical_box END) AS score
                      FROM latest
                      JOIN survey_user_input_line line ON line.user_input_id = latest.id
                      JOIN survey_question question ON question.id = line.question_id
                     WHERE question.mentorship_satisfaction_item
                       AND line.answer_type IN ('scale', 'numerical_box')
                       AND line.skipped IS NOT TRUE
                  GROUP BY latest.participant_id
                )
                SELECT count(*) FILTER (WHERE score >= %(threshold)s), count(*), avg(score) FROM scores
                """,
                programme=programme.id,
                role=role,
                threshold=threshold,
                conditions=SQL(" AND ").join(conditions),
            )
        )
        satisfied, respondents, mean = self.env.cr.fetchone()
        return satisfied, respondents, float(mean) if mean is not None else None

    def _count_satisfied(self, programme, on_date, role):
        """Satisfied respondents of ``role`` up to ``on_date`` over all respondents."""
        satisfied, respondents, _mean = self._query_satisfaction(
            programme, role, self.satisfaction_threshold, date_to=on_date
        )
        return satisfied, respondents

    def _count_satisfied_mentors(self, programme, on_date):
        return self._count_satisfied(programme, on_date, "mentor")

    def _count_satisfied_mentees(self, programme, on_date):
        return self._count_satisfied(programme, on_date, "mentee")
