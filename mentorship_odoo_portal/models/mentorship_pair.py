from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

# A rating at or below this is low; two low ratings in a row put the pair under attention.
LOW_RATING = 2


class MentorshipPair(models.Model):
    _name = "mentorship.pair"
    _inherit = ["mentorship.pair", "portal.mixin"]
    # Portal participants read their pair and may write in its chatter.
    _mail_post_access = "read"

    rating_ids = fields.One2many("mentorship.meeting.rating", "pair_id", string="Meeting Ratings")
    portal_attention = fields.Boolean(
        string="Participants Ask for Attention",
        compute="_compute_portal_attention",
        store=True,
        help="A participant asked for help after a meeting and the curator has not answered yet, or "
        "the last two ratings of the pair's meetings are low (1 or 2 out of 5).",
    )

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for pair in self:
            pair.access_url = f"/my/mentorship/pairs/{pair.id}"
        return res

    @api.depends("rating_ids.rating", "rating_ids.help_state", "rating_ids.meeting_start")
    def _compute_portal_attention(self):
        for pair in self:
            ratings = pair.rating_ids.sorted(lambda r: (r.meeting_start, r.id), reverse=True)
            last_two = ratings[:2]
            low_streak = len(last_two) == 2 and all(r.rating <= LOW_RATING for r in last_two)
            pair.portal_attention = low_streak or any(r.help_state == "open" for r in ratings)

    # --- Health: participants' ratings and help requests count ------------------------------

    @api.depends("portal_attention")
    def _compute_health(self):
        return super()._compute_health()

    @api.model
    def _flush_health_inputs(self):
        res = super()._flush_health_inputs()
        self.env["mentorship.pair"].flush_model(["portal_attention"])
        return res

    @api.model
    def _get_health_query(self, pair_filter):
        """A pair on track whose participants ask for attention needs attention."""
        return SQL(
            """
            SELECT h.id, h.days, h.overdue,
                   CASE WHEN h.health = 'on_track' AND pa.portal_attention THEN 'needs_attention'
                        ELSE h.health END AS health,
                   CASE WHEN h.health = 'on_track' AND pa.portal_attention THEN 2
                        ELSE h.health_rank END AS health_rank
              FROM (%s) h
              JOIN mentorship_pair pa ON pa.id = h.id
            """,
            super()._get_health_query(pair_filter),
        )

    # --- Portal roles -------------------------------------------------------------------------

    def _portal_role(self, user=None):
        """'mentor', 'mentee', 'representative' or False for ``user`` in this pair."""
        self.ensure_one()
        user = user or self.env.user
        pair = self.sudo()
        if pair.mentor_user_id == user:
            return "mentor"
        if user in pair.mentee_user_ids:
            return "mentee"
        # A legal representative follows the pairs of the minors they represent.
        if user.partner_id in pair.mentee_ids.partner_id.filtered("is_minor").legal_representative_ids:
            return "representative"
        return False

    def _portal_participant(self, user=None):
        """The user's own participant record in this pair."""
        self.ensure_one()
        user = user or self.env.user
        pair = self.sudo()
        return (pair.mentor_id | pair.mentee_ids).filtered(lambda p: p.user_id == user)[:1]

    def _portal_check_role(self, roles, user=None):
        """Raise unless ``user`` takes one of ``roles`` in every pair of ``self``."""
        user = user or self.env.user
        for pair in self:
            if pair._portal_role(user) not in roles:
                raise AccessError(
                    self.env._(
                        "You do not take part in pair %(pair)s in a way that allows this.", pair=pair.name
                    )
                )

    def _portal_blocked_reason(self):
        """Why participants cannot record work in this pair now, or False."""
        self.ensure_one()
        pair = self.sudo()
        if pair.state != "active":
            return self.env._(
                "Pair %(pair)s is not active: work is recorded in active pairs only.", pair=pair.name
            )
        missing = pair._get_missing_consents(fields.Date.context_today(self))
        if missing:
            return self.env._(
                "Work in pair %(pair)s is suspended until these consents are given: %(list)s.",
                pair=pair.name,
                list="; ".join(missing),
            )
        return False

    def _portal_check_open(self):
        for pair in self:
            reason = pair._portal_blocked_reason()
            if reason:
                raise UserError(reason)

    def _portal_counterparts(self, user=None):
        """The other side of the pair as the programme lets the user see it: names, roles and the
        contacts the programme allows. Co-mentees of a group appear by name only."""
        self.ensure_one()
        user = user or self.env.user
        pair = self.sudo()
        role = pair._portal_role(user)
        policy = pair.programme_id.portal_contact_policy
        people = []
        if role in ("mentee", "representative"):
            people.append((pair.mentor_id, self.env._("Mentor"), True))
        if role == "mentor":
            people += [(mentee, self.env._("Mentee"), True) for mentee in pair.mentee_ids]
        elif role == "mentee":
            people += [
                (mentee, self.env._("Group member"), False)
                for mentee in pair.mentee_ids
                if mentee.user_id != user
            ]
        result = []
        for participant, label, with_contact in people:
            contact = participant.employee_id.work_contact_id or participant.partner_id
            email = participant.employee_id.work_email or contact.email
            phone = (
                participant.employee_id.mobile_phone or participant.employee_id.work_phone or contact.phone
            )
            result.append(
                {
                    "name": participant.name,
                    "role": label,
                    "email": email if with_contact and policy in ("email", "email_phone") else False,
                    "phone": phone if with_contact and policy == "email_phone" else False,
                }
            )
        return result

    def _portal_plan_progress(self):
        """{pair id: (done, total)} of the non-cancelled activities of the pairs' programmes, in one
        query."""
        groups = (
            self.env["mentorship.plan.line"]
            .sudo()
            ._read_group(
                [("pair_id", "in", self.ids), ("state", "!=", "cancelled")],
                ["pair_id", "state"],
                ["__count"],
            )
        )
        progress = {pair_id: [0, 0] for pair_id in self.ids}
        for pair, state, count in groups:
            progress[pair.id][1] += count
            if state == "done":
                progress[pair.id][0] += count
        return {key: tuple(value) for key, value in progress.items()}

    def _portal_next_meetings(self):
        """{pair id: the next planned meeting} in one query."""
        meetings = (
            self.env["mentorship.meeting"]
            .sudo()
            .search(
                [
                    ("pair_id", "in", self.ids),
                    ("state", "=", "planned"),
                    ("start", ">=", fields.Datetime.now()),
                ],
                order="start asc",
            )
        )
        result = {}
        for meeting in meetings:
            result.setdefault(meeting.pair_id.id, meeting)
        return result

    def _portal_journey(self):
        """(percent of the planned term passed, days left) of the pair today."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        total = max((self.date_end - self.date_start).days, 1)
        passed = min(max((today - self.date_start).days, 0), total)
        end = self.date_closed or self.date_end
        return round(100 * passed / total), max((end - today).days, 0)

    # --- Curator's actions ----------------------------------------------------------------------

    def _portal_invitees(self):
        """Contacts to invite to the portal: mentors and mentees who are contacts (students,
        external mentors) and the legal representatives of minor mentees. Employees keep their
        internal users."""
        participants = self.mentor_id | self.mentee_ids
        return participants._portal_invitees()

    def action_portal_grant_access(self):
        return self._portal_invitees()._mentorship_open_portal_wizard()

    def action_portal_request_consents(self):
        requests = self.env["mentorship.consent.request"]._create_missing_for_pairs(self)
        if not requests:
            raise UserError(self.env._("No consent is missing from the minors of these pairs."))
        for pair in self:
            pair.message_post(
                body=Markup("%s")
                % self.env._("Consent requests sent to the legal representatives on the portal."),
                subtype_xmlid="mail.mt_note",
            )
        return requests._action_open()
