from datetime import datetime

from odoo.tests import new_test_user

from odoo.addons.mentorship_odoo.tests.common_documents import DocumentCase


class PrivacyCase(DocumentCase):
    """The documents' college (a teacher pair, a student pair with a minor mentee and her mother),
    questionnaires and a privacy manager; the clock is DocumentCase's (15.01.2026)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_mentor_b = new_test_user(
            cls.env,
            login="t_mentor_b",
            groups="mentorship_odoo.group_mentorship_mentor",
            company_id=cls.company.id,
        )
        # Exports need Odoo's export right (and are logged when they hold minors' data).
        cls.user_curator.groups_id |= cls.env.ref("base.group_allow_export")
        cls.survey_baseline = cls.env.ref("mentorship_odoo.survey_baseline")
        cls.survey_final = cls.env.ref("mentorship_odoo.survey_final")
        cls.survey_satisfaction = cls.env.ref("mentorship_odoo.survey_satisfaction")
        cls.consent_pd_minor = cls.env["mentorship.consent"].search(
            [("partner_id", "=", cls.student_minor.id), ("consent_type", "=", "personal_data")]
        )
        cls.student_minor.write({"email": "kirill.sokolov@example.com", "phone": "+7 900 111-22-33"})

    @classmethod
    def _answer(cls, survey, participant, values, pair=None, when=None):
        answer = survey._create_answer(
            partner=participant._get_survey_partner(),
            check_attempts=False,
            mentorship_programme_id=participant.programme_id.id,
            mentorship_participant_id=participant.id,
            mentorship_pair_id=pair.id if pair else False,
        )
        for question, value in values.items():
            answer._save_lines(question, str(value))
        answer._mark_done()
        answer.end_datetime = when or datetime(2026, 1, 10, 10, 0)
        return answer

    def events(self, event_type, records=None):
        domain = [("event_type", "=", event_type)]
        if records is not None:
            domain += [("res_model", "=", records._name)]
        return self.env["mentorship.privacy.event"].sudo().search(domain)
