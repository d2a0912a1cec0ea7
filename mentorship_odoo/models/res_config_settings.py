from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mentorship_health_attention_days = fields.Integer(
        string="Needs Attention After (days)",
        config_parameter="mentorship_odoo.health_attention_days",
        default=21,
        help="Days without a held meeting after which an active pair needs attention (0 = not used).",
    )
    mentorship_health_risk_days = fields.Integer(
        string="At Risk After (days)",
        config_parameter="mentorship_odoo.health_risk_days",
        default=42,
        help="Days without a held meeting after which an active pair is at risk (0 = not used).",
    )
    mentorship_health_attention_missed = fields.Integer(
        string="Needs Attention From (missed meetings)",
        config_parameter="mentorship_odoo.health_attention_missed",
        default=1,
    )
    mentorship_health_risk_missed = fields.Integer(
        string="At Risk From (missed meetings)",
        config_parameter="mentorship_odoo.health_risk_missed",
        default=3,
    )
    mentorship_health_attention_overdue = fields.Integer(
        string="Needs Attention From (overdue activities)",
        config_parameter="mentorship_odoo.health_attention_overdue",
        default=1,
    )
    mentorship_health_risk_overdue = fields.Integer(
        string="At Risk From (overdue activities)",
        config_parameter="mentorship_odoo.health_risk_overdue",
        default=3,
    )
    mentorship_roadmap_reminder_days = fields.Integer(
        string="Remind of Road-Map Deadlines (days before)",
        config_parameter="mentorship_odoo.roadmap_reminder_days",
        default=7,
    )

    def set_values(self):
        res = super().set_values()
        # New thresholds apply at once, not only after the next daily run.
        self.env["mentorship.pair"]._cron_recompute_health()
        return res
