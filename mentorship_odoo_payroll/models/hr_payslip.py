from odoo import Command, api, fields, models

MENTOR_INPUT_CODE = "MENTOR_ALLOWANCE"


class HrPayslip(models.Model):
    _inherit = "hr.payslip"

    mentorship_allowance_ids = fields.One2many(
        "mentorship.allowance", "payslip_id", string="Mentor Allowances Paid", readonly=True
    )

    @api.model
    def _get_mentorship_allowances(self, employee, company, date_from, date_to):
        """Confirmed accruals of ``employee`` in ``company`` for the months of the period (a month
        belongs to the period when its first day does). Exported accruals are paid in 1C, paid
        ones already were: neither is taken."""
        if not (employee and date_from and date_to):
            return self.env["mentorship.allowance"]
        date_from = fields.Date.to_date(date_from)
        # sudo: payroll users compute payslips without the mentoring payroll group, and the
        # amounts are restricted to that group.
        return (
            self.env["mentorship.allowance"]
            .sudo()
            .search(
                [
                    ("employee_id", "=", employee.id),
                    ("company_id", "=", (company or self.env.company).id),
                    ("state", "=", "confirmed"),
                    ("month", ">=", date_from.replace(day=1)),
                    ("month", "<=", fields.Date.to_date(date_to)),
                ]
            )
        )

    @api.model
    def get_inputs(self, contracts, date_from, date_to):
        """One MENTOR_ALLOWANCE input (on the first contract) that carries the confirmed allowance."""
        res = super().get_inputs(contracts, date_from, date_to)
        ours = [vals for vals in res if vals.get("code") == MENTOR_INPUT_CODE]
        if not ours:
            return res
        allowances = self._get_mentorship_allowances(
            contracts.employee_id[:1], contracts.company_id[:1], date_from, date_to
        )
        vals = dict(
            ours[0],
            contract_id=contracts[:1].id,
            amount=sum(allowances.mapped("amount_total")),
            mentorship_allowance_ids=[Command.set(allowances.ids)],
        )
        return [line for line in res if line.get("code") != MENTOR_INPUT_CODE] + [vals]

    def _refresh_mentorship_allowance_input(self):
        """Bring the MENTOR_ALLOWANCE input up to date before the slip is computed: accruals may
        have been confirmed (or paid elsewhere) since the slip was created."""
        Input = self.env["hr.payslip.input"]
        for slip in self.filtered(lambda s: s.state in ("draft", "verify") and not s.credit_note):
            lines = slip.input_line_ids.filtered(lambda line: line.code == MENTOR_INPUT_CODE)
            rule_inputs = slip._get_salary_rules().input_ids.filtered(lambda i: i.code == MENTOR_INPUT_CODE)
            contracts = slip._get_employee_contracts()
            if not rule_inputs or not contracts:
                lines.unlink()
                continue
            allowances = self._get_mentorship_allowances(
                slip.employee_id, slip.company_id, slip.date_from, slip.date_to
            )
            vals = {
                "amount": sum(allowances.mapped("amount_total")),
                "contract_id": contracts[:1].id,
                "mentorship_allowance_ids": [Command.set(allowances.ids)],
            }
            if lines:
                lines[0].write(vals)
                lines[1:].unlink()
            else:
                Input.create(dict(vals, payslip_id=slip.id, name=rule_inputs[0].name, code=MENTOR_INPUT_CODE))

    def compute_sheet(self):
        self._refresh_mentorship_allowance_input()
        return super().compute_sheet()

    def action_payslip_done(self):
        res = super().action_payslip_done()
        for slip in self.filtered(lambda s: not s.credit_note):
            if not slip.line_ids.filtered(lambda line: line.code == MENTOR_INPUT_CODE):
                continue  # the structure does not pay the allowance: it stays payable
            allowances = slip.input_line_ids.filtered(
                lambda line: line.code == MENTOR_INPUT_CODE
            ).mentorship_allowance_ids.sudo()
            if allowances:
                allowances._mark_paid()
                allowances.write({"payslip_id": slip.id})
                for allowance in allowances:
                    allowance.message_post(
                        body=self.env._("Paid by payslip %(slip)s.", slip=slip.number or slip.name)
                    )
        return res

    def _unpay_mentorship_allowances(self):
        """A cancelled or refunded payslip no longer pays its accruals: they are payable again."""
        allowances = (
            self.env["mentorship.allowance"]
            .sudo()
            .search([("payslip_id", "in", self.ids), ("state", "=", "paid")])
        )
        for allowance in allowances:
            allowance.message_post(
                body=self.env._(
                    "Payslip %(slip)s was cancelled or refunded: the allowance is payable again.",
                    slip=allowance.payslip_id.number or allowance.payslip_id.name,
                )
            )
        allowances._mark_unpaid()
        allowances.write({"payslip_id": False})

    def action_payslip_cancel(self):
        res = super().action_payslip_cancel()
        self._unpay_mentorship_allowances()
        return res

    def refund_sheet(self):
        res = super().refund_sheet()
        self._unpay_mentorship_allowances()
        return res
