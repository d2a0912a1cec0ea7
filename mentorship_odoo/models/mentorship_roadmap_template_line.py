from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.roadmap_dates import clip_day, first_year_of_month
from .mentorship_roadmap_deadline import DEADLINE_KINDS, MONTHS


class MentorshipRoadmapTemplateLine(models.Model):
    """An item of a road-map template. Its deadline is written as in the source document (a month,
    a day of a month, a range of months, every year, …) and resolved against the period of the
    programme it is generated for: a month means its first occurrence on or after the programme's
    start month, moved by "Year Offset" years."""

    _name = "mentorship.roadmap.template.line"
    _description = "Road-Map Template Item"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one(
        "mentorship.roadmap.template", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    number = fields.Char(string="No.")
    stage_id = fields.Many2one("mentorship.roadmap.stage", required=True, ondelete="restrict")
    name = fields.Char(string="Activity", required=True)
    description = fields.Text(string="Details")
    key_result = fields.Text()
    deadline_kind = fields.Selection(DEADLINE_KINDS, required=True, default="month")
    month = fields.Selection(MONTHS, help="The month of the deadline, or the first month of a range.")
    day = fields.Integer(
        help="Day of the month for a date; empty means the end of the month (start of a range)."
    )
    year_offset = fields.Integer(help="Years after the first occurrence of the month in the programme.")
    month_to = fields.Selection(MONTHS, help="Last month of a range.")
    day_to = fields.Integer(help="Empty means the end of the last month.")
    year_offset_to = fields.Integer(
        help="Extra years between the start and the end of a range, e.g. 1 for «Nov 2022 – Dec 2023».",
    )
    deadline_note = fields.Char()
    responsible_note = fields.Char(string="Responsible as Written")
    document_note = fields.Text(string="Documents That Record the Result")

    @api.constrains("deadline_kind", "month", "month_to", "day", "day_to", "year_offset", "year_offset_to")
    def _check_deadline(self):
        for line in self:
            kind = line.deadline_kind
            needs_month = kind in ("exact", "by_date", "month", "range")
            if (needs_month and not line.month) or (kind == "range" and not line.month_to):
                raise ValidationError(
                    self.env._(
                        "Template item «%(item)s»: choose the month(s) of its deadline.", item=line.name
                    )
                )
            if not (0 <= line.day <= 31 and 0 <= line.day_to <= 31):
                raise ValidationError(
                    self.env._(
                        "Template item «%(item)s»: a day of the month goes from 1 to 31.", item=line.name
                    )
                )
            if line.year_offset < 0 or line.year_offset_to < 0:
                raise ValidationError(
                    self.env._("Template item «%(item)s»: year offsets cannot be negative.", item=line.name)
                )

    def _prepare_item_values(self, programme):
        """Road-map item values with the deadline resolved for ``programme``."""
        self.ensure_one()
        start = programme.date_start
        vals = {
            "stage_id": self.stage_id.id,
            "sequence": self.sequence,
            "number": self.number,
            "name": self.name,
            "description": self.description,
            "key_result": self.key_result,
            "deadline_kind": self.deadline_kind,
            "deadline_note": self.deadline_note,
            "responsible_note": self.responsible_note,
            "document_note": self.document_note,
        }
        kind = self.deadline_kind
        month = int(self.month) if self.month else 0
        if kind in ("exact", "by_date"):
            year = first_year_of_month(start, month, self.year_offset)
            vals["date_deadline"] = clip_day(year, month, self.day)
        elif kind == "month":
            vals["deadline_month"] = self.month
            vals["deadline_year"] = first_year_of_month(start, month, self.year_offset)
        elif kind == "range":
            year = first_year_of_month(start, month, self.year_offset)
            date_from = clip_day(year, month, self.day or 1)
            month_to = int(self.month_to)
            year_to = (year if month_to >= month else year + 1) + self.year_offset_to
            vals["date_from"] = date_from
            vals["date_to"] = clip_day(year_to, month_to, self.day_to)
        elif kind == "yearly":
            if month:
                vals["deadline_month"] = self.month
                vals["deadline_year"] = first_year_of_month(start, month, self.year_offset)
            else:
                first_end = start + relativedelta(years=1, days=-1)
                vals["deadline_year"] = first_end.year + self.year_offset
        return vals
