from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class MentorshipAward(models.Model):
    """An encouragement given to a mentor or to a pair or group for a year (e.g. «Наставник
    года 2024», thanks in order № 45-к)."""

    _name = "mentorship.award"
    _description = "Mentoring Award"
    _inherit = ["mail.thread"]
    _order = "year desc, date desc, id desc"
    _check_company_auto = True

    nomination_id = fields.Many2one(
        "mentorship.nomination", required=True, tracking=True, ondelete="restrict"
    )
    recipient_type = fields.Selection(
        [("mentor", "Mentor"), ("pair", "Pair or Group")],
        string="Awarded To",
        required=True,
        default="mentor",
        tracking=True,
    )
    programme_id = fields.Many2one(
        "mentorship.programme", required=True, index=True, check_company=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="programme_id.company_id", store=True, index=True)
    mentor_id = fields.Many2one(
        "mentorship.participant",
        index="btree_not_null",
        tracking=True,
        domain="[('programme_id', '=', programme_id), ('role', '=', 'mentor')]",
    )
    pair_id = fields.Many2one(
        "mentorship.pair",
        string="Pair or Group",
        index="btree_not_null",
        tracking=True,
        domain="[('programme_id', '=', programme_id)]",
    )
    awarded_mentor_id = fields.Many2one(
        "mentorship.participant",
        compute="_compute_mentor",
        store=True,
        index="btree_not_null",
        string="Mentor Honoured",
        help="The mentor, or the mentor of the pair or group, whose honour board shows the award.",
    )
    mentor_user_id = fields.Many2one(
        "res.users", compute="_compute_mentor", store=True, string="Mentor's User", index="btree_not_null"
    )
    recipient_name = fields.Char(string="Recipient", compute="_compute_mentor", store=True)
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year, tracking=True
    )
    date = fields.Date(default=fields.Date.context_today, tracking=True)
    order_number = fields.Char(string="Order No.", tracking=True)
    order_date = fields.Date(tracking=True)
    document = fields.Binary(attachment=True, copy=False)
    document_name = fields.Char(copy=False)
    reason = fields.Text(string="For What")
    state = fields.Selection(
        [("proposed", "Proposed"), ("awarded", "Awarded"), ("cancelled", "Cancelled")],
        default="proposed",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )

    _sql_constraints = [
        ("year_valid", "CHECK(year BETWEEN 2000 AND 2100)", "Enter the year with four digits."),
    ]

    @api.depends("recipient_type", "mentor_id.name", "mentor_id.user_id", "pair_id.mentor_id")
    def _compute_mentor(self):
        for award in self:
            mentor = award.mentor_id if award.recipient_type == "mentor" else award.pair_id.mentor_id
            award.awarded_mentor_id = mentor
            award.mentor_user_id = mentor.user_id
            award.recipient_name = (
                award.mentor_id.name if award.recipient_type == "mentor" else award.pair_id.display_name
            )

    @api.depends("nomination_id.name", "recipient_name", "year")
    def _compute_display_name(self):
        for award in self:
            award.display_name = (
                f"{award.nomination_id.name or ''} {award.year}: {award.recipient_name or ''}"
            )

    @api.constrains("recipient_type", "mentor_id", "pair_id", "nomination_id", "programme_id")
    def _check_recipient(self):
        for award in self:
            if award.recipient_type == "mentor":
                if not award.mentor_id or award.mentor_id.role != "mentor":
                    raise ValidationError(self.env._("Choose the mentor who receives the award."))
                if award.mentor_id.programme_id != award.programme_id:
                    raise ValidationError(
                        self.env._(
                            "%(person)s is not a mentor of this programme.", person=award.mentor_id.name
                        )
                    )
            else:
                if not award.pair_id:
                    raise ValidationError(self.env._("Choose the pair or group that receives the award."))
                if award.pair_id.programme_id != award.programme_id:
                    raise ValidationError(
                        self.env._("Pair %(pair)s is not in this programme.", pair=award.pair_id.name)
                    )
            allowed = award.nomination_id.recipient_type
            if allowed != "both" and allowed != award.recipient_type:
                raise ValidationError(
                    self.env._(
                        "Nomination «%(nomination)s» is given only to %(allowed)s.",
                        nomination=award.nomination_id.name,
                        allowed=dict(
                            award.nomination_id._fields["recipient_type"]._description_selection(self.env)
                        )[allowed].lower(),
                    )
                )

    @api.onchange("recipient_type")
    def _onchange_recipient_type(self):
        if self.recipient_type == "mentor":
            self.pair_id = False
        else:
            self.mentor_id = False

    def action_award(self):
        if any(award.state != "proposed" for award in self):
            raise UserError(self.env._("Only proposed awards can be given."))
        self.write({"state": "awarded", "date": fields.Date.context_today(self)})

    def action_cancel(self):
        if any(award.state == "cancelled" for award in self):
            raise UserError(self.env._("This award is already cancelled."))
        self.write({"state": "cancelled"})

    def action_reset_proposed(self):
        self.write({"state": "proposed"})
