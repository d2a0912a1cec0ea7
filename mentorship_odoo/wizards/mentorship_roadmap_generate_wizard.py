from odoo import api, fields, models


class MentorshipRoadmapGenerateWizard(models.TransientModel):
    """Generate a programme's road map from a template, resolving its deadlines from the
    programme's period."""

    _name = "mentorship.roadmap.generate.wizard"
    _description = "Generate a Road Map"

    programme_id = fields.Many2one("mentorship.programme", required=True)
    company_id = fields.Many2one(related="programme_id.company_id")
    template_id = fields.Many2one("mentorship.roadmap.template", required=True)
    responsible_employee_ids = fields.Many2many(
        "hr.employee",
        string="Responsible",
        compute="_compute_responsible_employee_ids",
        store=True,
        readonly=False,
        domain="[('company_id', '=', company_id)]",
        help="Employees responsible for every generated item at first (the curators by default); the "
        "roles written in the template are kept on each item for reassigning them.",
    )
    replace = fields.Boolean(
        string="Replace Planned Items",
        help="Delete the planned items generated earlier from this template before generating it again.",
    )
    warning = fields.Text(compute="_compute_warning")

    @api.depends("programme_id")
    def _compute_responsible_employee_ids(self):
        for wizard in self:
            programme = wizard.programme_id
            wizard.responsible_employee_ids = self.env["hr.employee"].search(
                [("user_id", "in", programme.curator_ids.ids), ("company_id", "=", programme.company_id.id)]
            )

    @api.depends("programme_id", "template_id")
    def _compute_warning(self):
        for wizard in self:
            wizard.warning = False
            if not (wizard.programme_id and wizard.template_id):
                continue
            outside = wizard.template_id._get_lines_outside(wizard.programme_id)
            if outside:
                wizard.warning = self.env._(
                    "%(count)s items fall outside the programme's period (%(items)s): the template may "
                    "be for a longer programme. They are generated anyway; correct their deadlines.",
                    count=len(outside),
                    items=", ".join(outside.mapped(lambda line: line.number or line.name[:40])),
                )

    def action_generate(self):
        self.ensure_one()
        self.template_id._generate_items(
            self.programme_id, self.responsible_employee_ids, replace=self.replace
        )
        return self.programme_id.action_open_roadmap()
