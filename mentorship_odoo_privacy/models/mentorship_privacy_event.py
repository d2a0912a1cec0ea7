from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

EVENT_TYPES = [
    ("read", "Personal Card Read"),
    ("export", "Export"),
    ("print", "Print"),
    ("withdrawal", "Consent Withdrawn"),
    ("erasure", "Destruction"),
]


class MentorshipPrivacyEvent(models.Model):
    """The event log of the personal-data information system: who read a minor's card, exported
    or printed minors' data, and every step of a withdrawal and a destruction. It names records by
    model and id only, never by a person's name, so that it survives the destruction it proves.
    Readable by managers only; kept for the company's log period (order No. 179: 3 years)."""

    _name = "mentorship.privacy.event"
    _description = "Personal-Data Event"
    _order = "date desc, id desc"
    _rec_name = "event_type"
    _log_access = False

    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True, index=True)
    user_id = fields.Many2one("res.users", required=True, readonly=True, default=lambda self: self.env.uid)
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True, default=lambda self: self.env.company
    )
    event_type = fields.Selection(EVENT_TYPES, string="Event", required=True, readonly=True, index=True)
    res_model = fields.Char(string="Model", readonly=True)
    res_ids = fields.Char(string="Record IDs", readonly=True)
    minor_count = fields.Integer(string="Minors", readonly=True)
    description = fields.Char(readonly=True)
    erasure_id = fields.Many2one(
        "mentorship.privacy.erasure",
        string="Destruction",
        readonly=True,
        index="btree_not_null",
        ondelete="cascade",
    )

    @api.model
    def _log(self, event_type, records=None, description="", minor_count=0, erasure=None, company=None):
        """Append an event (as superuser: the log is written for every user, read by managers)."""
        return self.sudo().create(
            {
                "event_type": event_type,
                "res_model": records._name if records is not None else False,
                "res_ids": ",".join(map(str, records.ids))[:1000] if records is not None else False,
                "minor_count": minor_count,
                "description": description,
                "erasure_id": erasure.id if erasure else False,
                "company_id": (company or self.env.company).id,
                "user_id": self.env.uid,
            }
        )

    @api.model
    def _purge_expired(self):
        """Delete the events older than each company's log period."""
        now = fields.Datetime.now()
        for (company,) in self.sudo()._read_group([], ["company_id"]):
            limit = now - relativedelta(years=company.mentorship_pd_log_years or 3)
            self.sudo().search([("company_id", "=", company.id), ("date", "<", limit)]).unlink()
