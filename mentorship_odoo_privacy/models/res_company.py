from odoo import fields, models


class ResCompany(models.Model):
    """Retention periods of personal data, per purpose (152-FZ art. 5 part 7, art. 21)."""

    _inherit = "res.company"

    mentorship_pd_destruction_days = fields.Integer(
        string="Destroy After Withdrawal (days)",
        default=30,
        help="Days from the withdrawal of a consent to personal-data processing to the deadline for "
        "destroying the data (152-FZ art. 21 part 5: at most 30 days).",
    )
    mentorship_pd_closed_programme_years = fields.Integer(
        string="Keep After the Programme Ends (years)",
        default=3,
        help="Participants' data of a closed programme are due for destruction this many years after "
        "the programme's end.",
    )
    mentorship_pd_rejected_years = fields.Integer(
        string="Keep Rejected Candidates (years)",
        default=1,
        help="Data of candidates who were rejected and never paired are due for destruction this many "
        "years after their last change.",
    )
    mentorship_pd_log_years = fields.Integer(
        string="Keep the Event Log (years)",
        default=3,
        help="The access trail and the log of destruction are kept this long (Roskomnadzor order "
        "No. 179: 3 years), then purged by the daily job.",
    )
