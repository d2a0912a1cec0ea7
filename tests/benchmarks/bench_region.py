"""Benchmark of a region on one Odoo (issue 15): the screens of the Mentoring app and pair health
with a region's data.

``build`` fills a database where mentorship_odoo is installed with a deterministic region:
ORGS organisations (companies, by default 100), each with a running programme, 1,000 participants
(500 student mentors, 500 mentees), 500 pairs, 5,000 meetings and 500 personalised programmes
with 1,500 activities — 100,000 participants, 50,000 pairs, 500,000 meetings and 150,000 activities
in all. Companies and programmes go through the ORM, the rest through plain SQL (minutes, not
hours), and the stored computes the ORM would have filled are computed once.

``run`` opens each main screen the way the web client does (the view's fields through
``web_search_read``, ``web_read`` and ``web_read_group``), as the curator of one organisation and
as the regional manager who sees all of them, and prints the server time and SQL queries of each
against the targets (curator ≤ 300 ms and ≤ 30 queries, regional manager ≤ 1 s); then the health
of every pair of the region (target ≤ 2 s) and the regional workbook (≤ 30 s). Every figure ends
in a ``BENCH-SUMMARY|region|…`` line for ``make bench``. The measurement is rolled back.

    python tests/benchmarks/bench_region.py --config <odoo.conf> --database <db> build [--orgs 100]
    python tests/benchmarks/bench_region.py --config <odoo.conf> --database <db> run
"""

import argparse
import resource
import sys
import time

import odoo
from odoo import SUPERUSER_ID, Command, api

MARKER = "mentorship_odoo.bench_region_orgs"
CURATOR_MS, CURATOR_QUERIES, MANAGER_MS, HEALTH_S, WORKBOOK_S = 300, 30, 1000, 2.0, 30.0
PARTICIPANTS_PER_ORG, PAIRS_PER_ORG, MEETINGS_PER_PAIR, ACTIVITIES_PER_PAIR = 1000, 500, 10, 3


def summary(figure, value, target="-", ok=None):
    """One machine-readable line for scripts/bench_all.sh: BENCH-SUMMARY|name|figure|value|target|ok."""
    verdict = "-" if ok is None else "ok" if ok else "not"
    print(f"BENCH-SUMMARY|region|{figure}|{value}|{target}|{verdict}", flush=True)


