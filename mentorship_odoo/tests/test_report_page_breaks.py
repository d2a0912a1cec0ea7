"""No printed document loses content at a page boundary.

Every report of the addon is rendered by the real wkhtmltopdf with a growing amount of content (the
additional provisions of a register entry, activities of a plan, pairs of an order, SWOT items of
the monitoring report). A coarse sweep finds where the page count grows, and every size between two
coarse steps around that boundary is rendered too, so the document's last block is seen on the
page of the content before it, moved to the top of the next page and (for long blocks) across the
boundary. Each time the last block must be in the PDF text, after the content, on the last page,
and the page count must grow with the content and never fall.
"""

import bisect
import re
import subprocess
import tempfile
from datetime import date

from lxml import etree

from odoo import Command
from odoo.tests import Form, TransactionCase

from .common_documents import DocumentCase
from .monitoring_common import MonitoringCase

REPORT_DOCUMENT = "mentorship_odoo.action_report_mentorship_document"


def pdf_pages(pdf):
    """The text of each page, words joined by single spaces."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf_file:
        pdf_file.write(pdf)
        pdf_file.flush()
        text = subprocess.run(
            ["pdftotext", "-layout", "-enc", "UTF-8", pdf_file.name, "-"], capture_output=True, check=True
        ).stdout.decode()
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [flat(page) for page in pages]


def flat(text):
    text = re.sub(r"-[ \t]*\n\s*", "-", (text or "").replace("\xa0", " "))
    return re.sub(r"\s+", " ", text).strip()


class PageBreakMixin:
    """The sweep shared by the documents of the register and the monitoring report."""

    def _render_and_check(self, render, size, content, block, tail=()):
        """Render ``size`` and check it; return (pages, position of the block)."""
        pdf = render(size)
        pages = pdf_pages(pdf)
        starts, offset = [], 0
        for page in pages:
            starts.append(offset)
            offset += len(page) + 1
        whole = " ".join(pages)

        def page_of(position):
            return bisect.bisect_right(starts, position) - 1

        label = f"{size} item(s), {len(pages)} page(s)"
        content_at = whole.rfind(flat(content(size)))
        self.assertGreaterEqual(content_at, 0, f"{label}: the last item «{content(size)}» is lost:\n{whole}")
        at = content_at
        block_pages = []
        for needle in block:
            found = whole.find(flat(needle), at)
            self.assertGreaterEqual(found, 0, f"{label}: «{needle}» of the last block is lost:\n{whole[at:]}")
            block_pages.append(page_of(found))
            at = found
        for needle in tail:
            found = whole.find(flat(needle), at)
            self.assertGreaterEqual(found, 0, f"{label}: «{needle}» after the last block is lost")
            at = found
        self.assertEqual(page_of(at), len(pages) - 1, f"{label}: the document does not end on its last page")
        if block_pages[-1] > block_pages[0]:
            position = "across"
        elif block_pages[0] > page_of(content_at):
            position = "next page"
        else:
            position = "same page"
        return len(pages), position

    def _seen(self, ordered):
        """Positions of the last block over the sweep; «moved» when it began or went on after the
        page of the content before it."""
        seen = {position for _pages, position in ordered}
        if seen & {"next page", "across"}:
            seen.add("moved")
        return seen

    def assertLastBlockSurvives(
        self, render, sizes, content, block, tail=(), positions=("same page", "moved")
    ):
        """Render the document at each of ``sizes`` (increasing) and between the two sizes where the
        page count grows; ``content(size)`` is the text of the last growing item, ``block`` the texts
        of the final block in reading order, ``tail`` what must follow it (an appendix)."""
        results = {}
        for size in sizes:
            results[size] = self._render_and_check(render, size, content, block, tail)
        for smaller, larger in zip(sizes, sizes[1:], strict=False):
            if results[larger][0] > results[smaller][0]:
                for size in range(smaller + 1, larger):
                    results[size] = self._render_and_check(render, size, content, block, tail)
        ordered = [results[size] for size in sorted(results)]
        page_counts = [pages for pages, _position in ordered]
        self.assertEqual(page_counts, sorted(page_counts), f"more content, fewer pages: {page_counts}")
        self.assertGreater(
            page_counts[-1], page_counts[0], f"the content never crossed a page: {page_counts}"
        )
        seen = self._seen(ordered)
        for position in positions:
            self.assertIn(position, seen, f"the last block was never seen «{position}»: {ordered}")
        return ordered


class TestDocumentsAcrossPages(PageBreakMixin, DocumentCase):
    """Each document of the register with additional provisions from none to about two pages."""

    # Additional provisions: one line each; ~45 fit on a page.
    SIZES = (0, 8, 16, 24, 32, 40, 48, 56, 64)

    @staticmethod
    def _provision(number):
        return f"Дополнительное положение номер {number} к настоящему документу."

    def _provisions(self, size):
        return "\n".join(self._provision(number) for number in range(1, size + 1))

    def _draft(self, code, records, **vals):
        return self.make_document(code, records, **vals)

    def _sweep_provisions(self, document, first_line, block, tail=(), positions=("same page", "moved")):
        def render(size):
            document.extra_text = self._provisions(size)
            return self.render_pdf(REPORT_DOCUMENT, document, name=f"{document.type_id.code}_{size}")

        def content(size):
            return self._provision(size) if size else first_line

        return self.assertLastBlockSurvives(render, self.SIZES, content, block, tail, positions)

    def test_order_target_model(self):
        document = self._draft("order_target_model", self.programme)
        self._sweep_provisions(
            document,
            "ПРИКАЗЫВАЮ:",
            ["Контроль за исполнением", "Директор", "Ковалёв С.Н.", "С приказом ознакомлены:", "Белова Н.В."],
        )

    def test_order_programme_keeps_its_road_map(self):
        document = self._draft("order_programme", self.programme)
        self._sweep_provisions(
            document,
            "ПРИКАЗЫВАЮ:",
            ["Контроль за исполнением", "Ковалёв С.Н.", "С приказом ознакомлены:", "Белова Н.В."],
            tail=["ДОРОЖНАЯ КАРТА"],
        )

    def test_order_pairs(self):
        document = self._draft("order_pairs", self.programme)
        self._sweep_provisions(
            document,
            "ПРИКАЗЫВАЮ:",
            [
                "Контроль за исполнением",
                "Ковалёв С.Н.",
                "С приказом ознакомлены:",
                "Скоробогатов А.В.",
                "Белова Н.В.",
            ],
        )

    def test_order_termination(self):
        self.pair_t._terminate("mentee", "переездом наставляемого в другой город", date(2026, 1, 15))
        document = self._draft("order_termination", self.pair_t)
        self._sweep_provisions(
            document,
            "ПРИКАЗЫВАЮ:",
            ["Контроль за исполнением", "Ковалёв С.Н.", "С приказом ознакомлены:", "Скоробогатов А.В."],
        )

    def test_order_encouragement(self):
        document = self._draft("order_encouragement", self.mentor_t | self.mentor_s)
        self._sweep_provisions(document, "ПРИКАЗЫВАЮ:", ["Ковалёв С.Н.", "С приказом ознакомлены:"])

    def test_supplementary_agreement(self):
        document = self._draft("agreement_employment", self.pair_t)
        self._sweep_provisions(
            document,
            "ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ",
            [
                "Остальные условия трудового договора",
                "Работодатель:",
                "Работник:",
                "Экземпляр соглашения получил",
            ],
        )

    def test_tripartite_agreement(self):
        document = self._draft("agreement_tripartite", self.pair_s)
        self._sweep_provisions(
            document,
            "Предмет",
            ["Заключительные положения", "Подписи Сторон", "Законный представитель", "Соколова"],
            # The final provisions and the signatures are kept together: they move, never split.
            positions=("same page", "next page"),
        )

    def test_consent_to_personal_data(self):
        consent = self.env["mentorship.consent"].search(
            [("partner_id", "=", self.student_minor.id), ("consent_type", "=", "personal_data")], limit=1
        )
        document = self._draft("consent_personal_data", consent)
        self._sweep_provisions(document, "СОГЛАСИЕ", ["(дата)", "(подпись)", "(фамилия, инициалы)"])

    def test_letter_of_thanks(self):
        document = self._draft("letter_thanks", self.mentor_t)
        self._sweep_provisions(
            document, "БЛАГОДАРСТВЕННОЕ ПИСЬМО", ["Директор", "Ковалёв С.Н.", "г. Кемерово"]
        )

    def test_personalised_programme_with_many_activities(self):
        """The plan grows by its activities (table rows kept whole), then by its provisions."""
        plan = self.env["mentorship.plan"].create({"pair_id": self.pair_t.id, "goal": "адаптация"})
        direction = self.env.ref("mentorship_odoo.plan_direction_methodical")
        plan.line_ids = [
            Command.create(
                {
                    "sequence": number,
                    "direction_id": direction.id,
                    "name": f"Шаг {number}",
                    "date_deadline": date(2026, 3, 1),
                    "mentor_methods": "консультация",
                    "expected_result": "результат достигнут",
                }
            )
            for number in range(1, 41)
        ]
        lines = plan.line_ids.sorted("sequence")
        block = ["Наставник", "Скоробогатов А.В.", "Наставляемый", "Петров И.С.", "Белова Н.В."]

        def render(size):
            (lines[:size]).state = "planned"
            (lines[size:]).state = "cancelled"
            return self.render_pdf(REPORT_DOCUMENT, document, name=f"plan_{size}")

        document = self._draft("personalised_programme", plan)
        # Cancelled activities are not printed: the number of printed rows is the size.
        self.assertLastBlockSurvives(
            render,
            (1, 6, 11, 16, 21, 26, 31, 36, 40),
            lambda size: f"Шаг {size}",
            block,
        )
        lines.state = "planned"
        self._sweep_provisions(document, "Шаг 40", block)

    def test_order_pairs_with_many_pairs(self):
        """An order with up to 30 pairs: the table rows and the acquaintance list grow together."""
        Employee = self.env["hr.employee"].with_company(self.company)
        pairs = self.env["mentorship.pair"]
        for number in range(1, 31):
            mentor = self._participant(
                "mentor",
                Employee.create(
                    {
                        "name": f"Наставников{number} Иван Петрович",
                        "company_id": self.company.id,
                        "teaching_start_date": date(2005, 9, 1),
                    }
                ),
                self.form_tt,
            )
            mentee = self._participant(
                "mentee",
                Employee.create(
                    {
                        "name": f"Наставляемов{number} Олег Ильич",
                        "company_id": self.company.id,
                        "teaching_start_date": date(2024, 9, 1),
                    }
                ),
                self.form_tt,
            )
            pairs |= self._pair(mentor, mentee, self.form_tt)
        document = self._draft("order_pairs", self.programme)

        def render(size):
            document.pair_ids = [Command.set(pairs[:size].ids)]
            return self.render_pdf(REPORT_DOCUMENT, document, name=f"order_pairs_{size}")

        self.assertLastBlockSurvives(
            render,
            (1, 5, 9, 13, 17, 21, 25, 30),
            lambda size: f"Наставляемов{size} Олег Ильич",
            ["Контроль за исполнением", "Ковалёв С.Н.", "С приказом ознакомлены:", "Белова Н.В."],
            positions=("same page", "next page", "across"),
        )


class TestMonitoringReportAcrossPages(PageBreakMixin, MonitoringCase):
    """The final analytical report keeps its conclusions and signature with any number of SWOT items."""

    def test_swot_items_push_the_signature_over_pages(self):
        quadrants = ("strength", "weakness", "opportunity", "threat")
        items = self.env["mentorship.swot.item"]
        for number in range(1, 121):
            items |= items.create(
                {
                    "programme_id": self.programme.id,
                    "quadrant": quadrants[(number - 1) % 4],
                    "name": f"Наблюдение номер {number}",
                    "sequence": number,
                }
            )
        # Items beyond the size are parked in another programme (SWOT items cannot be archived).
        elsewhere = self._programme()
        wizard = Form(
            self.env["mentorship.monitoring.report.wizard"]
            .with_user(self.user_curator)
            .with_context(default_programme_id=self.programme.id)
        ).save()
        action = wizard.action_print_pdf()

        def render(size):
            items[:size].programme_id = self.programme
            items[size:].programme_id = elsewhere
            pdf, _type = (
                self.env["ir.actions.report"]
                .with_user(self.user_curator)
                .with_context(force_report_rendering=True)
                ._render_qweb_pdf(
                    "mentorship_odoo.action_report_monitoring", self.programme.ids, data=action["data"]
                )
            )
            return pdf

        self.assertLastBlockSurvives(
            render,
            (4, 24, 44, 64, 84, 104, 120),
            lambda size: f"Наблюдение номер {size}",
            ["Conclusions", "Curator of the mentoring programme", "Date"],
        )


class TestTemplatesCompileWhole(TransactionCase):
    def test_no_comment_between_if_and_else(self):
        """Odoo 18's QWeb compiler removes the comments between a t-if and its t-else while it
        iterates over their parent, which skips the element after the t-else: a comment there made
        the personalised programme lose its signatures. No template of ours may have one."""
        views = self.env["ir.ui.view"].search([("type", "=", "qweb"), ("key", "=like", "mentorship_odoo%")])
        self.assertTrue(views)
        offending = []
        for view in views:
            for element in etree.fromstring(view.arch_db).iter(etree.Element):
                if not {"t-if", "t-elif"} & set(element.attrib):
                    continue
                following = element.getnext()
                had_comment = False
                while isinstance(following, etree._Comment):
                    had_comment, following = True, following.getnext()
                if had_comment and following is not None and {"t-else", "t-elif"} & set(following.attrib):
                    offending.append(f"{view.key}: line {element.sourceline}")
        self.assertFalse(offending, "comments between t-if and t-else drop the next element")
