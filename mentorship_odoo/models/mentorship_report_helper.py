from num2words import num2words

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .ir_actions_report import _wkhtmltopdf_has_patched_qt

MONTHS_GENITIVE = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
BLANK_DATE = "«___» ____________ 20___ г."
DEFAULT_NOMINATION = "активное участие в наставнической деятельности"
INITIATOR_GENITIVE = {"mentor": "наставника", "mentee": "наставляемого", "organisation": "организации"}
# wkhtmltopdf on an unpatched Qt always lays the page out ~1.305 times wider than the paper and
# shrinks it (it ignores --zoom and --disable-smart-shrinking): 12pt would print as 9.2pt and 100mm
# as 76.6mm. The documents' CSS `zoom` undoes it, so their sizes are real sizes on paper.
UNPATCHED_QT_ZOOM = 1.305
FEMALE_PATRONYMIC_ENDINGS = ("вна", "чна", "кызы", "гызы")
MALE_PATRONYMIC_ENDINGS = ("вич", "ич", "оглы", "улы", "уулу")


class MentorshipReportHelper(models.AbstractModel):
    """Helpers of the printed mentoring documents: the rendering context (access, language, the
    register entry), Russian formatting of dates, names and amounts, and the data the templates
    print. Templates reach it as ``h``."""

    _name = "mentorship.report.helper"
    _description = "Mentoring Documents: Printing Helpers"

    # --- Rendering context ----------------------------------------------------------------

    @api.model
    def _prepare_rendering_values(self, report, values):
        """Called for every report of this addon: checks that the user may print the records,
        then renders them as superuser (contracts, addresses and representatives are read for
        the document only) in the company's documents language."""
        user = self.env.user
        if report.groups_id and not self.env.su and not (user.groups_id & report.groups_id):
            raise AccessError(self.env._("You are not allowed to print «%(report)s».", report=report.name))
        docs = values["docs"]
        if not docs and values.get("record_ids"):
            # Printed from a wizard with options (data): the client sends the ids in the data.
            docs = self.env[report.model].browse(values["record_ids"])
            values["doc_ids"] = docs.ids
        docs.check_access("read")
        document_model = self.env["mentorship.document"]
        doc_type = self.env["mentorship.document.type"]
        if docs._name == "mentorship.document":
            for document in docs.sudo():
                records = document._get_subject_records()
                self._check_print_access(document.type_id, records)
                if document.state == "draft":
                    self._check_printable(document.type_id, records)
        else:
            doc_type = doc_type.sudo().search([("report_ids", "in", report.id)], limit=1)
            if not doc_type:
                # Not a document of the register (e.g. the monitoring report): nothing to prepare.
                return values
            self._check_print_access(doc_type, docs)
            self._check_printable(doc_type, docs.sudo())
        values.update(
            docs=docs.sudo(),
            doc_type=doc_type.sudo(),
            document=document_model.sudo(),
            h=self.sudo(),
        )
        return values

    @api.model
    def _is_staff(self):
        user = self.env.user
        return (
            self.env.su
            or user.has_group("mentorship_odoo.group_mentorship_curator")
            or user.has_group("mentorship_odoo.group_mentorship_payroll")
        )

    @api.model
    def _check_print_access(self, doc_type, records):
        """Beyond record rules: an agreement with a mentor's pay is printed only by the mentor
        themself, curators and payroll officers."""
        if self._is_staff() or doc_type.code != "agreement_employment":
            return
        pairs = records if records._name == "mentorship.pair" else records.browse()
        if any(pair.sudo().mentor_user_id != self.env.user for pair in pairs):
            raise AccessError(
                self.env._("Only the mentor and the curators may print the mentor's supplementary agreement.")
            )

    @api.model
    def _check_printable(self, doc_type, records):
        """Raise a UserError naming the record when ``doc_type`` does not apply to it."""
        check = getattr(self, f"_check_printable_{doc_type.code}", None)
        if check:
            check(records)

    def _check_printable_agreement_employment(self, pairs):
        for pair in pairs:
            if not pair.mentor_id.employee_id:
                raise UserError(
                    self.env._(
                        "The mentor of %(pair)s is not an employee: a supplementary agreement to an "
                        "employment contract is made only with employee mentors.",
                        pair=pair.name,
                    )
                )

    def _check_printable_order_termination(self, pairs):
        for pair in pairs:
            if pair.state != "terminated":
                raise UserError(
                    self.env._(
                        "Pair %(pair)s has not been terminated early: terminate it first.", pair=pair.name
                    )
                )

    def _check_printable_consent_personal_data(self, records):
        for record in records:
            if record._name == "mentorship.consent" and record.consent_type != "personal_data":
                raise UserError(
                    self.env._(
                        "%(consent)s is not a consent to personal-data processing.",
                        consent=record.display_name,
                    )
                )

    def _check_printable_order_pairs(self, records):
        if records._name == "mentorship.programme":
            for programme in records:
                if not self._order_pairs(programme):
                    raise UserError(
                        self.env._(
                            "Programme «%(programme)s» has no pairs or groups to list in the order.",
                            programme=programme.name,
                        )
                    )

    @api.model
    def _units(self, docs, doc_type):
        """Split the printed records into documents: one per record, per programme or one for all."""
        if doc_type.grouping == "all":
            return [docs]
        if doc_type.grouping == "programme" and docs._name != "mentorship.programme":
            return [
                docs.filtered(lambda rec, p=programme: rec.programme_id == p)
                for programme in docs.programme_id
            ]
        return list(docs)

    @api.model
    def _css_zoom(self, report_type):
        if report_type == "pdf" and not _wkhtmltopdf_has_patched_qt():
            return UNPATCHED_QT_ZOOM
        return 1

    @api.model
    def _in_document_lang(self, records):
        company = records.company_id[:1] if "company_id" in records._fields else self.env.company
        return records.with_context(lang=(company or self.env.company)._get_mentorship_document_lang())

    @api.model
    def _company_of(self, records):
        company = records.company_id[:1] if "company_id" in records._fields else False
        return company or self.env.company

    # --- Russian formatting ---------------------------------------------------------------

    @api.model
    def _date(self, value):
        """«06» сентября 2022 г.; blanks to fill in by hand when there is no date."""
        if not value:
            return BLANK_DATE
        value = fields.Date.to_date(value)
        return f"«{value.day:02d}» {MONTHS_GENITIVE[value.month - 1]} {value.year} г."

    @api.model
    def _date_short(self, value):
        return fields.Date.to_date(value).strftime("%d.%m.%Y") if value else "__.__.____"

    @api.model
    def _dot(self, text):
        """End a sentence with a full stop unless it already ends with one («… 2026 г.»)."""
        text = (text or "").rstrip()
        return text if text.endswith(".") else f"{text}."

    @api.model
    def _period(self, date_from, date_to):
        return f"с {self._date(date_from)} по {self._date(date_to)}"

    @api.model
    def _initials(self, name, surname_last=False):
        """«Скоробогатов Андрей Викторович» → «Скоробогатов А.В.» (or «А.В. Скоробогатов»)."""
        parts = (name or "").split()
        if not parts:
            return ""
        surname, given = parts[0], parts[1:3]
        initials = "".join(
            "-".join(f"{piece[:1].upper()}." for piece in word.split("-") if piece) for word in given
        )
        if not initials:
            return surname
        return f"{initials} {surname}" if surname_last else f"{surname} {initials}"

    @api.model
    def _gender(self, name):
        """'f', 'm' or None, from the patronymic of a Russian full name."""
        parts = (name or "").lower().split()
        if len(parts) < 3:
            return None
        patronymic = " ".join(parts[2:])
        if patronymic.endswith(FEMALE_PATRONYMIC_ENDINGS):
            return "f"
        if patronymic.endswith(MALE_PATRONYMIC_ENDINGS):
            return "m"
        return None

    @api.model
    def _g(self, name, male, female, unknown=None):
        """The word that agrees with the person's gender, e.g. именуемый / именуемая."""
        gender = self._gender(name)
        if gender == "m":
            return male
        if gender == "f":
            return female
        return unknown or f"{male} ({female})"

    @api.model
    def _amount(self, value):
        """6 000,00"""
        return f"{value or 0.0:,.2f}".replace(",", " ").replace(".", ",")

    @api.model
    def _money_words(self, value, currency=None):
        """«6 000,00 (шесть тысяч) руб. 00 коп.»"""
        value = round(value or 0.0, 2)
        units = int(value)
        cents = int(round((value - units) * 100))
        words = num2words(units, lang="ru")
        if not currency or currency.name == "RUB":
            unit, subunit = "руб.", "коп."
        else:
            unit, subunit = (
                currency.currency_unit_label or currency.name,
                currency.currency_subunit_label or "",
            )
        return f"{self._amount(value)} ({words}) {unit} {cents:02d} {subunit}".strip()

    @api.model
    def _number_words(self, value):
        """15 → «пятнадцать»; 12.5 → «двенадцать целых пять десятых»."""
        value = round(value or 0.0, 2)
        if value == int(value):
            return num2words(int(value), lang="ru")
        whole = int(value)
        decimals = f"{value:.2f}".split(".")[1].rstrip("0")
        fraction = int(decimals)
        whole_words = self._feminine(num2words(whole, lang="ru"))
        fraction_words = self._feminine(num2words(fraction, lang="ru"))
        whole_noun = "целая" if whole % 10 == 1 and whole % 100 != 11 else "целых"
        one = fraction % 10 == 1 and fraction % 100 != 11
        fraction_noun = {1: ("десятая", "десятых"), 2: ("сотая", "сотых")}[len(decimals)][0 if one else 1]
        return f"{whole_words} {whole_noun} {fraction_words} {fraction_noun}"

    @api.model
    def _feminine(self, words):
        parts = words.split()
        if parts and parts[-1] == "один":
            parts[-1] = "одна"
        elif parts and parts[-1] == "два":
            parts[-1] = "две"
        return " ".join(parts)

    @api.model
    def _percent_words(self, value):
        """«15 (пятнадцать) %»"""
        value = round(value or 0.0, 2)
        figure = str(int(value)) if value == int(value) else f"{value:g}".replace(".", ",")
        return f"{figure} ({self._number_words(value)}) %"

    # --- Institution and people -----------------------------------------------------------

    @api.model
    def _address(self, partner):
        if not partner:
            return ""
        parts = [partner.zip, partner.state_id.name, partner.city, partner.street, partner.street2]
        return ", ".join(part for part in parts if part)

    @api.model
    def _employee_address(self, employee):
        if not employee:
            return ""
        employee = employee.sudo()
        parts = [
            employee.private_zip,
            employee.private_state_id.name,
            employee.private_city,
            employee.private_street,
            employee.private_street2,
        ]
        return ", ".join(part for part in parts if part)

    @api.model
    def _company_details(self, company):
        """Lines under the institution's name: address, registration numbers, contacts."""
        partner = company.partner_id
        lines = []
        if self._address(partner):
            lines.append(self._address(partner))
        ids = []
        if company.vat:
            ids.append(f"ИНН {company.vat}")
        if company.company_registry:
            ids.append(f"ОГРН {company.company_registry}")
        if ids:
            lines.append(", ".join(ids))
        contacts = []
        if company.phone:
            contacts.append(f"тел. {company.phone}")
        if company.email:
            contacts.append(f"e-mail: {company.email}")
        if contacts:
            lines.append(", ".join(contacts))
        return lines

    @api.model
    def _signatory(self, company, document=None):
        """(position, full name) of who signs for the institution."""
        employee = (document and document.signatory_id) or company.mentorship_director_id
        employee = employee.sudo()
        position = employee.job_title or employee.job_id.name or "Директор"
        return position, employee.name or ""

    @api.model
    def _position(self, participant):
        """The participant's position or study group, for lists and tables."""
        if participant.employee_id:
            employee = participant.employee_id.sudo()
            return employee.job_title or employee.job_id.name or ""
        partner = participant.partner_id
        if partner.is_external_mentor:
            return ", ".join(part for part in (partner.function, partner.parent_id.name) if part)
        if partner.is_graduate:
            return "выпускник"
        if partner.study_group:
            return f"обучающийся группы {partner.study_group}"
        if partner.is_student:
            return "обучающийся"
        return partner.function or ""

    @api.model
    def _lower_first(self, text):
        """«Преподаватель математики» → «преподаватель математики» (abbreviations stay)."""
        if len(text or "") > 1 and text[1].islower():
            return text[0].lower() + text[1:]
        return text or ""

    @api.model
    def _with_position(self, participant, initials=False):
        """«Петров Илья Сергеевич, преподаватель информатики», for running text."""
        name = self._initials(participant.name) if initials else participant.name
        position = self._lower_first(self._position(participant))
        return f"{name}, {position}" if position else name

    @api.model
    def _curators(self, programme):
        """[(full name, position)] of the programme's curators (their employee records)."""
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search(
                [("user_id", "in", programme.curator_ids.ids), ("company_id", "=", programme.company_id.id)]
            )
        )
        result = []
        for user in programme.curator_ids.sudo():
            employee = employees.filtered(lambda e, u=user: e.user_id == u)[:1]
            result.append((employee.name or user.name, employee.job_title or ""))
        return result

    @api.model
    def _contract(self, employee):
        """The mentor's current employment contract (read for the agreement only)."""
        return employee.sudo().contract_id

    @api.model
    def _representatives(self, participant):
        partner = participant.partner_id
        if partner and partner._is_minor_on(fields.Date.context_today(self)):
            return partner.legal_representative_ids
        return partner.browse()

    # --- Data of particular documents -----------------------------------------------------

    @api.model
    def _extra_lines(self, document):
        """The non-empty lines of the document's additional provisions."""
        if not document or not document.extra_text:
            return []
        return [line.strip() for line in document.extra_text.splitlines() if line.strip()]

    @api.model
    def _today(self):
        return fields.Date.context_today(self)

    @api.model
    def _clause(self, text, default=""):
        """A free-text term of an agreement (or its default), trimmed; end it with _dot()."""
        text = (text or "").strip() or default or ""
        return text.rstrip(" ;,")

    @api.model
    def _form_text(self, pair):
        """«Педагог – педагог (индивидуальное); форма работы: …»"""
        text = pair.form_id.name or ""
        if pair.kind_id:
            text += f" ({pair.kind_id.name})"
        if pair.agreement_form:
            text += f"; форма работы: {self._clause(pair.agreement_form).rstrip('.')}"
        return text

    @api.model
    def _employee_passport(self, employee):
        return employee.sudo().passport_id or "" if employee else ""

    @api.model
    def _agreement_parties(self, pair, document=None):
        """Signatories of the mentoring agreement: organisation, mentor, mentees and the legal
        representatives of minor mentees."""
        company = pair.company_id
        position, director = self._signatory(company, document)
        parties = [
            {"role": "org", "label": "Организация", "name": director, "note": position},
            {"role": "mentor", "label": "Наставник", "name": pair.mentor_id.name, "note": ""},
        ]
        for mentee in pair.mentee_ids:
            parties.append({"role": "mentee", "label": "Наставляемый", "name": mentee.name, "note": ""})
            for representative in self._representatives(mentee):
                parties.append(
                    {
                        "role": "rep",
                        "label": "Законный представитель",
                        "name": representative.name,
                        "note": f"наставляемый — {self._initials(mentee.name)}",
                    }
                )
        return parties

    @api.model
    def _initiator(self, initiator):
        return INITIATOR_GENITIVE.get(initiator, "сторон")

    @api.model
    def _minor_mentees(self, pair):
        return pair.mentee_ids.filtered(lambda mentee: self._representatives(mentee))

    @api.model
    def _nomination(self, document=None, nomination=None):
        """What the encouragement is for, to print after «за»."""
        text = (document and document.nomination) or nomination or DEFAULT_NOMINATION
        return text.strip().rstrip(".")

    @api.model
    def _award_rows(self, records):
        """People of an encouragement: participants, or the mentor and mentees of each pair."""
        rows = []
        if records._name == "mentorship.pair":
            for pair in records:
                rows.append(self._award_row(pair.mentor_id, pair))
                rows.extend(self._award_row(mentee, pair) for mentee in pair.mentee_ids)
        else:
            rows.extend(self._award_row(participant) for participant in records)
        return rows

    @api.model
    def _award_row(self, participant, pair=None):
        return {
            "name": participant.name,
            "position": self._position(participant),
            "role": "наставник" if participant.role == "mentor" else "наставляемый",
            "pair": pair.name if pair else "",
            "employee": bool(participant.employee_id),
        }

    @api.model
    def _copies_words(self, count):
        """«в трёх экземплярах»"""
        words = {
            2: "двух",
            3: "трёх",
            4: "четырёх",
            5: "пяти",
            6: "шести",
            7: "семи",
            8: "восьми",
            9: "девяти",
        }
        return f"в {words.get(count, count)} экземплярах"

    @api.model
    def _order_pairs(self, records, document=None):
        """The pairs and groups an order lists."""
        if document and document.pair_ids:
            pairs = document.pair_ids
        elif records._name == "mentorship.pair":
            pairs = records
        else:
            pairs = records.pair_ids.filtered(lambda pair: pair.state in ("draft", "active"))
        return pairs.sorted(lambda pair: (pair.mentor_id.name or "", pair.date_start, pair.id))

    @api.model
    def _pair_order(self, pair):
        """The registered order that fixed ``pair``, if any: (number, date)."""
        document = (
            self.env["mentorship.document"]
            .sudo()
            .search(
                [
                    ("type_id.code", "=", "order_pairs"),
                    ("state", "in", ("registered", "signed")),
                    ("superseded", "=", False),
                    ("programme_id", "=", pair.programme_id.id),
                    "|",
                    ("pair_ids", "in", pair.ids),
                    ("pair_ids", "=", False),
                ],
                order="date desc, id desc",
                limit=1,
            )
        )
        return document

    @api.model
    def _roadmap_rows(self, programme):
        """Rows of the programme's road map, or None when road maps are not installed."""
        if "mentorship.roadmap.item" not in self.env:
            return None
        items = self.env["mentorship.roadmap.item"].sudo().search([("programme_id", "=", programme.id)])

        def value(item, name):
            return item[name] if name in item._fields and item[name] else ""

        rows = []
        for item in items:
            responsible = value(item, "responsible_note")
            if not responsible and "responsible_employee_ids" in item._fields:
                responsible = ", ".join(
                    self._initials(name) for name in item.responsible_employee_ids.mapped("name")
                )
            rows.append(
                {
                    "stage": item.stage_id.name if "stage_id" in item._fields else "",
                    "number": value(item, "number"),
                    "activity": item.display_name,
                    "result": value(item, "key_result"),
                    "deadline": value(item, "deadline_display")
                    or self._date_short(value(item, "date_deadline")),
                    "responsible": responsible,
                    "documents": value(item, "document_note"),
                }
            )
        return rows

    @api.model
    def _pay_terms(self, pair, document=None):
        if document:
            rate, base, amount = document.allowance_rate, document.allowance_base, document.allowance_amount
        else:
            rate, base = self.env["mentorship.allowance.policy"]._get_agreement_pay(pair)
            amount = pair.company_id.currency_id.round(base * rate / 100.0)
        currency = pair.company_id.currency_id
        return {
            "rate": rate,
            "base": base,
            "amount": amount,
            "rate_text": self._percent_words(rate) if rate else "",
            "amount_text": self._money_words(amount, currency) if amount else "",
            "base_text": self._money_words(base, currency) if base else "",
        }

    @api.model
    def _consent_card(self, record):
        """Who gives a consent to personal-data processing, about whom, and when."""
        today = fields.Date.context_today(self)
        if record._name == "mentorship.consent":
            partner, employee = record.partner_id, record.employee_id
            by_representative = record.given_by == "representative"
            representative = record.representative_id
            on_date = record.date
            programme = (
                self.env["mentorship.participant"]
                .sudo()
                .search(
                    [
                        "|",
                        ("employee_id", "=", employee.id or 0),
                        ("partner_id", "=", partner.id or 0),
                    ],
                    limit=1,
                )
                .programme_id
            )
        else:
            partner, employee = record.partner_id, record.employee_id
            by_representative = bool(partner and partner._is_minor_on(today))
            representative = partner.legal_representative_ids[:1] if by_representative else partner.browse()
            on_date = False
            programme = record.programme_id
        subject_name = employee.name or partner.name or ""
        if employee:
            employee = employee.sudo()
            birthdate = employee.birthday
            address = self._employee_address(employee)
            passport = employee.passport_id or ""
        else:
            birthdate = partner.birthdate_date
            address = self._address(partner)
            passport = ""
        return {
            "subject_name": subject_name,
            "subject_birthdate": birthdate,
            "subject_address": address,
            "subject_passport": passport,
            "is_employee": bool(employee),
            "is_student": bool(partner and partner.is_student),
            "by_representative": by_representative,
            "representative_name": representative.name or "",
            "representative_address": self._address(representative),
            "date": on_date,
            "programme": programme,
            "signer_name": representative.name if by_representative else subject_name,
        }

    # --- Personalised programme -----------------------------------------------------------

    @api.model
    def _years(self, count):
        """3 → «3 года», 11 → «11 лет»."""
        count = count or 0
        if count % 10 == 1 and count % 100 != 11:
            word = "год"
        elif 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
            word = "года"
        else:
            word = "лет"
        return f"{count} {word}"

    @api.model
    def _selection_label(self, record, field_name):
        """The label of a selection value in the record's language ('' when empty)."""
        value = record[field_name]
        if not value:
            return ""
        selection = record._fields[field_name]._description_selection(record.env)
        return dict(selection).get(value, value)

    @api.model
    def _plan_columns(self, plan):
        """Columns of the general-information table: the mentees, then the mentor."""
        members = plan.member_ids
        return members.filtered(lambda member: member.role != "mentor") + members.filtered(
            lambda member: member.role == "mentor"
        )

    @api.model
    def _plan_lines(self, plan):
        return plan.line_ids.filtered(lambda line: line.state != "cancelled").sorted(
            lambda line: (line.sequence, line.id)
        )
