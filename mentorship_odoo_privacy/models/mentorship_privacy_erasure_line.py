from odoo import api, fields, models

SUBJECT_KINDS = [
    ("student", "Student or Graduate"),
    ("external", "External Mentor"),
    ("representative", "Legal Representative"),
    ("employee", "Employee"),
]
# What is destroyed and what is kept, per kind of subject: the act prints them in Russian (the
# document's language, as the core's templates do); the form shows the translated lists.
DESTROYED = {
    "student": [
        "фамилия, имя, отчество (заменены обезличенным обозначением)",
        "дата рождения (обобщена до года)",
        "контактные данные: телефон, адрес электронной почты, адрес, фотография",
        "учебная группа",
        "запросы, сильные стороны, результаты диагностики, рефлексия и отзывы",
        "ответы на анкеты в свободной форме",
        "файлы: сканы согласий, документы портфолио",
        "сообщения и переписка о субъекте",
    ],
    "employee": [
        "запросы, сильные стороны, результаты диагностики, рефлексия и отзывы",
        "ответы на анкеты в свободной форме",
        "файлы: сканы согласий на обработку персональных данных и на публикацию, документы портфолио",
        "сообщения и переписка о субъекте в системе наставничества",
    ],
}
DESTROYED["external"] = DESTROYED["student"]
DESTROYED["representative"] = [
    "фамилия, имя, отчество (заменены обезличенным обозначением)",
    "контактные данные: телефон, адрес электронной почты, адрес",
    "сообщения и переписка о субъекте",
]
KEPT = {
    "student": [
        "обезличенные записи о парах, встречах, оценках анкет и достижениях — для статистики "
        "программы (показатели, мониторинг «до/после»)",
        "зарегистрированные приказы и соглашения — сроки хранения установлены законодательством об "
        "архивном деле (приказ Росархива от 20.12.2019 № 236)",
        "даты отсутствия — основание начислений наставнику (бухгалтерский учёт, ст. 29 402-ФЗ)",
    ],
    "employee": [
        "личная карточка и сведения о работнике, трудовой договор — кадровые документы (ТК РФ ст. 86–90, "
        "приказ Росархива № 236: 50/75 лет)",
        "письменное согласие на назначение наставником и дополнительное соглашение (ТК РФ ст. 351.8)",
        "начисления и выплаты за наставничество — бухгалтерский и налоговый учёт (402-ФЗ ст. 29; НК РФ "
        "ст. 23)",
        "зарегистрированные приказы — документы по личному составу",
        "обезличенные записи о парах, встречах и оценках анкет — для статистики программы",
    ],
}
KEPT["external"] = KEPT["student"]
KEPT["representative"] = ["зарегистрированные соглашения, подписанные законным представителем"]


class MentorshipPrivacyErasureLine(models.Model):
    """One person whose data a destruction covered. The person is named the way privacy_lookup's
    log names them (initials and asterisks) with the numbers of their records: the act
    identifies them (order No. 179 allows «other information») without keeping the name."""

    _name = "mentorship.privacy.erasure.line"
    _description = "Subject of a Destruction of Personal Data"
    _order = "erasure_id, id"

    erasure_id = fields.Many2one("mentorship.privacy.erasure", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="erasure_id.company_id", store=True)
    subject_label = fields.Char(string="Subject", required=True)
    subject_kind = fields.Selection(SUBJECT_KINDS, string="Kind", required=True)
    was_minor = fields.Boolean(string="Minor")
    reference = fields.Char(string="Records", help="The numbers of the anonymised records.")
    partner_id = fields.Many2one("res.partner", string="Anonymised Contact", context={"active_test": False})
    employee_id = fields.Many2one("hr.employee")
    destroyed_text = fields.Text(string="Data Destroyed", compute="_compute_texts")
    kept_text = fields.Text(string="Data Kept and Why", compute="_compute_texts")

    @api.depends("subject_kind")
    def _compute_texts(self):
        for line in self:
            line.destroyed_text = "\n".join(DESTROYED.get(line.subject_kind, []))
            line.kept_text = "\n".join(KEPT.get(line.subject_kind, []))

    def _get_categories_text(self):
        self.ensure_one()
        return "; ".join(DESTROYED.get(self.subject_kind, []))
