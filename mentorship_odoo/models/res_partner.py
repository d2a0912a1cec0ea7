from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

AGE_OF_MAJORITY = 18


class ResPartner(models.Model):
    """Students, graduates, external mentors and legal representatives are contacts."""

    _inherit = "res.partner"

    is_student = fields.Boolean(string="Student", help="A student or pupil of the institution.")
    is_graduate = fields.Boolean(string="Graduate", help="A graduate of the institution.")
    is_external_mentor = fields.Boolean(
        string="External Mentor",
        help="A mentor from outside the institution (employer, social partner); their "
        "organisation is the parent company of the contact.",
    )
    birthdate_date = fields.Date(string="Birthdate")
    study_group = fields.Char(help="Study group or class, e.g. «ТМ-21».")
    study_year = fields.Integer(string="Year of Study")
    is_minor = fields.Boolean(compute="_compute_is_minor", search="_search_is_minor", help="Under 18 today.")
    legal_representative_ids = fields.Many2many(
        "res.partner",
        "res_partner_legal_representative_rel",
        "minor_id",
        "representative_id",
        string="Legal Representatives",
        help="Parents or guardians who give consents and sign agreements for a minor.",
    )
    represented_partner_ids = fields.Many2many(
        "res.partner",
        "res_partner_legal_representative_rel",
        "representative_id",
        "minor_id",
        string="Represents",
    )

    @api.depends("birthdate_date")
    def _compute_is_minor(self):
        today = fields.Date.context_today(self)
        for partner in self:
            partner.is_minor = partner._is_minor_on(today)

    def _search_is_minor(self, operator, value):
        if operator not in ("=", "!="):
            raise ValidationError(self.env._("Unsupported search on “minor”."))
        limit = fields.Date.context_today(self) - relativedelta(years=AGE_OF_MAJORITY)
        minor_domain = [("birthdate_date", "!=", False), ("birthdate_date", ">", limit)]
        if (operator == "=") == bool(value):
            return minor_domain
        return ["|", ("birthdate_date", "=", False), ("birthdate_date", "<=", limit)]

    def _is_minor_on(self, on_date):
        self.ensure_one()
        if not self.birthdate_date:
            return False
        return relativedelta(on_date, self.birthdate_date).years < AGE_OF_MAJORITY

    @api.constrains("study_year")
    def _check_study_year(self):
        for partner in self:
            if partner.study_year < 0 or partner.study_year > 11:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the year of study must be between 1 and 11 (or empty).",
                        name=partner.name,
                    )
                )

    @api.constrains("legal_representative_ids", "represented_partner_ids")
    def _check_representatives(self):
        for partner in self:
            if partner in partner.legal_representative_ids:
                raise ValidationError(
                    self.env._("%(name)s cannot be their own legal representative.", name=partner.name)
                )
