from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class MentorshipConsent(models.Model):
    """Withdrawal of a consent stops the processing it allowed: for personal data, the person's
    active pairs are flagged, a destruction deadline is set and the curator gets an activity; a
    withdrawn publication consent takes the person off the honour board (it reads valid consents).
    The consequences follow the state change, so they apply whether the consent is withdrawn in
    the back office (``action_withdraw``), on the portal or by import."""

    _name = "mentorship.consent"
    _inherit = ["mentorship.consent", "mail.activity.mixin", "mentorship.privacy.trail.mixin"]

    destruction_deadline = fields.Date(
        string="Destroy Data By",
        copy=False,
        tracking=True,
        help="152-FZ art. 21 part 5: the data are destroyed within this term after the withdrawal, "
        "unless another legal basis allows keeping them.",
    )
    privacy_erasure_id = fields.Many2one(
        "mentorship.privacy.erasure", string="Destroyed By", readonly=True, copy=False, index="btree_not_null"
    )
    destruction_overdue = fields.Boolean(
        compute="_compute_destruction_overdue", search="_search_destruction_overdue"
    )

    @api.depends("destruction_deadline", "privacy_erasure_id")
    def _compute_destruction_overdue(self):
        today = fields.Date.context_today(self)
        for consent in self:
            consent.destruction_overdue = bool(
                consent.destruction_deadline
                and not consent.privacy_erasure_id
                and consent.destruction_deadline < today
            )

    def _search_destruction_overdue(self, operator, value):
        domain = [
            ("destruction_deadline", "<", fields.Date.context_today(self)),
            ("privacy_erasure_id", "=", False),
        ]
        return domain if (operator == "=") == bool(value) else ["!", "&", *domain]

    @api.model_create_multi
    def create(self, vals_list):
        consents = super().create(vals_list)
        consents.filtered("date_withdrawn")._privacy_on_withdrawn()
        return consents

    def write(self, vals):
        newly = (
            self.filtered(lambda consent: not consent.date_withdrawn)
            if vals.get("date_withdrawn")
            else self.browse()
        )
        result = super().write(vals)
        if newly:
            newly._privacy_on_withdrawn()
        return result

    def _privacy_on_withdrawn(self):
        """Stop processing at once: the deadline, the flagged pairs and the curator's activity."""
        personal = self.filtered(lambda consent: consent.consent_type == "personal_data")
        for consent in personal.filtered(lambda c: not c.destruction_deadline):
            days = consent.company_id.mentorship_pd_destruction_days or 30
            consent.destruction_deadline = consent.date_withdrawn + relativedelta(days=days)
        Event = self.env["mentorship.privacy.event"]
        for consent in self:
            Event._log(
                "withdrawal",
                consent,
                description=self.env._(
                    "Consent withdrawn on %(date)s (%(type)s)",
                    date=consent.date_withdrawn.strftime("%d.%m.%Y"),
                    type=consent.consent_type,
                ),
                company=consent.company_id,
            )
        for consent in personal:
            participants = consent._privacy_participants()
            if not participants._privacy_get_stopped():
                continue  # another valid consent still allows the processing
            pairs = (participants.mentor_pair_ids | participants.mentee_pair_ids).filtered(
                lambda pair: pair.state == "active"
            )
            if pairs:
                pairs.sudo().write({"privacy_flag": True})
                for pair in pairs:
                    pair.sudo().message_post(
                        body=self.env._(
                            "A participant withdrew the consent to personal-data processing on %(date)s: "
                            "their data may no longer be processed in this pair. End the pair or take them "
                            "out of it, then destroy their data by %(deadline)s.",
                            date=consent.date_withdrawn.strftime("%d.%m.%Y"),
                            deadline=consent.destruction_deadline.strftime("%d.%m.%Y"),
                        )
                    )
            consent._privacy_schedule_destruction(participants)

    def _privacy_participants(self):
        """The programme entries of the consent's person."""
        self.ensure_one()
        domain = (
            [("employee_id", "=", self.employee_id.id)]
            if self.employee_id
            else [("partner_id", "=", self.partner_id.id)]
        )
        return self.env["mentorship.participant"].sudo().with_context(active_test=False).search(domain)

    def _privacy_schedule_destruction(self, participants):
        self.ensure_one()
        curators = participants.programme_id.curator_ids.filtered(
            lambda user: self.company_id in user.company_ids
        )
        # Withdrawn on the portal by the person, with no curator: the administrator gets it.
        user = curators[:1] or (self.env.ref("base.user_admin") if self.env.user.share else self.env.user)
        # As superuser: the person may withdraw on the portal, where they cannot write activities.
        self.sudo().activity_schedule(
            "mentorship_odoo_privacy.mail_activity_type_pd_destruction",
            date_deadline=self.destruction_deadline,
            user_id=user.id,
            note=self.env._(
                "The consent to personal-data processing was withdrawn: stop processing at once and "
                "destroy the data (Personal Data > Destroy) with an act by the deadline, unless another "
                "legal basis requires keeping them."
            ),
        )

    @api.model
    def _privacy_get_stopped_people(self, employees, partners):
        """{("employee"|"partner", id): date of withdrawal} of the people whose consent to
        personal-data processing is withdrawn and who have no valid one (one query)."""
        if not employees and not partners:
            return {}
        consents = self.sudo().search(
            [
                ("consent_type", "=", "personal_data"),
                "|",
                ("employee_id", "in", employees.ids),
                ("partner_id", "in", partners.ids),
            ],
            order="date, id",
        )
        withdrawn, valid = {}, set()
        for consent in consents:
            key = (
                ("employee", consent.employee_id.id)
                if consent.employee_id
                else ("partner", consent.partner_id.id)
            )
            if consent.date_withdrawn:
                withdrawn[key] = max(withdrawn.get(key, consent.date_withdrawn), consent.date_withdrawn)
            else:
                valid.add(key)
        return {key: day for key, day in withdrawn.items() if key not in valid}
