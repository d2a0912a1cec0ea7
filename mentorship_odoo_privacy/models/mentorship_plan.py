from odoo import models


class MentorshipPlan(models.Model):
    _name = "mentorship.plan"
    _inherit = ["mentorship.plan", "mentorship.privacy.trail.mixin"]
