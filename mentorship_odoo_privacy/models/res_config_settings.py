from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mentorship_pd_destruction_days = fields.Integer(
        related="company_id.mentorship_pd_destruction_days", readonly=False
    )
    mentorship_pd_closed_programme_years = fields.Integer(
        related="company_id.mentorship_pd_closed_programme_years", readonly=False
    )
    mentorship_pd_rejected_years = fields.Integer(
        related="company_id.mentorship_pd_rejected_years", readonly=False
    )
    mentorship_pd_log_years = fields.Integer(related="company_id.mentorship_pd_log_years", readonly=False)
