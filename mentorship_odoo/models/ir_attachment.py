from odoo import api, models
from odoo.exceptions import UserError


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_registered_mentorship_document(self):
        """The stored file of a registered mentoring document, and the scan of a signed one, are kept."""
        attachments = self.filtered(lambda att: att.res_model == "mentorship.document" and att.res_id)
        if not attachments:
            return
        documents = self.env["mentorship.document"].sudo().browse(attachments.mapped("res_id")).exists()
        for attachment in attachments:
            document = documents.filtered(lambda doc, att=attachment: doc.id == att.res_id)
            registered_file = (
                document.state in ("registered", "signed") and attachment == document.attachment_id
            )
            signed_scan = document.state == "signed" and attachment.res_field == "signed_file"
            if registered_file or signed_scan:
                raise UserError(
                    self.env._(
                        "%(file)s belongs to registered document %(document)s and cannot be deleted.",
                        file=attachment.name,
                        document=document.display_name,
                    )
                )
