from odoo import api, fields, models, tools
from odoo.tools import SQL


class MentorshipMeasureResult(models.Model):
    """Before and after (monitoring stage 2, seed 000 L360–377): for each participant and
    measured item, their latest baseline and latest final answer and the change.

    A read-only SQL view over the survey answers linked to participants; the same query, limited
    to a period, feeds the programme's summary and the monitoring report."""

    _name = "mentorship.measure.result"
    _description = "Mentoring Before and After Result"
    _auto = False
    _order = "programme_id, code, participant_id"
    _rec_name = "code"
    _depends = {
        "survey.user_input": [
            "state",
            "test_entry",
            "end_datetime",
            "survey_id",
            "mentorship_programme_id",
            "mentorship_participant_id",
        ],
        "survey.user_input.line": [
            "user_input_id",
            "question_id",
            "answer_type",
            "skipped",
            "value_scale",
            "value_numerical_box",
        ],
        "survey.survey": ["mentorship_purpose", "mentorship_confidential"],
        "survey.question": [
            "mentorship_measured",
            "mentorship_measure_code",
            "mentorship_confidential",
            "mentorship_lower_is_better",
        ],
        "mentorship.programme": ["company_id"],
        "mentorship.participant": ["role"],
    }

    programme_id = fields.Many2one("mentorship.programme", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    participant_id = fields.Many2one("mentorship.participant", readonly=True)
    role = fields.Selection([("mentor", "Mentor"), ("mentee", "Mentee")], readonly=True)
    code = fields.Char(string="Measure Code", readonly=True)
    question_id = fields.Many2one("survey.question", string="Item", readonly=True)
    baseline_value = fields.Float(string="Baseline", readonly=True, aggregator="avg")
    final_value = fields.Float(string="Final", readonly=True, aggregator="avg")
    change = fields.Float(readonly=True, aggregator="avg", help="Final minus baseline.")
    baseline_date = fields.Datetime(readonly=True)
    final_date = fields.Datetime(readonly=True)
    is_complete = fields.Boolean(string="Both Measured", readonly=True)
    is_confidential = fields.Boolean(string="Confidential", readonly=True)
    lower_is_better = fields.Boolean(readonly=True)

    @api.model
    def _rows_query(self, programme_ids=None, date_from=None, date_to=None):
        """The per participant and item rows; answers limited to programmes and a period of
        completion (dates included) when given."""
        conditions = [SQL("TRUE")]
        if programme_ids is not None:
            conditions.append(SQL("answer.mentorship_programme_id IN %s", tuple(programme_ids) or (0,)))
        if date_from:
            conditions.append(SQL("answer.end_datetime >= %s", fields.Datetime.to_datetime(date_from)))
        if date_to:
            conditions.append(
                SQL("answer.end_datetime < %s::date + 1", fields.Date.to_string(fields.Date.to_date(date_to)))
            )
        return SQL(
            """
            WITH answers AS (
                SELECT answer.mentorship_programme_id AS programme_id,
                       answer.mentorship_participant_id AS participant_id,
                       survey.mentorship_purpose AS stage,
                       question.mentorship_measure_code AS code,
                       question.id AS question_id,
                       CASE WHEN line.answer_type = 'scale' THEN line.value_scale
                            ELSE line.value_numerical_box END AS value,
                       answer.end_datetime,
                       answer.id AS answer_id,
                       (question.mentorship_confidential OR survey.mentorship_confidential IS TRUE)
                           AS confidential,
                       question.mentorship_lower_is_better IS TRUE AS lower_is_better
                  FROM survey_user_input_line line
                  JOIN survey_user_input answer ON answer.id = line.user_input_id
                  JOIN survey_survey survey ON survey.id = answer.survey_id
                  JOIN survey_question question ON question.id = line.question_id
                 WHERE answer.state = 'done'
                   AND answer.test_entry IS NOT TRUE
                   AND answer.mentorship_participant_id IS NOT NULL
                   AND survey.mentorship_purpose IN ('baseline', 'final')
                   AND question.mentorship_measured
                   AND question.mentorship_measure_code IS NOT NULL
                   AND line.skipped IS NOT TRUE
                   AND line.answer_type IN ('scale', 'numerical_box')
                   AND %(conditions)s
            ), latest AS (
                SELECT DISTINCT ON (participant_id, code, stage) *
                  FROM answers
              ORDER BY participant_id, code, stage, end_datetime DESC, answer_id DESC
            ), pairs AS (
                SELECT programme_id, participant_id, code,
                       max(value) FILTER (WHERE stage = 'baseline') AS baseline_value,
                       max(value) FILTER (WHERE stage = 'final') AS final_value,
                       max(end_datetime) FILTER (WHERE stage = 'baseline') AS baseline_date,
                       max(end_datetime) FILTER (WHERE stage = 'final') AS final_date,
                       (array_agg(question_id ORDER BY stage DESC))[1] AS question_id,
                       bool_or(confidential) AS is_confidential,
                       bool_or(lower_is_better) AS lower_is_better
                  FROM latest
              GROUP BY programme_id, participant_id, code
            )
            SELECT row_number() OVER (ORDER BY pairs.participant_id, pairs.code) AS id,
                   pairs.programme_id,
                   programme.company_id,
                   pairs.participant_id,
                   participant.role,
                   pairs.code,
                   pairs.question_id,
                   pairs.baseline_value,
                   pairs.final_value,
                   pairs.final_value - pairs.baseline_value AS change,
                   pairs.baseline_date,
                   pairs.final_date,
                   (pairs.baseline_value IS NOT NULL AND pairs.final_value IS NOT NULL) AS is_complete,
                   pairs.is_confidential,
                   pairs.lower_is_better
              FROM pairs
              JOIN mentorship_programme programme ON programme.id = pairs.programme_id
              JOIN mentorship_participant participant ON participant.id = pairs.participant_id
            """,
            conditions=SQL(" AND ").join(conditions),
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._rows_query())
        )

    @api.model
    def _get_rows(self, programme_ids=None, date_from=None, date_to=None):
        """The rows as dicts (not subject to record rules: callers filter what they show)."""
        self.env.flush_all()
        self.env.cr.execute(self._rows_query(programme_ids, date_from, date_to))
        return self.env.cr.dictfetchall()
