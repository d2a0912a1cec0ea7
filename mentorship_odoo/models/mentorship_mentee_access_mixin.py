from odoo import api, fields, models
from odoo.exceptions import AccessError

# Fields that Odoo's own mechanisms write on a record a user merely follows or comments on.
MAIL_FIELDS = frozenset(
    {
        "message_main_attachment_id",
        "message_follower_ids",
        "message_ids",
        "activity_ids",
        "website_message_ids",
    }
)


class MentorshipMenteeAccessMixin(models.AbstractModel):
    """Mentees read their pair's plan and meetings but write only their own part of them: their
    reflections and the evidence of their work. Record rules give them the records; this mixin
    limits the fields, because record rules cannot.

    A model using it sets ``_mentee_writable_fields`` and implements ``_get_mentorship_pair``."""

    _name = "mentorship.mentee.access.mixin"
    _description = "Mentee Write Restrictions"

    _mentee_writable_fields = ()
    _mentee_parts_are_personal = False  # records belong to one mentee of a group: see _is_own_part_of

    is_mentee_only = fields.Boolean(
        compute="_compute_is_mentee_only",
        string="Read as Mentee",
        help="The current user is a mentee here (not the mentor or a curator) and may change only "
        "their reflections and evidence.",
    )

    def _get_mentorship_pair(self):
        """The pair whose mentor and mentees the record belongs to (one record)."""
        raise NotImplementedError()

    def _is_own_part_of(self, user):
        """Whether the record is ``user``'s own part when several mentees share a pair (a group)."""
        self.ensure_one()
        return True

    def _is_mentee_only_user(self, user):
        self.ensure_one()
        if user.has_group("mentorship_odoo.group_mentorship_curator"):
            return False
        pair = self._get_mentorship_pair()
        return user in pair.mentee_user_ids and user != pair.mentor_user_id

    @api.depends_context("uid")
    def _compute_is_mentee_only(self):
        for record in self:
            record.is_mentee_only = record._is_mentee_only_user(self.env.user)

    def _check_mentee_access(self, operation, field_names=()):
        """Raise when the current user is only a mentee of a record and ``operation`` goes beyond
        their part: creating or deleting records, or writing fields outside the allowed ones."""
        if self.env.su:
            return
        user = self.env.user
        allowed = set(self._mentee_writable_fields) | MAIL_FIELDS
        forbidden = [name for name in field_names if name not in allowed]
        if operation == "write" and not forbidden and not self._mentee_parts_are_personal:
            return
        for record in self:
            if not record._is_mentee_only_user(user):
                continue
            if not record._is_own_part_of(user):
                raise AccessError(
                    self.env._(
                        "This is another mentee's part of pair %(pair)s: you can change only your own.",
                        pair=record._get_mentorship_pair().name,
                    )
                )
            if operation == "write" and not forbidden:
                continue
            if operation != "write":
                raise AccessError(
                    self.env._(
                        "As a mentee you cannot add or delete %(what)s in pair %(pair)s: ask your "
                        "mentor or the curator.",
                        what=self._description,
                        pair=record._get_mentorship_pair().name,
                    )
                )
            if not self._mentee_writable_fields:
                raise AccessError(
                    self.env._(
                        "As a mentee you cannot change %(what)s of pair %(pair)s: ask your mentor.",
                        what=self._description,
                        pair=record._get_mentorship_pair().name,
                    )
                )
            labels = ", ".join(self._mentee_field_label(name) for name in forbidden)
            allowed_labels = ", ".join(
                self._mentee_field_label(name) for name in self._mentee_writable_fields
            )
            raise AccessError(
                self.env._(
                    "As a mentee you may change only %(allowed)s in %(what)s of pair %(pair)s, not "
                    "%(fields)s: ask your mentor to change them.",
                    allowed=allowed_labels,
                    what=self._description,
                    pair=record._get_mentorship_pair().name,
                    fields=labels,
                )
            )

    def _mentee_field_label(self, name):
        field = self._fields.get(name)
        return f"«{field._description_string(self.env) if field else name}»"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._check_mentee_access("create")
        return records

    def write(self, vals):
        self._check_mentee_access("write", list(vals))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_not_by_mentee(self):
        self._check_mentee_access("unlink")
