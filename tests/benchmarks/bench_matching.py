"""Benchmark: matching a cohort of 2,000 mentees and 1,000 mentors with capacity 1–3.

Builds two cohorts with bulk SQL inside one transaction of an existing database where
mentorship_odoo_matching is installed (the full one and one of half the size, to show that the
number of SQL queries does not grow with the cohort), scores each with the programme's 8 shipped
criteria and solves the optimal assignment (``mentorship.match.engine``), runs the one-by-one pass
for comparison, prints time, peak memory and queries, and rolls everything back.

    python tests/benchmarks/bench_matching.py -c <odoo.conf> -d <database> [--mentees N] [--mentors N]

`make bench-matching` sets up a database of its own and runs it. Target: scoring and assignment in
at most 5 seconds (aim: 2).
"""

import argparse
import resource
import sys
import time
import tracemalloc
from datetime import date

import odoo

TARGET_SECONDS = 5.0
AIM_SECONDS = 2.0
ON_DATE = date(2025, 10, 1)


def summary(figure, value, target="-", ok=None):
    """One machine-readable line for scripts/bench_all.sh: BENCH-SUMMARY|name|figure|value|target|ok."""
    verdict = "-" if ok is None else "ok" if ok else "not"
    print(f"BENCH-SUMMARY|matching|{figure}|{value}|{target}|{verdict}", flush=True)


