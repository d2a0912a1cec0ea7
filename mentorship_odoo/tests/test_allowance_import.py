import base64
import io
from datetime import date, datetime

from openpyxl import Workbook, load_workbook

from odoo.exceptions import UserError, ValidationError

from .common import MentorshipCase

HEADER = ["Студент", "Группа", "С", "По", "Причина"]


def xlsx(rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return base64.b64encode(buffer.getvalue())


class TestAbsenceImport(MentorshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.twin_a = Partner.create(
            {"name": "Новиков Егор Андреевич", "is_student": True, "study_group": "ТМ-23"}
        )
        cls.twin_b = Partner.create(
            {"name": "Новиков Егор Андреевич", "is_student": True, "study_group": "ЭЛ-24"}
        )
        cls.Absence = cls.env["mentorship.absence"]

    def _import(self, data, user=None):
        wizard = (
            self.env["mentorship.absence.import.wizard"]
            .with_user(user or self.user_curator)
            .create({"file": data, "file_name": "absences.xlsx"})
        )
        wizard.action_import()
        return wizard

    def test_good_file(self):
        wizard = self._import(
            xlsx(
                [
                    ["Морозов Денис Алексеевич", None, datetime(2025, 10, 6), datetime(2025, 10, 10), "ОРВИ"],
                    [None, None, None, None, None],  # blank rows are skipped
                    [
                        "  новиков  егор андреевич ",
                        "ТМ-23",
                        "13.10.2025",
                        "2025-10-14",
                        "Семейные обстоятельства",
                    ],
                    [
                        "Соколов Кирилл Дмитриевич",
                        "ТМ-25",
                        date(2025, 10, 6),
                        date(2025, 10, 6),
                        "Соревнования",
                    ],
                ]
            )
        )
        self.assertEqual(wizard.state, "done", wizard.result)
        absences = wizard.absence_ids
        self.assertEqual(len(absences), 3)
        self.assertEqual(set(absences.mapped("source")), {"import"})
        self.assertEqual(set(absences.mapped("company_id")), {self.company})
        twin = absences.filtered(lambda a: a.partner_id == self.twin_a)
        self.assertEqual(
            (twin.date_from, twin.date_to, twin.day_count), (date(2025, 10, 13), date(2025, 10, 14), 2)
        )
        self.assertIn("3 absences imported", wizard.result)

    def test_bad_file_writes_nothing_and_names_every_row(self):
        before = self.Absence.search_count([])
        wizard = self._import(
            xlsx(
                [
                    ["Морозов Денис Алексеевич", None, "06.10.2025", "10.10.2025", "ОРВИ"],  # row 2: good
                    ["Неизвестный Студент", None, "06.10.2025", "07.10.2025", "ОРВИ"],  # row 3
                    ["Морозов Денис Алексеевич", None, "31.02.2025", "", "ОРВИ"],  # row 4
                    ["Морозов Денис Алексеевич", None, "20.10.2025", "15.10.2025", " "],  # row 5
                    ["Новиков Егор Андреевич", None, "06.10.2025", "07.10.2025", "ОРВИ"],  # row 6
                    [
                        "Морозов Денис Алексеевич",
                        None,
                        "09.10.2025",
                        "12.10.2025",
                        "ОРВИ",
                    ],  # row 7: overlaps row 2
                ]
            )
        )
        self.assertEqual(wizard.state, "error")
        self.assertEqual(self.Absence.search_count([]), before, "nothing is written")
        result = wizard.result
        self.assertIn("Nothing was imported", result)
        self.assertNotIn("Row 2:", result)
        self.assertIn("Row 3: no student «Неизвестный Студент»", result)
        self.assertIn("Row 4: “From” (31.02.2025) is not a date: use DD.MM.YYYY.", result)
        self.assertIn("Row 4: “To” is empty.", result)
        self.assertIn("Row 5: “To” is before “From”.", result)
        self.assertIn("Row 5: the reason is empty.", result)
        self.assertIn("Row 6: several students are called «Новиков Егор Андреевич»", result)
        self.assertIn(
            "Row 7: Морозов Денис Алексеевич already has an absence from 06.10.2025 to 10.10.2025", result
        )

    def test_overlap_with_recorded_absence(self):
        self.Absence.create(
            {
                "partner_id": self.student_adult.id,
                "date_from": date(2025, 10, 1),
                "date_to": date(2025, 10, 3),
                "reason": "ОРВИ",
                "company_id": self.company.id,
            }
        )
        wizard = self._import(xlsx([["Морозов Денис Алексеевич", None, "03.10.2025", "04.10.2025", "ОРВИ"]]))
        self.assertEqual(wizard.state, "error")
        self.assertIn(
            "Row 2: Морозов Денис Алексеевич already has an absence from 01.10.2025 to 03.10.2025",
            wizard.result,
        )

    def test_not_an_xlsx(self):
        with self.assertRaisesRegex(UserError, "not an Excel workbook"):
            self._import(base64.b64encode(b"name;from;to\nx;y;z\n"))

    def test_empty_file(self):
        with self.assertRaisesRegex(UserError, "no rows"):
            self._import(xlsx([]))

    def test_payroll_officer_may_import_and_template(self):
        wizard = self._import(
            xlsx([["Морозов Денис Алексеевич", None, "06.10.2025", "06.10.2025", "ОРВИ"]]), self.user_payroll
        )
        self.assertEqual(wizard.state, "done")
        action = wizard.action_download_template()
        attachment_id = int(action["url"].split("/web/content/")[1].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        sheet = load_workbook(io.BytesIO(base64.b64decode(attachment.datas)), read_only=True).active
        header = next(sheet.iter_rows(values_only=True))
        self.assertEqual(list(header), ["Student", "Study Group", "From", "To", "Reason"])

    def test_manual_absence_checks(self):
        with self.assertRaisesRegex(ValidationError, "ends before it starts"), self.cr.savepoint():
            self.Absence.create(
                {
                    "partner_id": self.student_adult.id,
                    "date_from": date(2025, 10, 5),
                    "date_to": date(2025, 10, 1),
                    "reason": "ОРВИ",
                    "company_id": self.company.id,
                }
            )
