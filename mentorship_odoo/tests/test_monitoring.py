import base64
import io
import shutil
import subprocess
import tempfile
from datetime import date, datetime

from openpyxl import load_workbook

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form

from .monitoring_common import MonitoringCase

BASELINE = datetime(2025, 9, 20, 10, 0)
FINAL = datetime(2026, 5, 20, 10, 0)
# Motivation of nine participants before and after: changes 3, 1, 2, 0, 2, 3, 1, 3, -1.
MOTIVATION_BEFORE = [3, 4, 5, 4, 6, 2, 5, 3, 4]
MOTIVATION_AFTER = [6, 5, 7, 4, 8, 5, 6, 6, 3]


class TestBeforeAfter(MonitoringCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.students = [
            cls._participant("mentee", cls._student(f"Студент {index}", date(2008, 1, index + 1)))
            for index in range(5)
        ]
        cls.people = [cls.mentor, cls.mentor_2, cls.mentee, cls.mentee_2, *cls.students]
        motivation_b = cls._measure_question(cls.survey_baseline, "motivation")
        motivation_f = cls._measure_question(cls.survey_final, "motivation")
        cls.anxiety_b = cls._measure_question(cls.survey_baseline, "anxiety")
        cls.anxiety_f = cls._measure_question(cls.survey_final, "anxiety")
        for person, before, after in zip(cls.people, MOTIVATION_BEFORE, MOTIVATION_AFTER, strict=True):
            baseline = {motivation_b: before}
            final = {motivation_f: after}
            if person in (cls.mentee, cls.mentee_2):
                baseline[cls.anxiety_b] = 8 if person == cls.mentee else 7
                final[cls.anxiety_f] = 5 if person == cls.mentee else 4
            pair = cls.pair if person in (cls.mentor, cls.mentee) else False
            cls._answer(cls.survey_baseline, person, baseline, pair=pair, when=BASELINE)
            cls._answer(cls.survey_final, person, final, pair=pair, when=FINAL)
        # Only a baseline: not paired.
        late = cls._participant("mentee", cls._student("Опоздавший", date(2008, 5, 5)))
        cls._answer(cls.survey_baseline, late, {motivation_b: 2}, when=BASELINE)

    def _item(self, code, user=None, **period):
        programme = self.programme.with_user(user) if user else self.programme
        return next(item for item in programme._get_before_after(**period) if item["code"] == code)

    def test_per_item_summary_and_wilcoxon(self):
        item = self._item("motivation")
        self.assertEqual((item["n"], item["n_baseline"], item["n_final"]), (9, 10, 9))
        self.assertAlmostEqual(item["baseline_mean"], 4.0)
        self.assertAlmostEqual(item["final_mean"], 50 / 9)
        self.assertAlmostEqual(item["change_mean"], 14 / 9)
        self.assertEqual(item["change_median"], 2)
        self.assertEqual((item["improved"], item["worsened"], item["unchanged"]), (7, 1, 1))
        # Ranks of |changes| without the zero: W+ = 34, W- = 2; P(W- <= 2) = 4/256, two-sided 8/256.
        self.assertEqual((item["w_plus"], item["w_minus"]), (34.0, 2.0))
        self.assertAlmostEqual(item["p_value"], 0.03125)
        self.assertEqual(item["method"], "exact")
        self.assertTrue(item["significant"])
        self.assertEqual(item["direction"], "improved")
        self.assertEqual(item["item"], self._measure_question(self.survey_final, "motivation").title)

    def test_lower_is_better_and_small_samples(self):
        item = self._item("anxiety", user=self.user_psychologist)
        self.assertTrue(item["lower_is_better"])
        self.assertEqual(item["n"], 2)
        self.assertAlmostEqual(item["change_mean"], -3)
        self.assertEqual(item["improved"], 2)
        self.assertAlmostEqual(item["p_value"], 0.5)  # two pairs can never be significant
        self.assertEqual(item["direction"], "none")
        self.assertFalse(item["hidden"])
        # Aggregates of a confidential item over fewer than three people are hidden from others.
        self.assertTrue(self._item("anxiety", user=self.user_curator)["hidden"])

    def test_period(self):
        item = self._item("motivation", date_from=date(2026, 1, 1), date_to=date(2026, 8, 31))
        self.assertEqual((item["n"], item["n_baseline"], item["n_final"]), (0, 0, 9))
        self.assertIsNone(item["p_value"])
        self.assertFalse(item["significant"])

    def test_latest_answers_count(self):
        motivation_f = self._measure_question(self.survey_final, "motivation")
        self._answer(self.survey_final, self.mentor, {motivation_f: 10}, when=datetime(2026, 6, 1, 9))
        rows = self.env["mentorship.measure.result"].search(
            [("participant_id", "=", self.mentor.id), ("code", "=", "motivation")]
        )
        self.assertEqual((rows.baseline_value, rows.final_value, rows.change), (3, 10, 7))

    def test_results_view_access(self):
        Result = self.env["mentorship.measure.result"]
        everything = Result.search([])
        self.assertEqual(len(everything), 10 + 2)  # motivation of 10 people, anxiety of 2
        curator = Result.with_user(self.user_curator).search([])
        self.assertEqual(set(curator.mapped("code")), {"motivation"})
        self.assertEqual(len(curator), 10)
        self.assertEqual(len(Result.with_user(self.user_psychologist).search([])), 12)
        # The mentor sees themself and their mentee, without the mentee's confidential items.
        mentor_rows = Result.with_user(self.user_mentor).search([])
        self.assertEqual(mentor_rows.participant_id, self.mentor | self.mentee)
        self.assertEqual(set(mentor_rows.mapped("code")), {"motivation"})
        # The mentee sees their own, confidential ones included.
        mentee_rows = Result.with_user(self.user_mentee).search([])
        self.assertEqual(set(mentee_rows.mapped("code")), {"motivation", "anxiety"})
        self.assertEqual(mentee_rows.participant_id, self.mentee)
        self.assertFalse(Result.with_user(self.user_curator_b).search([]))
        with self.assertRaises(AccessError):
            Result.with_user(self.user_plain).search([])

    def test_dashboard(self):
        programme = self.programme.with_user(self.user_curator)
        self.assertIn("significant improvement", programme.dashboard_before_after_html)
        self.assertIn("Confidential: fewer than 3 answers", programme.dashboard_before_after_html)
        self.assertIn(self.form_tt.name, programme.dashboard_pairs_html)
        self.assertEqual(programme._get_pair_stats()["totals"]["draft"], 2)
        self.assertEqual(programme.mentee_count, 8)
        action = programme.action_open_dashboard()
        self.assertEqual(action["res_id"], self.programme.id)


class TestSwot(MonitoringCase):
    def test_propose_swot_items_from_quality_answers(self):
        questions = {
            q.mentorship_swot_quadrant: q
            for q in self.survey_quality.question_ids
            if q.mentorship_swot_quadrant
        }
        answer = self._answer(
            self.survey_quality,
            self.mentee,
            {
                questions["strength"]: "Опытные наставники",
                questions["weakness"]: "Мало времени на встречи",
                questions["opportunity"]: "Площадки предприятий-партнёров",
                questions["threat"]: "Нагрузка педагогов",
            },
        )
        self._answer(
            self.survey_quality, self.mentor, {questions["strength"]: "Поддержка администрации"}, done=False
        )
        programme = self.programme.with_user(self.user_curator)
        programme.action_import_swot()
        self.assertEqual(len(programme.swot_item_ids), 4)
        self.assertEqual(programme.swot_strength_ids.name, "Опытные наставники")
        self.assertEqual(programme.swot_threat_ids.source_line_ids.user_input_id, answer)
        programme.action_import_swot()
        self.assertEqual(len(programme.swot_item_ids), 4)
        self.assertEqual([len(statements) for _label, statements in programme._get_swot()], [1, 1, 1, 1])
        with self.assertRaises(AccessError):
            self.env["mentorship.swot.item"].with_user(self.user_mentor).search([])


class TestMonitoringReport(TestBeforeAfter):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("mentorship_odoo.kpi_children_mentees").target_ids = [
            (0, 0, {"year": 2026, "target_value": 40})
        ]
        cls._answer(cls.survey_satisfaction, cls.mentor, {cls.q_overall: 9}, when=FINAL)
        cls._answer(cls.survey_satisfaction, cls.mentee, {cls.q_overall: 5}, when=FINAL)
        cls.env["mentorship.swot.item"].create(
            {"programme_id": cls.programme.id, "quadrant": "strength", "name": "Опытные наставники"}
        )
        cls.env["mentorship.award"].create(
            {
                "nomination_id": cls.env.ref("mentorship_odoo.nomination_mentor_of_year").id,
                "programme_id": cls.programme.id,
                "recipient_type": "mentor",
                "mentor_id": cls.mentor.id,
                "year": 2026,
                "order_number": "45-к",
                "state": "awarded",
            }
        )
        cls.env["mentorship.achievement"].create(
            {
                "participant_id": cls.mentee.id,
                "name": "Областной конкурс «Молодой педагог»",
                "level": "regional",
                "organiser": "КРИПО",
                "result": "Диплом за II место",
                "date": date(2026, 4, 10),
            }
        )

    def _wizard(self):
        wizard_form = Form(
            self.env["mentorship.monitoring.report.wizard"]
            .with_user(self.user_curator)
            .with_context(default_programme_id=self.programme.id)
        )
        self.assertEqual(wizard_form.date_from, self.programme.date_start)
        wizard_form.take_snapshot = True
        return wizard_form.save()

    def test_workbook(self):
        wizard = self._wizard()
        action = wizard.action_export_xlsx()
        self.assertIn("/web/content/mentorship.monitoring.report.wizard/", action["url"])
        workbook = load_workbook(io.BytesIO(base64.b64decode(wizard.xlsx_file)))
        self.assertEqual(
            workbook.sheetnames,
            [
                "Summary",
                "Indicators",
                "Pairs",
                "Participants",
                "Meetings and Plans",
                "Questionnaires",
                "Satisfaction",
                "Before and After",
                "Before and After by Person",
                "SWOT",
                "Awards",
                "Achievements",
            ],
        )
        summary = {
            row[0]: row[1] for row in workbook["Summary"].iter_rows(values_only=True) if row and row[0]
        }
        self.assertEqual(summary["Institution"], "Колледж А")
        self.assertEqual(summary["Programme"], self.programme.name)
        self.assertEqual(summary["Mentees"], 8)
        indicators = list(workbook["Indicators"].iter_rows(values_only=True))
        self.assertEqual(indicators[0][:5], ("Indicator", "Unit", "Year", "Target", "Actual"))
        children = [
            row for row in indicators if row[0] == self.env.ref("mentorship_odoo.kpi_children_mentees").name
        ]
        self.assertEqual([(row[2], row[3]) for row in children], [(2026, 40)])
        before_after = {
            row[1]: row for row in workbook["Before and After"].iter_rows(min_row=2, values_only=True)
        }
        motivation = before_after["motivation"]
        self.assertEqual(motivation[2], 9)
        self.assertEqual((motivation[3], motivation[4]), (4.0, 5.56))
        self.assertAlmostEqual(motivation[12], 0.0312, places=4)
        self.assertEqual(motivation[13], "yes")
        self.assertEqual(motivation[14], "Wilcoxon signed-rank, exact")
        self.assertEqual(before_after["anxiety"][3], "hidden: fewer than 3 answers")
        # The curator's workbook has no individual confidential answers.
        codes = {
            row[2] for row in workbook["Before and After by Person"].iter_rows(min_row=2, values_only=True)
        }
        self.assertEqual(codes, {"motivation"})
        satisfaction = list(workbook["Satisfaction"].iter_rows(min_row=2, values_only=True))
        self.assertEqual([(row[1], row[4]) for row in satisfaction], [(1, 1), (1, 0)])
        self.assertEqual(
            list(workbook["Awards"].iter_rows(min_row=2, values_only=True)),
            [("Mentor of the Year", self.mentor.name, 2026, "45-к")],
        )
        achievement = next(workbook["Achievements"].iter_rows(min_row=2, values_only=True))
        self.assertEqual(achievement[3], "Р")
        self.assertEqual(
            next(workbook["SWOT"].iter_rows(min_row=2, values_only=True)), ("Strengths", "Опытные наставники")
        )
        pairs = list(workbook["Pairs"].iter_rows(values_only=True))
        self.assertEqual(pairs[1][0], self.form_tt.name)
        self.assertEqual(pairs[-1][0], "Total")
        # Computing the indicators before the report stored a snapshot.
        self.assertEqual(len(self.programme.kpi_value_ids), 6)

    def test_workbook_for_a_psychologist_has_confidential_rows(self):
        report = self.env["report.mentorship_odoo.report_monitoring"].with_user(self.user_psychologist)
        data = report._collect(self.programme, date(2025, 9, 1), date(2026, 8, 31))
        self.assertEqual({row["code"] for row in data["before_after_rows"]}, {"motivation", "anxiety"})

    def test_period_must_be_valid(self):
        wizard = self._wizard()
        wizard.date_to = date(2025, 1, 1)
        with self.assertRaises(UserError):
            wizard.action_export_xlsx()

    def test_pdf_final_analytical_report(self):
        if not shutil.which("pdftotext"):
            self.skipTest("pdftotext (poppler-utils) is not installed")
        wizard = self._wizard()
        action = wizard.action_print_pdf()
        self.assertEqual(action["report_name"], "mentorship_odoo.report_monitoring")
        pdf, content_type = (
            self.env["ir.actions.report"]
            .with_user(self.user_curator)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "mentorship_odoo.action_report_monitoring", self.programme.ids, data=action["data"]
            )
        )
        self.assertEqual(content_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
            handle.write(pdf)
            handle.flush()
            text = subprocess.run(
                ["pdftotext", "-layout", handle.name, "-"], capture_output=True, text=True, check=True
            ).stdout
        text = " ".join(text.split())
        for expected in (
            "Колледж А",
            "Final Analytical Report",
            self.programme.name,
            "Target indicators",
            "Wilcoxon signed-rank test",
            "Significant improvement",
            "Опытные наставники",
            "Mentor of the Year",
            self.mentor.name,
            "Regional: 1",
            "Conclusions",
        ):
            self.assertIn(expected, text)
        self.assertIn("0.0312", text)

    def test_collect_requires_access_to_the_programme(self):
        report = self.env["report.mentorship_odoo.report_monitoring"].with_user(self.user_curator_b)
        with self.assertRaises(AccessError):
            report._collect(
                self.programme.with_user(self.user_curator_b), date(2025, 9, 1), date(2026, 8, 31)
            )


class TestMonitoringViews(MonitoringCase):
    """The screens open for the users they are meant for (views load and their fields are readable)."""

    def test_dashboard_opens_for_curators(self):
        self.programme._snapshot_kpis(date(2025, 12, 1))
        dashboard = Form(
            self.programme.with_user(self.user_curator),
            view="mentorship_odoo.mentorship_programme_view_form_dashboard",
        )
        self.assertEqual(len(dashboard.latest_kpi_value_ids), 6)
        self.assertIn("Total", dashboard.dashboard_pairs_html)

    def test_programme_form_for_every_staff_role(self):
        for user in (self.user_curator, self.user_psychologist, self.user_payroll, self.user_manager):
            Form(self.programme.with_user(user))

    def test_pair_form_for_its_mentor(self):
        self._answer(self.survey_satisfaction, self.mentee, {self.q_overall: 8}, pair=self.pair)
        pair_form = Form(self.pair.with_user(self.user_mentor))
        self.assertEqual(len(pair_form.survey_answer_ids), 1)

    def test_participant_form(self):
        Form(self.mentee.with_user(self.user_mentee))
        Form(self.mentee.with_user(self.user_curator))

    def test_meetings_counted_when_the_meetings_part_is_installed(self):
        if "mentorship.meeting" not in self.env:
            self.skipTest("mentorship.meeting is not in this database")
        self._consent("appointment", self.teacher_senior)
        self.pair.action_activate()
        Meeting = self.env["mentorship.meeting"]
        held = Meeting.create({"pair_id": self.pair.id, "start": datetime(2025, 10, 6, 15, 0)})
        held.state = "held"
        Meeting.create({"pair_id": self.pair.id, "start": datetime(2025, 10, 13, 15, 0)})
        stats = self.programme._get_meeting_stats(date(2025, 9, 1), date(2026, 8, 31))
        self.assertEqual((stats["held"], stats["planned"], stats["total"]), (1, 1, 2))
        self.assertIn("Meetings held", self.programme.dashboard_activity_html)

    def test_wizards_open(self):
        Form(
            self.env["mentorship.survey.send.wizard"]
            .with_user(self.user_psychologist)
            .with_context(default_programme_id=self.programme.id)
        )
        action = self.programme.with_user(self.user_curator).action_open_monitoring_report()
        Form(self.env[action["res_model"]].with_user(self.user_curator).with_context(**action["context"]))