def build(env, company, form, mentees, mentors, tag):
    """A programme with ``mentees`` young and ``mentors`` experienced teachers, their
    directions, convenient time, campus, departments, preference answers naming mentors and a few
    pairs that ended early; return the programme."""
    cr = env.cr
    programme = env["mentorship.programme"].create(
        {
            "name": f"Бенчмарк подбора {tag}",
            "company_id": company.id,
            "date_start": date(2025, 9, 1),
            "date_end": date(2026, 8, 31),
            "form_ids": [odoo.Command.set(form.ids)],
        }
    )
    env.flush_all()
    params = {
        "company": company.id,
        "programme": programme.id,
        "form": form.id,
        "mentees": mentees,
        "mentors": mentors,
        "people": mentees + mentors,
        "tag": tag,
        "survey": env.ref("mentorship_odoo.survey_preference").id,
        "question": env.ref("mentorship_odoo.survey_preference_q1").id,
    }
    statements = [
        """
        CREATE TEMP TABLE bench_departments ON COMMIT DROP AS
        SELECT id, row_number() OVER (ORDER BY id) AS n FROM hr_department WHERE company_id = %(company)s
        """,
        """
        CREATE TEMP TABLE bench_resources (id integer, n bigint) ON COMMIT DROP;
        WITH rows AS (
            INSERT INTO resource_resource (name, resource_type, time_efficiency, tz, active, company_id)
            SELECT 'Педагог ' || g, 'user', 100, 'Europe/Moscow', TRUE, %(company)s
              FROM generate_series(1, %(people)s) g
            RETURNING id)
        INSERT INTO bench_resources SELECT id, row_number() OVER (ORDER BY id) FROM rows
        """,
        # The first ones are young teachers (0–3 years), then the mentors (5–35 years); the
        # mentors' surnames are unique words so that the preference answers can name them.
        """
        CREATE TEMP TABLE bench_teachers (id integer, n bigint) ON COMMIT DROP;
        WITH rows AS (
            INSERT INTO hr_employee (resource_id, name, company_id, active, employee_type, marital,
                                     distance_home_work_unit, teaching_start_date, department_id)
            SELECT r.id,
                   CASE WHEN r.n <= %(mentees)s THEN 'Молодой' || r.n || ' Педагог'
                        ELSE 'Наставник' || r.n || ' Опытный' END,
                   %(company)s, TRUE, 'employee', 'single', 'kilometers',
                   CASE WHEN r.n <= %(mentees)s THEN DATE '2025-09-01' - (r.n * 37 %% 1400)::integer
                        ELSE DATE '2020-09-01' - (r.n * 53 %% 10900)::integer END,
                   (SELECT d.id FROM bench_departments d
                     WHERE d.n = 1 + r.n %% (SELECT count(*) FROM bench_departments))
              FROM bench_resources r
            RETURNING id)
        INSERT INTO bench_teachers SELECT id, row_number() OVER (ORDER BY id) FROM rows
        """,
        """
        INSERT INTO mentorship_participant (programme_id, company_id, role, employee_id, name, person_type,
                                            source, state, form_id, match_capacity, match_schedule,
                                            match_campus)
        SELECT %(programme)s, %(company)s,
               CASE WHEN t.n <= %(mentees)s THEN 'mentee' ELSE 'mentor' END,
               t.id, e.name, 'employee', 'staff', 'approved', %(form)s,
               CASE WHEN t.n <= %(mentees)s THEN 0 ELSE 1 + t.n %% 3 END,
               (ARRAY['morning', 'afternoon', 'evening', 'any'])[1 + t.n %% 4],
               (ARRAY['Главный корпус', 'Корпус 2', 'Учебно-производственный корпус'])[1 + t.n * 7 %% 3]
          FROM bench_teachers t JOIN hr_employee e ON e.id = t.id
        """,
        """
        CREATE TEMP TABLE bench_roles ON COMMIT DROP AS
        SELECT id, role, row_number() OVER (PARTITION BY role ORDER BY id) AS n
          FROM mentorship_participant WHERE programme_id = %(programme)s
        """,
        # Requests: 1–3 directions a mentee; strengths: 2–4 directions a mentor.
        """
        INSERT INTO mentorship_participant_match_request_rel (participant_id, direction_id)
        SELECT DISTINCT r.id, d.id
          FROM bench_roles r
          JOIN LATERAL generate_series(0, r.n %% 3) k ON TRUE
          JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM mentorship_plan_direction) d
            ON d.i = (r.n * 5 + k * 3) %% 11
         WHERE r.role = 'mentee'
        """,
        """
        INSERT INTO mentorship_participant_match_strength_rel (participant_id, direction_id)
        SELECT DISTINCT r.id, d.id
          FROM bench_roles r
          JOIN LATERAL generate_series(0, 1 + r.n %% 3) k ON TRUE
          JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM mentorship_plan_direction) d
            ON d.i = (r.n * 7 + k * 2) %% 11
         WHERE r.role = 'mentor'
        """,
        # A third of the mentees answered the preference questionnaire, naming two mentors.
        """
        CREATE TEMP TABLE bench_answers (id integer, participant integer, n bigint) ON COMMIT DROP;
        WITH rows AS (
            INSERT INTO survey_user_input (survey_id, access_token, state, end_datetime, test_entry,
                                           mentorship_programme_id, mentorship_participant_id,
                                           mentorship_company_id, mentorship_role, mentorship_purpose)
            SELECT %(survey)s, md5(%(tag)s || r.id::text), 'done', TIMESTAMP '2025-09-20 10:00', FALSE,
                   %(programme)s, r.id, %(company)s, 'mentee', 'preference'
              FROM bench_roles r WHERE r.role = 'mentee' AND r.n %% 3 = 0
            RETURNING id, mentorship_participant_id)
        INSERT INTO bench_answers
        SELECT id, mentorship_participant_id, row_number() OVER (ORDER BY id) FROM rows
        """,
        """
        INSERT INTO survey_user_input_line (user_input_id, survey_id, question_id, answer_type,
                                            value_text_box, skipped)
        SELECT a.id, %(survey)s, %(question)s, 'text_box',
               '1) ' || m1.name || E'\n2) ' || m2.name, FALSE
          FROM bench_answers a
          JOIN bench_roles r1 ON r1.role = 'mentor' AND r1.n = 1 + (a.n * 13) %% %(mentors)s
          JOIN mentorship_participant m1 ON m1.id = r1.id
          JOIN bench_roles r2 ON r2.role = 'mentor' AND r2.n = 1 + (a.n * 29) %% %(mentors)s
          JOIN mentorship_participant m2 ON m2.id = r2.id
        """,
        # One mentee in fifty had a pair with a mentor that ended early (a conflict of interest).
        """
        CREATE TEMP TABLE bench_pairs (id integer, n bigint) ON COMMIT DROP;
        WITH rows AS (
            INSERT INTO mentorship_pair (name, programme_id, company_id, form_id, mentor_id, date_start,
                                         date_end, state, mentee_count, is_group, termination_initiator,
                                         termination_reason, termination_date)
            SELECT 'БП-' || %(tag)s || '-' || r.n, %(programme)s, %(company)s, %(form)s, m.id,
                   DATE '2025-09-01', DATE '2026-05-31', 'terminated', 1, FALSE, 'mentee',
                   'Не сложилось взаимодействие', DATE '2025-09-15'
              FROM bench_roles r
              JOIN bench_roles m ON m.role = 'mentor' AND m.n = 1 + r.n %% %(mentors)s
             WHERE r.role = 'mentee' AND r.n %% 50 = 0
            RETURNING id)
        INSERT INTO bench_pairs SELECT id, row_number() OVER (ORDER BY id) FROM rows
        """,
        """
        INSERT INTO mentorship_pair_mentee_rel (pair_id, participant_id)
        SELECT p.id, r.id FROM bench_pairs p JOIN bench_roles r ON r.role = 'mentee' AND r.n = p.n * 50
        """,
        "DROP TABLE bench_departments, bench_resources, bench_teachers, bench_roles, bench_answers, "
        "bench_pairs",
    ]
    for statement in statements:
        cr.execute(statement, params)
    return programme


