from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.actions import window_action


class MentorshipPlanTemplateApplyWizard(models.TransientModel):
    """Apply a personalised-programme template to many pairs at once: their programmes are drawn
    up when missing and get the template's activities."""

    _name = "mentorship.plan.template.apply.wizard"
    _description = "Apply a Personalised Programme Template"

    pair_ids = fields.Many2many("mentorship.pair", string="Pairs and Groups", required=True)
    form_ids = fields.Many2many("mentorship.form", compute="_compute_form_ids", string="Forms of the Pairs")
    template_id = fields.Many2one(
        "mentorship.plan.template", required=True, domain="[('form_id', 'in', form_ids)]"
    )
    replace = fields.Boolean(
        string="Replace Planned Activities",
        help="Remove the activities still planned in the programmes before adding the template's; "
        "activities in progress or done are kept.",
    )

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        context = self.env.context
        if (
            "pair_ids" in fields_list
            and not res.get("pair_ids")
            and context.get("active_model") == "mentorship.pair"
        ):
            res["pair_ids"] = [fields.Command.set(context.get("active_ids") or [])]
        return res

    @api.depends("pair_ids")
    def _compute_form_ids(self):
        for wizard in self:
            wizard.form_ids = wizard.pair_ids.form_id

    def action_apply(self):
        self.ensure_one()
        other_form = self.pair_ids.filtered(lambda pair: pair.form_id != self.template_id.form_id)
        if other_form:
            raise UserError(
                self.env._(
                    "Template «%(template)s» is for form «%(form)s», but these pairs have another form: "
                    "%(pairs)s. Remove them from the selection or choose another template.",
                    template=self.template_id.name,
                    form=self.template_id.form_id.name,
                    pairs=", ".join(other_form.mapped("name")),
                )
            )
        ended = self.pair_ids.filtered(lambda pair: pair.state in ("done", "terminated"))
        if ended:
            raise UserError(
                self.env._(
                    "These pairs have ended and their programmes are closed: %(pairs)s.",
                    pairs=", ".join(ended.mapped("name")),
                )
            )
        plans = self.env["mentorship.plan"]._prepare_plans_for_pairs(self.pair_ids)
        closed = plans.filtered(lambda plan: plan.state in ("done", "cancelled"))
        if closed:
            raise UserError(
                self.env._(
                    "These personalised programmes are completed or cancelled: %(plans)s.",
                    plans=", ".join(closed.mapped("name")),
                )
            )
        plans._apply_template(self.template_id, replace=self.replace)
        return window_action(
            self.env._("Personalised Programmes"),
            "mentorship.plan",
            "list,form",
            domain=[("id", "in", plans.ids)],
        )
