from odoo import fields, models


class OpFaculty(models.Model):
    _inherit = "op.faculty"

    # The contact's birth date (the core's) under a label of its own, apart from OpenEduCat's.
    birthdate_date = fields.Date(
        related="partner_id.birthdate_date", string="Birth Date of the Contact", readonly=False
    )