def run(env, programme, form):
    """Score and assign; return the figures."""
    cr = env.cr
    engine = env["mentorship.match.engine"]
    env.invalidate_all()
    tracemalloc.start()
    queries_before = cr.sql_log_count
    started = time.perf_counter()
    problem = engine._build(programme, form, ON_DATE)
    scored = time.perf_counter()
    optimal = problem.solve()
    solved = time.perf_counter()
    queries = cr.sql_log_count - queries_before
    greedy = problem.greedy()
    greedy_seconds = time.perf_counter() - solved
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "mentees": len(problem.mentees),
        "mentors": len(problem.mentors),
        "places": int(problem.capacity.clip(max=len(problem.mentees)).sum()),
        "criteria": len(problem.criteria),
        "allowed": float(problem.allowed.mean()),
        "score_seconds": scored - started,
        "solve_seconds": solved - scored,
        "seconds": solved - started,
        "greedy_seconds": greedy_seconds,
        "queries": queries,
        "peak_mb": peak / 2**20,
        "optimal": optimal,
        "greedy": greedy,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--mentees", type=int, default=2000)
    parser.add_argument("--mentors", type=int, default=1000)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        started = time.perf_counter()
        company = env["res.company"].create({"name": "Бенчмарк-колледж (подбор)"})
        parent = env["hr.department"].create({"name": "Преподаватели", "company_id": company.id})
        env["hr.department"].create(
            [
                {"name": f"Цикловая комиссия {index}", "company_id": company.id, "parent_id": parent.id}
                for index in range(8)
            ]
        )
        form = env.ref("mentorship_odoo.form_teacher_teacher")
        form.capacity = 3
        full = build(env, company, form, args.mentees, args.mentors, "A")
        half = build(env, company, form, args.mentees // 2, args.mentors // 2, "B")
        cr.execute("ANALYZE")
        print(f"Two cohorts built in {time.perf_counter() - started:.1f} s")
        criteria = len(full.match_criterion_ids)
        results = {}
        for label, programme in (("half", half), ("full", full)):
            run(env, programme, form)  # warm-up: caches of the registry, the first numpy calls
            results[label] = figures = run(env, programme, form)
            print(
                f"{label}: {figures['mentees']} mentees × {figures['mentors']} mentors "
                f"({figures['places']} free places, {figures['allowed'] * 100:.0f} % of the pairs allowed), "
                f"{figures['criteria']} of {criteria} criteria apply: "
                f"scoring {figures['score_seconds']:.3f} s "
                f"+ assignment {figures['solve_seconds']:.3f} s = {figures['seconds']:.3f} s, "
                f"{figures['queries']} SQL queries, peak {figures['peak_mb']:.0f} MB (tracemalloc); "
                f"greedy pass {figures['greedy_seconds']:.3f} s"
            )
            for name in ("optimal", "greedy"):
                result = figures[name]
                print(
                    f"  {name:<8} matched {result.matched:>5}, total {result.total:12.1f}, "
                    f"mean {result.mean:5.1f} %"
                )
        cr.rollback()
    full = results["full"]
    ratio = full["optimal"].total / full["greedy"].total if full["greedy"].total else float("nan")
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ok = full["seconds"] <= TARGET_SECONDS
    verdict = "OK" if ok else "TOO SLOW"
    aim = "within the aim" if full["seconds"] <= AIM_SECONDS else "above the aim"
    print(
        f"Scoring + assignment: {full['seconds']:.3f} s (target ≤ {TARGET_SECONDS:.0f} s, {aim}): " + verdict
    )
    print(f"Optimal / greedy total score: {ratio:.4f}; process peak RSS {rss_mb:.0f} MB")
    summary(
        f"scoring + assignment, {full['mentees']} mentees × {full['mentors']} mentors, "
        f"{criteria} criteria ({full['criteria']} apply to the form)",
        f"{full['seconds']:.3f} s",
        f"<= {TARGET_SECONDS:.0f} s",
        ok,
    )
    summary("of which scoring / assignment", f"{full['score_seconds']:.3f} s / {full['solve_seconds']:.3f} s")
    summary(
        f"SQL queries at {results['half']['mentees']} / {full['mentees']} mentees",
        f"{results['half']['queries']} / {full['queries']}",
        "equal",
        results["half"]["queries"] == full["queries"],
    )
    summary("peak memory (tracemalloc) / process RSS", f"{full['peak_mb']:.0f} MB / {rss_mb:.0f} MB")
    summary(
        "total score optimal / greedy",
        f"{full['optimal'].total:.1f} / {full['greedy'].total:.1f} (ratio {ratio:.4f})",
        ">= 1",
        ratio >= 1,
    )
    summary(
        "matched optimal / greedy, mean score",
        f"{full['optimal'].matched} / {full['greedy'].matched}, "
        f"{full['optimal'].mean:.1f} % / {full['greedy'].mean:.1f} %",
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
