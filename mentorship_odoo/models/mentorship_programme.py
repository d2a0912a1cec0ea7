from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.actions import window_action


class MentorshipProgramme(models.Model):
    """A mentoring programme of one organisation for a period (программа наставничества)."""

    _name = "mentorship.programme"
    _description = "Mentoring Programme"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("running", "Running"),
            ("closed", "Closed"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    curator_ids = fields.Many2many(
        "res.users",
        string="Curators",
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("mentorship_odoo.group_mentorship_curator").id)
        ],
    )
    form_ids = fields.Many2many("mentorship.form", string="Forms of Mentoring")
    description = fields.Html(string="Goals and Tasks")
    order_number = fields.Char(string="Approval Order No.", tracking=True)
    order_date = fields.Date(string="Approval Order Date", tracking=True)
    council_protocol_number = fields.Char(string="Council Protocol No.", tracking=True)
    council_protocol_date = fields.Date(tracking=True)
    participant_ids = fields.One2many("mentorship.participant", "programme_id", string="Participants")
    pair_ids = fields.One2many("mentorship.pair", "programme_id", string="Pairs and Groups")
    participant_count = fields.Integer(compute="_compute_counts")
    mentor_count = fields.Integer(compute="_compute_counts")
    mentee_count = fields.Integer(compute="_compute_counts")
    pair_count = fields.Integer(compute="_compute_counts")
    active_pair_count = fields.Integer(compute="_compute_counts")
    roadmap_item_ids = fields.One2many("mentorship.roadmap.item", "programme_id", string="Road Map")
    roadmap_item_count = fields.Integer(compute="_compute_roadmap_counts")
    roadmap_overdue_count = fields.Integer(compute="_compute_roadmap_counts", string="Overdue Road-Map Items")
    meeting_count = fields.Integer(compute="_compute_meeting_count")

    @api.depends("participant_ids.role", "pair_ids.state")
    def _compute_counts(self):
        participants = {
            (programme.id, role): count
            for programme, role, count in self.env["mentorship.participant"]._read_group(
                [("programme_id", "in", self.ids)], ["programme_id", "role"], ["__count"]
            )
        }
        pairs = {
            (programme.id, state): count
            for programme, state, count in self.env["mentorship.pair"]._read_group(
                [("programme_id", "in", self.ids)], ["programme_id", "state"], ["__count"]
            )
        }
        for programme in self:
            programme.mentor_count = participants.get((programme.id, "mentor"), 0)
            programme.mentee_count = participants.get((programme.id, "mentee"), 0)
            programme.participant_count = programme.mentor_count + programme.mentee_count
            programme.pair_count = sum(c for (pid, _state), c in pairs.items() if pid == programme.id)
            programme.active_pair_count = pairs.get((programme.id, "active"), 0)

    def _compute_roadmap_counts(self):
        Item = self.env["mentorship.roadmap.item"]
        totals = dict(Item._read_group([("programme_id", "in", self.ids)], ["programme_id"], ["__count"]))
        overdue = dict(
            Item._read_group(
                [("programme_id", "in", self.ids), ("is_overdue", "=", True)], ["programme_id"], ["__count"]
            )
        )
        for programme in self:
            programme.roadmap_item_count = totals.get(programme, 0)
            programme.roadmap_overdue_count = overdue.get(programme, 0)

    def _compute_meeting_count(self):
        counts = dict(
            self.env["mentorship.meeting"]._read_group(
                [("programme_id", "in", self.ids)], ["programme_id"], ["__count"]
            )
        )
        for programme in self:
            programme.meeting_count = counts.get(programme, 0)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for programme in self:
            if programme.date_end < programme.date_start:
                raise ValidationError(
                    self.env._(
                        "Programme «%(name)s» ends before it starts: correct its dates.",
                        name=programme.name,
                    )
                )

    def action_approve(self):
        for programme in self:
            if programme.state != "draft":
                raise UserError(self.env._("Only a draft programme can be approved."))
            if not (programme.order_number and programme.order_date):
                raise UserError(
                    self.env._(
                        "Enter the number and date of the order that approves programme «%(name)s» "
                        "before approving it.",
                        name=programme.name,
                    )
                )
            if not programme.form_ids:
                raise UserError(
                    self.env._(
                        "Choose at least one form of mentoring for programme «%(name)s».",
                        name=programme.name,
                    )
                )
        self.write({"state": "approved"})

    def action_start(self):
        if any(programme.state != "approved" for programme in self):
            raise UserError(self.env._("Only an approved programme can be started."))
        self.write({"state": "running"})

    def action_close(self):
        for programme in self:
            if programme.state != "running":
                raise UserError(self.env._("Only a running programme can be closed."))
            if programme.pair_ids.filtered(lambda pair: pair.state == "active"):
                raise UserError(
                    self.env._(
                        "Programme «%(name)s» still has active pairs: complete or terminate them "
                        "before closing it.",
                        name=programme.name,
                    )
                )
        self.write({"state": "closed"})

    def action_reset_draft(self):
        if any(programme.state != "approved" for programme in self):
            raise UserError(
                self.env._("Only an approved programme that has not started can go back to draft.")
            )
        self.write({"state": "draft"})

    def _action_open(self, model, name, extra_domain=None, context=None):
        self.ensure_one()
        return window_action(
            name,
            model,
            "list,kanban,form",
            domain=[("programme_id", "=", self.id), *(extra_domain or [])],
            context={"default_programme_id": self.id, **(context or {})},
        )

    def action_open_pairs(self):
        return self._action_open("mentorship.pair", self.env._("Pairs and Groups"))

    def action_open_participants(self):
        return self._action_open("mentorship.participant", self.env._("Participants"))

    def action_open_mentors(self):
        return self._action_open(
            "mentorship.participant",
            self.env._("Mentors"),
            [("role", "=", "mentor")],
            {"default_role": "mentor"},
        )

    def action_open_mentees(self):
        return self._action_open(
            "mentorship.participant",
            self.env._("Mentees"),
            [("role", "=", "mentee")],
            {"default_role": "mentee"},
        )

    def action_open_roadmap(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mentorship_odoo.mentorship_roadmap_item_action"
        )
        action["domain"] = [("programme_id", "=", self.id)]
        action["context"] = {"default_programme_id": self.id, "search_default_group_stage": 1}
        action["name"] = self.env._("Road Map of %(programme)s", programme=self.name)
        return action

    def action_open_meetings(self):
        return self._action_open("mentorship.meeting", self.env._("Meetings"))

    def action_open_roadmap_wizard(self):
        self.ensure_one()
        return window_action(
            self.env._("Generate Road Map"),
            "mentorship.roadmap.generate.wizard",
            context={"default_programme_id": self.id},
            target="new",
        )

    def action_open_joint_meeting_wizard(self):
        self.ensure_one()
        return window_action(
            self.env._("Joint Final Meeting"),
            "mentorship.meeting.joint.wizard",
            context={"default_programme_id": self.id},
            target="new",
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(programme.state != "draft" for programme in self):
            raise UserError(
                self.env._(
                    "Only draft programmes can be deleted; a programme that was approved stays on record."
                )
            )
