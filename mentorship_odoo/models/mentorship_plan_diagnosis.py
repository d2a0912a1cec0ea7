from odoo import api, fields, models
from odoo.exceptions import ValidationError

# The eight domains of self-diagnosis of the individual route (seed 004 §6, items 2–3).
DIAGNOSIS_DOMAINS = [
    ("scientific", "Scientific and Theoretical"),
    ("legal", "Legal and Regulatory"),
    ("subject", "Subject and Professional"),
    ("psychological", "Psychological and Pedagogical"),
    ("methodical", "Methodical"),
    ("digital", "ICT Competences and Digitalisation"),
    ("upbringing", "Extracurricular and Upbringing Work"),
    ("health", "Students' Health"),
]
LEVEL_MAX = 5


class MentorshipPlanDiagnosis(models.Model):
    """Self-diagnosis of a mentee in one domain of the individual route (seed 004 §6): resources,
    difficulties and deficits, the level before and after the programme, and the reflective
    analysis of the deficit at the end. The mentee fills it in; the mentor reads and advises."""

    _name = "mentorship.plan.diagnosis"
    _description = "Personalised Programme: Self-Diagnosis"
    _inherit = ["mentorship.mentee.access.mixin"]
    _order = "plan_id, mentee_id, sequence, id"
    _mentee_writable_fields = ("strengths", "deficits", "level_before", "level_after", "reflection")
    _mentee_parts_are_personal = True

    plan_id = fields.Many2one("mentorship.plan", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    mentee_id = fields.Many2one("mentorship.participant", domain="[('id', 'in', parent.mentee_ids)]")
    sequence = fields.Integer(default=10)
    domain = fields.Selection(DIAGNOSIS_DOMAINS, required=True)
    strengths = fields.Text(string="Achievements and Resources")
    deficits = fields.Text(string="Difficulties and Deficits")
    level_before = fields.Integer(
        help="Self-assessed level before the programme, from 1 (serious difficulties) to 5 (can share "
        "experience); 0 = not assessed.",
    )
    level_after = fields.Integer(help="Self-assessed level at the end of the programme; 0 = not assessed.")
    level_change = fields.Integer(compute="_compute_level_change", store=True, aggregator="avg")
    reflection = fields.Text(
        string="Reflective Analysis",
        help="How the deficit was worked on and how far it was overcome.",
    )

    @api.depends("level_before", "level_after")
    def _compute_level_change(self):
        for line in self:
            both = line.level_before and line.level_after
            line.level_change = line.level_after - line.level_before if both else 0

    @api.constrains("level_before", "level_after")
    def _check_levels(self):
        for line in self:
            for level in (line.level_before, line.level_after):
                if not 0 <= level <= LEVEL_MAX:
                    raise ValidationError(
                        self.env._(
                            "Self-diagnosis levels go from 1 to %(max)s (0 = not assessed); %(level)s is "
                            "not allowed.",
                            max=LEVEL_MAX,
                            level=level,
                        )
                    )

    def _get_mentorship_pair(self):
        return self.plan_id.pair_id

    def _is_own_part_of(self, user):
        self.ensure_one()
        return not self.mentee_id or self.mentee_id.user_id == user
