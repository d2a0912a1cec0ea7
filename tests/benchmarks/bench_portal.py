"""Benchmark: server time of every portal page and SQL queries of the /my counters.

In one transaction of a database where mentorship_odoo and mentorship_odoo_portal are installed,
builds 10,000 pairs (the KPI benchmark's bulk SQL) and a portal user who mentors 3 pairs with 50
meetings, then serves each portal page in-process through Odoo's WSGI application (the registry in
test mode, so that requests share the transaction), prints the median and slowest server time of
each page and the SQL queries of our counters, and rolls everything back.

    python tests/benchmarks/bench_portal.py -c <odoo.conf> -d <database> [--pairs N] [--runs N]

`make bench-portal` sets up a database of its own and runs it. Targets: every page at most 300 ms,
the counters in at most 8 SQL queries.
"""

import argparse
import json
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import odoo
from odoo import Command

sys.path.insert(0, str(Path(__file__).parent))
import bench_kpi  # noqa: E402  (same folder: reuse its bulk build of 10,000 pairs)

TARGET_MS = 300.0
ENVIRON = {"REMOTE_ADDR": "127.0.0.1"}
TARGET_QUERIES = 8
COUNTERS = [
    "mentorship_pair_count",
    "mentorship_meeting_count",
    "mentorship_consent_count",
    "mentorship_survey_count",
    "mentorship_document_count",
]


def summary(figure, value, target="-", ok=None):
    """One machine-readable line for scripts/bench_all.sh: BENCH-SUMMARY|name|figure|value|target|ok."""
    verdict = "-" if ok is None else "ok" if ok else "not"
    print(f"BENCH-SUMMARY|portal|{figure}|{value}|{target}|{verdict}", flush=True)


def build_user(env, programme, meetings):
    """An employer mentor with a portal user, 3 pairs with adult students, ``meetings`` meetings
    (held in the past and planned ahead) and 10 activities per pair; returns (login, records)."""
    form = env.ref("mentorship_odoo.form_employer_student")
    programme.write({"form_ids": [Command.link(form.id)], "state": "running"})
    Partner = env["res.partner"]
    mentor_partner = Partner.create({"name": "Бенчмарк Наставник", "is_external_mentor": True})
    env["res.users"].with_context(no_reset_password=True).create(
        {
            "login": "bench_portal",
            "password": "bench_portal",
            "partner_id": mentor_partner.id,
            # The multi-company rules: the user belongs to the programme's company.
            "company_id": programme.company_id.id,
            "company_ids": [Command.set(programme.company_id.ids)],
            "groups_id": [Command.set([env.ref("base.group_portal").id])],
        }
    )
    Participant = env["mentorship.participant"]
    mentor = Participant.create(
        {"programme_id": programme.id, "role": "mentor", "partner_id": mentor_partner.id}
    )
    mentor.action_approve()
    pairs = env["mentorship.pair"]
    for n in range(3):
        student = Partner.create({"name": f"Бенчмарк Студент {n}", "is_student": True, "study_year": 3})
        mentee = Participant.create(
            {"programme_id": programme.id, "role": "mentee", "partner_id": student.id}
        )
        mentee.action_approve()
        pair = env["mentorship.pair"].create(
            {
                "programme_id": programme.id,
                "form_id": form.id,
                "mentor_id": mentor.id,
                "mentee_ids": [Command.set(mentee.ids)],
                "date_start": programme.date_start + timedelta(days=30),
                "date_end": programme.date_end - timedelta(days=30),
            }
        )
        pair.action_activate()
        pairs |= pair
        plan = env["mentorship.plan"].create({"pair_id": pair.id})
        env["mentorship.plan.line"].create(
            [{"plan_id": plan.id, "name": f"Мероприятие {i}", "sequence": i} for i in range(10)]
        )
    now = datetime.now().replace(microsecond=0)
    Meeting = env["mentorship.meeting"].with_context(mentorship_skip_event_sync=True)
    vals = []
    for i in range(meetings):
        past = i % 5 != 0
        vals.append(
            {
                "pair_id": pairs[i % 3].id,
                "name": f"Встреча {i}",
                "start": now - timedelta(days=7 * i + 1) if past else now + timedelta(days=3 + i),
                "minutes": "<p>Обсудили практику.</p>",
            }
        )
    created = Meeting.create(vals)
    created.filtered(lambda m: m.start < now).write({"state": "held"})
    request = env["mentorship.consent.request"].create(
        {
            "consent_type": "publication",
            "company_id": programme.company_id.id,
            "partner_id": mentor_partner.id,
            "signer_id": mentor_partner.id,
        }
    )
    env.flush_all()
    return "bench_portal", pairs, created, request


