from odoo import api, fields, models

from ..tools.actions import window_action


class MentorshipMeetingJointWizard(models.TransientModel):
    """The group final meeting of all pairs and groups of a programme (domain §8.1, item 6), created
    for every active pair in one action."""

    _name = "mentorship.meeting.joint.wizard"
    _description = "Joint Final Meeting of All Pairs"

    programme_id = fields.Many2one("mentorship.programme", required=True)
    name = fields.Char(
        string="Subject", required=True, default=lambda self: self.env._("Joint Final Meeting")
    )
    start = fields.Datetime(required=True)
    duration = fields.Float(required=True, default=2.0, help="In hours.")
    location = fields.Char(string="Place")
    online_url = fields.Char(string="Online Link")
    pair_ids = fields.Many2many("mentorship.pair", compute="_compute_pair_ids", string="Active Pairs")

    @api.depends("programme_id")
    def _compute_pair_ids(self):
        for wizard in self:
            wizard.pair_ids = wizard.programme_id.pair_ids.filtered(lambda pair: pair.state == "active")

    def action_create(self):
        self.ensure_one()
        pairs = self.programme_id.pair_ids.filtered(lambda pair: pair.state == "active")
        meetings = self.env["mentorship.meeting"]._create_joint_final_meetings(
            pairs,
            {
                "name": self.name,
                "start": self.start,
                "duration": self.duration,
                "location": self.location,
                "online_url": self.online_url,
            },
        )
        return window_action(
            self.name, "mentorship.meeting", "list,form", domain=[("id", "in", meetings.ids)]
        )
