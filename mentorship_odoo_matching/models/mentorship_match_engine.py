import calendar
import re
from dataclasses import dataclass

import numpy as np
from dateutil.relativedelta import relativedelta

from odoo import Command, api, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools import matching

FORM_RULE_FIELDS = [
    "mentor_type",
    "mentee_type",
    "mentee_experience_min",
    "mentee_experience_max",
    "mentor_experience_min",
    "mentee_study_year_min",
    "mentee_study_year_max",
    "mentor_study_year_min",
    "mentor_study_year_max",
    "mentor_graduates_allowed",
]
# Who a criterion makes sense for: (mentee type, mentor type) pairs; None means any form.
KIND_PERSON_TYPES = {
    "experience": {("employee", "employee")},
    "study_year": {("student", "student")},
    "department": {("employee", "employee"), ("student", "student")},
}
# A graduate counts as one year beyond the last year of a college programme.
GRADUATE_YEAR = 5


@dataclass
class MatchProblem:
    """A cohort of one programme and form, scored: rows are ``mentees``, columns ``mentors``."""

    programme: models.Model
    form: models.Model
    on_date: object
    mentees: models.Model
    mentors: models.Model
    criteria: list
    score: np.ndarray
    allowed: np.ndarray
    capacity: np.ndarray  # free places of each mentor

    def solve(self, forced=()):
        return matching.optimal_assignment(self.score, self.allowed, self.capacity, forced)

    def greedy(self, forced=()):
        return matching.greedy_assignment(self.score, self.allowed, self.capacity, forced)

    def explain(self, row, col):
        """The breakdown of a pair's score as lines of text, one per criterion."""
        env = self.programme.env
        lines = []
        for item in matching.breakdown(self.criteria, row, col):
            if item["must"]:
                lines.append(
                    env._("%(criterion)s: filter, passed", criterion=item["label"])
                    if item["passed"]
                    else env._("%(criterion)s: filter, failed", criterion=item["label"])
                )
            elif not item["counted"]:
                lines.append(env._("%(criterion)s: no data, not counted", criterion=item["label"]))
            else:
                points = "{:.1f}".format(item["points"])
                most = "{:.1f}".format(item["max_points"])
                lines.append(
                    env._(
                        "%(criterion)s: %(match)s %% match, %(points)s of %(max)s points",
                        criterion=item["label"],
                        match=round(100 * item["similarity"]),
                        points=points,
                        max=most,
                    )
                )
        return "\n".join(lines)


