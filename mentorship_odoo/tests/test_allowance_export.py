import base64
import csv
import io
from datetime import date, datetime

from openpyxl import load_workbook

from odoo import Command
from odoo.exceptions import UserError

from .allowance_common import AUG, NOV, OCT, AllowanceCase

HEADER = ["Personnel No.", "Full Name", "Earning Code", "Period", "Days", "Amount"]


class TestAllowanceExport(AllowanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pair_2 = cls._active_pair(cls.mentor_2, cls.mentee_2)
        cls._leave(cls.teacher_young, date(2026, 8, 3), date(2026, 8, 14))
        cls.Export = cls.env["mentorship.allowance.export"].with_user(cls.user_payroll)

    def _confirmed(self, month=AUG):
        accruals = self.generate(month)
        accruals.action_confirm()
        return accruals

    def _export(self, month=AUG, **vals):
        export = self.Export.create({"month": month, **vals})
        export.action_export()
        return export

    def _file(self, export):
        return base64.b64decode(export.attachment_id.datas)

    def test_xlsx_read_back(self):
        accruals = self._confirmed()
        export = self._export(date(2026, 8, 17), file_format="xlsx")
        self.assertEqual(export.month, AUG)
        self.assertEqual(export.state, "done")
        self.assertEqual(export.allowance_ids, accruals)
        self.assertEqual(export.attachment_id.res_model, "mentorship.allowance.export")
        self.assertEqual(export.attachment_id.res_id, export.id)
        self.assertTrue(export.attachment_id.name.endswith(".xlsx"))
        self.assertEqual(set(accruals.mapped("state")), {"exported"})
        sheet = load_workbook(io.BytesIO(self._file(export)), read_only=True).active
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        self.assertEqual(rows[0], HEADER)
        self.assertEqual(
            rows[1:],
            [
                ["002", "Иванова Мария Петровна", "MENTOR", datetime(2026, 8, 1), 21, 6000.0],
                ["001", "Скоробогатов Андрей Викторович", "MENTOR", datetime(2026, 8, 1), 11, 3142.86],
            ],
        )
        self.assertEqual(export.row_count, 2)

    def _read_csv(self, export, encoding):
        text = self._file(export).decode(encoding)
        return list(csv.reader(io.StringIO(text), delimiter=";"))

    def test_csv_utf8_read_back(self):
        self._confirmed()
        export = self._export(file_format="csv", encoding="utf-8")
        rows = self._read_csv(export, "utf-8")
        self.assertEqual(rows[0], HEADER)
        self.assertEqual(rows[1], ["002", "Иванова Мария Петровна", "MENTOR", "08.2026", "21", "6000,00"])
        self.assertEqual(
            rows[2], ["001", "Скоробогатов Андрей Викторович", "MENTOR", "08.2026", "11", "3142,86"]
        )

    def test_csv_windows_1251_read_back(self):
        self._confirmed()
        export = self._export(file_format="csv", encoding="cp1251")
        data = self._file(export)
        with self.assertRaises(UnicodeDecodeError):
            data.decode("utf-8")
        rows = self._read_csv(export, "cp1251")
        self.assertEqual(rows[2][1], "Скоробогатов Андрей Викторович")
        self.assertEqual(rows[2][5], "3142,86")

    def test_windows_1251_cannot_encode_everything(self):
        self.teacher_senior.name = "Скоробогатов Андрей 🙂"
        self._confirmed()
        with self.assertRaisesRegex(UserError, "UTF-8"):
            self._export(file_format="csv", encoding="cp1251")

    def test_adjustment_rows_name_their_period(self):
        self._confirmed(OCT)
        self._leave(self.teacher_young, date(2025, 10, 20), date(2025, 10, 24))
        self._confirmed(NOV)
        rows = self._read_csv(self._export(NOV, file_format="csv", encoding="utf-8"), "utf-8")
        self.assertIn(["001", "Скоробогатов Андрей Викторович", "MENTOR", "10.2025", "-5", "-1304,35"], rows)
        self.assertIn(["001", "Скоробогатов Андрей Викторович", "MENTOR", "11.2025", "20", "6000,00"], rows)

    def test_exported_accruals_are_locked_and_reexport_is_marked(self):
        accruals = self._confirmed()
        export = self._export()
        self.assertFalse(export.is_reexport)
        accrual = accruals[0]
        with self.assertRaisesRegex(UserError, "locked"):
            accrual._cancel("Ошибка")
        with self.assertRaisesRegex(UserError, "cannot change"):
            accrual.sudo().write({"department_id": False})
        with self.assertRaisesRegex(UserError, "re-export"):
            export.write({"file_format": "csv"})
        self.assertFalse(self.generate(AUG), "exported accruals are not regenerated")
        # A new export of the month finds nothing confirmed left.
        with self.assertRaisesRegex(UserError, "no confirmed accruals"):
            self._export()
        action = export.action_reexport()
        again = self.Export.browse(action["res_id"])
        self.assertTrue(again.is_reexport)
        self.assertEqual(again.reexport_of_id, export)
        self.assertEqual(again.allowance_ids, accruals)
        self.assertIn("reexport", again.attachment_id.name)
        self.assertIn("re-export", again.name)
        self.assertNotEqual(again.attachment_id, export.attachment_id)
        self.assertTrue(export.attachment_id.exists())
        self.assertEqual(accrual.export_ids, export | again)

    def test_finished_export_cannot_change(self):
        """action_export finishes a draft through the write guard; afterwards neither a write (even
        as superuser) nor another action_export changes the export."""
        self._confirmed()
        draft = self.Export.create({"month": AUG})
        with self.assertRaisesRegex(UserError, "finished by exporting it"):
            draft.write({"state": "done"})
        draft.action_export()
        self.assertEqual(draft.state, "done")
        attachment, exported_on = draft.attachment_id, draft.exported_on
        for vals in (
            {"state": "draft"},
            {"month": OCT},
            {"attachment_id": False},
            {"row_count": 0},
            {"allowance_ids": [Command.clear()]},
        ):
            with (
                self.subTest(vals=vals),
                self.assertRaisesRegex(UserError, "A finished export cannot change"),
            ):
                draft.sudo().write(vals)
        with self.assertRaisesRegex(UserError, "This export is finished: make a re-export instead"):
            draft.action_export()
        draft.invalidate_recordset()
        self.assertEqual(draft.state, "done")
        self.assertEqual(draft.attachment_id, attachment)
        self.assertEqual(draft.exported_on, exported_on)
        self.assertEqual(
            self.env["ir.attachment"].search_count(
                [("res_model", "=", draft._name), ("res_id", "=", draft.id)]
            ),
            1,
        )

    def test_only_confirmed_accruals_are_exported(self):
        accruals = self.generate(AUG)
        export = self.Export.create({"month": AUG})
        self.assertFalse(export.allowance_ids, "drafts are not proposed")
        export.allowance_ids = accruals
        with self.assertRaisesRegex(UserError, "only confirmed"):
            export.action_export()

    def test_personnel_number_required(self):
        self.teacher_senior.registration_number = False
        self._confirmed()
        with self.assertRaisesRegex(UserError, "no personnel number"):
            self._export()
