import json

from dateutil.relativedelta import relativedelta

from odoo import Command, http
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common import PortalFixture


@tagged("post_install", "-at_install")
class TestPortalAccess(PortalFixture, HttpCase):
    """Each kind of portal user (employer mentor, student mentee, legal representative) opens
    their own pages and is refused every route of another pair's records."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_portal_fixture(cls.env)
        cls.document_b = cls._register_agreement(cls.pair_b)
        cls.document_a = cls._register_agreement(cls.pair_a)

    @classmethod
    def _register_agreement(cls, pair):
        Document = cls.env["mentorship.document"]
        doc_type = cls.env.ref("mentorship_odoo.document_type_agreement_tripartite")
        document = Document.create(Document._prepare_values_for(doc_type, pair))
        # No PDF rendering here (wkhtmltopdf is slow and tested in the core): a stored file and the
        # registered state are what the portal serves.
        attachment = cls.env["ir.attachment"].create(
            {
                "name": f"{pair.name}.pdf",
                "raw": b"%PDF-1.4 test",
                "res_model": Document._name,
                "res_id": document.id,
            }
        )
        document.write({"state": "registered", "number": f"{pair.id}-С", "attachment_id": attachment.id})
        return document

    def _routes_of(self, key):
        """Every route of pair ``key``'s records: (method, url)."""
        pair = {"a": self.pair_a, "b": self.pair_b, "a2": self.pair_a2}[key]
        meeting = self.meetings[key]
        line = self.lines[key]
        routes = [
            ("GET", f"/my/mentorship/pairs/{pair.id}"),
            ("GET", f"/my/mentorship/pairs/{pair.id}/plan"),
            ("GET", f"/my/mentorship/meetings/{meeting.id}"),
            ("POST", f"/my/mentorship/pairs/{pair.id}/meetings/log"),
            ("POST", f"/my/mentorship/activities/{line.id}/update"),
            ("POST", f"/my/mentorship/meetings/{meeting.id}/confirm"),
            ("POST", f"/my/mentorship/meetings/{meeting.id}/rate"),
        ]
        if key in self.requests:
            request = self.requests[key]
            routes += [
                ("GET", f"/my/mentorship/consents/{request.id}"),
                ("POST", f"/my/mentorship/consents/{request.id}/withdraw"),
                ("JSON", f"/my/mentorship/consents/{request.id}/sign"),
            ]
        document = {"a": self.document_a, "b": self.document_b}.get(key)
        if document:
            routes.append(("GET", f"/my/mentorship/documents/{document.id}/pdf"))
        return routes

    def _call(self, method, url, token=None):
        if token:
            url = f"{url}?access_token={token}"
        if method == "GET":
            return self.url_open(url, allow_redirects=False)
        if method == "JSON":
            response = self.url_open(
                url,
                data=json.dumps(
                    {"jsonrpc": "2.0", "method": "call", "params": {"name": "X", "signature": "iVBORw0="}}
                ),
                headers={"Content-Type": "application/json"},
            )
            return response
        return self.url_open(
            url,
            data={
                "csrf_token": http.Request.csrf_token(self),
                "topic": "Чужая встреча",
                "date": str(self.today),
                "rating": "1",
                "done": "1",
                "mentee_reflection": "чужое",
                "mentor_comment": "чужое",
                "confirm": "1",
            },
            allow_redirects=False,
        )

    def _assert_refused(self, login, key, token=None):
        if login:
            self.authenticate(login, login)
        for method, url in self._routes_of(key):
            with self.subTest(login=login, url=url, token=bool(token)):
                response = self._call(method, url, token)
                if method == "JSON":
                    self.assertIn("error", response.json()["result"], f"{login} signed {url}")
                elif response.status_code in (302, 303):
                    # Anonymous visitors of login-only pages are sent to the login form.
                    self.assertFalse(login)
                    self.assertIn("/web/login", response.headers["Location"])
                else:
                    self.assertIn(response.status_code, (403, 404), f"{login} reached {method} {url}")

    def _assert_unchanged(self):
        self.assertEqual(len(self.pair_b.meeting_ids), 2, "no meeting was logged in another pair")
        self.assertFalse(self.env["mentorship.meeting.rating"].search([("pair_id", "in", self.pair_b.ids)]))
        self.assertFalse(self.lines["b"].mentee_done_date)
        self.assertFalse(self.lines["b"].mentor_comment)
        self.assertEqual(self.lines["b"].state, "planned")
        self.assertEqual(self.requests["b"].state, "pending")

    def test_each_portal_kind_is_refused_every_route_of_another_pair(self):
        for login in ("portal_mentor_a", "portal_mentee_a", "portal_parent_a"):
            self._assert_refused(login, "b")
        self._assert_unchanged()

    def test_mentee_of_the_same_mentor_is_refused_the_other_pair(self):
        self._assert_refused("portal_mentee_a", "a2")
        self._assert_refused("portal_parent_a", "a2")
        self.authenticate("portal_mentee_a", "portal_mentee_a")
        for url in (
            "/my/mentorship",
            "/my/mentorship/meetings",
            "/my/mentorship/consents",
            "/my/mentorship/documents",
        ):
            page = self.url_open(url).text
            self.assertNotIn("Студент А2", page, url)
            self.assertNotIn("Студент B", page, url)
        self.assertEqual(self.meetings["a2"].rating_ids.ids, [])

    def test_representative_of_a_grown_up_sees_nothing_more(self):
        self.authenticate("portal_parent_b", "portal_parent_b")
        url = f"/my/mentorship/pairs/{self.pair_b.id}"
        self.assertEqual(self.url_open(url).status_code, 200)
        self.partners["mentee_b"].birthdate_date = self.today - relativedelta(years=18, days=1)
        self.assertEqual(self.url_open(url).status_code, 404)

    def test_guessed_ids_and_foreign_tokens_are_refused(self):
        self.authenticate("portal_mentee_a", "portal_mentee_a")
        missing = self.env["mentorship.pair"].search([], order="id desc", limit=1).id + 1000
        for url in (f"/my/mentorship/pairs/{missing}", f"/my/mentorship/meetings/{missing}"):
            self.assertEqual(self.url_open(url).status_code, 404, url)
        token_a = self.requests["a"]._portal_ensure_token()
        # Another record's token opens nothing, logged in or not.
        self._assert_refused(None, "b", token=token_a)
        self.authenticate(None, None)
        self._assert_refused(None, "b", token=token_a)
        self._assert_refused(None, "b", token="0" * 36)
        self._assert_unchanged()

    def test_token_link_opens_the_consent_page_only(self):
        request = self.requests["b"]
        token = request._portal_ensure_token()
        page = self.url_open(f"/my/mentorship/consents/{request.id}?access_token={token}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Родитель B", page.text)
        self.assertIn("o_mentorship_consent_sign", page.text)
        # The token is the consent's own: the pair's pages want a login.
        pair_page = self.url_open(
            f"/my/mentorship/pairs/{self.pair_b.id}?access_token={token}", allow_redirects=False
        )
        self.assertIn(pair_page.status_code, (303, 302, 404))
        self.assertNotIn("Наставник B", pair_page.text)

    def test_curator_shares_the_token_link_of_a_consent(self):
        request = self.requests["b"]
        # The form's button passes the record as active_id, as the web client does.
        action = (
            request.with_user(self.curator)
            .with_context(active_id=request.id, active_model=request._name)
            .action_share()
        )
        wizard = (
            self.env["portal.share"]
            .with_user(self.curator)
            .with_context(**action["context"])
            .create({"partner_ids": [Command.set(self.partners["parent_b"].ids)]})
        )
        self.assertIn("access_token=", wizard.share_link)
        self.authenticate(None, None)
        page = self.url_open(wizard.share_link)
        self.assertEqual(page.status_code, 200)
        self.assertIn(f"/my/mentorship/consents/{request.id}", page.url)
        self.assertIn("o_mentorship_consent_sign", page.text)

    def test_own_pages_open(self):
        for login, key in (("portal_mentor_a", "a"), ("portal_mentee_a", "a"), ("portal_parent_a", "a")):
            self.authenticate(login, login)
            for url in (
                "/my",
                "/my/mentorship",
                f"/my/mentorship/pairs/{self.pair_a.id}",
                f"/my/mentorship/pairs/{self.pair_a.id}/plan",
                f"/my/mentorship/meetings/{self.meetings[key].id}",
                "/my/mentorship/meetings",
                "/my/mentorship/questionnaires",
                "/my/mentorship/consents",
                "/my/mentorship/documents",
            ):
                with self.subTest(login=login, url=url):
                    response = self.url_open(url)
                    self.assertEqual(response.status_code, 200)
            pdf = self.url_open(f"/my/mentorship/documents/{self.document_a.id}/pdf")
            self.assertEqual(pdf.status_code, 200, login)
            self.assertTrue(pdf.content.startswith(b"%PDF"))
        self.authenticate("portal_parent_a", "portal_parent_a")
        page = self.url_open(f"/my/mentorship/consents/{self.requests['a'].id}").text
        self.assertIn("o_mentorship_consent_sign", page)

    def test_mentor_pair_page_shows_the_other_side_as_the_programme_allows(self):
        self.authenticate("portal_mentee_a", "portal_mentee_a")
        page = self.url_open(f"/my/mentorship/pairs/{self.pair_a.id}").text
        self.assertIn("Наставник A", page)
        self.assertIn("mentor_a@example.com", page)
        self.programme.portal_contact_policy = "none"
        page = self.url_open(f"/my/mentorship/pairs/{self.pair_a.id}").text
        self.assertIn("Наставник A", page)
        self.assertNotIn("mentor_a@example.com", page)

    def test_pair_chatter_hides_curator_notes_and_takes_participants_posts(self):
        self.pair_a.with_user(self.curator).message_post(
            body="Служебная заметка куратора", message_type="comment", subtype_xmlid="mail.mt_note"
        )
        self.pair_a.with_user(self.curator).message_post(
            body="Сообщение для пары", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.authenticate("portal_mentee_a", "portal_mentee_a")
        fetched = self.make_jsonrpc_request(
            "/mail/chatter_fetch", {"thread_model": "mentorship.pair", "thread_id": self.pair_a.id}
        )
        bodies = " ".join(str(message["body"]) for message in fetched["data"]["mail.message"])
        self.assertIn("Сообщение для пары", bodies)
        self.assertNotIn("Служебная заметка", bodies)
        post = {"body": "Вопрос наставнику", "message_type": "comment", "subtype_xmlid": "mail.mt_comment"}
        self.make_jsonrpc_request(
            "/mail/message/post",
            {"thread_model": "mentorship.pair", "thread_id": self.pair_a.id, "post_data": post},
        )
        self.assertIn("Вопрос наставнику", self.pair_a.message_ids.mapped("body")[0])
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/mail/message/post",
                {"thread_model": "mentorship.pair", "thread_id": self.pair_b.id, "post_data": post},
            )
        self.assertNotIn("Вопрос наставнику", " ".join(self.pair_b.message_ids.mapped("body")))

    def test_questionnaires_lists_own_pending_invitations_only(self):
        survey = self.env["survey.survey"].create({"title": "Анкета удовлетворённости"})
        survey._create_answer(partner=self.partners["mentee_a"])
        survey._create_answer(partner=self.partners["mentee_b"])
        self.authenticate("portal_mentee_a", "portal_mentee_a")
        page = self.url_open("/my/mentorship/questionnaires").text
        self.assertIn("Анкета удовлетворённости", page)
        self.assertEqual(page.count("/survey/start/"), 1)
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["mentorship_survey_count"]})
        self.assertEqual(counters["mentorship_survey_count"], 1)

    def test_employee_mentor_gets_the_same_pages(self):
        mentor_user = self.env["res.users"].create(
            {
                "name": "Педагог Наставник",
                "login": "portal_employee",
                "password": "portal_employee",
                "groups_id": [Command.set([self.env.ref("mentorship_odoo.group_mentorship_mentor").id])],
            }
        )
        employee = self.env["hr.employee"].create({"name": "Педагог Наставник", "user_id": mentor_user.id})
        participant = self.env["mentorship.participant"].create(
            {"programme_id": self.programme.id, "role": "mentor", "employee_id": employee.id}
        )
        self.pair_b.mentor_id = participant
        self.authenticate("portal_employee", "portal_employee")
        self.assertEqual(self.url_open(f"/my/mentorship/pairs/{self.pair_b.id}").status_code, 200)
        self.assertEqual(self.url_open(f"/my/mentorship/pairs/{self.pair_a.id}").status_code, 404)
