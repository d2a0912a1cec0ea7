from odoo import fields, models


class MentorshipKpiTarget(models.Model):
    """The target of an indicator for a calendar year (seed 000 table 5: 2022, 2023, 2024)."""

    _name = "mentorship.kpi.target"
    _description = "Mentoring Indicator Target"
    _order = "kpi_id, year"

    kpi_id = fields.Many2one(
        "mentorship.kpi", string="Indicator", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="kpi_id.company_id", store=True, index=True)
    unit = fields.Char(related="kpi_id.unit")
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    target_value = fields.Float(string="Target", required=True, aggregator="avg")
    denominator_value = fields.Float(
        string="Entered Denominator",
        help="For indicators with an entered denominator: its value for this year (e.g. the region's "
        "population aged 10–19). Empty: the indicator's own.",
    )

    _sql_constraints = [
        ("kpi_year_uniq", "unique(kpi_id, year)", "An indicator has one target per year."),
        ("year_valid", "CHECK(year BETWEEN 2000 AND 2100)", "Enter the year with four digits."),
    ]

    def _compute_display_name(self):
        for target in self:
            target.display_name = f"{target.kpi_id.name} {target.year}: {target.target_value:g}"
