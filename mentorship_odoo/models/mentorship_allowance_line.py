from odoo import api, fields, models
from odoo.exceptions import UserError

from .mentorship_allowance import AMOUNT_GROUPS, DETAIL_GROUPS
from .mentorship_allowance_policy import GROUP_MODES


class MentorshipAllowanceLine(models.Model):
    """One pair's allowance in a month's accrual, or an adjustment of an earlier month."""

    _name = "mentorship.allowance.line"
    _inherit = ["mentorship.frozen.mixin"]
    _description = "Mentor Allowance Line"
    # The month first, not the accrual: ordering by the accrual sorts every line by its mentor's name.
    _order = "month desc, is_adjustment, corrected_month, pair_id, id"
    _check_company_auto = True

    allowance_id = fields.Many2one(
        "mentorship.allowance", string="Accrual", required=True, ondelete="cascade", index=True
    )
    # Stored copies of the accrual: what the record rules and the Analysis filter and group by
    # most. The mentor, their user and department are read through the accrual (a join): every
    # stored reference is a foreign key checked per row, and a region's month writes 50,000 lines.
    company_id = fields.Many2one(related="allowance_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="allowance_id.currency_id")
    employee_id = fields.Many2one(related="allowance_id.employee_id", string="Mentor")
    mentor_user_id = fields.Many2one(related="allowance_id.mentor_user_id", string="Mentor's User")
    department_id = fields.Many2one(related="allowance_id.department_id")
    month = fields.Date(related="allowance_id.month", store=True, index=True)
    state = fields.Selection(related="allowance_id.state", store=True)
    pair_id = fields.Many2one(
        "mentorship.pair", string="Pair or Group", required=True, ondelete="restrict", index=True
    )
    programme_id = fields.Many2one("mentorship.programme", readonly=True)
    form_id = fields.Many2one("mentorship.form", string="Form of Mentoring", readonly=True)
    policy_id = fields.Many2one(
        "mentorship.allowance.policy", readonly=True, help="Empty: the built-in defaults."
    )
    rate = fields.Float(string="Rate (%)", digits=(5, 2), readonly=True)
    group_mode = fields.Selection(GROUP_MODES, string="Groups", readonly=True)
    earning_code = fields.Char(readonly=True)
    is_adjustment = fields.Boolean(string="Adjustment", readonly=True)
    corrected_month = fields.Date(
        readonly=True, help="For an adjustment: the first day of the month that it corrects."
    )
    month_days = fields.Integer(
        string="Working Days in Month",
        readonly=True,
        help="Working days of the month in the mentor's schedule.",
    )
    period_days = fields.Integer(
        string="Working Days of the Pair",
        readonly=True,
        help="Working days of the month within the pair's dates.",
    )
    eligible_days = fields.Float(digits=(16, 2), readonly=True, help="Working days with an allowance.")
    suspended_days = fields.Float(
        digits=(16, 2),
        readonly=True,
        help="Working days without an allowance: the mentee (all mentees of a group, or 1/n "
        "each in proportional mode) or the mentor was absent, or no contract was running.",
    )
    suspension_reason = fields.Text(string="Reasons for Suspension", readonly=True, groups=DETAIL_GROUPS)
    leave_ids = fields.Many2many(
        "hr.leave",
        "mentorship_allowance_line_leave_rel",
        "line_id",
        "leave_id",
        string="Time Off",
        readonly=True,
        groups=DETAIL_GROUPS,
    )
    absence_ids = fields.Many2many(
        "mentorship.absence",
        "mentorship_allowance_line_absence_rel",
        "line_id",
        "absence_id",
        string="Student Absences",
        readonly=True,
        groups=DETAIL_GROUPS,
    )
    wage = fields.Monetary(
        readonly=True, groups=AMOUNT_GROUPS, help="The contract wage at the end of the period."
    )
    wage_details = fields.Char(string="Wages Used", readonly=True, groups=AMOUNT_GROUPS)
    amount_full = fields.Monetary(
        string="Full Amount", readonly=True, groups=AMOUNT_GROUPS, help="The allowance without suspensions."
    )
    amount_suspended = fields.Monetary(
        string="Suspended Amount", compute="_compute_amount_suspended", store=True, groups=AMOUNT_GROUPS
    )
    amount = fields.Monetary(readonly=True, groups=AMOUNT_GROUPS)
    own_amount = fields.Monetary(compute="_compute_own_amount", string="My Amount")

    @api.depends("amount_full", "amount")
    def _compute_amount_suspended(self):
        for line in self:
            line.amount_suspended = round(line.amount_full - line.amount, 2)

    @api.depends_context("uid")
    @api.depends("amount")
    def _compute_own_amount(self):
        visible = self.env["mentorship.allowance"]._amounts_visible()
        for line in self:
            sudo_line = line.sudo()
            shown = visible or sudo_line.mentor_user_id == self.env.user
            line.own_amount = sudo_line.amount if shown else 0.0

    @api.depends("pair_id.name", "is_adjustment", "corrected_month")
    def _compute_display_name(self):
        for line in self:
            if line.is_adjustment and line.corrected_month:
                line.display_name = self.env._(
                    "%(pair)s: correction of %(month)s",
                    pair=line.pair_id.name or "",
                    month=line.corrected_month.strftime("%m.%Y"),
                )
            else:
                line.display_name = line.pair_id.name or ""

    @api.model_create_multi
    def create(self, vals_list):
        allowance_ids = {vals.get("allowance_id") for vals in vals_list}
        allowances = self.env["mentorship.allowance"].browse([aid for aid in allowance_ids if aid])
        if allowances._frozen_records():
            raise UserError(self.env._("Lines can be added to draft accruals only."))
        return super().create(vals_list)

    # --- locking (mentorship.frozen.mixin): a line is frozen with its accrual (its state is the
    # accrual's), and none of its fields stays writable.

    def _frozen_write_message(self, frozen):
        return self.env._(
            "The lines of a confirmed accrual never change: later differences become "
            "adjustment lines in the next open month."
        )

    def _frozen_unlink_message(self, frozen):
        # Deleting a draft accrual deletes its lines (cascade) without asking this.
        return self.env._("Lines of a confirmed accrual cannot be deleted.")
