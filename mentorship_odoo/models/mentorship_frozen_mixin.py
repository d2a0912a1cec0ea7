from odoo import api, models
from odoo.exceptions import UserError

# The chatter (messages, followers, activities) stays open on a frozen record.
CHATTER_PREFIXES = ("message_", "activity_", "website_message")


class MentorshipFrozenMixin(models.AbstractModel):
    """A record that never changes once it is no longer a draft: what has been confirmed,
    exported or registered is kept as it was, and a later difference is recorded elsewhere (an
    adjustment, a re-export, a new version).

    A model that inherits it says which of its fields still change (its workflow fields) in
    :meth:`_frozen_writable_fields` and words its refusals in :meth:`_frozen_write_message` and
    :meth:`_frozen_unlink_message`; :meth:`_check_write` is where it adds rules of its own that
    must be checked before anything is written."""

    _name = "mentorship.frozen.mixin"
    _description = "Record Frozen Once Not Draft"

    def _frozen_records(self):
        """The records of ``self`` that are frozen: those no longer in the draft state."""
        return self.filtered(lambda record: record.state != "draft")

    @api.model
    def _frozen_writable_fields(self):
        """Fields that may still be written on a frozen record."""
        return set()

    def _frozen_write_message(self, frozen):
        """The refusal of a write to the ``frozen`` records (translated)."""
        return self.env._("%(record)s is no longer a draft and cannot change.", record=frozen[0].display_name)

    def _frozen_unlink_message(self, frozen):
        """The refusal to delete the ``frozen`` records (translated)."""
        return self.env._(
            "%(record)s is no longer a draft and cannot be deleted.", record=frozen[0].display_name
        )

    def _check_write(self, vals):
        """Refuse ``vals`` on frozen records unless every field in it is still writable."""
        writable = self._frozen_writable_fields()
        if any(name not in writable and not name.startswith(CHATTER_PREFIXES) for name in vals):
            frozen = self._frozen_records()
            if frozen:
                raise UserError(self._frozen_write_message(frozen))

    def write(self, vals):
        # Access rights first: someone who may not write at all is told so, not that it is frozen.
        self.check_access("write")
        self._check_write(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_frozen(self):
        frozen = self._frozen_records()
        if frozen:
            raise UserError(self._frozen_unlink_message(frozen))