def build(env, orgs):
    cr = env.cr
    if env["ir.config_parameter"].get_param(MARKER):
        print(f"Region already built ({env['ir.config_parameter'].get_param(MARKER)} organisations).")
        return
    started = time.perf_counter()
    env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True, mail_notrack=True))
    region = env["res.company"].create({"name": "Региональный центр наставничества"})
    companies = env["res.company"].create(
        [{"name": f"Колледж № {number:03d}", "parent_id": region.id} for number in range(1, orgs + 1)]
    )
    form = env.ref("mentorship_odoo.form_student_student")
    kind = env.ref("mentorship_odoo.kind_individual")
    programmes = env["mentorship.programme"].create(
        [
            {
                "name": f"Программа наставничества — {company.name}",
                "company_id": company.id,
                "date_start": "2025-09-01",
                "date_end": "2027-08-31",
                "form_ids": [Command.set(form.ids)],
                "state": "running",
            }
            for company in companies
        ]
    )
    # The regional manager sees every organisation; the curator only the first one.
    env["res.users"].create(
        [
            {
                "name": "Региональный руководитель",
                "login": "bench_region_manager",
                "company_id": region.id,
                "company_ids": [Command.set((region | companies).ids)],
                "groups_id": [Command.set([env.ref("mentorship_odoo.group_mentorship_manager").id])],
            },
            {
                "name": "Куратор колледжа № 001",
                "login": "bench_region_curator",
                "company_id": companies[0].id,
                "company_ids": [Command.set(companies[0].ids)],
                "groups_id": [Command.set([env.ref("mentorship_odoo.group_mentorship_curator").id])],
            },
        ]
    )
    programmes[0].curator_ids = [Command.set(env.ref("base.user_admin").ids)]
    env.flush_all()
    cr.execute(
        "CREATE TEMP TABLE bench_org AS SELECT * FROM unnest(%s::int[], %s::int[]) AS o(company, programme)",
        [companies.ids, programmes.ids],
    )
    half = PARTICIPANTS_PER_ORG // 2
    params = {"half": half, "pairs": PAIRS_PER_ORG, "form": form.id, "kind": kind.id}
    statements = [
        """INSERT INTO res_partner (name, complete_name, ref, active, type, is_company, company_id,
                                    is_student, study_year, email, create_date, write_date)
           SELECT n, n, ref, TRUE, 'contact', FALSE, o.company, TRUE, year,
                  ref || '@college.example', now(), now()
             FROM bench_org o CROSS JOIN generate_series(1, %(half)s) i
             CROSS JOIN LATERAL (VALUES
                    ('Наставник ' || o.company || '-' || i, 'bench-m-' || o.company || '-' || i, 4),
                    ('Наставляемый ' || o.company || '-' || i, 'bench-e-' || o.company || '-' || i, 1))
                  AS v(n, ref, year)""",
        """INSERT INTO mentorship_participant (name, programme_id, company_id, role, partner_id, person_type,
                                               source, state, create_date, write_date)
           SELECT p.name, o.programme, o.company,
                  CASE WHEN p.ref LIKE 'bench-m-%%' THEN 'mentor' ELSE 'mentee' END,
                  p.id, 'student', 'students', 'active', now(), now()
             FROM res_partner p JOIN bench_org o ON o.company = p.company_id
            WHERE p.ref LIKE 'bench-%%'""",
        """INSERT INTO mentorship_pair (name, programme_id, company_id, form_id, kind_id, mentor_id,
                                        mentee_count, is_group, date_start, date_end, state,
                                        create_date, write_date)
           SELECT 'R-' || o.company || '-' || i, o.programme, o.company, %(form)s, %(kind)s, pm.id, 1, FALSE,
                  DATE '2025-09-15' + (i %% 30), DATE '2026-06-30', 'active', now(), now()
             FROM bench_org o CROSS JOIN generate_series(1, %(pairs)s) i
             JOIN res_partner rp ON rp.ref = 'bench-m-' || o.company || '-' || i
             JOIN mentorship_participant pm ON pm.partner_id = rp.id""",
        """INSERT INTO mentorship_pair_mentee_rel (pair_id, participant_id)
           SELECT pr.id, pe.id
             FROM mentorship_pair pr
             JOIN res_partner rp ON rp.ref = 'bench-e-' || substr(pr.name, 3)
             JOIN mentorship_participant pe ON pe.partner_id = rp.id
            WHERE pr.name LIKE 'R-%%'""",
        """INSERT INTO mentorship_meeting (name, pair_id, programme_id, company_id, kind, state, start,
                                           duration, stop, create_date, write_date)
           SELECT 'Встреча ' || k, pr.id, pr.programme_id, pr.company_id, 'regular',
                  CASE WHEN k <= 4 + pr.id %% 4 THEN 'held'
                       WHEN (pr.id + k) %% 7 = 0 THEN 'missed' ELSE 'planned' END,
                  TIMESTAMP '2025-09-22 09:00' + make_interval(days => k * 14 + pr.id %% 5), 1.0,
                  TIMESTAMP '2025-09-22 10:00' + make_interval(days => k * 14 + pr.id %% 5), now(), now()
             FROM mentorship_pair pr CROSS JOIN generate_series(1, %(meetings)s) k
            WHERE pr.name LIKE 'R-%%'""",
        """INSERT INTO mentorship_plan (name, pair_id, programme_id, company_id, form_id, state, date_start,
                                        date_end, create_date, write_date)
           SELECT pr.name, pr.id, pr.programme_id, pr.company_id, pr.form_id, 'active', pr.date_start,
                  pr.date_end, now(), now()
             FROM mentorship_pair pr WHERE pr.name LIKE 'R-%%'""",
        """INSERT INTO mentorship_plan_line (plan_id, pair_id, company_id, sequence, name, date_deadline,
                                             state, create_date, write_date)
           SELECT pl.id, pl.pair_id, pl.company_id, j * 10, 'Мероприятие ' || j,
                  DATE '2025-10-01' + j * 60,
                  CASE WHEN (pl.pair_id + j) %% 3 = 0 THEN 'done' ELSE 'planned' END, now(), now()
             FROM mentorship_plan pl CROSS JOIN generate_series(1, %(activities)s) j
            WHERE pl.name LIKE 'R-%%'""",
    ]
    params.update(meetings=MEETINGS_PER_PAIR, activities=ACTIVITIES_PER_PAIR)
    for statement in statements:
        cr.execute(statement, params)
        print(f"  {cr.rowcount:>8} rows: {' '.join(statement.split())[:70]}…", flush=True)
    # What the ORM would have computed for rows it did not write itself.
    Pair = env["mentorship.pair"]
    pairs = Pair.search([("name", "=like", "R-%")])
    for fname in ("last_meeting_date", "missed_meeting_count"):
        env.add_to_compute(Pair._fields[fname], pairs)
    pairs.flush_recordset(["last_meeting_date", "missed_meeting_count"])
    # Health stays empty: the run measures its first computation for the whole region.
    env["ir.config_parameter"].set_param(MARKER, str(orgs))
    env.flush_all()
    cr.execute("ANALYZE")
    print(f"Built {orgs} organisations, {len(pairs)} pairs in {time.perf_counter() - started:.0f} s.")


