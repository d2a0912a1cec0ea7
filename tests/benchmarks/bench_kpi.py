"""Benchmark: every indicator of a programme with 20,000 participants and 10,000 pairs.

Builds the data with bulk SQL inside one transaction of an existing database where mentorship_odoo
is installed, computes all the programme's indicators (``mentorship.kpi._get_actuals``, what a
snapshot stores), prints the time and the number of SQL queries, and rolls everything back.

    python tests/benchmarks/bench_kpi.py -c <odoo.conf> -d <database> [--participants N] [--pairs N]

`make bench-kpi` sets up a database of its own and runs it. The target is at most 2 seconds.
"""

import argparse
import sys
import time
from datetime import date

import odoo

TARGET_SECONDS = 2.0
ON_DATE = date(2025, 12, 1)


def summary(figure, value, target="-", ok=None):
    """One machine-readable line for scripts/bench_all.sh: BENCH-SUMMARY|name|figure|value|target|ok."""
    verdict = "-" if ok is None else "ok" if ok else "not"
    print(f"BENCH-SUMMARY|kpi|{figure}|{value}|{target}|{verdict}", flush=True)


def build(env, participants, pairs):
    """Create the programme and its population; return the programme."""
    cr = env.cr
    company = env["res.company"].create({"name": "Бенчмарк-колледж"})
    form = env.ref("mentorship_odoo.form_teacher_teacher")
    programme = env["mentorship.programme"].create(
        {
            "name": "Бенчмарк 2025–2026",
            "company_id": company.id,
            "date_start": date(2025, 9, 1),
            "date_end": date(2026, 8, 31),
            "form_ids": [odoo.Command.set(form.ids)],
        }
    )
    env.flush_all()
    # Split of the participants: 70 % students, 25 % teachers, 5 % external mentors.
    n_students = participants * 70 // 100
    n_teachers = participants * 25 // 100
    n_external = participants - n_students - n_teachers
    n_orgs = max(n_external // 5, 1)
    params = {
        "company": company.id,
        "programme": programme.id,
        "form": form.id,
        "students": n_students,
        "extra_students": n_students * 3 // 7,
        "teachers": n_teachers,
        "extra_teachers": n_teachers // 5,
        "external": n_external,
        "orgs": n_orgs,
        "pairs": pairs,
    }
    statements = [
        # Students of ages 8–22 (some not in the programme), teachers with 0–30 years of experience.
        """
        CREATE TEMP TABLE bench_students (id integer, n bigint) ON COMMIT DROP;
        WITH rows AS (
            INSERT INTO res_partner (name, complete_name, active, type, is_student, birthdate_date,
                                     company_id)
            SELECT 'Студент ' || g, 'Студент ' || g, TRUE, 'contact', TRUE,
                   DATE '2003-01-01' + (g * 37 %% 5400), %(company)s
              FROM generate_series(1, %(students)s + %(extra_students)s) g
            RETURNING id)
        INSERT INTO bench_students SELECT id, row_number() OVER (ORDER BY id) FROM rows
        """,
        """
        CREATE TEMP TABLE bench_resources (id integer, n bigint) ON COMMIT DROP;
        WITH rows AS (
            INSERT INTO resource_resource (name, resource_type, time_efficiency, tz, active, company_id)
            SELECT 'Педагог ' || g, 'user', 100, 'Europe/Moscow', TRUE, %(company)s
              FROM generate_series(1, %(teachers)s + %(extra_teachers)s) g
            RETURNING id)
        INSERT INTO bench_resources SELECT id, row_number() OVER (ORDER BY id) FROM rows
        """,
        """
        CREATE TEMP TABLE bench_teachers (id integer, n bigint) ON COMMIT DROP;
        WITH rows AS (
            INSERT INTO hr_employee (resource_id, name, company_id, active, employee_type, marital,
                                     distance_home_work_unit, teaching_start_date)
            SELECT r.id, 'Педагог ' || r.n, %(company)s, TRUE, 'employee', 'single', 'kilometers',
                   DATE '1996-01-01' + (r.n * 53 %% 10900)::integer
              FROM bench_resources r
            RETURNING id)
        INSERT INTO bench_teachers SELECT id, row_number() OVER (ORDER BY id) FROM rows
        """,
        """
        CREATE TEMP TABLE bench_orgs (id integer, n bigint) ON COMMIT DROP;
        WITH rows AS (
            INSERT INTO res_partner (name, complete_name, active, type, is_company, company_id)
            SELECT 'ООО «Партнёр ' || g || '»', 'ООО «Партнёр ' || g || '»', TRUE, 'contact', TRUE,
                   %(company)s
              FROM generate_series(1, %(orgs)s + %(orgs)s / 2) g
            RETURNING id)
        INSERT INTO bench_orgs SELECT id, row_number() OVER (ORDER BY id) FROM rows
        """,
        "UPDATE res_partner SET commercial_partner_id = id WHERE id IN (SELECT id FROM bench_orgs)",
        """
        CREATE TEMP TABLE bench_external (id integer, n bigint) ON COMMIT DROP;
        WITH rows AS (
            INSERT INTO res_partner (name, complete_name, active, type, is_external_mentor, parent_id,
                                     commercial_partner_id, company_id)
            SELECT 'Наставник ' || g, 'Наставник ' || g, TRUE, 'contact', TRUE, o.id, o.id, %(company)s
              FROM generate_series(1, %(external)s) g
              JOIN bench_orgs o ON o.n = 1 + g %% (%(orgs)s + %(orgs)s / 2)
            RETURNING id)
        INSERT INTO bench_external SELECT id, row_number() OVER (ORDER BY id) FROM rows
        """,
        # 20,000 participants: students (five in seven mentees), teachers (half mentees), externals.
        """
        INSERT INTO mentorship_participant (programme_id, company_id, role, partner_id, name, person_type,
                                            source, state)
        SELECT %(programme)s, %(company)s, CASE WHEN s.n %% 7 < 5 THEN 'mentee' ELSE 'mentor' END,
               s.id, 'Студент ' || s.n, 'student', 'students', 'active'
          FROM bench_students s WHERE s.n <= %(students)s
        """,
        """
        INSERT INTO mentorship_participant (programme_id, company_id, role, employee_id, name, person_type,
                                            source, state)
        SELECT %(programme)s, %(company)s, CASE WHEN t.n %% 2 = 0 THEN 'mentee' ELSE 'mentor' END,
               t.id, 'Педагог ' || t.n, 'employee', 'staff', 'active'
          FROM bench_teachers t WHERE t.n <= %(teachers)s
        """,
        """
        INSERT INTO mentorship_participant (programme_id, company_id, role, partner_id, name, person_type,
                                            source, state)
        SELECT %(programme)s, %(company)s, 'mentor', e.id, 'Наставник ' || e.n, 'external', 'employers',
               'active'
          FROM bench_external e
        """,
        # 10,000 pairs: a mentor and a mentee each.
        """
        CREATE TEMP TABLE bench_roles ON COMMIT DROP AS
        SELECT id, role, row_number() OVER (PARTITION BY role ORDER BY id) AS n,
               count(*) OVER (PARTITION BY role) AS total
          FROM mentorship_participant WHERE programme_id = %(programme)s
        """,
        """
        CREATE TEMP TABLE bench_pairs (id integer, n bigint) ON COMMIT DROP;
        WITH rows AS (
            INSERT INTO mentorship_pair (name, programme_id, company_id, form_id, mentor_id, date_start,
                                         date_end, state, mentee_count, is_group)
            SELECT 'БН-' || g, %(programme)s, %(company)s, %(form)s, m.id, DATE '2025-10-01',
                   DATE '2026-05-31', 'active', 1, FALSE
              FROM generate_series(1, %(pairs)s) g
              JOIN bench_roles m ON m.role = 'mentor' AND m.n = 1 + (g - 1) %% m.total
            RETURNING id)
        INSERT INTO bench_pairs SELECT id, row_number() OVER (ORDER BY id) FROM rows
        """,
        """
        INSERT INTO mentorship_pair_mentee_rel (pair_id, participant_id)
        SELECT p.id, e.id FROM bench_pairs p JOIN bench_roles e ON e.role = 'mentee' AND e.n = p.n
        """,
    ]
    for statement in statements:
        cr.execute(statement, params)
    # Satisfaction answers of half of the participants (scores 1–10 on the overall item).
    survey = env.ref("mentorship_odoo.survey_satisfaction")
    question = env.ref("mentorship_odoo.survey_satisfaction_q1")
    cr.execute(
        """
        CREATE TEMP TABLE bench_answers (id integer, n bigint) ON COMMIT DROP;
        WITH rows AS (
            INSERT INTO survey_user_input (survey_id, access_token, state, end_datetime, test_entry,
                                           mentorship_programme_id, mentorship_participant_id,
                                           mentorship_company_id, mentorship_role, mentorship_purpose)
            SELECT %(survey)s, md5(p.id::text), 'done', TIMESTAMP '2025-11-15 10:00', FALSE,
                   %(programme)s, p.id, %(company)s, p.role, 'satisfaction'
              FROM mentorship_participant p
             WHERE p.programme_id = %(programme)s AND p.id %% 2 = 0
            RETURNING id)
        INSERT INTO bench_answers SELECT id, row_number() OVER (ORDER BY id) FROM rows
        """,
        {"survey": survey.id, "programme": programme.id, "company": company.id},
    )
    cr.execute(
        """
        INSERT INTO survey_user_input_line (user_input_id, survey_id, question_id, answer_type, value_scale,
                                            skipped)
        SELECT a.id, %(survey)s, %(question)s, 'scale', 1 + a.id %% 10, FALSE FROM bench_answers a
        """,
        {"survey": survey.id, "question": question.id},
    )
    cr.execute("ANALYZE")
    env.invalidate_all()
    return programme


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--participants", type=int, default=20000)
    parser.add_argument("--pairs", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        started = time.perf_counter()
        programme = build(env, args.participants, args.pairs)
        cr.execute("SELECT count(*) FROM mentorship_participant WHERE programme_id = %s", [programme.id])
        n_participants = cr.fetchone()[0]
        cr.execute("SELECT count(*) FROM mentorship_pair WHERE programme_id = %s", [programme.id])
        n_pairs = cr.fetchone()[0]
        print(
            f"Programme with {n_participants} participants and {n_pairs} pairs built in "
            f"{time.perf_counter() - started:.1f} s"
        )
        kpis = programme._get_kpis()
        timings = []
        run_queries = []
        for run in range(1, args.runs + 1):
            env.invalidate_all()
            queries_before = cr.sql_log_count
            started = time.perf_counter()
            actuals = kpis._get_actuals(programme, ON_DATE)
            elapsed = time.perf_counter() - started
            queries = cr.sql_log_count - queries_before
            timings.append(elapsed)
            run_queries.append(queries)
            print(f"Run {run}: {len(actuals)} indicators in {elapsed:.3f} s, {queries} SQL queries")
        queries_before = cr.sql_log_count
        started = time.perf_counter()
        values = programme._snapshot_kpis(ON_DATE)
        snapshot_seconds = time.perf_counter() - started
        snapshot_queries = cr.sql_log_count - queries_before
        print(
            f"Snapshot (compute and store {len(values)} values): {snapshot_seconds:.3f} s, "
            f"{snapshot_queries} SQL queries"
        )
        for kpi, actual in actuals.items():
            print(
                f"  {kpi.code:<22} {actual['numerator']:>7} / {actual['denominator']:<7} = "
                f"{actual['value']:6.2f} {kpi.unit}"
            )
        cr.rollback()
    worst = max(timings)
    verdict = "OK" if worst <= TARGET_SECONDS else "TOO SLOW"
    print(f"Slowest run: {worst:.3f} s (target ≤ {TARGET_SECONDS:.0f} s): {verdict}")
    summary(
        f"{len(actuals)} indicators, {n_participants} participants, {n_pairs} pairs (slowest of {args.runs})",
        f"{worst:.3f} s",
        f"<= {TARGET_SECONDS:.0f} s",
        worst <= TARGET_SECONDS,
    )
    summary("SQL queries per computation", max(run_queries))
    summary(f"snapshot of {len(values)} values", f"{snapshot_seconds:.3f} s, {snapshot_queries} queries")
    return 0 if worst <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
