import re

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from odoo.addons.mentorship_odoo.tools.actions import window_action

ERASURE_REASONS = [
    ("withdrawal", "Consent Withdrawn"),
    ("retention", "Retention Period Expired"),
    ("purpose", "Purpose of Processing Achieved"),
    ("demand", "Demand of the Data Subject"),
]
# Text kept in the anonymised records where a free text had to stay (required fields, answers).
ERASED_TEXT = "—"
# Models of our addons whose records are kept as they are: registered documents (orders and
# agreements kept under the archive rules) and the accruals (payroll and accounting records).
KEPT_MODELS = {
    "mentorship.document",
    "mentorship.allowance",
    "mentorship.allowance.line",
    "mentorship.allowance.export",
    "mentorship.privacy.erasure",
    "mentorship.privacy.erasure.line",
    "mentorship.privacy.event",
}
# Models outside our addons whose texts may name a participant: meetings' calendar events and
# activities on our records.
SCRUBBED_MODELS = {"calendar.event", "mail.activity"}
# Records about the person whose attachments, messages and activities go with the data.
PERSON_MODELS = (
    "res.partner",
    "mentorship.participant",
    "mentorship.consent",
    "mentorship.achievement",
    "survey.user_input",
)


class MentorshipPrivacyErasure(models.Model):
    """A destruction of personal data: the people, why, how and by whom; running it anonymises
    their mentoring data and records each step in the event log; the act of destruction (order
    No. 179) is printed from it and registered in the document register."""

    _name = "mentorship.privacy.erasure"
    _description = "Destruction of Personal Data"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company, readonly=True
    )
    date = fields.Date(string="Destroyed On", required=True, default=fields.Date.context_today, tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Destroyed")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    reason = fields.Selection(ERASURE_REASONS, required=True, default="withdrawal", tracking=True)
    reason_note = fields.Text(string="Reason Details")
    method = fields.Text(
        required=True,
        default=lambda self: self._in_documents_lang()._(
            "Deletion by software means: the records of the information system are anonymised "
            "(names, contacts, birth dates replaced or removed), free texts, answers, files and "
            "messages are deleted."
        ),
    )
    information_system = fields.Char(
        required=True, default=lambda self: self._in_documents_lang()._("Odoo: mentoring (mentorship_odoo)")
    )
    partner_ids = fields.Many2many(
        "res.partner",
        "mentorship_privacy_erasure_partner_rel",
        "erasure_id",
        "partner_id",
        string="Students and External People",
        context={"active_test": False},
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        "mentorship_privacy_erasure_employee_rel",
        "erasure_id",
        "employee_id",
        string="Employees",
        check_company=True,
        context={"active_test": False},
    )
    commission_chair_id = fields.Many2one("hr.employee", string="Chair of the Commission", check_company=True)
    commission_ids = fields.Many2many(
        "hr.employee",
        "mentorship_privacy_erasure_commission_rel",
        "erasure_id",
        "employee_id",
        string="Members of the Commission",
        check_company=True,
    )
    line_ids = fields.One2many(
        "mentorship.privacy.erasure.line", "erasure_id", string="Subjects", readonly=True
    )
    event_ids = fields.One2many("mentorship.privacy.event", "erasure_id", string="Event Log", readonly=True)
    privacy_log_ids = fields.Many2many("privacy.log", string="Privacy Logs", readonly=True, copy=False)
    lookup_count = fields.Integer(
        string="Records Found Afterwards",
        readonly=True,
        help="What a privacy lookup by the old names and e-mails found after the destruction: only "
        "records kept by law (employees' personnel records) may remain.",
    )
    document_id = fields.Many2one("mentorship.document", string="Act", readonly=True, copy=False)
    user_id = fields.Many2one("res.users", string="Destroyed By", readonly=True)

    @api.model
    def _in_documents_lang(self, company=None):
        """The environment in the documents language of the company: what the act prints (method,
        pseudonyms, the event log's lines) is written in it."""
        company = company or self.env.company
        return self.with_context(lang=company._get_mentorship_document_lang()).env

    @api.depends("date")
    @api.depends_context("lang")
    def _compute_name(self):
        for erasure in self:
            erasure.name = self.env._(
                "Destruction No. %(id)s of %(date)s",
                id=erasure.id or "",
                date=erasure.date.strftime("%d.%m.%Y") if erasure.date else "",
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if self.filtered(lambda erasure: erasure.state == "done"):
            raise UserError(self.env._("A destruction that took place is kept with its act for 3 years."))

    # --- Running ------------------------------------------------------------------------------

    def action_erase(self):
        for erasure in self:
            erasure._check_can_erase()
            erasure._erase()
        return True

    def _check_can_erase(self):
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("%(name)s has already been carried out.", name=self.name))
        if not self.partner_ids and not self.employee_ids:
            raise UserError(self.env._("Choose whose personal data are destroyed."))
        if not self.commission_ids and not self.commission_chair_id:
            raise UserError(self.env._("Choose the commission that destroys the data and signs the act."))
        participants = self._participants()
        busy = participants.filtered(
            lambda p: any(pair.state == "active" for pair in p.mentor_pair_ids | p.mentee_pair_ids)
        )
        if busy:
            raise UserError(
                self.env._(
                    "%(person)s is still in an active pair: end or terminate the pair first, then destroy "
                    "the data.",
                    person=busy[0].name,
                )
            )

    def _participants(self):
        return (
            self.env["mentorship.participant"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    "|",
                    ("partner_id", "in", self.partner_ids.ids),
                    ("employee_id", "in", self.employee_ids.ids),
                ]
            )
        )

    def _erase(self):
        """Destroy the data of every chosen person, then check with a privacy lookup."""
        self.ensure_one()
        # As superuser: the data are spread over records the curator may not write (answers,
        # messages, attachments, other users' activities); the curator's rights were checked on
        # the persons chosen (their company) and every step is logged in their name.
        erasure = self.with_context(lang=self.company_id._get_mentorship_document_lang()).sudo()
        partners = erasure.partner_ids
        # A minor's legal representatives go with them unless they represent someone else or
        # take part themselves.
        for representative in partners.legal_representative_ids:
            others = representative.represented_partner_ids - partners
            in_programme = (
                self.env["mentorship.participant"]
                .sudo()
                .search_count([("partner_id", "=", representative.id)], limit=1)
            )
            if (
                not others
                and not in_programme
                and not representative.user_ids
                and not representative.employee_ids
            ):
                partners |= representative
        lookups = []
        for partner in partners:
            lookups.append((partner.name, partner.email))
            erasure._erase_partner(partner, is_representative=partner not in erasure.partner_ids)
        for employee in erasure.employee_ids:
            lookups.append((employee.name, employee.work_email))
            erasure._erase_employee(employee)
        found = 0
        logs = self.env["privacy.log"]
        for line, (name, email) in zip(erasure.line_ids.sorted("id"), lookups, strict=False):
            if not email or "@" not in email:
                email = f"subject-{line.id}@erased.invalid"
            wizard = self.env["privacy.lookup.wizard"].sudo().create({"name": name, "email": email})
            wizard.action_lookup()
            found += len(wizard.line_ids)
            logs |= logs.sudo().create(
                {
                    "anonymized_name": name,
                    "anonymized_email": email
                    if email and "@" in email
                    else f"subject-{line.id}@erased.invalid",
                    "execution_details": line._get_categories_text(),
                    "records_description": line.reference,
                    "additional_note": erasure.name,
                }
            )
            wizard.unlink()
        erasure.write(
            {
                "state": "done",
                "lookup_count": found,
                "privacy_log_ids": [Command.link(log.id) for log in logs],
                "user_id": self.env.uid,
                "partner_ids": [Command.set(partners.ids)],
            }
        )
        erasure._log(
            erasure.env._(
                "Verification: a privacy lookup by the former names and e-mails found %(count)s records "
                "(employees' personnel records kept by law).",
                count=found,
            )
        )

    def _log(self, description, records=None):
        return self.env["mentorship.privacy.event"]._log(
            "erasure", records, description=description[:250], erasure=self, company=self.company_id
        )

    def _erase_partner(self, partner, is_representative=False):
        """Anonymise a student, graduate, external mentor or legal representative."""
        name, pseudonym = partner.name, self._pseudonym(partner)
        participants = self._participants().filtered(lambda p: p.partner_id == partner)
        consents = self.env["mentorship.consent"].sudo().search([("partner_id", "=", partner.id)])
        self._clear_mentoring_texts(participants)
        self._clear_answers(participants, partner)
        absences = self.env["mentorship.absence"].sudo().search([("partner_id", "=", partner.id)])
        if absences:
            absences.write({"reason": ERASED_TEXT, "note": False})
            self._log(self.env._("Absence reasons removed (dates kept for the accruals)"), absences)
        self._delete_traces(partner, participants, consents, name)
        consents.write(
            {"document": False, "note": False, "withdrawal_reason": False, "privacy_erasure_id": self.id}
        )
        birthdate = partner.birthdate_date
        partner.with_context(mentorship_privacy_no_trail=True).write(
            {
                "name": pseudonym,
                "email": False,
                "phone": False,
                "mobile": False,
                "street": False,
                "street2": False,
                "city": False,
                "zip": False,
                "state_id": False,
                "country_id": False,
                "vat": False,
                "ref": False,
                "comment": False,
                "website": False,
                "function": False,
                "image_1920": False,
                "study_group": False,
                # Generalised to the middle of the year: the age bands of the indicators stay.
                "birthdate_date": birthdate and birthdate.replace(month=7, day=1),
                "legal_representative_ids": [Command.clear()],
                # Not archived: the indicators count the institution's students by age band, and
                # an anonymised contact is no longer personal data.
            }
        )
        # After the renaming: texts rebuilt from display names (a meeting's calendar event) then
        # carry the pseudonym already.
        self._scrub_names(name, pseudonym)
        for user in partner.user_ids.filtered("share"):
            user.write({"login": f"erased-{user.id}", "active": False})
        participants.write({"privacy_erased": True})
        self._log(self.env._("Contact anonymised"), partner)
        self.env["mentorship.privacy.erasure.line"].create(
            {
                "erasure_id": self.id,
                "partner_id": partner.id,
                "subject_label": self.env["privacy.log"]._anonymize_name(name),
                "subject_kind": "representative"
                if is_representative
                else ("external" if partner.is_external_mentor else "student"),
                "was_minor": bool(birthdate) and partner._is_minor_on(self.date) if birthdate else False,
                "reference": self._reference(partner, participants, consents),
            }
        )

    def _erase_employee(self, employee):
        """An employee's mentoring data go; the personnel file, the contract, the consent to the
        appointment as mentor, the accruals and the registered documents stay (labour law)."""
        participants = self._participants().filtered(lambda p: p.employee_id == employee)
        consents = (
            self.env["mentorship.consent"]
            .sudo()
            .search([("employee_id", "=", employee.id), ("consent_type", "!=", "appointment")])
        )
        self._clear_mentoring_texts(participants)
        self._clear_answers(participants, employee.work_contact_id.browse())
        self._delete_traces(employee.work_contact_id.browse(), participants, consents, None)
        consents.write(
            {"document": False, "note": False, "withdrawal_reason": False, "privacy_erasure_id": self.id}
        )
        participants.write({"privacy_erased": True})
        self.env["mentorship.privacy.erasure.line"].create(
            {
                "erasure_id": self.id,
                "employee_id": employee.id,
                "subject_label": self.env["privacy.log"]._anonymize_name(employee.name),
                "subject_kind": "employee",
                "reference": self._reference(employee, participants, consents),
            }
        )

    @api.model
    def _pseudonym(self, partner):
        return self.env._("Personal data destroyed (ID %(id)s)", id=partner.id)

    def _reference(self, person, participants, consents):
        parts = [f"{'employee' if person._name == 'hr.employee' else 'contact'} #{person.id}"]
        if participants:
            parts.append("participants #" + ", #".join(map(str, participants.ids)))
        if consents:
            parts.append("consents #" + ", #".join(map(str, consents.ids)))
        return "; ".join(parts)

    def _clear_mentoring_texts(self, participants):
        """Requests, strengths, reflections and diagnoses of the participants."""
        if not participants:
            return
        participants.write({"request": False, "strengths": False, "rejection_reason": False})
        env = self.env
        diagnoses = env["mentorship.plan.diagnosis"].sudo().search([("mentee_id", "in", participants.ids)])
        diagnoses.write({"strengths": False, "deficits": False, "reflection": False})
        members = env["mentorship.plan.member"].sudo().search([("participant_id", "in", participants.ids)])
        members.write({"name": False, "education": False, "position": False, "study_group": False})
        # What a mentee wrote in their pairs: they are the only mentee there, else it is shared.
        own_pairs = participants.mentee_pair_ids.filtered(lambda pair: len(pair.mentee_ids) == 1)
        meetings = env["mentorship.meeting"].sudo().search([("pair_id", "in", own_pairs.ids)])
        meetings.filtered("mentee_feedback").write({"mentee_feedback": False})
        goals = env["mentorship.plan.goal"].sudo().search([("plan_id.pair_id", "in", own_pairs.ids)])
        goals.filtered("mentee_reflection").write({"mentee_reflection": False})
        plan_lines = env["mentorship.plan.line"].sudo().search([("plan_id.pair_id", "in", own_pairs.ids)])
        plan_lines.filtered("mentee_reflection").write({"mentee_reflection": False})
        plans = own_pairs.plan_ids.sudo()
        plans.write({"final_reflection": False, "desired_image": False})
        achievements = (
            env["mentorship.achievement"].sudo().search([("participant_id", "in", participants.ids)])
        )
        achievements.write({"document": False, "document_name": False})
        self._log(
            self.env._(
                "Requests, strengths, diagnoses, reflections and feedback deleted: %(count)s participant "
                "records, %(plans)s programmes, %(meetings)s meetings",
                count=len(participants),
                plans=len(plans),
                meetings=len(meetings),
            ),
            participants,
        )

    def _clear_answers(self, participants, partner):
        """Free-text answers go; the scores stay for the before/after statistics."""
        domain = [("mentorship_participant_id", "in", participants.ids)]
        if partner:
            domain = ["|", ("partner_id", "=", partner.id), *domain]
        answers = self.env["survey.user_input"].sudo().search(domain)
        if not answers:
            return
        answers.write({"email": False, "nickname": False})
        lines = answers.user_input_line_ids
        lines.filtered("value_char_box").write({"value_char_box": ERASED_TEXT})
        lines.filtered("value_text_box").write({"value_text_box": ERASED_TEXT})
        self._log(
            self.env._(
                "Free-text answers deleted, scores kept: %(count)s questionnaires", count=len(answers)
            ),
            answers,
        )

    def _delete_traces(self, partner, participants, consents, name):
        """Attachments, messages, followers and activities about the person."""
        env = self.env
        achievements = (
            env["mentorship.achievement"].sudo().search([("participant_id", "in", participants.ids)])
        )
        answers = (
            env["survey.user_input"].sudo().search([("mentorship_participant_id", "in", participants.ids)])
        )
        targets = [
            ("res.partner", partner.ids),
            ("mentorship.participant", participants.ids),
            ("mentorship.consent", consents.ids),
            ("mentorship.achievement", achievements.ids),
            ("survey.user_input", answers.ids),
        ]
        Attachment = env["ir.attachment"].sudo()
        attachment_domain = self._records_domain(targets, "res_model")
        attachments = Attachment.browse()
        if attachment_domain:
            # Binary fields (signed scans, portfolio files) are attachments with res_field set.
            attachments = Attachment.search(
                [*attachment_domain, "|", ("res_field", "=", False), ("res_field", "!=", False)]
            )
            attachments.unlink()
        message_domain = self._records_domain(targets, "model")
        Message = env["mail.message"].sudo()
        messages = Message.search(message_domain) if message_domain else Message.browse()
        if partner:
            messages |= Message.search([("author_id", "=", partner.id)])
        if name:
            our_models = [model for model in env.registry if model.startswith("mentorship.")]
            messages |= Message.search([("model", "in", our_models), ("body", "ilike", name)])
            tracking = (
                env["mail.tracking.value"]
                .sudo()
                .search(["|", ("old_value_char", "ilike", name), ("new_value_char", "ilike", name)])
            )
            messages |= tracking.mail_message_id
        messages.unlink()
        if partner:
            env["mail.followers"].sudo().search([("partner_id", "=", partner.id)]).unlink()
        activities = (participants.activity_ids | consents.activity_ids).sudo()
        activities.unlink()
        self._log(
            self.env._(
                "Deleted %(attachments)s files, %(messages)s messages and %(activities)s activities",
                attachments=len(attachments),
                messages=len(messages),
                activities=len(activities),
            )
        )

    @api.model
    def _records_domain(self, targets, model_field):
        """A domain on (model_field, res_id) matching any of [(model, ids)]."""
        domain = []
        for model, ids in targets:
            if ids:
                condition = ["&", (model_field, "=", model), ("res_id", "in", ids)]
                domain = ["|", *domain, *condition] if domain else condition
        return domain

    def _scrub_names(self, name, pseudonym):
        """Replace the name wherever a text of our records still holds it (a meeting's title, a
        programme's member list, an activity); registered documents and accruals stay."""
        if not name or len(name) < 3:
            return
        pattern = re.compile(re.escape(name), re.IGNORECASE)
        count = 0
        # Our models first: writing them may rewrite the calendar events and activities.
        for model_name in sorted(self.env.registry, key=lambda name: (name in SCRUBBED_MODELS, name)):
            model = self.env[model_name]
            if not (model_name.startswith("mentorship.") or model_name in SCRUBBED_MODELS):
                continue
            if model_name in KEPT_MODELS or model._abstract or model._transient or not model._auto:
                continue
            text_fields = [
                field.name
                for field in model._fields.values()
                if field.store
                and field.type in ("char", "text", "html")
                and (not field.compute or not field.readonly)
                and not field.translate
                and not field.related
            ]
            if not text_fields:
                continue
            domain = expression.OR([[(field_name, "ilike", name)] for field_name in text_fields])
            records = model.sudo().with_context(active_test=False).search(domain)
            if hasattr(model, "_frozen_records"):
                records -= records._frozen_records()
            for record in records:
                values = {
                    field_name: pattern.sub(pseudonym, record[field_name])
                    for field_name in text_fields
                    if record[field_name] and pattern.search(str(record[field_name]))
                }
                if values and model._fields[next(iter(values))].type == "html":
                    values = {key: Markup(value) for key, value in values.items()}
                record.with_context(tracking_disable=True, mentorship_privacy_no_trail=True).write(values)
                count += 1
        # The titles that messages keep of the records they were posted on.
        messages = self.env["mail.message"].sudo().search([("record_name", "ilike", name)])
        for message in messages:
            message.record_name = pattern.sub(pseudonym, message.record_name)
        count += len(messages)
        if count:
            self._log(self.env._("The name replaced in %(count)s other records", count=count))

    # --- Retention -----------------------------------------------------------------------------

    @api.model
    def _get_due(self, company):
        """{person: (reason, due date)} of the people of ``company`` whose data are due for
        destruction today: a withdrawn consent with its deadline, a programme closed longer than
        the retention period, a candidate rejected longer ago than their period."""
        today = fields.Date.context_today(self)
        due = {}
        Consent = self.env["mentorship.consent"].sudo()
        consents = Consent.search(
            [
                ("company_id", "=", company.id),
                ("consent_type", "=", "personal_data"),
                ("destruction_deadline", "!=", False),
                ("privacy_erasure_id", "=", False),
            ]
        )
        stopped = Consent._privacy_get_stopped_people(consents.employee_id, consents.partner_id)
        for consent in consents:
            person = consent.employee_id or consent.partner_id
            key = ("employee", person.id) if consent.employee_id else ("partner", person.id)
            if key in stopped:
                due[person] = ("withdrawal", consent.destruction_deadline)
        Participant = self.env["mentorship.participant"].sudo()
        participants = Participant.search([("company_id", "=", company.id), ("privacy_erased", "=", False)])
        still_used = participants.filtered(
            lambda p: p.programme_id.state != "closed" and p.state != "rejected"
        )
        busy = set(still_used.employee_id) | set(still_used.partner_id)
        closed_limit = today - relativedelta(years=company.mentorship_pd_closed_programme_years or 3)
        rejected_limit = fields.Datetime.to_datetime(
            today - relativedelta(years=company.mentorship_pd_rejected_years or 1)
        )
        for participant in participants - still_used:
            person = participant.employee_id or participant.partner_id
            if person in busy or person in due:
                continue
            programme = participant.programme_id
            if programme.state == "closed" and programme.date_end <= closed_limit:
                due[person] = (
                    "retention",
                    programme.date_end
                    + relativedelta(years=company.mentorship_pd_closed_programme_years or 3),
                )
            elif participant.state == "rejected" and participant.write_date <= rejected_limit:
                due[person] = (
                    "retention",
                    participant.write_date.date()
                    + relativedelta(years=company.mentorship_pd_rejected_years or 1),
                )
        return {
            person: value for person, value in due.items() if value[1] <= today or value[0] == "withdrawal"
        }

    def action_fill_due(self):
        """Take every person of the company whose data are due for destruction."""
        for erasure in self:
            due = self._get_due(erasure.company_id)
            people = list(due)
            partners = self.env["res.partner"].union(*[p for p in people if p._name == "res.partner"])
            employees = self.env["hr.employee"].union(*[p for p in people if p._name == "hr.employee"])
            erasure.write(
                {"partner_ids": [Command.set(partners.ids)], "employee_ids": [Command.set(employees.ids)]}
            )
        return True

    @api.model
    def _companies_with_people(self):
        """The companies that keep mentoring participants or consents."""
        groups = self.env["mentorship.participant"].sudo()._read_group([], ["company_id"])
        groups += self.env["mentorship.consent"].sudo()._read_group([], ["company_id"])
        return self.env["res.company"].union(*[company for (company,) in groups])

    @api.model
    def _cron_retention(self):
        """Daily: list what is due for destruction in a draft destruction of each company, with an
        activity for its curator; purge the event log older than its period."""
        for company in self._companies_with_people():
            due = self._get_due(company)
            if not due:
                continue
            erasure = self.sudo().search(
                [("company_id", "=", company.id), ("state", "=", "draft"), ("reason", "=", "retention")],
                limit=1,
            ) or self.sudo().create({"company_id": company.id, "reason": "retention"})
            erasure.action_fill_due()
            lines = [
                f"{person.name} — {reason} — {day.strftime('%d.%m.%Y')}"
                for person, (reason, day) in sorted(due.items(), key=lambda item: item[1][1])
            ]
            curator = (
                self.env["mentorship.programme"]
                .sudo()
                .search([("company_id", "=", company.id), ("curator_ids", "!=", False)], limit=1)
                .curator_ids[:1]
            )
            if not erasure.activity_ids:
                erasure.activity_schedule(
                    "mentorship_odoo_privacy.mail_activity_type_pd_destruction",
                    date_deadline=min(day for _reason, day in due.values()),
                    user_id=(curator or self.env.ref("base.user_admin")).id,
                    note=self.env._("Personal data due for destruction: %(count)s people.", count=len(due)),
                )
            erasure.message_post(body=Markup("<br/>").join(lines), subtype_xmlid="mail.mt_note")
        self.env["mentorship.privacy.event"]._purge_expired()

    # --- The act ------------------------------------------------------------------------------

    def action_register_act(self):
        """Create the act of destruction in the document register and register it (number, PDF)."""
        self.ensure_one()
        if self.state != "done":
            raise UserError(
                self.env._("Destroy the data first: the act records a destruction that took place.")
            )
        if self.document_id:
            return self.action_open_act()
        doc_type = self.env.ref("mentorship_odoo_privacy.document_type_privacy_act")
        Document = self.env["mentorship.document"]
        document = Document.create(Document._prepare_values_for(doc_type, self, date=self.date))
        document.action_register()
        self.sudo().document_id = document
        self._log(self.env._("Act registered as No. %(number)s", number=document.number), document)
        return self.action_open_act()

    def action_open_act(self):
        self.ensure_one()
        return window_action(
            self.env._("Act of Destruction"), "mentorship.document", res_id=self.document_id.id
        )
