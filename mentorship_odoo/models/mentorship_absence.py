from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MentorshipAbsence(models.Model):
    """An absence of a student (no HR time off for them): it suspends the mentor allowance for
    the dates it covers, like a mentee's time off."""

    _name = "mentorship.absence"
    _description = "Student Absence"
    _order = "date_from desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Student",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('is_student', '=', True)]",
    )
    study_group = fields.Char(related="partner_id.study_group")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    day_count = fields.Integer(string="Calendar Days", compute="_compute_day_count", store=True)
    reason = fields.Char(required=True, help="E.g. illness (medical certificate), family reasons.")
    source = fields.Selection(
        [("manual", "Entered by Hand"), ("import", "Imported")],
        default="manual",
        required=True,
        readonly=True,
    )
    note = fields.Text()

    @api.depends("date_from", "date_to")
    def _compute_day_count(self):
        for absence in self:
            if absence.date_from and absence.date_to and absence.date_to >= absence.date_from:
                absence.day_count = (absence.date_to - absence.date_from).days + 1
            else:
                absence.day_count = 0

    @api.depends("partner_id.name", "date_from", "date_to")
    def _compute_display_name(self):
        for absence in self:
            absence.display_name = self.env._(
                "%(student)s, %(start)s–%(end)s",
                student=absence.partner_id.name or "",
                start=absence.date_from and absence.date_from.strftime("%d.%m.%Y"),
                end=absence.date_to and absence.date_to.strftime("%d.%m.%Y"),
            )

    @api.constrains("date_from", "date_to", "partner_id", "company_id")
    def _check_dates(self):
        for absence in self:
            if absence.date_to < absence.date_from:
                raise ValidationError(
                    self.env._(
                        "The absence of %(student)s ends before it starts: correct the dates.",
                        student=absence.partner_id.name,
                    )
                )
        overlap = self._find_overlaps(
            [(a.partner_id.id, a.company_id.id, a.date_from, a.date_to, a.id) for a in self]
        )
        if overlap:
            raise ValidationError(overlap[0][1])

    @api.model
    def _find_overlaps(self, rows):
        """``rows``: (partner id, company id, from, to, own id or None). Returns [(index, message)]
        for the rows that overlap a recorded absence or an earlier row, in one query."""
        partner_ids = list({row[0] for row in rows})
        existing = self.sudo().search_read(
            [("partner_id", "in", partner_ids)],
            ["partner_id", "company_id", "date_from", "date_to"],
            load=None,
        )
        known = [
            (rec["partner_id"], rec["company_id"], rec["date_from"], rec["date_to"], rec["id"])
            for rec in existing
        ]
        names = {partner.id: partner.name for partner in self.env["res.partner"].browse(partner_ids)}
        problems = []
        for index, (partner_id, company_id, date_from, date_to, own_id) in enumerate(rows):
            for other in known:
                if (
                    other[0] == partner_id
                    and other[1] == company_id
                    and other[4] != own_id
                    and other[2] <= date_to
                    and other[3] >= date_from
                ):
                    problems.append(
                        (
                            index,
                            self.env._(
                                "%(student)s already has an absence from %(start)s to %(end)s that "
                                "overlaps %(new_start)s–%(new_end)s.",
                                student=names.get(partner_id, ""),
                                start=other[2].strftime("%d.%m.%Y"),
                                end=other[3].strftime("%d.%m.%Y"),
                                new_start=date_from.strftime("%d.%m.%Y"),
                                new_end=date_to.strftime("%d.%m.%Y"),
                            ),
                        )
                    )
                    break
            if own_id is None:
                known.append((partner_id, company_id, date_from, date_to, ("row", index)))
        return problems
