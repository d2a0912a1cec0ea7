from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

KPI_STATUSES = [
    ("met", "Met"),
    ("close", "Close"),
    ("behind", "Behind"),
    ("no_target", "No Target"),
    ("no_data", "No Data"),
]


class MentorshipKpiValue(models.Model):
    """The actual value of an indicator for a programme on a date (a snapshot): computed from the
    data at that moment, or entered by hand. Snapshots are kept, so the history stays."""

    _name = "mentorship.kpi.value"
    _description = "Mentoring Indicator Value"
    _order = "date desc, kpi_sequence, id desc"
    _check_company_auto = True

    kpi_id = fields.Many2one(
        "mentorship.kpi", string="Indicator", required=True, ondelete="cascade", index=True
    )
    kpi_sequence = fields.Integer(related="kpi_id.sequence", store=True)
    programme_id = fields.Many2one(
        "mentorship.programme", required=True, ondelete="cascade", index=True, check_company=True
    )
    company_id = fields.Many2one(related="programme_id.company_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    year = fields.Integer(compute="_compute_year", store=True, aggregator=False)
    unit = fields.Char(related="kpi_id.unit")
    method = fields.Selection(related="kpi_id.method")
    numerator = fields.Float(aggregator="avg")
    denominator = fields.Float(aggregator="avg")
    value = fields.Float(string="Actual", required=True, aggregator="avg")
    target_value = fields.Float(string="Target", compute="_compute_target", store=True, aggregator="avg")
    status = fields.Selection(KPI_STATUSES, compute="_compute_target", store=True)
    is_latest = fields.Boolean(
        string="Latest of the Year",
        readonly=True,
        help="The last value of this indicator and programme in its year.",
    )
    is_current = fields.Boolean(
        string="Most Recent",
        compute="_compute_is_current",
        search="_search_is_current",
        help="The most recent value of this indicator and programme, whatever its year: what the "
        "regional dashboard compares across organisations.",
    )
    note = fields.Char()

    @api.depends("date")
    def _compute_year(self):
        for record in self:
            record.year = record.date.year if record.date else 0

    @api.depends("date", "kpi_id", "programme_id")
    def _compute_is_current(self):
        current = set(self.search([("id", "in", self._origin.ids), ("is_current", "=", True)]).ids)
        for record in self:
            record.is_current = record._origin.id in current

    def _search_is_current(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(self.env._("Search on “Most Recent” supports only = and !=."))
        self.flush_model(["kpi_id", "programme_id", "date"])
        current = SQL(
            "(SELECT DISTINCT ON (kpi_id, programme_id) id FROM %s"
            " ORDER BY kpi_id, programme_id, date DESC, id DESC)",
            SQL.identifier(self._table),
        )
        return [("id", "in" if (operator == "=") == value else "not in", current)]

    @api.depends("value", "denominator", "year", "kpi_id.target_ids.year", "kpi_id.target_ids.target_value")
    def _compute_target(self):
        for record in self:
            target = record.kpi_id._get_target(record.year)
            record.target_value = target.target_value if target else 0.0
            if record.kpi_id.method == "computed" and not record.denominator:
                record.status = "no_data"
            else:
                record.status = record.kpi_id._get_status(
                    record.value, target.target_value if target else None
                )

    @api.constrains("value", "kpi_id")
    def _check_value(self):
        for record in self:
            if record.kpi_id.unit == "%" and not -1000 <= record.value <= 1000:
                raise ValidationError(
                    self.env._(
                        "%(value)s %% is not a plausible value of «%(kpi)s».",
                        value=record.value,
                        kpi=record.kpi_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._refresh_latest()
        return records

    def write(self, vals):
        if not {"date", "kpi_id", "programme_id"} & set(vals):
            return super().write(vals)
        before = self._latest_keys()
        result = super().write(vals)
        self._refresh_latest(before)
        return result

    def unlink(self):
        keys = self._latest_keys()
        result = super().unlink()
        self.browse()._refresh_latest(keys)
        return result

    def _latest_keys(self):
        return {(record.kpi_id.id, record.programme_id.id, record.year) for record in self}

    def _refresh_latest(self, extra_keys=()):
        """Flag the last value of each (indicator, programme, year) touched."""
        keys = self._latest_keys() | set(extra_keys)
        if not keys:
            return
        siblings = self.sudo().search(
            [
                ("kpi_id", "in", list({key[0] for key in keys})),
                ("programme_id", "in", list({key[1] for key in keys})),
                ("year", "in", list({key[2] for key in keys})),
            ],
            order="date desc, id desc",
        )
        seen = set()
        for record in siblings:
            key = (record.kpi_id.id, record.programme_id.id, record.year)
            if key not in keys:
                continue
            latest = key not in seen
            seen.add(key)
            if record.is_latest != latest:
                record.is_latest = latest

    def action_open_programme_dashboard(self):
        self.ensure_one()
        return self.programme_id.action_open_dashboard()
