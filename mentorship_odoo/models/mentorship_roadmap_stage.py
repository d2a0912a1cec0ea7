from odoo import fields, models


class MentorshipRoadmapStage(models.Model):
    """Stage of the road map (этап). Seeded with the seven stages of the target model (order
    Р-145, domain §3.1) and editable: schools that use other stages add or rename them."""

    _name = "mentorship.roadmap.stage"
    _description = "Road-Map Stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True, help="The task of the stage.")
    active = fields.Boolean(default=True)
    fold = fields.Boolean(string="Folded in Kanban")
