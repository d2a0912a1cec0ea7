from contextlib import contextmanager
from datetime import date

from odoo import Command
from odoo.tests import TransactionCase, new_test_user


class MentorshipCase(TransactionCase):
    """Two companies, a user per role, teachers, students and a running programme.

    Nothing here relies on demo data: the test database is installed without it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, mail_notrack=True))
        cls.company = cls.env["res.company"].create({"name": "Колледж А"})
        cls.company_b = cls.env["res.company"].create({"name": "Колледж Б"})
        companies = [Command.set([cls.company.id, cls.company_b.id])]

        def user(login, groups, company=cls.company):
            return new_test_user(
                cls.env,
                login=login,
                groups=groups,
                company_id=company.id,
                company_ids=[Command.set([company.id])],
            )

        cls.user_curator = user("t_curator", "mentorship_odoo.group_mentorship_curator")
        cls.user_curator_b = user("t_curator_b", "mentorship_odoo.group_mentorship_curator", cls.company_b)
        cls.user_manager = user("t_manager", "mentorship_odoo.group_mentorship_manager")
        cls.user_manager.company_ids = companies
        cls.user_mentor = user("t_mentor", "mentorship_odoo.group_mentorship_mentor")
        cls.user_mentor_2 = user("t_mentor2", "mentorship_odoo.group_mentorship_mentor")
        cls.user_mentee = user("t_mentee", "mentorship_odoo.group_mentorship_mentor")
        cls.user_payroll = user("t_payroll", "mentorship_odoo.group_mentorship_payroll")
        cls.user_psychologist = user("t_psy", "mentorship_odoo.group_mentorship_psychologist")
        cls.user_plain = user("t_plain", "base.group_user")

        cls.form_tt = cls.env.ref("mentorship_odoo.form_teacher_teacher")
        cls.form_ss = cls.env.ref("mentorship_odoo.form_student_student")
        cls.form_ts = cls.env.ref("mentorship_odoo.form_teacher_student")
        cls.form_es = cls.env.ref("mentorship_odoo.form_employer_student")
        cls.kind_individual = cls.env.ref("mentorship_odoo.kind_individual")
        cls.kind_group = cls.env.ref("mentorship_odoo.kind_group")

        Employee = cls.env["hr.employee"].with_company(cls.company)
        cls.teacher_senior = Employee.create(
            {
                "name": "Скоробогатов Андрей Викторович",
                "company_id": cls.company.id,
                "teaching_start_date": date(2005, 9, 1),
                "qualification_category": "highest",
                "user_id": cls.user_mentor.id,
            }
        )
        cls.teacher_senior_2 = Employee.create(
            {
                "name": "Иванова Мария Петровна",
                "company_id": cls.company.id,
                "teaching_start_date": date(2010, 9, 1),
                "qualification_category": "first",
                "user_id": cls.user_mentor_2.id,
            }
        )
        cls.teacher_young = Employee.create(
            {
                "name": "Петров Илья Сергеевич",
                "company_id": cls.company.id,
                "teaching_start_date": date(2024, 9, 1),
                "user_id": cls.user_mentee.id,
            }
        )
        cls.teacher_young_2 = Employee.create(
            {
                "name": "Смирнова Ольга Игоревна",
                "company_id": cls.company.id,
                "teaching_start_date": date(2025, 9, 1),
            }
        )
        cls.teacher_old = Employee.create(
            {
                "name": "Кузнецов Олег Иванович",
                "company_id": cls.company.id,
                "teaching_start_date": date(2015, 9, 1),
            }
        )

        Partner = cls.env["res.partner"]
        cls.parent = Partner.create({"name": "Соколова Елена Андреевна"})
        cls.student_minor = Partner.create(
            {
                "name": "Соколов Кирилл Дмитриевич",
                "is_student": True,
                "birthdate_date": date(2009, 3, 15),
                "study_group": "ТМ-25",
                "study_year": 1,
                "legal_representative_ids": [Command.set(cls.parent.ids)],
            }
        )
        cls.student_adult = Partner.create(
            {
                "name": "Морозов Денис Алексеевич",
                "is_student": True,
                "birthdate_date": date(2005, 1, 10),
                "study_group": "ТМ-22",
                "study_year": 4,
            }
        )
        cls.employer = Partner.create({"name": "ООО «Кузбассуголь»", "is_company": True})
        cls.external_mentor = Partner.create(
            {"name": "Фёдоров Павел Николаевич", "is_external_mentor": True, "parent_id": cls.employer.id}
        )

        cls.programme = cls.env["mentorship.programme"].create(
            {
                "name": "Программа наставничества 2025–2026",
                "company_id": cls.company.id,
                "date_start": date(2025, 9, 1),
                "date_end": date(2026, 8, 31),
                "curator_ids": [Command.set(cls.user_curator.ids)],
                "form_ids": [Command.set((cls.form_tt | cls.form_ss | cls.form_ts | cls.form_es).ids)],
                "order_number": "15-н",
                "order_date": date(2025, 8, 29),
            }
        )
        cls.programme.action_approve()
        cls.programme.action_start()

    @contextmanager
    def assertRaisesText(self, exception, regex):
        """``assertRaisesRegex`` that, like Odoo's ``assertRaises``, rolls back to a savepoint."""
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertRegex(str(catcher.exception), regex)

    @classmethod
    def _participant(cls, role, person, form=None, approve=True, programme=None):
        vals = {"programme_id": (programme or cls.programme).id, "role": role}
        if person._name == "hr.employee":
            vals["employee_id"] = person.id
        else:
            vals["partner_id"] = person.id
        if form:
            vals["form_id"] = form.id
        participant = cls.env["mentorship.participant"].create(vals)
        if approve:
            participant.action_approve()
        return participant

    @classmethod
    def _consent(cls, consent_type, person, **vals):
        key = "employee_id" if person._name == "hr.employee" else "partner_id"
        return cls.env["mentorship.consent"].create(
            {
                "consent_type": consent_type,
                key: person.id,
                "date": date(2025, 8, 20),
                "company_id": cls.company.id,
                **vals,
            }
        )

    @classmethod
    def _pair(cls, mentor, mentees, form, **vals):
        return cls.env["mentorship.pair"].create(
            {
                "programme_id": cls.programme.id,
                "form_id": form.id,
                "mentor_id": mentor.id,
                "mentee_ids": [Command.set(mentees.ids)],
                "date_start": date(2025, 10, 1),
                "date_end": date(2026, 5, 31),
                **vals,
            }
        )
