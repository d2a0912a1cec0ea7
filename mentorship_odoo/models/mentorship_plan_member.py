from odoo import api, fields, models

from .hr_employee import QUALIFICATION_CATEGORIES


class MentorshipPlanMember(models.Model):
    """A column of the general-information table of a personalised programme (общие сведения):
    the mentor's or a mentee's full name, education, teaching experience, position and
    qualification category, copied from the HR records when the programme is drawn up and
    refreshed on request, so that the document keeps the data it was signed with."""

    _name = "mentorship.plan.member"
    _description = "Personalised Programme: General Information"
    _inherit = ["mentorship.mentee.access.mixin"]
    _order = "plan_id, role, sequence, id"

    plan_id = fields.Many2one("mentorship.plan", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    participant_id = fields.Many2one("mentorship.participant", required=True)
    role = fields.Selection(related="participant_id.role", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Full Name")
    education = fields.Char()
    teaching_experience_years = fields.Integer(string="Teaching Experience (years)")
    position = fields.Char()
    qualification_category = fields.Selection(QUALIFICATION_CATEGORIES)
    study_group = fields.Char(help="For students: the study group or class.")

    def _get_mentorship_pair(self):
        return self.plan_id.pair_id

    @api.model
    def _prepare_person_values(self, participant, on_date):
        """Values of the table copied from the participant's HR or student record on ``on_date``."""
        employee = participant.employee_id
        partner = participant.partner_id
        if employee:
            return {
                "name": employee.name,
                "education": employee.teacher_education or False,
                "teaching_experience_years": employee._get_teaching_experience_years(on_date) or 0,
                "position": employee.job_title or False,
                "qualification_category": employee.qualification_category or False,
                "study_group": False,
            }
        return {
            "name": partner.name,
            "education": False,
            "teaching_experience_years": 0,
            "position": partner.function or False,
            "qualification_category": False,
            "study_group": partner.study_group or False,
        }
