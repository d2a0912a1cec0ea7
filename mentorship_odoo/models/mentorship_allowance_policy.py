from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.allowance_calculator import (
    DEFAULT_ADJUSTMENT_MONTHS,
    DEFAULT_EARNING_CODE,
    DEFAULT_RATE,
    policy_scope_keys,
)

GROUP_MODES = [
    ("all_absent", "Suspend Only When All Mentees Are Absent"),
    ("proportional", "Suspend Proportionally (1/n per Absent Mentee)"),
]


class MentorshipAllowancePolicy(models.Model):
    """How the mentor allowance is computed (seed 004 §5.2, made configurable): one company-wide
    policy, overridden per programme, per form of mentoring, or per programme and form."""

    _name = "mentorship.allowance.policy"
    _description = "Mentor Allowance Policy"
    _order = "company_id, programme_id, form_id, id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    programme_id = fields.Many2one(
        "mentorship.programme",
        check_company=True,
        ondelete="cascade",
        help="Leave empty for a policy of the whole company (or of a form in every programme).",
    )
    form_id = fields.Many2one(
        "mentorship.form",
        string="Form of Mentoring",
        ondelete="cascade",
        domain="['|', ('company_id', '=', False), ('company_id', '=', company_id)]",
        help="Leave empty for a policy of the whole company (or of every form in the programme).",
    )
    scope = fields.Selection(
        [
            ("company", "Company"),
            ("programme", "Programme"),
            ("form", "Form of Mentoring"),
            ("programme_form", "Programme and Form"),
        ],
        compute="_compute_name",
        store=True,
        help="The most specific policy applies: programme and form, then programme, then form, "
        "then the company's.",
    )
    rate = fields.Float(
        string="Rate (%)",
        digits=(5, 2),
        default=DEFAULT_RATE,
        required=True,
        help="Percentage of the mentor's contract wage (должностной оклад) paid per month.",
    )
    leave_type_ids = fields.Many2many(
        "hr.leave.type",
        string="Suspending Time Off Types",
        help="Time off of these types suspends the allowance. Leave empty: every type suspends "
        "(sick leave, vacation, …).",
    )
    suspend_on_mentor_leave = fields.Boolean(
        string="Suspend on the Mentor's Own Time Off",
        default=True,
        help="No allowance for the days the mentor is on time off.",
    )
    group_mode = fields.Selection(
        GROUP_MODES,
        string="Groups",
        required=True,
        default="all_absent",
        help="For a group: suspend a day only when every mentee is absent, or reduce it by 1/n "
        "for each of the n mentees who is absent.",
    )
    earning_code = fields.Char(
        required=True,
        default=DEFAULT_EARNING_CODE,
        help="The earning (вид начисления) code that the 1C:ZUP export uses.",
    )
    adjustment_months = fields.Integer(
        string="Months Rechecked",
        default=DEFAULT_ADJUSTMENT_MONTHS,
        help="Company policy only: how many past months a generation rechecks for changes "
        "(time off validated late, corrected wages) that need an adjustment line.",
    )
    note = fields.Text()

    @api.depends("programme_id.name", "form_id.name", "company_id.name")
    def _compute_name(self):
        for policy in self:
            if policy.programme_id and policy.form_id:
                policy.scope = "programme_form"
                policy.name = f"{policy.programme_id.name} · {policy.form_id.name}"
            elif policy.programme_id:
                policy.scope = "programme"
                policy.name = policy.programme_id.name
            elif policy.form_id:
                policy.scope = "form"
                policy.name = policy.form_id.name
            else:
                policy.scope = "company"
                policy.name = self.env._("%(company)s (company policy)", company=policy.company_id.name)

    def init(self):
        # One active policy per company, programme and form (NULLs compared as equal).
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS mentorship_allowance_policy_scope_uniq
            ON mentorship_allowance_policy (company_id, COALESCE(programme_id, 0), COALESCE(form_id, 0))
            WHERE active
            """
        )

    @api.constrains("rate")
    def _check_rate(self):
        for policy in self:
            if policy.rate < 0 or policy.rate > 100:
                raise ValidationError(
                    self.env._(
                        "Policy «%(policy)s»: the rate must be between 0 and 100 %%.", policy=policy.name
                    )
                )

    @api.constrains("adjustment_months")
    def _check_adjustment_months(self):
        for policy in self:
            if policy.adjustment_months < 0 or policy.adjustment_months > 36:
                raise ValidationError(
                    self.env._(
                        "Policy «%(policy)s»: recheck between 0 and 36 past months.", policy=policy.name
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # Checked before the insert so that the user reads this message rather than the unique
        # index's; the index stays the guarantee.
        for vals in vals_list:
            if vals.get("active", True):
                self._check_scope_free(
                    vals.get("company_id") or self.env.company.id,
                    vals.get("programme_id"),
                    vals.get("form_id"),
                )
        return super().create(vals_list)

    @api.constrains("company_id", "programme_id", "form_id", "active")
    def _check_unique_scope(self):
        for policy in self.filtered("active"):
            policy._check_scope_free(
                policy.company_id.id, policy.programme_id.id, policy.form_id.id, policy.id
            )

    @api.model
    def _check_scope_free(self, company_id, programme_id, form_id, own_id=False):
        duplicate = self.sudo().search(
            [
                ("id", "!=", own_id),
                ("company_id", "=", company_id),
                ("programme_id", "=", programme_id or False),
                ("form_id", "=", form_id or False),
            ],
            limit=1,
        )
        if duplicate:
            raise ValidationError(
                self.env._(
                    "There is already a policy for «%(scope)s»: edit that one instead.", scope=duplicate.name
                )
            )

    # --- The policy of a pair -------------------------------------------------------------

    @api.model
    def _for_pair(self, pair):
        """The active policy that applies to ``pair`` (the most specific one), or an empty recordset
        when only the built-in defaults apply. The same precedence as the accruals use."""
        pair.ensure_one()
        policies = self.sudo().search(
            [
                ("company_id", "=", pair.company_id.id),
                ("programme_id", "in", [pair.programme_id.id, False]),
                ("form_id", "in", [pair.form_id.id, False]),
            ]
        )
        by_scope = {
            (policy.programme_id.id or False, policy.form_id.id or False): policy for policy in policies
        }
        for key in policy_scope_keys(pair.programme_id.id or False, pair.form_id.id or False):
            if key in by_scope:
                return by_scope[key]
        return self.browse()

    @api.model
    def _get_agreement_pay(self, pair):
        """(rate in %, base salary) of the mentor's supplementary agreement for ``pair``: the rate of
        the policy that applies to the pair (the built-in 15 % without one) of the mentor's contract
        wage; no rate when the form pays no allowance or mentoring is part of the job duties."""
        employee = pair.mentor_id.employee_id
        if not employee:
            return 0.0, 0.0
        base = employee.sudo().contract_id.wage or 0.0
        if pair.duties_include_mentoring or not pair.form_id.allowance_applicable:
            return 0.0, base
        policy = self._for_pair(pair)
        return (policy.rate if policy else DEFAULT_RATE), base
