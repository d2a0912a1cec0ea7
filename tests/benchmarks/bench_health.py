"""Benchmark of pair health (issue #4): recompute the stored health of 10,000 active pairs that
have 100,000 meetings (and 10,000 personalised programmes with 30,000 activities) and print the
time and the SQL queries it took.

    python tests/benchmarks/bench_health.py --config <odoo.conf> --database <db> build [--pairs N]
    python tests/benchmarks/bench_health.py --config <odoo.conf> --database <db> run

``build`` fills a database where mentorship_odoo is installed, with plain SQL (seconds, not
minutes); ``run`` measures. ``make bench-health`` does both, building a template database once and
measuring on a fresh copy of it each time (scripts/bench_health.sh)."""

import argparse
import logging
import sys
import time

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

LIMIT_SECONDS = 20.0
MARKER = "mentorship_odoo.bench_pairs"


def summary(figure, value, target="-", ok=None):
    """One machine-readable line for scripts/bench_all.sh: BENCH-SUMMARY|name|figure|value|target|ok."""
    verdict = "-" if ok is None else "ok" if ok else "not"
    print(f"BENCH-SUMMARY|health|{figure}|{value}|{target}|{verdict}", flush=True)


class QueryLog(logging.Handler):
    """Collects the statements Odoo's cursor logs at DEBUG level."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record.getMessage())


def build(env, pairs, meetings_per_pair):
    cr = env.cr
    if env["ir.config_parameter"].get_param(MARKER):
        print(f"Data already built ({env['ir.config_parameter'].get_param(MARKER)} pairs).")
        return
    company = env["res.company"].create({"name": "Бенчмарк-колледж"})
    form = env.ref("mentorship_odoo.form_student_student")
    kind = env.ref("mentorship_odoo.kind_individual")
    programme = env["mentorship.programme"].create(
        {
            "name": "Бенчмарк",
            "company_id": company.id,
            "date_start": "2020-01-01",
            "date_end": "2030-12-31",
            "form_ids": [odoo.Command.set(form.ids)],
            "state": "running",
        }
    )
    env.flush_all()
    started = time.perf_counter()
    params = {"n": pairs, "company": company.id, "programme": programme.id, "form": form.id, "kind": kind.id}
    statements = [
        # People: a student mentor and a student mentee per pair.
        """INSERT INTO res_partner (name, complete_name, ref, active, type, is_company, company_id,
                                    is_student, study_year, create_date, write_date)
           SELECT 'Наставник ' || i, 'Наставник ' || i, 'bench-m-' || i, TRUE, 'contact', FALSE, %(company)s,
                  TRUE, 4, now(), now() FROM generate_series(1, %(n)s) i
           UNION ALL
           SELECT 'Наставляемый ' || i, 'Наставляемый ' || i, 'bench-e-' || i, TRUE, 'contact', FALSE,
                  %(company)s, TRUE, 1, now(), now() FROM generate_series(1, %(n)s) i""",
        """INSERT INTO mentorship_participant (name, programme_id, company_id, role, partner_id, person_type,
                                               source, state, create_date, write_date)
           SELECT p.name, %(programme)s, %(company)s,
                  CASE WHEN p.ref LIKE 'bench-m-%%' THEN 'mentor' ELSE 'mentee' END,
                  p.id, 'student', 'students', 'active', now(), now()
             FROM res_partner p WHERE p.ref LIKE 'bench-%%'""",
        # Pairs, active for 200 days, named after their number.
        """INSERT INTO mentorship_pair (name, programme_id, company_id, form_id, kind_id, mentor_id,
                                        mentee_count, is_group, date_start, date_end, state,
                                        create_date, write_date)
           SELECT 'BENCH-' || i, %(programme)s, %(company)s, %(form)s, %(kind)s, pm.id, 1, FALSE,
                  CURRENT_DATE - 200, CURRENT_DATE + 100, 'active', now(), now()
             FROM generate_series(1, %(n)s) i
             JOIN res_partner rp ON rp.ref = 'bench-m-' || i
             JOIN mentorship_participant pm ON pm.partner_id = rp.id AND pm.role = 'mentor'""",
        """INSERT INTO mentorship_pair_mentee_rel (pair_id, participant_id)
           SELECT pr.id, pe.id
             FROM mentorship_pair pr
             JOIN res_partner rp ON rp.ref = 'bench-e-' || substr(pr.name, 7)
             JOIN mentorship_participant pe ON pe.partner_id = rp.id AND pe.role = 'mentee'
            WHERE pr.name LIKE 'BENCH-%%'""",
    ]
    for statement in statements:
        cr.execute(statement, params)
    # Meetings every two weeks back in time; the further back, the likelier held, so that the
    # pairs spread over the three levels of health; some missed and cancelled ones.
    cr.execute(
        """INSERT INTO mentorship_meeting (name, pair_id, programme_id, company_id, kind, state, start,
                                           duration, stop, create_date, write_date)
           SELECT 'Regular Meeting', pr.id, pr.programme_id, pr.company_id, 'regular',
                  CASE WHEN k > pr.id %% 10 THEN 'held'
                       WHEN (pr.id + k) %% 7 = 0 THEN 'missed'
                       WHEN (pr.id + k) %% 7 = 1 THEN 'cancelled'
                       ELSE 'planned' END,
                  date_trunc('day', now()) - make_interval(days => k * 14 + pr.id %% 5, hours => 9), 1.0,
                  date_trunc('day', now()) - make_interval(days => k * 14 + pr.id %% 5, hours => 8),
                  now(), now()
             FROM mentorship_pair pr CROSS JOIN generate_series(1, %(m)s) k
            WHERE pr.name LIKE 'BENCH-%%'""",
        {"m": meetings_per_pair},
    )
    cr.execute(
        """INSERT INTO mentorship_plan (name, pair_id, programme_id, company_id, form_id, state, date_start,
                                        date_end, create_date, write_date)
           SELECT pr.name, pr.id, pr.programme_id, pr.company_id, pr.form_id, 'active', pr.date_start,
                  pr.date_end, now(), now()
             FROM mentorship_pair pr WHERE pr.name LIKE 'BENCH-%%'""",
        params,
    )
    cr.execute(
        """INSERT INTO mentorship_plan_line (plan_id, pair_id, company_id, sequence, name, date_deadline,
                                             state, create_date, write_date)
           SELECT pl.id, pl.pair_id, pl.company_id, j * 10, 'Мероприятие ' || j,
                  CURRENT_DATE + (45 - j * 20),
                  CASE WHEN (pl.pair_id + j) %% 3 = 0 THEN 'done' ELSE 'planned' END, now(), now()
             FROM mentorship_plan pl CROSS JOIN generate_series(1, 3) j
            WHERE pl.name LIKE 'BENCH-%%'""",
        params,
    )
    Pair = env["mentorship.pair"]
    if Pair._fields["last_meeting_date"].compute:
        # The meeting figures of a pair follow its meetings through the ORM, which rows inserted by
        # SQL bypass: compute them once, as the ORM would have. What depends on today stays empty
        # for the measured daily refresh to fill.
        bench_pairs = Pair.search([("name", "like", "BENCH-")])
        for fname in ("last_meeting_date", "missed_meeting_count"):
            env.add_to_compute(Pair._fields[fname], bench_pairs)
        bench_pairs.flush_recordset(["last_meeting_date", "missed_meeting_count"])
    env["ir.config_parameter"].set_param(MARKER, str(pairs))
    env.flush_all()
    cr.execute("ANALYZE")
    elapsed = time.perf_counter() - started
    print(f"Built {pairs} pairs and {pairs * meetings_per_pair} meetings in {elapsed:.1f} s.")


def count(cr, table, where="TRUE"):
    cr.execute(SQL("SELECT COUNT(*) FROM %s WHERE %s", SQL.identifier(table), SQL(where)))
    return cr.fetchone()[0]


def run(env):
    cr = env.cr
    pairs = count(cr, "mentorship_pair", "state = 'active'")
    meetings = count(cr, "mentorship_meeting")
    lines = count(cr, "mentorship_plan_line")
    print(f"Data: {pairs} active pairs, {meetings} meetings, {lines} programme activities.")
    Pair = env["mentorship.pair"]
    sql_logger = logging.getLogger("odoo.sql_db")
    handler = QueryLog()
    sql_logger.addHandler(handler)
    previous_level, previous_propagate = sql_logger.level, sql_logger.propagate
    sql_logger.setLevel(logging.DEBUG)
    sql_logger.propagate = False
    try:
        before = cr.sql_log_count
        started = time.perf_counter()
        updated = Pair._cron_recompute_health()
        elapsed = time.perf_counter() - started
        queries = cr.sql_log_count - before
        statements = list(handler.records)
        handler.records.clear()
        before_again = cr.sql_log_count
        started = time.perf_counter()
        unchanged = Pair._cron_recompute_health()
        elapsed_again = time.perf_counter() - started
        queries_again = cr.sql_log_count - before_again
        one_pair = Pair.search([("state", "=", "active")], limit=1)
        before_one = cr.sql_log_count
        started = time.perf_counter()
        one_pair._recompute_health()
        elapsed_one = time.perf_counter() - started
        queries_one = cr.sql_log_count - before_one
        # What a user's change costs: one meeting marked held, up to the pair's health in the
        # database (without chatter tracking and calendar, which are not health).
        meeting = env["mentorship.meeting"].search(
            [("pair_id.state", "=", "active"), ("state", "=", "planned")], limit=1
        )
        env.flush_all()
        handler.records.clear()
        before_held = cr.sql_log_count
        started = time.perf_counter()
        meeting.with_context(tracking_disable=True, mentorship_skip_event_sync=True).write({"state": "held"})
        env.flush_all()
        elapsed_held = time.perf_counter() - started
        queries_held = cr.sql_log_count - before_held
        statements_held = list(handler.records)
    finally:
        sql_logger.setLevel(previous_level)
        sql_logger.propagate = previous_propagate
        sql_logger.removeHandler(handler)
    cr.execute(
        "SELECT health, COUNT(*) FROM mentorship_pair WHERE state = 'active' GROUP BY health ORDER BY health"
    )
    spread = ", ".join(f"{health}: {number}" for health, number in cr.fetchall())
    print(
        f"Health of {pairs} pairs with {meetings} meetings recomputed in {elapsed:.3f} s, "
        f"{queries} SQL queries"
    )
    print(f"  ({updated} rows written; health now {spread}).")
    for statement in statements:
        print("  query:", " ".join(statement.split())[:400])
    print(
        f"Second run, nothing changed: {elapsed_again:.3f} s, {queries_again} queries, "
        f"{unchanged} rows written"
    )
    print(f"Refresh of one pair: {elapsed_one * 1000:.1f} ms, {queries_one} queries.")
    print(
        f"One meeting marked held, up to the pair's health: {elapsed_held * 1000:.1f} ms, "
        f"{queries_held} queries."
    )
    for statement in statements_held:
        print("  query:", " ".join(statement.split())[:200])
    verdict = "OK" if elapsed <= LIMIT_SECONDS else "TOO SLOW"
    print(f"{verdict}: {elapsed:.3f} s against the limit of {LIMIT_SECONDS:.0f} s.")
    summary(
        f"recompute {pairs} pairs, {meetings} meetings",
        f"{elapsed:.3f} s",
        f"<= {LIMIT_SECONDS:.0f} s",
        elapsed <= LIMIT_SECONDS,
    )
    summary("SQL queries of the recompute", queries)
    summary("second run, nothing changed", f"{elapsed_again:.3f} s, {queries_again} queries")
    summary("refresh of one pair", f"{elapsed_one * 1000:.1f} ms, {queries_one} queries")
    summary("one meeting marked held", f"{elapsed_held * 1000:.1f} ms, {queries_held} queries")
    return elapsed <= LIMIT_SECONDS


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--config", required=True)
    parser.add_argument("--database", required=True)
    sub = parser.add_subparsers(dest="command", required=True)
    build_parser = sub.add_parser("build")
    build_parser.add_argument("--pairs", type=int, default=10_000)
    build_parser.add_argument("--meetings-per-pair", type=int, default=10)
    sub.add_parser("run")
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.database)
    ok = True
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        if args.command == "build":
            build(env, args.pairs, args.meetings_per_pair)
        else:
            ok = run(env)
            cr.rollback()  # measure only; the copy stays as built
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
