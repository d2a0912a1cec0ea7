import base64

from odoo import Command, fields, models
from odoo.exceptions import UserError

# Evidence uploaded on the portal: at most this many bytes per file.
MAX_EVIDENCE_BYTES = 20 * 1024 * 1024


class MentorshipPlanLine(models.Model):
    _inherit = "mentorship.plan.line"
    # The mentee also reports an activity done; the mentor confirms it (sets the status).
    _mentee_writable_fields = ("mentee_reflection", "evidence_ids", "mentee_done_date")

    mentee_done_date = fields.Date(
        string="Reported Done by the Mentee On",
        copy=False,
        help="The mentee ticked the activity done on the portal; the mentor confirms it.",
    )
    mentor_comment = fields.Text(string="Mentor's Comment")

    def _portal_mentee_update(self, done=None, reflection=None, files=(), user=None):
        """The mentee's part of an activity from the portal, with the back office's field rights
        (mentorship.mentee.access.mixin) checked as the mentee."""
        self.ensure_one()
        user = user or self.env.user
        pair = self.sudo().pair_id
        pair._portal_check_role(("mentee",), user)
        pair._portal_check_open()
        vals = {}
        if done is not None:
            vals["mentee_done_date"] = fields.Date.context_today(self) if done else False
        if reflection is not None:
            vals["mentee_reflection"] = reflection
        attachments = self.env["ir.attachment"]
        for name, content in files:
            if len(content) > MAX_EVIDENCE_BYTES:
                raise UserError(self.env._("File %(name)s is larger than 20 MB.", name=name))
            # sudo: the mentee's part of the activity is checked below before anything is linked.
            attachments |= attachments.sudo().create(
                {
                    "name": name,
                    "datas": base64.b64encode(content),
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        if attachments:
            vals["evidence_ids"] = [Command.link(att.id) for att in attachments]
        if not vals:
            return
        self.with_user(user)._check_mentee_access("write", list(vals))
        self.sudo().write(vals)

    def _portal_mentor_update(self, comment=None, confirm=False, user=None):
        """The mentor comments an activity and confirms it done."""
        self.ensure_one()
        user = user or self.env.user
        pair = self.sudo().pair_id
        pair._portal_check_role(("mentor",), user)
        pair._portal_check_open()
        vals = {}
        if comment is not None:
            vals["mentor_comment"] = comment
        if confirm:
            if self.state in ("done", "cancelled"):
                raise UserError(self.env._("This activity is already closed."))
            vals["state"] = "done"
        if vals:
            self.sudo().write(vals)
