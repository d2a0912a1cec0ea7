from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase
from odoo.tools import mute_logger

SEED_FORMS = {
    # code: (mentor type, mentee type), domain.md §2
    "student_student": ("student", "student"),
    "student_pupil": ("student", "student"),
    "teacher_teacher": ("employee", "employee"),
    "teacher_student": ("employee", "student"),
    "employer_student": ("external", "student"),
    "director_teacher": ("employee", "employee"),
    "university_teacher_young_teacher": ("external", "employee"),
    "social_partner_teacher": ("external", "employee"),
    "employer_pedagogical_student": ("external", "student"),
}
SEED_KINDS = {
    "individual",
    "group",
    "reverse",
    "speed",
    "virtual",
    "situational",
    "goal_setting",
    "traditional",
}


class TestCatalogues(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Form = cls.env["mentorship.form"]
        cls.forms = cls.Form.search([("code", "in", list(SEED_FORMS)), ("company_id", "=", False)])
        cls.form_tt = cls.env.ref("mentorship_odoo.form_teacher_teacher")
        cls.form_ss = cls.env.ref("mentorship_odoo.form_student_student")

    def test_every_seed_form_is_present_with_its_people(self):
        self.assertEqual(set(self.forms.mapped("code")), set(SEED_FORMS))
        for form in self.forms:
            with self.subTest(form=form.code):
                self.assertEqual((form.mentor_type, form.mentee_type), SEED_FORMS[form.code])
                self.assertTrue(form.active)
                self.assertTrue(form.kind_ids, "every form offers at least one kind")
                self.assertGreater(form.duration_max_months, form.duration_min_months)

    def test_seed_forms_have_external_ids(self):
        for code in SEED_FORMS:
            with self.subTest(code=code):
                form = self.env.ref(f"mentorship_odoo.form_{code}")
                self.assertEqual(form.code, code)

    def test_teacher_teacher_rules(self):
        """Young specialists with 0–3 years of experience, 3 to 12 months, allowance (seed 004)."""
        form = self.form_tt
        self.assertEqual((form.mentee_experience_min, form.mentee_experience_max), (0, 3))
        self.assertEqual((form.duration_min_months, form.duration_max_months), (3, 12))
        self.assertTrue(form.allowance_applicable)
        self.assertGreaterEqual(form.capacity, 1)
        self.assertIn(self.env.ref("mentorship_odoo.kind_reverse"), form.kind_ids)

    def test_student_student_rules(self):
        """Mentees in years 1–2; mentors in years 3–4 or graduates (seed 000 §2.1)."""
        form = self.form_ss
        self.assertEqual((form.mentee_study_year_min, form.mentee_study_year_max), (1, 2))
        self.assertEqual((form.mentor_study_year_min, form.mentor_study_year_max), (3, 4))
        self.assertTrue(form.mentor_graduates_allowed)
        self.assertFalse(form.allowance_applicable)

    def test_eight_kinds_and_only_group_is_group(self):
        kinds = self.env["mentorship.kind"].search([("company_id", "=", False)])
        self.assertEqual(set(kinds.mapped("code")), SEED_KINDS)
        self.assertEqual(kinds.filtered("is_group").mapped("code"), ["group"])

    def test_role_models_per_form(self):
        for form in self.forms:
            with self.subTest(form=form.code):
                self.assertTrue(form.role_model_ids, "every seeded form has a role model")
        self.assertEqual(
            self.form_ss.role_model_ids.mapped("name"),
            ["High Achiever – Struggling Student", "Leader – Passive Student", "Peer to Peer"],
        )
        self.assertEqual(len(self.form_tt.role_model_ids), 4)
        self.assertTrue(any("Reverse" in name for name in self.form_tt.role_model_ids.mapped("name")))

    def test_role_model_follows_form_company_and_deletion(self):
        form = self.Form.create(
            {"name": "Родитель – ученик", "code": "parent_pupil", "company_id": self.env.company.id}
        )
        role_model = self.env["mentorship.role.model"].create(
            {"name": "Родитель – ребёнок", "form_id": form.id}
        )
        self.assertEqual(role_model.company_id, self.env.company)
        form.unlink()
        self.assertFalse(role_model.exists())

    def test_new_form_defaults(self):
        form = self.Form.create({"name": "Ученик – ученик", "code": "pupil_pupil"})
        self.assertEqual((form.duration_min_months, form.duration_max_months), (3, 12))
        self.assertEqual(form.capacity, 1)
        self.assertEqual((form.mentor_type, form.mentee_type), ("employee", "employee"))

    def test_wrong_ranges_are_refused(self):
        for field_low, field_high in (
            ("mentee_experience_min", "mentee_experience_max"),
            ("mentee_study_year_min", "mentee_study_year_max"),
            ("mentor_study_year_min", "mentor_study_year_max"),
        ):
            with self.subTest(field=field_low), self.assertRaises(ValidationError):
                self.form_ss.write({field_low: 3, field_high: 2})
        with self.assertRaises(ValidationError):
            self.form_tt.mentee_experience_min = -1

    def test_open_upper_bound_is_allowed(self):
        """A maximum of 0 means "no upper limit", so 5 – 0 is a valid range."""
        self.form_tt.write({"mentee_experience_min": 5, "mentee_experience_max": 0})
        self.assertEqual(self.form_tt.mentee_experience_min, 5)

    @mute_logger("odoo.sql_db")
    def test_duration_bounds_are_checked(self):
        with self.assertRaises(IntegrityError):
            self.form_tt.write({"duration_min_months": 12, "duration_max_months": 3})
            self.form_tt.flush_recordset()
        with self.assertRaises(IntegrityError):
            self.form_tt.write({"duration_min_months": -1})
            self.form_tt.flush_recordset()

    def test_duration_without_upper_bound(self):
        self.form_tt.write({"duration_min_months": 6, "duration_max_months": 0})
        self.form_tt.flush_recordset()
        self.assertEqual(self.form_tt.duration_max_months, 0)

    @mute_logger("odoo.sql_db")
    def test_capacity_cannot_be_negative(self):
        with self.assertRaises(IntegrityError):
            self.form_tt.write({"capacity": -1})
            self.form_tt.flush_recordset()

    @mute_logger("odoo.sql_db")
    def test_codes_are_unique_per_company(self):
        vals = {"name": "Педагог – педагог", "code": "teacher_teacher", "company_id": self.env.company.id}
        self.Form.create(vals)
        with self.assertRaises(IntegrityError):
            self.Form.create(vals)
        kind_vals = {"name": "Групповая", "code": "group", "company_id": self.env.company.id}
        self.env["mentorship.kind"].create(kind_vals)
        with self.assertRaises(IntegrityError):
            self.env["mentorship.kind"].create(kind_vals)
