from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.mentorship_odoo.models.res_partner import AGE_OF_MAJORITY

# The people a record concerns, as paths to their contacts (res.partner).
MINOR_PATHS = {
    "res.partner": [],
    "mentorship.participant": ["partner_id"],
    "mentorship.consent": ["partner_id"],
    "mentorship.pair": ["mentee_ids.partner_id", "mentor_id.partner_id"],
    "mentorship.plan": ["pair_id.mentee_ids.partner_id", "pair_id.mentor_id.partner_id"],
    "mentorship.document": [
        "partner_id",
        "participant_id.partner_id",
        "participant_ids.partner_id",
        "pair_id.mentee_ids.partner_id",
        "pair_ids.mentee_ids.partner_id",
    ],
}
# The models whose form is a person's card: reading one of a minor is logged.
CARD_MODELS = ("res.partner", "mentorship.participant")


class MentorshipPrivacyTrailMixin(models.AbstractModel):
    """Logs every read of a minor's card and every export that contains minors' data, at a fixed
    cost per request: one query finds the minors among the records, one inserts the event."""

    _name = "mentorship.privacy.trail.mixin"
    _description = "Access Trail of Minors' Personal Data"

    @api.model
    def _privacy_minor_domain(self):
        born_after = fields.Date.context_today(self) - relativedelta(years=AGE_OF_MAJORITY)
        paths = MINOR_PATHS.get(self._name)
        if paths is None:
            return []
        prefixes = [f"{path}." for path in paths] or [""]
        domain = []
        for prefix in prefixes:
            condition = [
                "&",
                (f"{prefix}birthdate_date", "!=", False),
                (f"{prefix}birthdate_date", ">", born_after),
            ]
            domain = ["|", *domain, *condition] if domain else condition
        return domain

    def _privacy_count_minors(self):
        """How many of these records concern a minor (one query, whatever their number)."""
        domain = self._privacy_minor_domain()
        if not domain or not self.ids:
            return 0
        # As superuser: the trail must see minors the reader's rules would hide from the count.
        return self.sudo().with_context(active_test=False).search_count([("id", "in", self.ids), *domain])

    def _privacy_log_access(self, event_type, description):
        if self.env.context.get("mentorship_privacy_no_trail"):
            return
        minors = self._privacy_count_minors()
        if minors:
            self.env["mentorship.privacy.event"]._log(
                event_type, self, description=description, minor_count=minors
            )

    @api.model
    def web_search_read(self, domain, specification, offset=0, limit=None, order=None, count_limit=None):
        # A list or a kanban reads its rows through web_read: a row is not a card.
        return super(
            MentorshipPrivacyTrailMixin, self.with_context(mentorship_privacy_list=True)
        ).web_search_read(
            domain, specification, offset=offset, limit=limit, order=order, count_limit=count_limit
        )

    def web_read(self, specification):
        result = super().web_read(specification)
        # A form opens one record: that is a card read.
        if (
            self._name in CARD_MODELS
            and len(self) == 1
            and not self.env.context.get("mentorship_privacy_list")
        ):
            self._privacy_log_access("read", self.env._("Personal card opened"))
        return result

    def export_data(self, fields_to_export):
        result = super().export_data(fields_to_export)
        self._privacy_log_access(
            "export",
            self.env._("Exported fields: %(fields)s", fields=", ".join(fields_to_export))[:250],
        )
        return result