class MentorshipMatchEngine(models.AbstractModel):
    """Loads a cohort in a few set-based queries (one per table, whatever the cohort's size),
    scores it with tools/matching.py and creates the draft pairs the curator accepts."""

    _name = "mentorship.match.engine"
    _description = "Mentor Matching Engine"

    # --- Loading --------------------------------------------------------------------------

    @api.model
    def _processing_allowed(self):
        """People whose personal data may not be processed (a withdrawn consent, with
        mentorship_odoo_privacy installed) are never scored nor proposed."""
        if "privacy_stopped" in self.env["mentorship.participant"]._fields:
            return [("privacy_stopped", "=", False)]
        return []

    @api.model
    def _unmatched_mentees(self, programme, form):
        return self.env["mentorship.participant"].search(
            [
                ("programme_id", "=", programme.id),
                ("role", "=", "mentee"),
                ("state", "=", "approved"),
                ("form_id", "in", [False, form.id]),
                ("mentee_pair_ids", "not any", [("state", "in", ("draft", "active"))]),
                *self._processing_allowed(),
            ]
        )

    @api.model
    def _candidate_mentors(self, programme, form):
        return self.env["mentorship.participant"].search(
            [
                ("programme_id", "=", programme.id),
                ("role", "=", "mentor"),
                ("state", "in", ("approved", "active", "former")),
                ("form_id", "in", [False, form.id]),
                *self._processing_allowed(),
            ]
        )

    @api.model
    def _build(self, programme, form, on_date, mentees=None):
        """Score every unmatched mentee (or ``mentees``) against every mentor of the form."""
        programme.check_access("read")
        if form not in programme.form_ids:
            raise UserError(
                self.env._(
                    "Form «%(form)s» is not enabled in programme «%(programme)s»: choose one of its forms.",
                    form=form.name,
                    programme=programme.name,
                )
            )
        if mentees is None:
            mentees = self._unmatched_mentees(programme, form)
        mentors = self._candidate_mentors(programme, form)
        self.env.flush_all()
        people = self._read_people((mentees | mentors).ids, on_date)
        mentee_rows = [people[pid] for pid in mentees.ids]
        mentor_rows = [people[pid] for pid in mentors.ids]
        n, m = len(mentee_rows), len(mentor_rows)

        rule = form.read(FORM_RULE_FIELDS)[0]
        mentee_ok = self._eligible(rule, "mentee", mentee_rows)
        mentor_ok = self._eligible(rule, "mentor", mentor_rows)
        capacity = self._free_places(form, mentors, mentor_rows)
        mentee_keys = np.array([row["person_key"] for row in mentee_rows], dtype=np.int64)
        mentor_keys = np.array([row["person_key"] for row in mentor_rows], dtype=np.int64)
        # Hard filters: the form's eligibility, a free place, never one's own mentor.
        allowed = (
            mentee_ok[:, None]
            & mentor_ok[None, :]
            & (capacity > 0)[None, :]
            & (mentee_keys[:, None] != mentor_keys[None, :])
        )
        criteria = self._criteria(programme, form, mentees, mentors, mentee_rows, mentor_rows, n, m)
        score, allowed = matching.combine(criteria, allowed.reshape(n, m))
        return MatchProblem(programme, form, on_date, mentees, mentors, criteria, score, allowed, capacity)

    @api.model
    def _read_people(self, participant_ids, on_date):
        """The facts matching needs about participants, in one query."""
        self.env.cr.execute(
            SQL(
                """
                SELECT p.id, p.name, p.person_type, COALESCE(p.employee_id, -p.partner_id) AS person_key,
                       e.teaching_start_date, e.department_id, d.parent_id AS parent_department_id,
                       rp.study_year, rp.study_group, COALESCE(rp.is_graduate, FALSE) AS is_graduate,
                       COALESCE(p.match_capacity, 0) AS match_capacity, p.match_schedule, p.match_campus
                  FROM mentorship_participant p
                  LEFT JOIN hr_employee e ON e.id = p.employee_id
                  LEFT JOIN hr_department d ON d.id = e.department_id
                  LEFT JOIN res_partner rp ON rp.id = p.partner_id
                 WHERE p.id = ANY(%s)
                """,
                participant_ids,
            )
        )
        people = {}
        for row in self.env.cr.dictfetchall():
            start = row["teaching_start_date"]
            if not start:
                row["experience"] = np.nan
            elif on_date < start:
                row["experience"] = 0.0
            else:
                # Full years as the core's relativedelta counts them (29 February's anniversary is
                # the 28th in other years), without its cost on thousands of rows.
                anniversary = min(start.day, calendar.monthrange(on_date.year, start.month)[1])
                before_anniversary = (on_date.month, on_date.day) < (start.month, anniversary)
                row["experience"] = float(on_date.year - start.year - before_anniversary)
            year = GRADUATE_YEAR if row["is_graduate"] else row["study_year"]
            row["study_year_value"] = float(year) if year else np.nan
            people[row["id"]] = row
        return people

    @api.model
    def _eligible(self, rule, role, rows):
        return matching.eligibility_mask(
            rule,
            role,
            [row["person_type"] for row in rows],
            [row["experience"] for row in rows],
            [row["study_year"] or 0 for row in rows],
            [row["is_graduate"] for row in rows],
        )

    @api.model
    def _free_places(self, form, mentors, mentor_rows):
        """Free places of each mentor in the form: the form's limit, or the mentor's own lower one,
        less the mentees of their draft and active pairs of that form."""
        self.env.cr.execute(
            SQL(
                """
                SELECT pair.mentor_id, count(DISTINCT rel.participant_id)
                  FROM mentorship_pair pair
                  JOIN mentorship_pair_mentee_rel rel ON rel.pair_id = pair.id
                 WHERE pair.mentor_id = ANY(%s) AND pair.form_id = %s AND pair.state IN ('draft', 'active')
                 GROUP BY pair.mentor_id
                """,
                mentors.ids,
                form.id,
            )
        )
        used = dict(self.env.cr.fetchall())
        limits = np.array(
            [
                min(form.capacity or matching.UNLIMITED, row["match_capacity"] or matching.UNLIMITED)
                for row in mentor_rows
            ],
            dtype=np.int64,
        )
        used_places = np.array([used.get(mentor_id, 0) for mentor_id in mentors.ids], dtype=np.int64)
        return np.maximum(limits - used_places, 0)

    # --- Criteria ---------------------------------------------------------------------------

    @api.model
    def _criteria(self, programme, form, mentees, mentors, mentee_rows, mentor_rows, n, m):
        records = programme.match_criterion_ids
        labels = dict(self.env["mentorship.match.criterion"]._fields["kind"]._description_selection(self.env))
        result = []
        for record in records:
            kinds = KIND_PERSON_TYPES.get(record.kind)
            if kinds and (form.mentee_type, form.mentor_type) not in kinds:
                continue
            similarity, known = getattr(self, f"_similarity_{record.kind}")(
                record, mentees, mentors, mentee_rows, mentor_rows, n, m
            )
            result.append(
                matching.Criterion(
                    key=record.kind,
                    label=labels[record.kind],
                    similarity=similarity,
                    weight=0.0 if record.priority == "must" else record.weight,
                    must=record.priority == "must",
                    known=known,
                )
            )
        return result

    def _similarity_directions(self, record, mentees, mentors, mentee_rows, mentor_rows, n, m):
        wanted = self._directions("mentorship_participant_match_request_rel", mentees.ids)
        offered = self._directions("mentorship_participant_match_strength_rel", mentors.ids)
        return matching.overlap_similarity(
            [wanted.get(pid, set()) for pid in mentees.ids], [offered.get(pid, set()) for pid in mentors.ids]
        )

    def _directions(self, table, participant_ids):
        self.env.cr.execute(
            SQL(
                "SELECT participant_id, direction_id FROM %s WHERE participant_id = ANY(%s)",
                SQL.identifier(table),
                participant_ids,
            )
        )
        result = {}
        for participant_id, direction_id in self.env.cr.fetchall():
            result.setdefault(participant_id, set()).add(direction_id)
        return result

    def _similarity_department(self, record, mentees, mentors, mentee_rows, mentor_rows, n, m):
        # Employees by department (related: the same parent department); students by speciality,
        # the letters of the study group before its number («ТМ» of «ТМ-22»), numbered once for
        # both sides and kept negative so that they never meet a department id.
        codes = {}

        def keys(rows):
            same, related = [], []
            for row in rows:
                if row["person_type"] == "employee":
                    same.append(row["department_id"] or 0)
                    related.append(row["parent_department_id"] or 0)
                else:
                    code = re.split(r"[-\s\d]", (row["study_group"] or "").strip().upper(), maxsplit=1)[0]
                    same.append(-codes.setdefault(code, len(codes) + 1) if code else 0)
                    related.append(0)
            return same, related

        a, ra = keys(mentee_rows)
        b, rb = keys(mentor_rows)
        return matching.equal_similarity(a, b, ra, rb)

    def _similarity_experience(self, record, mentees, mentors, mentee_rows, mentor_rows, n, m):
        return matching.gap_similarity(
            [row["experience"] for row in mentee_rows],
            [row["experience"] for row in mentor_rows],
            record.ideal_gap,
        )

    def _similarity_study_year(self, record, mentees, mentors, mentee_rows, mentor_rows, n, m):
        return matching.gap_similarity(
            [row["study_year_value"] for row in mentee_rows],
            [row["study_year_value"] for row in mentor_rows],
            record.ideal_gap,
        )

    def _similarity_preference(self, record, mentees, mentors, mentee_rows, mentor_rows, n, m):
        # The answers to the non-confidential open questions of the preference questionnaire
        # ("С кем вы хотели бы работать в паре?"); the confidential "with whom not" stays unread.
        self.env.cr.execute(
            SQL(
                """
                SELECT answer.mentorship_participant_id, line.value_text_box
                  FROM survey_user_input_line line
                  JOIN survey_user_input answer ON answer.id = line.user_input_id
                  JOIN survey_question question ON question.id = line.question_id
                 WHERE answer.mentorship_participant_id = ANY(%s)
                   AND answer.mentorship_purpose = 'preference' AND answer.state = 'done'
                   AND question.question_type = 'text_box'
                   AND NOT COALESCE(question.mentorship_confidential, FALSE)
                   AND NOT COALESCE(line.skipped, FALSE)
                 ORDER BY answer.id, question.sequence, line.id
                """,
                mentees.ids,
            )
        )
        texts = {}
        for participant_id, text in self.env.cr.fetchall():
            texts[participant_id] = (
                f"{texts[participant_id]}\n{text}" if participant_id in texts else text or ""
            )
        return matching.preference_similarity(
            [texts.get(pid, "") for pid in mentees.ids], [row["name"] for row in mentor_rows]
        )

    def _similarity_schedule(self, record, mentees, mentors, mentee_rows, mentor_rows, n, m):
        return matching.wildcard_similarity(
            [row["match_schedule"] or "" for row in mentee_rows],
            [row["match_schedule"] or "" for row in mentor_rows],
            "any",
        )

    def _similarity_campus(self, record, mentees, mentors, mentee_rows, mentor_rows, n, m):
        def normal(row):
            return " ".join((row["match_campus"] or "").lower().split())

        return matching.wildcard_similarity(
            [normal(row) for row in mentee_rows], [normal(row) for row in mentor_rows], None
        )

    def _similarity_no_conflict(self, record, mentees, mentors, mentee_rows, mentor_rows, n, m):
        # A pair between the same two people that ended early, in any programme.
        mentee_row, mentor_col = {}, {}
        for index, row in enumerate(mentee_rows):
            mentee_row.setdefault(row["person_key"], []).append(index)
        for index, row in enumerate(mentor_rows):
            mentor_col.setdefault(row["person_key"], []).append(index)
        self.env.cr.execute(
            SQL(
                """
                SELECT DISTINCT COALESCE(mentee.employee_id, -mentee.partner_id),
                       COALESCE(mentor.employee_id, -mentor.partner_id)
                  FROM mentorship_pair pair
                  JOIN mentorship_participant mentor ON mentor.id = pair.mentor_id
                  JOIN mentorship_pair_mentee_rel rel ON rel.pair_id = pair.id
                  JOIN mentorship_participant mentee ON mentee.id = rel.participant_id
                 WHERE pair.state = 'terminated'
                   AND COALESCE(mentee.employee_id, -mentee.partner_id) = ANY(%s)
                   AND COALESCE(mentor.employee_id, -mentor.partner_id) = ANY(%s)
                """,
                list(mentee_row),
                list(mentor_col),
            )
        )
        conflicts = []
        for mentee_key, mentor_key in self.env.cr.fetchall():
            conflicts += [(row, col) for row in mentee_row[mentee_key] for col in mentor_col[mentor_key]]
        return matching.pairs_similarity(n, m, conflicts)

    # --- Pairs -----------------------------------------------------------------------------

    @api.model
    def _default_dates(self, programme, form, date_start):
        """The planned end of a pair starting on ``date_start``: the form's longest duration,
        within the programme."""
        end = programme.date_end
        if form.duration_max_months:
            end = min(end, date_start + relativedelta(months=form.duration_max_months, days=-1))
        return end

    @api.model
    def _create_draft_pairs(self, programme, form, couples, date_start, date_end):
        """Draft pairs for the accepted (mentee, mentor) couples, through the core's create and its
        constraints, after checking again the hard filters: the cohort may have changed since the
        proposal (another curator, another tab)."""
        if not couples:
            raise UserError(self.env._("Nothing to accept: choose the proposals to turn into pairs."))
        if date_start < programme.date_start or date_start > programme.date_end:
            raise UserError(
                self.env._(
                    "The pairs must start within programme «%(programme)s» (%(start)s – %(end)s): "
                    "correct the start date.",
                    programme=programme.name,
                    start=programme.date_start,
                    end=programme.date_end,
                )
            )
        mentees = self.env["mentorship.participant"].browse([mentee.id for mentee, _m in couples])
        problem = self._build(programme, form, date_start, mentees=mentees)
        col_of = {mentor.id: col for col, mentor in enumerate(problem.mentors)}
        free = problem.capacity.copy()
        unmatched = self._unmatched_mentees(programme, form)
        problems = []
        for row, (mentee, mentor) in enumerate(couples):
            col = col_of.get(mentor.id)
            if mentee not in unmatched:
                problems.append(self.env._("%(mentee)s already has a mentor in a pair.", mentee=mentee.name))
            elif col is None or not problem.allowed[row, col]:
                reasons = mentee._get_eligibility_problems(form, date_start)
                reasons += mentor._get_eligibility_problems(form, date_start)
                if not reasons and col is not None and free[col] <= 0:
                    reasons.append(self.env._("no free place left"))
                elif not reasons:
                    reasons.append(self.env._("a matching filter («must» criterion) fails"))
                problems.append(
                    self.env._(
                        "%(mentor)s cannot mentor %(mentee)s: %(reason)s",
                        mentor=mentor.name,
                        mentee=mentee.name,
                        reason="; ".join(reasons),
                    )
                )
            elif free[col] <= 0:
                problems.append(self.env._("%(mentor)s has no free place left.", mentor=mentor.name))
            else:
                free[col] -= 1
        if problems:
            raise UserError("\n".join(problems))
        kind = form.kind_ids.filtered(lambda k: not k.is_group)[:1]
        pairs = self.env["mentorship.pair"].create(
            [
                {
                    "programme_id": programme.id,
                    "form_id": form.id,
                    "kind_id": kind.id,
                    "mentor_id": mentor.id,
                    "mentee_ids": [Command.set(mentee.ids)],
                    "date_start": date_start,
                    "date_end": date_end,
                }
                for mentee, mentor in couples
            ]
        )
        # The consents are checked again on activation; say now what is still missing.
        for pair in pairs:
            missing = pair._get_missing_consents(date_start)
            if missing:
                pair.message_post(
                    body=self.env._(
                        "Before this pair can be activated, these consents are needed: %(consents)s.",
                        consents="; ".join(missing),
                    )
                )
        return pairs
