import contextlib
import os
import re
import subprocess
import tempfile
from datetime import date
from pathlib import Path
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tools import config

from .common import MentorshipCase

# Set MENTORSHIP_REPORT_DIR to keep every PDF the tests render (to look at them as images).
KEEP_DIR = os.environ.get("MENTORSHIP_REPORT_DIR")


class DocumentCase(MentorshipCase):
    """A college with its details and director, a teacher pair under contract, a student pair
    with a minor mentee and her mother, and helpers that render reports with the real
    wkhtmltopdf and read their text back with pdftotext.

    The documents depend on today (who is a minor, the year of a number, blank dates), so the
    clock starts at a fixed day of the programme: the same documents on any day the suite runs."""

    TODAY = "2026-01-15 09:00:00"

    @classmethod
    def setUpClass(cls):
        # tick: time goes on from that day, so the waits of the server and wkhtmltopdf still work.
        cls.enterClassContext(freeze_time(cls.TODAY, tick=True))
        super().setUpClass()
        rub = cls.env.ref("base.RUB")
        rub.active = True
        cls.company.write(
            {
                "name": "ГБПОУ «Кемеровский горнотехнический техникум»",
                "currency_id": rub.id,
                "street": "ул. Ленина, д. 1",
                "city": "Кемерово",
                "zip": "650000",
                "vat": "4205001234",
                "phone": "+7 3842 00-00-00",
            }
        )
        Employee = cls.env["hr.employee"].with_company(cls.company)
        cls.director = Employee.create(
            {"name": "Ковалёв Сергей Николаевич", "job_title": "Директор", "company_id": cls.company.id}
        )
        cls.curator_employee = Employee.create(
            {
                "name": "Белова Наталья Викторовна",
                "job_title": "Заместитель директора по учебно-воспитательной работе",
                "company_id": cls.company.id,
                "user_id": cls.user_curator.id,
            }
        )
        cls.company.mentorship_director_id = cls.director
        cls.teacher_senior.job_title = "Преподаватель математики"
        cls.teacher_young.job_title = "Преподаватель информатики"
        cls.contract = cls.env["hr.contract"].create(
            {
                "name": "ТД-12",
                "employee_id": cls.teacher_senior.id,
                "company_id": cls.company.id,
                "wage": 40000.0,
                "date_start": date(2015, 9, 1),
                "state": "open",
            }
        )
        cls.programme.write({"council_protocol_number": "1", "council_protocol_date": date(2025, 8, 28)})
        icp = cls.env["ir.config_parameter"].sudo()
        # wkhtmltopdf asks this server for Odoo's report CSS (pytest --odoo-http serves it); the
        # templates carry their own styles, so the layout does not depend on it.
        icp.set_param("report.url", f"http://127.0.0.1:{config['http_port']}")
        icp.set_param("report.print_delay", "0")

        # Teacher pair: employee mentor with the allowance, young teacher mentee.
        cls.mentor_t = cls._participant("mentor", cls.teacher_senior, cls.form_tt)
        cls.mentee_t = cls._participant("mentee", cls.teacher_young, cls.form_tt)
        cls._consent("appointment", cls.teacher_senior)
        cls.pair_t = cls._pair(
            cls.mentor_t,
            cls.mentee_t,
            cls.form_tt,
            kind_id=cls.kind_individual.id,
            agreement_content="помощь в подготовке рабочих программ и проведении открытых уроков",
            agreement_form="индивидуальная, очные встречи не реже одного раза в неделю",
        )
        cls.pair_t.action_activate()
        # Student pair: adult senior student mentors a minor first-year student.
        cls.mentor_s = cls._participant("mentor", cls.student_adult, cls.form_ss)
        cls.mentee_s = cls._participant("mentee", cls.student_minor, cls.form_ss)
        for consent_type in ("personal_data", "participation"):
            cls._consent(
                consent_type, cls.student_minor, given_by="representative", representative_id=cls.parent.id
            )
        cls.pair_s = cls._pair(cls.mentor_s, cls.mentee_s, cls.form_ss, kind_id=cls.kind_individual.id)
        cls.pair_s.action_activate()

    # --- Register -----------------------------------------------------------------------

    @classmethod
    def doc_type(cls, code):
        return cls.env.ref(f"mentorship_odoo.document_type_{code}")

    def make_document(self, code, records, user=None, **vals):
        document_model = self.env["mentorship.document"]
        if user:
            document_model = document_model.with_user(user)
        return document_model.create(document_model._prepare_values_for(self.doc_type(code), records, **vals))

    # --- Rendering ----------------------------------------------------------------------

    def render_pdf(self, report_ref, records, data=None, user=None, name=None):
        """Render ``report_ref`` for ``records`` to a real PDF (wkhtmltopdf) as ``user``."""
        report_model = self.env["ir.actions.report"]
        if user:
            report_model = report_model.with_user(user)
        with self._keep_html(name or report_ref.split(".")[-1]):
            pdf, file_type = report_model.with_context(force_report_rendering=True)._render_qweb_pdf(
                report_ref, res_ids=records.ids if records else None, data=data
            )
        self.assertEqual(file_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"), "wkhtmltopdf did not produce a PDF")
        if KEEP_DIR:
            Path(KEEP_DIR).mkdir(parents=True, exist_ok=True)
            label = name or f"{report_ref.split('.')[-1]}_{'-'.join(map(str, records.ids))}"
            (Path(KEEP_DIR) / f"{label}.pdf").write_bytes(pdf)
        return pdf

    @contextlib.contextmanager
    def _keep_html(self, label):
        """With MENTORSHIP_REPORT_DIR set, also keep the HTML pages wkhtmltopdf is given."""
        if not KEEP_DIR:
            yield
            return
        report_class = type(self.env["ir.actions.report"])
        original = report_class._run_wkhtmltopdf

        def run_and_keep(report, bodies, *args, **kwargs):
            for index, body in enumerate(bodies):
                (Path(KEEP_DIR) / f"{label}-{index}.html").write_bytes(
                    body if isinstance(body, bytes) else body.encode()
                )
            return original(report, bodies, *args, **kwargs)

        Path(KEEP_DIR).mkdir(parents=True, exist_ok=True)
        with patch.object(report_class, "_run_wkhtmltopdf", run_and_keep):
            yield

    def pdf_text(self, pdf):
        """The text of the PDF as pdftotext -layout reads it, with runs of spaces collapsed."""
        with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf_file:
            pdf_file.write(pdf)
            pdf_file.flush()
            result = subprocess.run(
                ["pdftotext", "-layout", "-enc", "UTF-8", pdf_file.name, "-"],
                capture_output=True,
                check=True,
            )
        return result.stdout.decode()

    def flat(self, text):
        """The text on one line: words joined by single spaces (wrapping and columns removed)."""
        text = re.sub(r"-[ \t]*\n\s*", "-", text.replace("\xa0", " "))
        return re.sub(r"\s+", " ", text).strip()

    def page_count(self, pdf):
        return len(re.findall(rb"/Type\s*/Page[^s]", pdf))

    def assertInText(self, needles, text):
        flat = self.flat(text)
        for needle in needles:
            self.assertIn(self.flat(needle), flat, f"«{needle}» is not in the document:\n{text}")
