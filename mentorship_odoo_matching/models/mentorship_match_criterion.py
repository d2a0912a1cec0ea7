from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.matching import PRIORITY_WEIGHTS

CRITERION_KINDS = [
    ("directions", "Requests Against Strengths"),
    ("department", "Same or Related Department or Speciality"),
    ("experience", "Experience Gap"),
    ("study_year", "Year of Study Gap"),
    ("preference", "Mentee's Preferences (Questionnaire)"),
    ("schedule", "Schedule"),
    ("campus", "Campus"),
    ("no_conflict", "No Conflict of Interest"),
]
PRIORITIES = [
    ("must", "Must (Filter)"),
    ("high", "High"),
    ("medium", "Medium"),
    ("low", "Low"),
    ("custom", "Custom Weight"),
]
# Shipped defaults: (kind, priority, ideal gap).
DEFAULT_CRITERIA = [
    ("directions", "high", 0.0),
    ("preference", "high", 0.0),
    ("department", "medium", 0.0),
    ("experience", "medium", 5.0),
    ("study_year", "medium", 2.0),
    ("schedule", "low", 0.0),
    ("campus", "low", 0.0),
    ("no_conflict", "must", 0.0),
]
GAP_KINDS = ("experience", "study_year")


class MentorshipMatchCriterion(models.Model):
    """A matching criterion of a programme (критерий подбора пары): a filter ("must") or a weight
    in the score of a mentee–mentor pair."""

    _name = "mentorship.match.criterion"
    _description = "Matching Criterion"
    _order = "programme_id, sequence, id"
    _check_company_auto = True

    programme_id = fields.Many2one(
        "mentorship.programme", required=True, ondelete="cascade", index=True, check_company=True
    )
    company_id = fields.Many2one(related="programme_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(CRITERION_KINDS, string="Criterion", required=True)
    priority = fields.Selection(PRIORITIES, required=True, default="medium")
    custom_weight = fields.Float(default=2.0, help="Points of a full match with the custom priority.")
    weight = fields.Float(
        compute="_compute_weight",
        help="Points of a full match: High 5, Medium 3, Low 1, or the custom weight; a filter has none.",
    )
    ideal_gap = fields.Float(
        help="For the gaps of experience and year of study: how many years ahead the mentor should "
        "be for a full match (fewer years give a part of it).",
    )

    _sql_constraints = [
        ("kind_uniq", "unique(programme_id, kind)", "Each criterion may appear once per programme."),
    ]

    @api.depends("priority", "custom_weight")
    def _compute_weight(self):
        for criterion in self:
            if criterion.priority == "custom":
                criterion.weight = criterion.custom_weight
            else:
                criterion.weight = PRIORITY_WEIGHTS.get(criterion.priority, 0.0)

    @api.depends("kind", "priority")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        priorities = dict(self._fields["priority"]._description_selection(self.env))
        for criterion in self:
            criterion.display_name = (
                f"{kinds.get(criterion.kind, '')} ({priorities.get(criterion.priority, '')})"
            )

    @api.constrains("priority", "custom_weight", "ideal_gap", "kind")
    def _check_values(self):
        for criterion in self:
            if criterion.priority == "custom" and criterion.custom_weight <= 0:
                raise ValidationError(
                    self.env._(
                        "Criterion «%(criterion)s»: give a custom weight above zero.",
                        criterion=criterion.display_name,
                    )
                )
            if criterion.kind in GAP_KINDS and criterion.ideal_gap <= 0:
                raise ValidationError(
                    self.env._(
                        "Criterion «%(criterion)s»: give the ideal gap in years, above zero.",
                        criterion=criterion.display_name,
                    )
                )

    @api.model
    def _default_vals(self, programme):
        return [
            {
                "programme_id": programme.id,
                "sequence": (index + 1) * 10,
                "kind": kind,
                "priority": priority,
                "ideal_gap": gap,
            }
            for index, (kind, priority, gap) in enumerate(DEFAULT_CRITERIA)
        ]
