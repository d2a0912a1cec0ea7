from odoo import api, fields, models


class MentorshipPair(models.Model):
    _name = "mentorship.pair"
    _inherit = ["mentorship.pair", "mentorship.privacy.trail.mixin"]

    privacy_flag = fields.Boolean(
        string="Consent Withdrawn",
        copy=False,
        tracking=True,
        help="A participant of this active pair withdrew the consent to personal-data processing: "
        "the curator ends the pair or takes them out of it.",
    )

    def _privacy_stopped_message(self):
        return self.env._(
            "%(person)s withdrew the consent to personal-data processing on %(date)s: they cannot be put "
            "in an active pair. Take them out of the pair, or record a new consent first."
        )

    def action_activate(self):
        for pair in self:
            (pair.mentor_id | pair.mentee_ids)._privacy_raise_if_stopped(self._privacy_stopped_message())
        return super().action_activate()

    @api.constrains("mentor_id", "mentee_ids", "state")
    def _check_privacy_stopped(self):
        # Only when people join an active pair: the pairs active at the withdrawal stay flagged.
        for pair in self.filtered(lambda p: p.state == "active"):
            people = pair.mentor_id | pair.mentee_ids
            if pair.privacy_flag:
                continue
            people._privacy_raise_if_stopped(self._privacy_stopped_message())

    def write(self, vals):
        # A pair that ends no longer processes the data: the flag has done its work.
        if vals.get("state") in ("done", "terminated"):
            vals = dict(vals, privacy_flag=False)
        return super().write(vals)

    def action_privacy_clear_flag(self):
        self.write({"privacy_flag": False})
        return True
