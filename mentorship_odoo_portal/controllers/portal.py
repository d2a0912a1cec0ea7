import base64
import binascii
from urllib.parse import urlencode

from odoo import fields, http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

PAIR = "mentorship.pair"
MEETING = "mentorship.meeting"
LINE = "mentorship.plan.line"
REQUEST = "mentorship.consent.request"
DOCUMENT = "mentorship.document"
COUNTERS = (
    "mentorship_pair_count",
    "mentorship_meeting_count",
    "mentorship_consent_count",
    "mentorship_survey_count",
    "mentorship_document_count",
)


class MentorshipPortal(CustomerPortal):
    """Pages of the mentoring portal under /my/mentorship. Reads go through the portal record
    rules (the user's own environment); every write first checks the user's role in the pair,
    then writes with sudo."""

    # --- Counters of the home tile ---------------------------------------------------------

    def _mentorship_meeting_domain(self, upcoming=None):
        domain = [("state", "!=", "cancelled")]
        now = fields.Datetime.now()
        if upcoming is True:
            domain += [("state", "=", "planned"), ("start", ">=", now)]
        elif upcoming is False:
            domain += ["|", ("state", "in", ("held", "missed")), ("start", "<", now)]
        return domain

    def _mentorship_survey_domain(self):
        return [("partner_id", "=", request.env.user.partner_id.id), ("state", "in", ("new", "in_progress"))]

    def _mentorship_document_domain(self):
        return [("state", "in", ("registered", "signed"))]

    def _mentorship_consent_todo_domain(self):
        return [("signer_id", "=", request.env.user.partner_id.id), ("state", "=", "pending")]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        env = request.env
        # One COUNT per figure, each through the portal record rules.
        if "mentorship_pair_count" in counters:
            values["mentorship_pair_count"] = (
                env[PAIR].search_count([]) if env[PAIR].has_access("read") else 0
            )
        if "mentorship_meeting_count" in counters:
            values["mentorship_meeting_count"] = (
                env[MEETING].search_count(self._mentorship_meeting_domain(upcoming=True))
                if env[MEETING].has_access("read")
                else 0
            )
        if "mentorship_consent_count" in counters:
            values["mentorship_consent_count"] = (
                env[REQUEST].search_count(self._mentorship_consent_todo_domain())
                if env[REQUEST].has_access("read")
                else 0
            )
        if "mentorship_survey_count" in counters:
            # sudo: limited to the user's own invitations by the domain.
            values["mentorship_survey_count"] = (
                env["survey.user_input"].sudo().search_count(self._mentorship_survey_domain())
            )
        if "mentorship_document_count" in counters:
            values["mentorship_document_count"] = (
                env[DOCUMENT].search_count(self._mentorship_document_domain())
                if env[DOCUMENT].has_access("read")
                else 0
            )
        return values

    # --- Helpers -----------------------------------------------------------------------------

    def _mentorship_values(self, page_name, **values):
        result = self._prepare_portal_layout_values()
        result.update(page_name=page_name, **values)
        result.setdefault("error", request.params.get("error"))
        result.setdefault("success", request.params.get("success"))
        return result

    def _mentorship_redirect(self, url, error=None, success=None, anchor=""):
        params = {key: value for key, value in (("error", error), ("success", success)) if value}
        return request.redirect(url + (f"?{urlencode(params)}" if params else "") + anchor)

    def _mentorship_check(self, model, record_id, access_token=None):
        """The record sudo-ed after the portal rules (or its token) allowed it; 404 otherwise."""
        try:
            return self._document_check_access(model, record_id, access_token=access_token)
        except (AccessError, MissingError):
            return None

    # --- Pairs -------------------------------------------------------------------------------

    # readonly: lists and downloads only read, so Odoo 18 may serve them from a read replica
    # (db_replica_host); a page that follows a write (redirects after a form) stays on the primary.
    @http.route(
        ["/my/mentorship", "/my/mentorship/pairs"], type="http", auth="user", website=True, readonly=True
    )
    def portal_mentorship_pairs(self, **kw):
        pairs = request.env[PAIR].search([], order="state, date_start desc")
        pairs_sudo = pairs.sudo()
        values = self._mentorship_values(
            "mentorship_pairs",
            pairs=pairs_sudo,
            progress=pairs_sudo._portal_plan_progress(),
            next_meetings=pairs_sudo._portal_next_meetings(),
            user=request.env.user,
        )
        return request.render("mentorship_odoo_portal.portal_my_mentorship_pairs", values)

    @http.route("/my/mentorship/pairs/<int:pair_id>", type="http", auth="user", website=True)
    def portal_mentorship_pair(self, pair_id, access_token=None, **kw):
        pair_sudo = self._mentorship_check(PAIR, pair_id, access_token)
        if not pair_sudo:
            raise request.not_found()
        user = request.env.user
        meetings = pair_sudo.meeting_ids.filtered(lambda m: m.state != "cancelled")
        values = self._mentorship_values(
            "mentorship_pair",
            pair=pair_sudo,
            role=pair_sudo._portal_role(user),
            counterparts=pair_sudo._portal_counterparts(user),
            progress=pair_sudo._portal_plan_progress()[pair_sudo.id],
            next_meeting=pair_sudo._portal_next_meetings().get(pair_sudo.id),
            journey=pair_sudo._portal_journey(),
            blocked=pair_sudo._portal_blocked_reason(),
            recent_meetings=meetings.filtered(lambda m: m.state == "held")[:5],
            people=pair_sudo.mentor_id | pair_sudo.mentee_ids,
            today=fields.Date.context_today(pair_sudo),
            user=user,
        )
        values = self._get_page_view_values(
            pair_sudo, access_token, values, "my_mentorship_pairs_history", False
        )
        return request.render("mentorship_odoo_portal.portal_my_mentorship_pair", values)

    # --- Plan --------------------------------------------------------------------------------

    @http.route("/my/mentorship/pairs/<int:pair_id>/plan", type="http", auth="user", website=True)
    def portal_mentorship_plan(self, pair_id, **kw):
        pair_sudo = self._mentorship_check(PAIR, pair_id)
        if not pair_sudo:
            raise request.not_found()
        values = self._mentorship_values(
            "mentorship_plan",
            pair=pair_sudo,
            plan=pair_sudo.plan_id,
            lines=pair_sudo.plan_id.line_ids.filtered(lambda line: line.state != "cancelled"),
            role=pair_sudo._portal_role(request.env.user),
            blocked=pair_sudo._portal_blocked_reason(),
        )
        return request.render("mentorship_odoo_portal.portal_my_mentorship_plan", values)

    @http.route(
        "/my/mentorship/activities/<int:line_id>/update",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_mentorship_activity_update(self, line_id, **post):
        line_sudo = self._mentorship_check(LINE, line_id)
        if not line_sudo:
            raise request.not_found()
        url = f"/my/mentorship/pairs/{line_sudo.pair_id.id}/plan"
        anchor = f"#activity-{line_sudo.id}"
        user = request.env.user
        try:
            if line_sudo.pair_id._portal_role(user) == "mentor":
                line_sudo._portal_mentor_update(
                    comment=post.get("mentor_comment"), confirm=bool(post.get("confirm")), user=user
                )
            else:
                files = [
                    (upload.filename, upload.read())
                    for upload in request.httprequest.files.getlist("evidence")
                    if upload.filename
                ]
                line_sudo._portal_mentee_update(
                    done=bool(post.get("done")),
                    reflection=post.get("mentee_reflection"),
                    files=files,
                    user=user,
                )
        except (UserError, AccessError) as error:
            return self._mentorship_redirect(url, error=str(error), anchor=anchor)
        return self._mentorship_redirect(url, success=request.env._("Saved."), anchor=anchor)

    # --- Meetings ----------------------------------------------------------------------------

    @http.route(
        ["/my/mentorship/meetings", "/my/mentorship/meetings/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_mentorship_meetings(self, page=1, **kw):
        Meeting = request.env[MEETING]
        upcoming = Meeting.search(self._mentorship_meeting_domain(upcoming=True), order="start asc", limit=20)
        past_domain = self._mentorship_meeting_domain(upcoming=False)
        total = Meeting.search_count(past_domain)
        pager = portal_pager(url="/my/mentorship/meetings", total=total, page=page, step=self._items_per_page)
        past = Meeting.search(
            past_domain, order="start desc", limit=self._items_per_page, offset=pager["offset"]
        )
        user = request.env.user
        ratings = request.env["mentorship.meeting.rating"].search([("meeting_id", "in", past.ids)])
        values = self._mentorship_values(
            "mentorship_meetings",
            upcoming=upcoming.sudo(),
            past=past.sudo(),
            rated={rating.meeting_id.id: rating for rating in ratings},
            pager=pager,
            user=user,
        )
        return request.render("mentorship_odoo_portal.portal_my_mentorship_meetings", values)

    @http.route("/my/mentorship/meetings/<int:meeting_id>", type="http", auth="user", website=True)
    def portal_mentorship_meeting(self, meeting_id, **kw):
        meeting_sudo = self._mentorship_check(MEETING, meeting_id)
        if not meeting_sudo:
            raise request.not_found()
        user = request.env.user
        values = self._mentorship_values(
            "mentorship_meeting",
            meeting=meeting_sudo,
            pair=meeting_sudo.pair_id,
            role=meeting_sudo.pair_id._portal_role(user),
            my_rating=meeting_sudo._portal_my_rating(user),
            can_confirm=meeting_sudo._portal_can_confirm(user),
        )
        return request.render("mentorship_odoo_portal.portal_my_mentorship_meeting", values)

    @http.route(
        "/my/mentorship/pairs/<int:pair_id>/meetings/log",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_mentorship_meeting_log(self, pair_id, **post):
        pair_sudo = self._mentorship_check(PAIR, pair_id)
        if not pair_sudo:
            raise request.not_found()
        url = f"/my/mentorship/pairs/{pair_id}"
        values = dict(post, attendee_ids=request.httprequest.form.getlist("attendee_ids"))
        try:
            meeting = request.env[MEETING]._portal_log_held(pair_sudo, values, user=request.env.user)
        except (UserError, AccessError) as error:
            return self._mentorship_redirect(url, error=str(error), anchor="#log-meeting")
        return self._mentorship_redirect(meeting.access_url, success=request.env._("The meeting is logged."))

    @http.route(
        "/my/mentorship/meetings/<int:meeting_id>/confirm",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_mentorship_meeting_confirm(self, meeting_id, **post):
        meeting_sudo = self._mentorship_check(MEETING, meeting_id)
        if not meeting_sudo:
            raise request.not_found()
        try:
            meeting_sudo._portal_confirm(user=request.env.user)
        except UserError as error:
            return self._mentorship_redirect(meeting_sudo.access_url, error=str(error))
        return self._mentorship_redirect(meeting_sudo.access_url, success=request.env._("Meeting confirmed."))

    @http.route(
        "/my/mentorship/meetings/<int:meeting_id>/rate",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_mentorship_meeting_rate(self, meeting_id, **post):
        meeting_sudo = self._mentorship_check(MEETING, meeting_id)
        if not meeting_sudo:
            raise request.not_found()
        try:
            request.env["mentorship.meeting.rating"]._portal_rate(
                meeting_sudo,
                post.get("rating"),
                needs_help=bool(post.get("needs_help")),
                comment=post.get("comment"),
                user=request.env.user,
            )
        except (UserError, AccessError) as error:
            return self._mentorship_redirect(meeting_sudo.access_url, error=str(error))
        return self._mentorship_redirect(
            meeting_sudo.access_url, success=request.env._("Thank you for your rating.")
        )

    # --- Questionnaires ------------------------------------------------------------------------

    @http.route("/my/mentorship/questionnaires", type="http", auth="user", website=True, readonly=True)
    def portal_mentorship_questionnaires(self, **kw):
        # sudo: the domain limits the list to the user's own invitations.
        answers = (
            request.env["survey.user_input"]
            .sudo()
            .search(self._mentorship_survey_domain(), order="create_date desc")
        )
        values = self._mentorship_values("mentorship_questionnaires", answers=answers)
        return request.render("mentorship_odoo_portal.portal_my_mentorship_questionnaires", values)

    # --- Consents ------------------------------------------------------------------------------

    @http.route("/my/mentorship/consents", type="http", auth="user", website=True)
    def portal_mentorship_consents(self, **kw):
        consents = request.env["mentorship.consent"].search([])
        requests = request.env[REQUEST].search([])
        values = self._mentorship_values(
            "mentorship_consents",
            consents=consents.sudo(),
            pending=requests.filtered(lambda r: r.state == "pending").sudo(),
        )
        return request.render("mentorship_odoo_portal.portal_my_mentorship_consents", values)

    def _mentorship_consent_author(self, request_sudo):
        user = request.env.user
        return request_sudo.signer_id if user._is_public() else user.partner_id

    def _mentorship_consent_allowed(self, request_sudo, access_token):
        """The signer acts when logged in as themselves or with the request's token; the minor
        (the person) only reads."""
        user = request.env.user
        if not user._is_public() and request_sudo._portal_can_act(user):
            return True
        return bool(access_token) and request_sudo.access_token == access_token

    @http.route("/my/mentorship/consents/<int:request_id>", type="http", auth="public", website=True)
    def portal_mentorship_consent(self, request_id, access_token=None, **kw):
        request_sudo = self._mentorship_check(REQUEST, request_id, access_token)
        if not request_sudo:
            raise request.not_found()
        values = self._mentorship_values(
            "mentorship_consent",
            consent_request=request_sudo,
            can_act=self._mentorship_consent_allowed(request_sudo, access_token),
            access_token=access_token,
        )
        return request.render("mentorship_odoo_portal.portal_my_mentorship_consent", values)

    @http.route("/my/mentorship/consents/<int:request_id>/sign", type="json", auth="public", website=True)
    def portal_mentorship_consent_sign(self, request_id, access_token=None, name=None, signature=None):
        access_token = access_token or request.httprequest.args.get("access_token")
        request_sudo = self._mentorship_check(REQUEST, request_id, access_token)
        if not request_sudo or not self._mentorship_consent_allowed(request_sudo, access_token):
            return {"error": request.env._("This consent request is not yours to sign.")}
        try:
            base64.b64decode(signature or "", validate=True)
            request_sudo._portal_sign(
                name,
                signature,
                request.httprequest.remote_addr,
                self._mentorship_consent_author(request_sudo),
            )
        except (binascii.Error, ValueError):
            return {"error": request.env._("Invalid signature data.")}
        except UserError as error:
            return {"error": str(error)}
        return {"force_refresh": True, "redirect_url": request_sudo.get_portal_url()}

    @http.route(
        "/my/mentorship/consents/<int:request_id>/withdraw",
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_mentorship_consent_withdraw(self, request_id, access_token=None, **post):
        request_sudo = self._mentorship_check(REQUEST, request_id, access_token)
        if not request_sudo or not self._mentorship_consent_allowed(request_sudo, access_token):
            raise request.not_found()
        url = request_sudo.get_portal_url()
        try:
            request_sudo._portal_withdraw(self._mentorship_consent_author(request_sudo))
        except UserError as error:
            return request.redirect(f"{url}&{urlencode({'error': str(error)})}")
        return request.redirect(f"{url}&{urlencode({'success': request.env._('The consent is withdrawn.')})}")

    # --- Documents -----------------------------------------------------------------------------

    @http.route("/my/mentorship/documents", type="http", auth="user", website=True, readonly=True)
    def portal_mentorship_documents(self, **kw):
        documents = request.env[DOCUMENT].search(self._mentorship_document_domain())
        values = self._mentorship_values("mentorship_documents", documents=documents.sudo())
        return request.render("mentorship_odoo_portal.portal_my_mentorship_documents", values)

    @http.route(
        "/my/mentorship/documents/<int:document_id>/pdf",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_mentorship_document_pdf(self, document_id, **kw):
        document_sudo = self._mentorship_check(DOCUMENT, document_id)
        if not document_sudo or not document_sudo.attachment_id:
            raise request.not_found()
        attachment = document_sudo.attachment_id
        return request.make_response(
            attachment.raw,
            headers=[
                ("Content-Type", attachment.mimetype or "application/pdf"),
                ("Content-Disposition", http.content_disposition(attachment.name)),
            ],
        )
