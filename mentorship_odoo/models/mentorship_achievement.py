from odoo import fields, models

ACHIEVEMENT_LEVELS = [
    ("international", "International"),
    ("national", "All-Russian"),
    ("interregional", "Interregional"),
    ("regional", "Regional"),
    ("city", "City / Municipal"),
]
ACHIEVEMENT_LEVEL_CODES = {
    "international": "М",
    "national": "В",
    "interregional": "МР",
    "regional": "Р",
    "city": "Г",
}


class MentorshipAchievement(models.Model):
    """An entry of a mentor's or mentee's portfolio: a contest, olympiad or conference result, as
    in seed 000's tables of achievements (levels М, В, МР, Р, Г)."""

    _name = "mentorship.achievement"
    _description = "Mentoring Achievement"
    _order = "date desc, id desc"
    _check_company_auto = True

    participant_id = fields.Many2one(
        "mentorship.participant", required=True, index=True, ondelete="cascade", check_company=True
    )
    programme_id = fields.Many2one(related="participant_id.programme_id", store=True, index=True)
    company_id = fields.Many2one(related="participant_id.company_id", store=True, index=True)
    role = fields.Selection(related="participant_id.role", store=True)
    name = fields.Char(string="Achievement", required=True, help="The contest, olympiad or conference.")
    level = fields.Selection(ACHIEVEMENT_LEVELS, required=True, default="regional")
    organiser = fields.Char(help="The organisation that held the event.")
    result = fields.Char(
        string="Document Received",
        help="E.g. «Диплом за II место», «Диплом лауреата», «Сертификат участника».",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    document = fields.Binary(attachment=True, copy=False)
    document_name = fields.Char(copy=False)
