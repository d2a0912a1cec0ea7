from datetime import date, datetime, time

from dateutil.relativedelta import relativedelta

from odoo import Command


def portal_user(env, partner, login):
    """A portal user for an existing contact; its password is its login."""
    return (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            {
                "login": login,
                "password": login,
                "partner_id": partner.id,
                "groups_id": [Command.set([env.ref("base.group_portal").id])],
            }
        )
    )


class PortalFixture:
    """Two pairs of the form employer – student, each with an external (employer) mentor, a minor
    student mentee and the mentee's legal representative, all portal users; the first mentor also
    mentors a second student in a pair of their own. Dates follow today, so that the pairs are
    running whatever day the tests run."""

    @classmethod
    def _setup_portal_fixture(cls, env):
        today = date.today()
        cls.today = today
        company = env.company
        cls.curator = env["res.users"].create(
            {
                "name": "Куратор Портала",
                "login": "portal_curator",
                "email": "curator@example.com",
                "password": "portal_curator",
                "groups_id": [Command.set([env.ref("mentorship_odoo.group_mentorship_curator").id])],
            }
        )
        form = env.ref("mentorship_odoo.form_employer_student")
        cls.programme = env["mentorship.programme"].create(
            {
                "name": "Портал: программа",
                "company_id": company.id,
                "date_start": today - relativedelta(months=3),
                "date_end": today + relativedelta(months=9),
                "curator_ids": [Command.set(cls.curator.ids)],
                "form_ids": [Command.set(form.ids)],
                "order_number": "1-н",
                "order_date": today - relativedelta(months=3, days=2),
            }
        )
        cls.programme.action_approve()
        cls.programme.action_start()
        Partner = env["res.partner"]
        employer = Partner.create({"name": "ООО «Завод»", "is_company": True})
        people = {}
        for key in ("a", "b"):
            people[f"mentor_{key}"] = Partner.create(
                {
                    "name": f"Наставник {key.upper()}",
                    "email": f"mentor_{key}@example.com",
                    "is_external_mentor": True,
                    "parent_id": employer.id,
                }
            )
            people[f"parent_{key}"] = Partner.create(
                {"name": f"Родитель {key.upper()}", "email": f"parent_{key}@example.com"}
            )
            people[f"mentee_{key}"] = Partner.create(
                {
                    "name": f"Студент {key.upper()}",
                    "email": f"mentee_{key}@example.com",
                    "is_student": True,
                    "study_year": 3,
                    "birthdate_date": today - relativedelta(years=17),
                    "legal_representative_ids": [Command.set(people[f"parent_{key}"].ids)],
                }
            )
        # A second mentee of mentor A, adult, in a pair of their own.
        people["mentee_a2"] = Partner.create(
            {
                "name": "Студент А2",
                "email": "mentee_a2@example.com",
                "is_student": True,
                "study_year": 4,
                "birthdate_date": today - relativedelta(years=19),
            }
        )
        cls.partners = people
        Consent = env["mentorship.consent"]
        for key in ("a", "b"):
            for consent_type in ("personal_data", "participation"):
                Consent.create(
                    {
                        "consent_type": consent_type,
                        "partner_id": people[f"mentee_{key}"].id,
                        "given_by": "representative",
                        "representative_id": people[f"parent_{key}"].id,
                        "date": cls.programme.date_start,
                        "company_id": company.id,
                    }
                )
        Participant = env["mentorship.participant"]

        def participant(role, partner):
            record = Participant.create(
                {"programme_id": cls.programme.id, "role": role, "partner_id": partner.id}
            )
            record.action_approve()
            return record

        cls.users = {key: portal_user(env, partner, f"portal_{key}") for key, partner in people.items()}
        mentor_a, mentor_b = (
            participant("mentor", people["mentor_a"]),
            participant("mentor", people["mentor_b"]),
        )
        mentee_a, mentee_b = (
            participant("mentee", people["mentee_a"]),
            participant("mentee", people["mentee_b"]),
        )
        mentee_a2 = participant("mentee", people["mentee_a2"])
        Pair = env["mentorship.pair"]
        start = today - relativedelta(months=2)
        end = today + relativedelta(months=6)

        def pair(mentor, mentee):
            record = Pair.create(
                {
                    "programme_id": cls.programme.id,
                    "form_id": form.id,
                    "mentor_id": mentor.id,
                    "mentee_ids": [Command.set(mentee.ids)],
                    "date_start": start,
                    "date_end": end,
                }
            )
            record.action_activate()
            return record

        cls.pair_a, cls.pair_b, cls.pair_a2 = (
            pair(mentor_a, mentee_a),
            pair(mentor_b, mentee_b),
            pair(mentor_a, mentee_a2),
        )
        Meeting = env["mentorship.meeting"]
        cls.meetings = {}
        for key, record in (("a", cls.pair_a), ("b", cls.pair_b), ("a2", cls.pair_a2)):
            held = Meeting.create(
                {
                    "pair_id": record.id,
                    "kind": "first",
                    "start": datetime.combine(today - relativedelta(days=20), time(10, 0)),
                }
            )
            held.action_mark_held()
            cls.meetings[key] = held
            Meeting.create(
                {"pair_id": record.id, "start": datetime.combine(today + relativedelta(days=7), time(10, 0))}
            )
        Plan = env["mentorship.plan"]
        cls.lines = {}
        for key, record in (("a", cls.pair_a), ("b", cls.pair_b), ("a2", cls.pair_a2)):
            plan = Plan.create({"pair_id": record.id})
            cls.lines[key] = env["mentorship.plan.line"].create(
                {"plan_id": plan.id, "name": f"Изучить технику безопасности {key}", "date_deadline": end}
            )
        cls.requests = {}
        for key in ("a", "b"):
            cls.requests[key] = env["mentorship.consent.request"].create(
                {
                    "consent_type": "publication",
                    "company_id": company.id,
                    "partner_id": people[f"mentee_{key}"].id,
                    "signer_id": people[f"parent_{key}"].id,
                }
            )