def log_in(client, database, login):
    """Log in through Odoo's own JSON route; the client keeps the session cookie."""
    body = {"jsonrpc": "2.0", "method": "call", "params": {"db": database, "login": login, "password": login}}
    response = client.post(
        "/web/session/authenticate",
        data=json.dumps(body),
        headers={"Content-Type": "application/json"},
        environ_base=ENVIRON,
    )
    if not (response.get_json().get("result") or {}).get("uid"):
        raise RuntimeError(f"Logging in as {login} failed: {response.get_data(as_text=True)[:300]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--participants", type=int, default=20000)
    parser.add_argument("--pairs", type=int, default=10000)
    parser.add_argument("--meetings", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.database)
    from werkzeug.test import Client  # noqa: PLC0415  (after Odoo's own imports)

    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        started = time.perf_counter()
        programme = bench_kpi.build(env, args.participants, args.pairs)
        login, pairs, meetings, consent_request = build_user(env, programme, args.meetings)
        cr.execute("SELECT count(*) FROM mentorship_pair")
        n_pairs = cr.fetchone()[0]
        print(
            f"{n_pairs} pairs; the portal user mentors {len(pairs)} pairs with {len(meetings)} meetings; "
            f"built in {time.perf_counter() - started:.1f} s",
            flush=True,
        )
        cr.flush()
        registry.enter_test_mode(cr)
        try:
            client = Client(odoo.http.root)
            log_in(client, args.database, login)
            headers = {}
            held = meetings.filtered(lambda m: m.state == "held")[:1]
            pages = [
                "/my",
                "/my/mentorship",
                f"/my/mentorship/pairs/{pairs[0].id}",
                f"/my/mentorship/pairs/{pairs[0].id}/plan",
                "/my/mentorship/meetings",
                f"/my/mentorship/meetings/{held.id}",
                "/my/mentorship/questionnaires",
                "/my/mentorship/consents",
                f"/my/mentorship/consents/{consent_request.id}",
                "/my/mentorship/documents",
            ]

            def call(url, body=None):
                before = cr.sql_log_count
                started = time.perf_counter()
                if body is None:
                    response = client.get(url, headers=headers, environ_base=ENVIRON)
                else:
                    response = client.post(
                        url,
                        data=json.dumps(body),
                        headers={**headers, "Content-Type": "application/json"},
                        environ_base=ENVIRON,
                    )
                elapsed = (time.perf_counter() - started) * 1000
                if response.status_code != 200:
                    raise RuntimeError(
                        f"{url} answered {response.status_code} {response.headers.get('Location', '')}"
                    )
                return elapsed, cr.sql_log_count - before, response

            worst_page = 0.0
            for url in pages:
                call(url)  # the first call compiles the templates
                timings = [call(url)[0] for _run in range(args.runs)]
                median, worst = statistics.median(timings), max(timings)
                worst_page = max(worst_page, worst)
                print(f"{url:<45} median {median:7.1f} ms, slowest {worst:7.1f} ms", flush=True)
                summary(
                    f"{url} server time (slowest of {args.runs})",
                    f"{worst:.0f} ms",
                    f"≤ {TARGET_MS:.0f} ms",
                    worst <= TARGET_MS,
                )

            def counters(names):
                body = {"jsonrpc": "2.0", "method": "call", "params": {"counters": names}}
                call("/my/counters", body)  # warm-up
                elapsed, queries, response = call("/my/counters", body)
                return elapsed, queries, response.get_json()["result"]

            _elapsed, base_queries, _values = counters([])
            elapsed, all_queries, values = counters(COUNTERS)
            ours = all_queries - base_queries
            print(
                f"/my/counters: {values} in {elapsed:.1f} ms; {all_queries} SQL queries, of which {ours} "
                f"for our {len(COUNTERS)} counters ({base_queries} for the session and the request)"
            )
            summary(
                f"/my/counters: SQL queries of our {len(COUNTERS)} counters",
                ours,
                f"≤ {TARGET_QUERIES}",
                ours <= TARGET_QUERIES,
            )
            summary(
                "/my/counters server time", f"{elapsed:.0f} ms", f"≤ {TARGET_MS:.0f} ms", elapsed <= TARGET_MS
            )
            verdict = "OK" if worst_page <= TARGET_MS and ours <= TARGET_QUERIES else "MISSED"
            print(
                f"Slowest page {worst_page:.0f} ms (target ≤ {TARGET_MS:.0f}), counters {ours} queries "
                f"(target ≤ {TARGET_QUERIES}): {verdict}"
            )
        finally:
            registry.leave_test_mode()
            cr.rollback()
    return 0 if verdict == "OK" else 1


if __name__ == "__main__":
    sys.exit(main())
