from odoo import api, fields, models
from odoo.exceptions import UserError


class MentorshipRoadmapTemplate(models.Model):
    """A road map to start from (дорожная карта). Shipped ones reproduce the road maps of seeds 000,
    001 and 003 and the implementation plan of seed 002; the texts are in Russian because they are
    copied from those documents."""

    _name = "mentorship.roadmap.template"
    _description = "Road-Map Template"
    _order = "sequence, name, id"
    _check_company_auto = True

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", help="Leave empty to share across companies.")
    source = fields.Char(help="The document the template reproduces.")
    description = fields.Text()
    duration_months = fields.Integer(
        string="Length (months)", help="How long a programme following this road map usually runs."
    )
    line_ids = fields.One2many("mentorship.roadmap.template.line", "template_id", string="Items", copy=True)
    line_count = fields.Integer(compute="_compute_line_count")

    @api.depends("line_ids")
    def _compute_line_count(self):
        for template in self:
            template.line_count = len(template.line_ids)

    def _get_lines_outside(self, programme):
        """Template lines whose resolved deadline falls outside the programme's period."""
        self.ensure_one()
        outside = self.env["mentorship.roadmap.template.line"]
        for line in self.line_ids:
            vals = line._prepare_item_values(programme)
            dates = [vals.get(key) for key in ("date_deadline", "date_from", "date_to") if vals.get(key)]
            probe = self.env["mentorship.roadmap.item"].new({**vals, "programme_id": programme.id})
            deadline = probe._get_deadline()
            if deadline:
                dates.append(deadline)
            if any(day < programme.date_start.replace(day=1) or day > programme.date_end for day in dates):
                outside |= line
        return outside

    def _generate_items(self, programme, responsible_employees=None, replace=False):
        """Create the programme's road-map items from this template, with dates resolved from the
        programme's period. ``replace`` first deletes the items generated earlier from it that
        are still planned."""
        self.ensure_one()
        Item = self.env["mentorship.roadmap.item"]
        previous = Item.search([("programme_id", "=", programme.id), ("template_id", "=", self.id)])
        if previous and not replace:
            raise UserError(
                self.env._(
                    "The road map of «%(programme)s» already has %(count)s items from template "
                    "«%(template)s»: tick «Replace Planned Items» to generate it again.",
                    programme=programme.name,
                    count=len(previous),
                    template=self.name,
                )
            )
        previous.filtered(lambda item: item.state == "planned").unlink()
        responsible = responsible_employees or self.env["hr.employee"]
        vals_list = [
            {
                **line._prepare_item_values(programme),
                "programme_id": programme.id,
                "template_id": self.id,
                "responsible_employee_ids": [fields.Command.set(responsible.ids)],
            }
            for line in self.line_ids
        ]
        return Item.create(vals_list)
