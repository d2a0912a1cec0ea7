from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.mentorship_odoo.tools.actions import window_action


class MentorshipOpenEduCatImportWizard(models.TransientModel):
    """Puts the running students of an OpenEduCat course (or of some of its batches) into a
    programme's database of mentees or mentors, and optionally the course's teachers (faculty
    with an employee) among its mentors. Run it again: only those not there yet are added."""

    _name = "mentorship.openeducat.import.wizard"
    _description = "Import Students from OpenEduCat"

    programme_id = fields.Many2one("mentorship.programme", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="programme_id.company_id")
    role = fields.Selection(
        [("mentee", "Mentees"), ("mentor", "Mentors")],
        string="Students Become",
        required=True,
        default="mentee",
    )
    programme_form_ids = fields.Many2many(related="programme_id.form_ids", string="Programme Forms")
    form_id = fields.Many2one(
        "mentorship.form",
        string="Form of Mentoring",
        domain="[('id', 'in', programme_form_ids)]",
        help="The form the imported people are candidates for (optional).",
    )
    course_id = fields.Many2one("op.course", required=True)
    batch_ids = fields.Many2many(
        "op.batch",
        string="Batches",
        domain="[('course_id', '=', course_id)]",
        help="Empty: every batch of the course.",
    )
    include_faculty = fields.Boolean(
        string="Teachers of the Course as Mentors",
        help="Faculty who teach a subject of the course and are linked to an employee.",
    )

    @api.onchange("course_id")
    def _onchange_course_id(self):
        self.batch_ids = self.batch_ids.filtered(lambda batch: batch.course_id == self.course_id)

    def _students(self):
        """The active students with a running course detail in the course (and batches)."""
        self.ensure_one()
        domain = [("course_id", "=", self.course_id.id), ("state", "=", "running")]
        if self.batch_ids:
            domain.append(("batch_id", "in", self.batch_ids.ids))
        students = self.env["op.student.course"].search(domain).student_id.filtered("active")
        company = self.programme_id.company_id
        return students.filtered(lambda student: student.company_id in (company, self.env["res.company"]))

    def _faculty(self):
        self.ensure_one()
        if not self.include_faculty or not self.course_id.subject_ids:
            return self.env["op.faculty"]
        return self.env["op.faculty"].search([("faculty_subject_ids", "in", self.course_id.subject_ids.ids)])

    def _check_programme_rights(self):
        programme = self.programme_id
        user = self.env.user
        if not (
            self.env.su
            or user.has_group("mentorship_odoo.group_mentorship_manager")
            or (user.has_group("mentorship_odoo.group_mentorship_curator") and user in programme.curator_ids)
        ):
            raise UserError(
                self.env._(
                    "Only the curators of %(programme)s and mentoring managers may import its "
                    "participants.",
                    programme=programme.name,
                )
            )
        if programme.state == "closed":
            raise UserError(
                self.env._("%(programme)s is closed: nobody can join it.", programme=programme.name)
            )

    def action_import(self):
        self.ensure_one()
        self._check_programme_rights()
        students = self._students()
        faculty = self._faculty()
        if not students and not faculty:
            raise UserError(
                self.env._(
                    "No running student of %(course)s (in the chosen batches) belongs to %(company)s: "
                    "nothing to import.",
                    course=self.course_id.name,
                    company=self.programme_id.company_id.name,
                )
            )
        students._sync_mentorship_partner()
        Participant = self.env["mentorship.participant"]
        programme = self.programme_id
        existing = Participant.with_context(active_test=False).search(
            [
                ("programme_id", "=", programme.id),
                "|",
                "&",
                ("role", "=", self.role),
                ("partner_id", "in", students.partner_id.ids),
                "&",
                ("role", "=", "mentor"),
                ("employee_id", "in", faculty.emp_id.ids),
            ]
        )
        common = {"programme_id": programme.id, "form_id": self.form_id.id}
        vals_list = [
            {**common, "role": self.role, "partner_id": partner.id}
            for partner in students.partner_id - existing.partner_id
        ]
        company = programme.company_id
        employees = faculty.emp_id.filtered(lambda employee: employee.company_id == company)
        vals_list += [
            {**common, "role": "mentor", "employee_id": employee.id}
            for employee in employees - existing.employee_id
        ]
        created = Participant.create(vals_list)
        without_employee = faculty.filtered(lambda member: not member.emp_id)
        message = self.env._(
            "%(created)s added to %(programme)s, %(existing)s already there.",
            created=len(created),
            programme=programme.name,
            existing=len(existing),
        )
        if without_employee:
            message += " " + self.env._(
                "Teachers without an employee (create it on the faculty record first): %(names)s.",
                names=", ".join(without_employee.mapped("name")),
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Import from OpenEduCat"),
                "message": message,
                "type": "success",
                "sticky": bool(without_employee),
                "next": window_action(
                    self.env._("Participants"),
                    "mentorship.participant",
                    "list,form",
                    domain=[("programme_id", "=", programme.id)],
                ),
            },
        }
