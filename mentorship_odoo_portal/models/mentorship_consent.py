from odoo import fields, models


class MentorshipConsent(models.Model):
    _name = "mentorship.consent"
    _inherit = ["mentorship.consent", "portal.mixin"]

    request_ids = fields.One2many("mentorship.consent.request", "consent_id", string="Portal Requests")

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for consent in self:
            request = consent.request_ids[:1]
            consent.access_url = request.access_url if request else "/my/mentorship/consents"
        return res

    def action_withdraw(self):
        res = super().action_withdraw()
        self._notify_withdrawal()
        return res

    def _notify_withdrawal(self):
        """A withdrawn consent stops the work of the person's active pairs (the portal refuses new
        records while a required consent is missing): the curator hears of it on each pair."""
        activity_type = self.env.ref("mentorship_odoo_portal.mail_activity_type_portal_help")
        Pair = self.env["mentorship.pair"].sudo()
        for consent in self.sudo():
            if consent.partner_id:
                person = [("partner_id", "=", consent.partner_id.id)]
            else:
                person = [("employee_id", "=", consent.employee_id.id)]
            participants = self.env["mentorship.participant"].sudo().search(person)
            pairs = Pair.search(
                [
                    ("state", "=", "active"),
                    "|",
                    ("mentor_id", "in", participants.ids),
                    ("mentee_ids", "in", participants.ids),
                ]
            )
            for pair in pairs:
                curator = pair.programme_id.curator_ids[:1] or pair.create_uid
                pair.activity_schedule(
                    activity_type_id=activity_type.id,
                    summary=self.env._("Consent withdrawn"),
                    note=self.env._(
                        "«%(consent)s» was withdrawn on %(date)s. Work in pair %(pair)s is suspended "
                        "on the portal; end the pair or obtain a new consent.",
                        consent=consent.display_name,
                        date=fields.Date.to_string(consent.date_withdrawn),
                        pair=pair.name,
                    ),
                    user_id=curator.id,
                )