def view_specification(env, model, view_type):
    """The fields a view shows, as the web client asks for them."""
    fields = env[model].get_views([(False, view_type)])["models"][model]["fields"]
    spec = {}
    for name, field in fields.items():
        relational = field["type"] in ("many2one", "many2many", "one2many")
        spec[name] = (
            {"fields": {"display_name": {}}}
            if relational and (view_type != "form" or field["type"] == "many2one")
            else {}
        )
    return spec


def measure(env, function):
    """Server time and queries of a screen's call, after one warm-up call (a user's second screen)."""
    function()
    env.invalidate_all()
    before = env.cr.sql_log_count
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000, env.cr.sql_log_count - before


def screens(env):
    """(title, callable) of the main screens of the Mentoring app for the user of ``env``."""
    spec = {
        (model, view): view_specification(env, model, view)
        for model, view in (
            ("mentorship.pair", "list"),
            ("mentorship.pair", "kanban"),
            ("mentorship.pair", "form"),
            ("mentorship.participant", "list"),
            ("mentorship.participant", "form"),
            ("mentorship.meeting", "list"),
            ("mentorship.plan", "list"),
            ("mentorship.plan", "form"),
            ("mentorship.programme", "list"),
            ("mentorship.programme", "form"),
            ("mentorship.consent", "list"),
        )
    }
    Pair, Participant = env["mentorship.pair"], env["mentorship.participant"]
    pair = Pair.search([], limit=1, order="id desc")
    participant = Participant.search([], limit=1, order="id desc")
    plan = env["mentorship.plan"].search([], limit=1, order="id desc")
    programme = env["mentorship.programme"].search([], limit=1, order="id desc")

    def lst(model, view="list", domain=(), limit=80):
        return lambda: env[model].web_search_read(list(domain), spec[(model, view)], limit=limit)

    return [
        ("pair list", lst("mentorship.pair")),
        ("pair kanban", lst("mentorship.pair", "kanban", limit=40)),
        ("pair form", lambda: pair.web_read(spec[("mentorship.pair", "form")])),
        (
            "pair health (at risk first)",
            lambda: Pair.web_search_read(
                [("state", "=", "active")],
                spec[("mentorship.pair", "list")],
                limit=80,
                order="health_rank desc, id",
            ),
        ),
        (
            "pair pivot by organisation × health",
            lambda: Pair.web_read_group([], ["__count"], ["company_id", "health"], lazy=False),
        ),
        ("pair graph by form", lambda: Pair.web_read_group([], ["__count"], ["form_id"])),
        ("participant list", lst("mentorship.participant")),
        ("participant form", lambda: participant.web_read(spec[("mentorship.participant", "form")])),
        ("meeting list", lst("mentorship.meeting")),
        (
            "meeting pivot by month × state",
            lambda: env["mentorship.meeting"].web_read_group(
                [], ["__count"], ["start:month", "state"], lazy=False
            ),
        ),
        ("plan list", lst("mentorship.plan")),
        ("plan form", lambda: plan.web_read(spec[("mentorship.plan", "form")])),
        ("programme list", lst("mentorship.programme")),
        ("programme form", lambda: programme.web_read(spec[("mentorship.programme", "form")])),
        ("consent list", lst("mentorship.consent")),
    ]


