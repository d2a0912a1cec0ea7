from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models

from odoo.addons.mentorship_odoo.tools.actions import window_action

# OpenEduCat fields whose change the mentoring student (the partner) takes over.
SYNC_FIELDS = {"birth_date", "course_detail_ids", "active"}
MAX_STUDY_YEAR = 11  # the core's limit (school classes 1–11, college courses 1–4)


def study_year_on(batch_start, on_date):
    """The year of study of a batch that started on ``batch_start``, on ``on_date``: the first
    year until the first anniversary of the start, and so on (1 to 11)."""
    if not batch_start or on_date < batch_start:
        return 1
    return min(relativedelta(on_date, batch_start).years + 1, MAX_STUDY_YEAR)


class OpStudent(models.Model):
    """An OpenEduCat student is the mentoring student: its partner (``_inherits``) is the contact
    the mentoring models use, so no second student record exists. The birth date, the batch
    (study group) and the year of the course (year of study) are copied onto that partner, and
    OpenEduCat's parents become its legal representatives."""

    _inherit = "op.student"

    # The contact's birth date (the core's) under a label of its own, apart from OpenEduCat's.
    birthdate_date = fields.Date(
        related="partner_id.birthdate_date", string="Birth Date of the Contact", readonly=False
    )
    mentorship_participant_count = fields.Integer(
        string="Mentoring",
        compute="_compute_mentorship_participant_count",
        groups="mentorship_odoo.group_mentorship_mentor",
    )

    @api.model_create_multi
    def create(self, vals_list):
        students = super().create(vals_list)
        students._sync_mentorship_partner()
        students._sync_legal_representatives()
        return students

    def write(self, vals):
        result = super().write(vals)
        if SYNC_FIELDS & vals.keys():
            self._sync_mentorship_partner()
        if "parent_ids" in vals:
            self._sync_legal_representatives()
        return result

    # --- the mentoring student ---------------------------------------------------------------

    def _mentorship_current_course(self, on_date):
        """The running course detail that gives the study group: the batch running on
        ``on_date`` (else the latest started), among the running ones."""
        self.ensure_one()
        running = self.course_detail_ids.filtered(
            lambda detail: detail.state == "running" and detail.batch_id
        )
        current = running.filtered(
            lambda detail: detail.batch_id.start_date <= on_date <= detail.batch_id.end_date
        )
        return (current or running).sorted(lambda detail: (detail.batch_id.start_date, detail.id))[-1:]

    def _mentorship_partner_values(self, on_date):
        """{field: value} of the mentoring student that this OpenEduCat record determines."""
        self.ensure_one()
        values = {"is_student": True}
        if self.birth_date:
            values["birthdate_date"] = self.birth_date
        course = self._mentorship_current_course(on_date)
        if course:
            values["study_group"] = course.batch_id.name
            values["study_year"] = study_year_on(course.batch_id.start_date, on_date)
        return values

    def _sync_mentorship_partner(self):
        """Copy what OpenEduCat knows onto the partners; only what differs is written."""
        today = fields.Date.context_today(self)
        # Superuser: derived data of the student's own partner, written whoever edits the student.
        for student in self.sudo().with_context(active_test=False):
            partner = student.partner_id
            if not student.birth_date and partner.birthdate_date:
                # A contact that was a student before OpenEduCat came keeps its birth date.
                student.birth_date = partner.birthdate_date
            values = {
                name: value
                for name, value in student._mentorship_partner_values(today).items()
                if partner[name] != value
            }
            if values:
                partner.with_context(mentorship_openeducat_sync=True).write(values)

    def _sync_legal_representatives(self, released=None):
        """The partners of the student's OpenEduCat parents are its legal representatives.
        Representatives who are OpenEduCat parents (or ``released``: partners that just stopped
        being one) follow OpenEduCat; contacts added by hand stay."""
        students = self.sudo()
        current = students.partner_id.legal_representative_ids
        managed = set(
            self.env["op.parent"]
            .sudo()
            .with_context(active_test=False)
            .search([("name", "in", current.ids)])
            .name.ids
        )
        if released:
            managed |= set(released.ids)
        for student in students:
            partner = student.partner_id
            kept = partner.legal_representative_ids.filtered(lambda rep: rep.id not in managed)
            wanted = kept | student.parent_ids.name
            if wanted != partner.legal_representative_ids:
                partner.legal_representative_ids = [Command.set(wanted.ids)]

    @api.model
    def _cron_sync_mentorship_students(self):
        """Daily: the year of study moves on with the anniversary of the batch's start."""
        self.search([("course_detail_ids.state", "=", "running")])._sync_mentorship_partner()

    # --- smart button ------------------------------------------------------------------------

    def _compute_mentorship_participant_count(self):
        counts = dict(
            self.env["mentorship.participant"]._read_group(
                [("partner_id", "in", self.partner_id.ids)], ["partner_id"], ["__count"]
            )
        )
        for student in self:
            student.mentorship_participant_count = counts.get(student.partner_id, 0)

    def action_open_mentorship(self):
        self.ensure_one()
        return window_action(
            self.env._("Mentoring of %(student)s", student=self.name),
            "mentorship.participant",
            "list,form",
            domain=[("partner_id", "=", self.partner_id.id)],
            context={"default_partner_id": self.partner_id.id, "default_role": "mentee"},
        )