def run(env):
    cr = env.cr
    cr.execute("SELECT count(*) FROM mentorship_pair")
    pairs = cr.fetchone()[0]
    cr.execute("SELECT count(*) FROM mentorship_meeting")
    meetings = cr.fetchone()[0]
    cr.execute("SELECT count(*) FROM mentorship_participant")
    participants = cr.fetchone()[0]
    cr.execute("SELECT count(*) FROM mentorship_plan_line")
    activities = cr.fetchone()[0]
    print(
        f"Region: {participants} participants, {pairs} pairs, {meetings} meetings, {activities} activities."
    )
    ok = True
    Pair = env["mentorship.pair"]
    for label in ("every pair written", "second run, nothing changed"):
        env.invalidate_all()
        before = cr.sql_log_count
        started = time.perf_counter()
        written = Pair._cron_recompute_health()
        elapsed = time.perf_counter() - started
        queries = cr.sql_log_count - before
        print(
            f"Health of {pairs} pairs, {meetings} meetings ({label}): {elapsed:.2f} s, {queries} queries, "
            f"{written} rows written."
        )
        summary(
            f"health of {pairs} pairs, {label}",
            f"{elapsed:.2f} s, {queries} queries",
            f"<= {HEALTH_S:.0f} s",
            elapsed <= HEALTH_S,
        )
        ok &= elapsed <= HEALTH_S
    Users = env["res.users"]
    for role, login, limit_ms, limit_queries in (
        ("curator", "bench_region_curator", CURATOR_MS, CURATOR_QUERIES),
        ("regional manager", "bench_region_manager", MANAGER_MS, None),
    ):
        user = Users.search([("login", "=", login)])
        user_env = env(user=user.id, context={"allowed_company_ids": user.company_ids.ids, "lang": "ru_RU"})
        print(f"\nScreens as the {role} ({len(user.company_ids)} organisation(s)):")
        print(f"  {'screen':<40} {'ms':>8} {'queries':>8}")
        for title, function in screens(user_env):
            elapsed, queries = measure(user_env, function)
            good = elapsed <= limit_ms and (limit_queries is None or queries <= limit_queries)
            ok &= good
            print(f"  {title:<40} {elapsed:8.1f} {queries:8d}{'' if good else '  <- over the target'}")
            target = f"<= {limit_ms} ms" + (f", <= {limit_queries} queries" if limit_queries else "")
            summary(f"{role}: {title}", f"{elapsed:.0f} ms, {queries} queries", target, good)
    # The regional roll-up: the workbook of every organisation, as the regional manager.
    manager = Users.search([("login", "=", "bench_region_manager")])
    manager_env = env(
        user=manager.id, context={"allowed_company_ids": manager.company_ids.ids, "lang": "ru_RU"}
    )
    wizard = manager_env["mentorship.region.report.wizard"].create(
        {
            "company_ids": [Command.set(manager.company_ids.ids)],
            "date_from": "2025-09-01",
            "date_to": "2026-08-31",
        }
    )
    before = cr.sql_log_count
    started = time.perf_counter()
    wizard.action_export_xlsx()
    elapsed = time.perf_counter() - started
    queries = cr.sql_log_count - before
    size = len(wizard.xlsx_file or b"") * 3 // 4 // 1024
    print(
        f"Regional workbook of {len(manager.company_ids)} organisations: {elapsed:.2f} s, {queries} queries, "
        f"{size} KiB."
    )
    summary(
        "regional workbook",
        f"{elapsed:.2f} s, {queries} queries",
        f"<= {WORKBOOK_S:.0f} s",
        elapsed <= WORKBOOK_S,
    )
    ok &= elapsed <= WORKBOOK_S
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Peak memory of the process: {peak:.0f} MiB.")
    summary("peak RSS of the process", f"{peak:.0f} MiB")
    return ok


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--config", required=True)
    parser.add_argument("--database", required=True)
    sub = parser.add_subparsers(dest="command", required=True)
    build_parser = sub.add_parser("build")
    build_parser.add_argument("--orgs", type=int, default=100)
    sub.add_parser("run")
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.database)
    ok = True
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        if args.command == "build":
            build(env, args.orgs)
        else:
            ok = run(env)
            cr.rollback()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
