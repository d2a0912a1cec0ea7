"""Benchmark of the mentor allowance generation (issue #3, architecture §6: a script that prints
figures, not a timed test).

It builds (once, then reuses) databases holding a generated organisation — by default 2,000
mentors, 3,000 pairs and 5,000 validated time off records, and a third of that for the second
size — and prints, for one month:

* the generation time (target ≤ 30 s on a 2-core machine, aim 10 s), cold and warm;
* the number of SQL queries, in total and per pair, at both sizes (it must not grow with pairs);
* the peak Python memory of the generation (tracemalloc) and the process's peak RSS;
* the time OCA payroll takes to compute the payslips of the same mentors, and the ratio.

Every measurement runs in a transaction that is rolled back, so runs can be repeated. The cached
databases (``<prefix>_base`` and ``<prefix>_<pairs>``) belong to this benchmark alone. The figures
end with ``BENCH-SUMMARY|allowance|…`` lines that ``make bench`` (scripts/bench_all.sh) collects.

Usage (``make bench-allowance`` does the set-up and passes the config):

    python tests/benchmarks/bench_allowance.py --config odoo.conf [--db-prefix mentorship_bench_allowance]
        [--sizes 1000,3000] [--rebuild] [--skip-payroll]
"""

import argparse
import hashlib
import os
import random
import resource
import subprocess
import sys
import time
import tracemalloc
from datetime import date, datetime, timedelta
from pathlib import Path

import pytz

REPO = Path(__file__).resolve().parents[2]
ADDONS = ("mentorship_odoo", "mentorship_odoo_payroll")
MONTH = date(2025, 11, 1)  # 20 weekdays, 04.11 is a public holiday: 19 working days
DATASET_VERSION = "1"
CODE_KEY = "mentorship_bench.code"
DATASET_KEY = "mentorship_bench.dataset"
TARGET_SECONDS = 30.0


def summary(figure, value, target="-", ok=None):
    """One machine-readable line for scripts/bench_all.sh: BENCH-SUMMARY|name|figure|value|target|ok."""
    verdict = "-" if ok is None else "ok" if ok else "not"
    print(f"BENCH-SUMMARY|allowance|{figure}|{value}|{target}|{verdict}", flush=True)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True, help="Odoo config file (addons path, db user)")
    parser.add_argument("--db-prefix", default="mentorship_bench_allowance")
    parser.add_argument("--sizes", default="1000,3000", help="pairs per database, comma-separated")
    parser.add_argument("--mentors-per-pair", type=float, default=2 / 3, help="2,000 mentors for 3,000 pairs")
    parser.add_argument("--leaves-per-pair", type=float, default=5 / 3, help="5,000 time off for 3,000 pairs")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached databases")
    parser.add_argument("--skip-payroll", action="store_true", help="do not time OCA payroll")
    return parser.parse_args()


def code_signature():
    digest = hashlib.sha1()
    for addon in ADDONS:
        for path in sorted((REPO / addon).rglob("*")):
            if path.is_file() and path.suffix in (".py", ".xml", ".csv") and "tests" not in path.parts:
                digest.update(str(path.relative_to(REPO)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# --- databases --------------------------------------------------------------------------------


def db_param(dbname, key):
    import odoo.sql_db

    try:
        with odoo.sql_db.db_connect(dbname).cursor() as cr:
            cr.execute("SELECT value FROM ir_config_parameter WHERE key = %s", [key])
            row = cr.fetchone()
            return row and row[0]
    except Exception:  # noqa: BLE001 - a missing or half-built database simply gets rebuilt
        return None


def set_param(dbname, key, value):
    import odoo.sql_db

    with odoo.sql_db.db_connect(dbname).cursor() as cr:
        cr.execute(
            "INSERT INTO ir_config_parameter (key, value) VALUES (%s, %s) "
            "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            [key, value],
        )


def drop_db(dbname):
    import odoo.service.db

    if dbname in odoo.service.db.list_dbs(True):
        odoo.service.db.exp_drop(dbname)


def odoo_bin(args, dbname, *options):
    import odoo
    import odoo.sql_db

    odoo.sql_db.close_db(dbname)
    subprocess.run(
        [
            sys.executable,
            str(Path(odoo.__file__).resolve().parents[1] / "odoo-bin"),
            "-c",
            args.config,
            "-d",
            dbname,
            *options,
            "--without-demo=all",
            "--stop-after-init",
            "--log-level=warn",
        ],
        check=True,
    )


def ensure_base(args, signature):
    """The installed addons without data; updated when their code changed."""
    base = f"{args.db_prefix}_base"
    code = None if args.rebuild else db_param(base, CODE_KEY)
    if code is None:
        log(f"installing {', '.join(ADDONS)} into {base} (a few minutes)…")
        drop_db(base)
        odoo_bin(args, base, "-i", ",".join(ADDONS))
    elif code != signature:
        log(f"updating {', '.join(ADDONS)} in {base}…")
        odoo_bin(args, base, "-u", ",".join(ADDONS))
    set_param(base, CODE_KEY, signature)
    return base


def ensure_dataset(args, base, signature, pairs):
    """A copy of the base with the generated organisation; updated when the code changed."""
    import odoo
    import odoo.service.db

    dbname = f"{args.db_prefix}_{pairs}"
    mentors = round(pairs * args.mentors_per_pair)
    leaves = round(pairs * args.leaves_per_pair)
    wanted = f"{DATASET_VERSION}:{pairs}:{mentors}:{leaves}"
    if args.rebuild or db_param(dbname, DATASET_KEY) != wanted:
        log(f"building {dbname}: {mentors} mentors, {pairs} pairs, {leaves} time off…")
        drop_db(dbname)
        odoo.sql_db.close_db(base)
        odoo.service.db.exp_duplicate_database(base, dbname)
        started = time.perf_counter()
        registry = odoo.modules.registry.Registry(dbname)
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            populate(env, pairs, mentors, leaves)
        set_param(dbname, DATASET_KEY, wanted)
        log(f"built {dbname} in {time.perf_counter() - started:.0f} s")
    elif db_param(dbname, CODE_KEY) != signature:
        log(f"updating the addons in {dbname}…")
        odoo_bin(args, dbname, "-u", ",".join(ADDONS))
        set_param(dbname, CODE_KEY, signature)
    return dbname, mentors, leaves


# --- the organisation -----------------------------------------------------------------------


def populate(env, pairs_n, mentors_n, leaves_n, seed=3):  # noqa: C901 - a data script, read top to bottom
    from odoo import Command

    rnd = random.Random(seed)
    env = env(
        context=dict(
            env.context,
            tracking_disable=True,
            mail_create_nolog=True,
            mail_create_nosubscribe=True,
            mail_notrack=True,
            no_reset_password=True,
        )
    )
    company = env.ref("base.main_company")
    Calendar = env["resource.calendar"]
    cal_msk = Calendar.create({"name": "5/40 Москва", "tz": "Europe/Moscow", "company_id": company.id})
    cal_nkz = Calendar.create(
        {"name": "5/40 Новокузнецк", "tz": "Asia/Novokuznetsk", "company_id": company.id}
    )
    cal_six = Calendar.create(
        {
            "name": "6/36 Москва",
            "tz": "Europe/Moscow",
            "company_id": company.id,
            "attendance_ids": [Command.clear()]
            + [
                Command.create({"name": f"{day}", "dayofweek": str(day), "hour_from": 8, "hour_to": 14})
                for day in range(6)
            ],
        }
    )
    company.resource_calendar_id = cal_msk
    env["resource.calendar.leaves"].with_company(company).create(
        {
            "name": "День народного единства",
            "calendar_id": False,
            "date_from": utc("Europe/Moscow", 2025, 11, 4),
            "date_to": utc("Europe/Moscow", 2025, 11, 5) - timedelta(seconds=1),
        }
    )
    departments = env["hr.department"].create([{"name": f"Кафедра {n}"} for n in range(1, 21)])
    LeaveType = env["hr.leave.type"]
    sick = LeaveType.create(
        {"name": "Больничный", "requires_allocation": "no", "leave_validation_type": "no_validation"}
    )
    vacation = LeaveType.create(
        {"name": "Отпуск", "requires_allocation": "no", "leave_validation_type": "no_validation"}
    )

    def calendar_of(n):
        roll = n % 10
        return (
            (cal_nkz, "Asia/Novokuznetsk")
            if roll == 0
            else (cal_six, "Europe/Moscow")
            if roll < 3
            else (
                cal_msk,
                "Europe/Moscow",
            )
        )

    def employees(prefix, count, start, teaching_start):
        vals = []
        for n in range(count):
            calendar, tz = calendar_of(n)
            vals.append(
                {
                    "name": f"{prefix} {start + n:05d}",
                    "company_id": company.id,
                    "resource_calendar_id": calendar.id,
                    "tz": tz,
                    "department_id": rnd.choice(departments).id,
                    "registration_number": f"{start + n:06d}",
                    "teaching_start_date": teaching_start,
                }
            )
        created = env["hr.employee"]
        for chunk in range(0, len(vals), 500):
            created |= env["hr.employee"].create(vals[chunk : chunk + 500])
        return created

    groups = [rnd.random() < 0.1 for _ in range(pairs_n)]
    student_pair = [rnd.random() < 0.3 for _ in range(pairs_n)]
    mentee_counts = [rnd.choice((2, 3)) if group else 1 for group in groups]
    teacher_mentees_n = sum(c for c, s in zip(mentee_counts, student_pair, strict=True) if not s)
    student_mentees_n = sum(c for c, s in zip(mentee_counts, student_pair, strict=True) if s)
    log(f"  {mentors_n} mentors, {teacher_mentees_n} teacher mentees, {student_mentees_n} students")
    mentors = employees("Наставник", mentors_n, 1, date(2005, 9, 1))
    teachers = employees("Педагог", teacher_mentees_n, 100000, date(2024, 9, 1))
    students = env["res.partner"].create(
        [
            {
                "name": f"Студент {n:05d}",
                "is_student": True,
                "study_year": 1 + n % 4,
                "study_group": f"ГР-{n % 40}",
            }
            for n in range(student_mentees_n)
        ]
    )
    log("  employees created")
    contracts = []
    for mentor in mentors:
        wage = rnd.randrange(30000, 90000, 500)
        calendar = mentor.resource_calendar_id.id
        base = {"employee_id": mentor.id, "company_id": company.id, "resource_calendar_id": calendar}
        if rnd.random() < 0.1:  # a raise on 15.11
            contracts.append(
                dict(
                    base,
                    name="ТД",
                    wage=wage,
                    date_start=date(2020, 1, 1),
                    date_end=date(2025, 11, 14),
                    state="close",
                )
            )
            contracts.append(
                dict(base, name="ТД", wage=wage + 5000, date_start=date(2025, 11, 15), state="open")
            )
        else:
            contracts.append(dict(base, name="ТД", wage=wage, date_start=date(2020, 1, 1), state="open"))
    for chunk in range(0, len(contracts), 500):
        env["hr.contract"].create(contracts[chunk : chunk + 500])
    log("  contracts created")
    form_tt = env.ref("mentorship_odoo.form_teacher_teacher")
    form_ts = env.ref("mentorship_odoo.form_teacher_student")
    (form_tt | form_ts).write({"allowance_applicable": True, "capacity": 0, "duration_max_months": 12})
    programme = env["mentorship.programme"].create(
        {
            "name": "Программа наставничества 2025–2026",
            "company_id": company.id,
            "date_start": date(2025, 9, 1),
            "date_end": date(2026, 8, 31),
            "form_ids": [Command.set((form_tt | form_ts).ids)],
            "state": "running",
        }
    )
    Participant = env["mentorship.participant"]

    def participants(role, people, key):
        vals = [{"programme_id": programme.id, "role": role, key: p.id, "state": "active"} for p in people]
        created = Participant
        for chunk in range(0, len(vals), 1000):
            created |= Participant.create(vals[chunk : chunk + 1000])
        return created

    mentor_parts = participants("mentor", mentors, "employee_id")
    teacher_parts = list(participants("mentee", teachers, "employee_id"))
    student_parts = list(participants("mentee", students, "partner_id"))
    log("  participants created")
    mentor_of_pair = list(range(mentors_n)) + [rnd.randrange(mentors_n) for _ in range(pairs_n - mentors_n)]
    kind_group = env.ref("mentorship_odoo.kind_group")
    kind_individual = env.ref("mentorship_odoo.kind_individual")
    pair_vals = []
    for n in range(pairs_n):
        pool = student_parts if student_pair[n] else teacher_parts
        mentees = [pool.pop() for _ in range(mentee_counts[n])]
        start = date(2025, 9, 1) if rnd.random() < 0.8 else date(2025, 11, rnd.randint(2, 20))
        vals = {
            "programme_id": programme.id,
            "form_id": (form_ts if student_pair[n] else form_tt).id,
            "kind_id": (kind_group if groups[n] else kind_individual).id,
            "mentor_id": mentor_parts[mentor_of_pair[n]].id,
            "mentee_ids": [Command.set([m.id for m in mentees])],
            "date_start": start,
            "date_end": start + timedelta(days=270),
            "state": "active",
        }
        if rnd.random() < 0.05:
            closed = date(2025, 11, rnd.randint(3, 28))
            vals.update({"state": "terminated", "date_closed": max(closed, start), "termination_reason": "—"})
        pair_vals.append(vals)
    pairs = env["mentorship.pair"]
    for chunk in range(0, len(pair_vals), 500):
        pairs |= env["mentorship.pair"].create(pair_vals[chunk : chunk + 500])
    log("  pairs created")
    # Validated time off straight into the table: 80 % on mentees, 20 % on mentors, from mid-October
    # to mid-December, a tenth of them a few hours only; no overlaps per employee.
    teacher_list = list(teachers)
    mentor_list = list(mentors)
    taken = {}
    rows = []
    attempts = 0
    while len(rows) < leaves_n and attempts < leaves_n * 20:
        attempts += 1
        employee = rnd.choice(teacher_list) if rnd.random() < 0.8 else rnd.choice(mentor_list)
        tz = employee.tz
        first = date(2025, 10, 15) + timedelta(days=rnd.randrange(60))
        hours = rnd.random() < 0.1
        last = first if hours else first + timedelta(days=rnd.randint(0, 9))
        if any(first <= b and last >= a for a, b in taken.get(employee.id, ())):
            continue
        taken.setdefault(employee.id, []).append((first, last))
        date_from = utc(tz, first.year, first.month, first.day, 8)
        date_to = utc(tz, last.year, last.month, last.day, 12 if hours else 17)
        rows.append(
            (
                employee.id,
                (sick if rnd.random() < 0.6 else vacation).id,
                company.id,
                company.id,
                employee.resource_calendar_id.id,
                date_from,
                date_to,
                first,
                last,
                hours,
                (last - first).days + 1,
            )
        )
    _insert_leaves(env.cr, rows)
    absences = []
    for student in rnd.sample(list(students), min(len(students), pairs_n // 3)):
        first = date(2025, 11, rnd.randint(1, 25))
        absences.append(
            {
                "partner_id": student.id,
                "company_id": company.id,
                "date_from": first,
                "date_to": first + timedelta(days=rnd.randint(0, 6)),
                "reason": "ОРВИ",
            }
        )
    env["mentorship.absence"].create(absences)
    # The salary structure of OCA payroll, with the mentor allowance rule.
    categories = env["hr.salary.rule.category"].create(
        [{"name": "Оклад", "code": "BASIC"}, {"name": "Итого", "code": "NET"}]
    )
    rules = env["hr.salary.rule"].create(
        [
            {
                "name": "Оклад",
                "code": "BASIC",
                "sequence": 1,
                "category_id": categories[0].id,
                "condition_select": "none",
                "amount_select": "code",
                "amount_python_compute": "result = contract.wage",
            },
            {
                "name": "Итого",
                "code": "NET",
                "sequence": 200,
                "category_id": categories[1].id,
                "condition_select": "none",
                "amount_select": "code",
                "amount_python_compute": "result = categories.BASIC + categories.MENTOR",
            },
        ]
    )
    structure = env["hr.payroll.structure"].create(
        {
            "name": "Педагогические работники",
            "code": "TEACH",
            "company_id": company.id,
            "rule_ids": [
                Command.set((rules | env.ref("mentorship_odoo_payroll.hr_salary_rule_mentor_allowance")).ids)
            ],
        }
    )
    env["hr.contract"].search([]).write({"struct_id": structure.id})
    log(f"  {len(rows)} time off, {len(absences)} student absences, payroll structure")


def _insert_leaves(cr, rows):
    from psycopg2.extras import execute_values

    execute_values(
        cr._obj,
        """
        INSERT INTO hr_leave (employee_id, holiday_status_id, employee_company_id, company_id,
            resource_calendar_id, date_from, date_to, request_date_from, request_date_to,
            request_unit_hours, number_of_days, state, create_uid, write_uid, create_date, write_date)
        SELECT v.e, v.t, v.ec, v.c, v.cal, v.df, v.dt, v.rdf, v.rdt, v.h, v.n, 'validate', 1, 1,
            now() at time zone 'UTC', now() at time zone 'UTC'
        FROM (VALUES %s) AS v(e, t, ec, c, cal, df, dt, rdf, rdt, h, n)
        """,
        rows,
        page_size=1000,
    )


def utc(tz_name, year, month, day, hour=0):
    local = pytz.timezone(tz_name).localize(datetime(year, month, day, hour))
    return local.astimezone(pytz.utc).replace(tzinfo=None)


# --- measurements -----------------------------------------------------------------------------


class QueryCounter:
    """Counts the statements a cursor runs, split into writes (INSERT, UPDATE, DELETE) and the
    rest; ``cr.sql_log_count`` gives the same total."""

    def __init__(self):
        self.reads = self.writes = 0

    def __enter__(self):
        import odoo.sql_db

        self._execute = execute = odoo.sql_db.Cursor.execute
        counter = self

        def counting_execute(cursor, query, params=None, log_exceptions=True):
            text = query if isinstance(query, str) else getattr(query, "code", str(query))
            if text.lstrip().split(" ", 1)[0].upper() in ("INSERT", "UPDATE", "DELETE"):
                counter.writes += 1
            else:
                counter.reads += 1
            return execute(cursor, query, params, log_exceptions)

        odoo.sql_db.Cursor.execute = counting_execute
        return self

    def __exit__(self, *exc):
        import odoo.sql_db

        odoo.sql_db.Cursor.execute = self._execute


def measure_generation(dbname, trace=False):
    """Generate MONTH as the administrator (a payroll officer, not the superuser), then roll back."""
    import odoo

    registry = odoo.modules.registry.Registry(dbname)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, 2, {})
        company = env.ref("base.main_company")
        Allowance = env["mentorship.allowance"]
        if trace:
            tracemalloc.start()
        queries = cr.sql_log_count
        with QueryCounter() as counter:
            started = time.perf_counter()
            accruals = Allowance._generate(company, MONTH)
            env.flush_all()
            elapsed = time.perf_counter() - started
        queries = cr.sql_log_count - queries
        peak = None
        if trace:
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        lines = env["mentorship.allowance.line"].search_count([("allowance_id", "in", accruals.ids)])
        pairs = env["mentorship.pair"].search_count(
            [("company_id", "=", company.id), ("state", "!=", "draft")]
        )
        total = sum(accruals.mapped("amount_total"))
        cr.rollback()
    return {
        "seconds": elapsed,
        "queries": queries,
        "reads": counter.reads,
        "writes": counter.writes,
        "accruals": len(accruals),
        "lines": lines,
        "pairs": pairs,
        "peak": peak,
        "total": total,
    }


def measure_computation(dbname):
    """The computation alone (loading and computing, nothing written)."""
    import odoo

    registry = odoo.modules.registry.Registry(dbname)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, 2, {})
        company = env.ref("base.main_company")
        queries = cr.sql_log_count
        started = time.perf_counter()
        calculator = env["mentorship.allowance.calculator"]._for_computation()
        data = calculator._prepare_month(company, MONTH)
        calculator._load(data)
        loaded = time.perf_counter()
        load_queries = cr.sql_log_count - queries
        calculator._calculate_lines(data)
        computed = time.perf_counter()
        compute_queries = cr.sql_log_count - queries - load_queries
        cr.rollback()
    return {
        "load": loaded - started,
        "compute": computed - loaded,
        "load_queries": load_queries,
        "compute_queries": compute_queries,
    }


def measure_payroll(dbname):
    """Compute the payslips of every mentor with OCA payroll's batch wizard, then roll back."""
    import odoo

    registry = odoo.modules.registry.Registry(dbname)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True, "mail_notrack": True})
        company = env.ref("base.main_company")
        accruals = env["mentorship.allowance"]._generate(company, MONTH)
        accruals.action_confirm()
        env.flush_all()
        employees = accruals.employee_id
        run = env["hr.payslip.run"].create(
            {"name": "Ноябрь 2025", "date_start": MONTH, "date_end": date(2025, 11, 30)}
        )
        wizard = env["hr.payslip.employees"].create({"employee_ids": [odoo.Command.set(employees.ids)]})
        queries = cr.sql_log_count
        started = time.perf_counter()
        wizard.with_context(active_id=run.id).compute_sheet()
        env.flush_all()
        elapsed = time.perf_counter() - started
        queries = cr.sql_log_count - queries
        slips = run.slip_ids
        paid = sum(slips.line_ids.filtered(lambda line: line.code == "MENTOR_ALLOWANCE").mapped("total"))
        expected = sum(accruals.mapped("amount_total"))
        cr.rollback()
    return {"seconds": elapsed, "queries": queries, "slips": len(slips), "paid": paid, "expected": expected}


def main():
    args = parse_args()
    import odoo
    from odoo.tools import config

    config.parse_config(["-c", args.config, "--log-level=warn"])
    signature = code_signature()
    base = ensure_base(args, signature)
    sizes = [int(size) for size in args.sizes.split(",")]
    results = {}
    for pairs in sizes:
        dbname, mentors, leaves = ensure_dataset(args, base, signature, pairs)
        cold = measure_generation(dbname)
        warm = measure_generation(dbname)
        traced = measure_generation(dbname, trace=True)
        computation = measure_computation(dbname)
        results[pairs] = {
            "db": dbname,
            "mentors": mentors,
            "leaves": leaves,
            "cold": cold,
            "computation": computation,
            "warm": warm,
            "traced": traced,
        }
    largest = max(sizes)
    payroll = None if args.skip_payroll else measure_payroll(results[largest]["db"])
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print()
    print(
        f"Mentor allowance benchmark — one month ({MONTH:%m.%Y}), Odoo {odoo.release.version}, "
        f"{os.cpu_count()} CPUs"
    )
    print()
    print(
        "| pairs | mentors | time off | accruals | lines | generation cold | warm "
        "| of which load + compute | SQL queries | reads | writes | queries/pair | peak Python memory |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for pairs in sizes:
        r = results[pairs]
        warm, comp = r["warm"], r["computation"]
        print(
            f"| {warm['pairs']} | {r['mentors']} | {r['leaves']} | {warm['accruals']} | {warm['lines']} "
            f"| {r['cold']['seconds']:.2f} s | {warm['seconds']:.2f} s "
            f"| {comp['load']:.2f} + {comp['compute']:.2f} s "
            f"({comp['load_queries']} + {comp['compute_queries']} q) "
            f"| {warm['queries']} | {warm['reads']} | {warm['writes']} "
            f"| {warm['queries'] / max(warm['pairs'], 1):.3f} | {r['traced']['peak'] / 2**20:.1f} MiB |"
        )
    print()
    print(
        "Reads: everything the computation needs, in a constant number of queries. Writes: multi-row "
        "INSERTs (1,000 rows each) of the accruals, their lines and the time off behind them."
    )
    print(f"Peak RSS of this process: {rss:.0f} MiB (includes Odoo and the registries of every database).")
    small, big = results[min(sizes)]["warm"], results[largest]["warm"]
    if len(sizes) > 1:
        print(
            f"Queries at {small['pairs']} pairs: {small['queries']} ({small['reads']} reads); "
            f"at {big['pairs']} pairs: {big['queries']} ({big['reads']} reads): "
            f"{small['queries'] / max(small['pairs'], 1):.3f} → "
            f"{big['queries'] / max(big['pairs'], 1):.3f} per pair."
        )
    verdict = "within" if big["seconds"] <= TARGET_SECONDS else "OVER"
    print(
        f"Generation of {big['pairs']} pairs: {big['seconds']:.2f} s, {verdict} the 30 s target (aim: 10 s)."
    )
    if payroll:
        print(
            f"OCA payroll: {payroll['slips']} payslips computed in {payroll['seconds']:.2f} s "
            f"({payroll['queries']} queries); allowance generation / payroll = "
            f"{big['seconds'] / payroll['seconds']:.3f} "
            f"(payroll takes {payroll['seconds'] / big['seconds']:.1f}× as long). "
            f"Allowance paid through the payslips: {payroll['paid']:.2f} of {payroll['expected']:.2f}."
        )
    load = os.getloadavg()
    print(
        f"Load average during the run: {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f} (figures are wall-clock)."
    )
    summary(
        f"generation of {big['pairs']} pairs (warm)",
        f"{big['seconds']:.2f} s",
        f"<= {TARGET_SECONDS:.0f} s (aim 10 s)",
        big["seconds"] <= TARGET_SECONDS,
    )
    summary(f"generation of {big['pairs']} pairs (cold)", f"{results[largest]['cold']['seconds']:.2f} s")
    if len(sizes) > 1:
        small_rate = small["queries"] / max(small["pairs"], 1)
        big_rate = big["queries"] / max(big["pairs"], 1)
        summary(
            f"SQL queries per pair, {small['pairs']} -> {big['pairs']} pairs",
            f"{small_rate:.3f} -> {big_rate:.3f}",
            "not growing",
            big_rate <= small_rate,
        )
    else:
        summary(f"SQL queries per pair, {big['pairs']} pairs", f"{big['queries'] / max(big['pairs'], 1):.3f}")
    summary("peak Python memory of the generation", f"{results[largest]['traced']['peak'] / 2**20:.1f} MiB")
    summary("peak RSS of the process", f"{rss:.0f} MiB")
    if payroll:
        summary(
            f"allowance / OCA payroll time ({payroll['slips']} payslips)",
            f"{big['seconds'] / payroll['seconds']:.3f}",
        )
        summary(
            "allowance paid through the payslips",
            f"{payroll['paid']:.2f} of {payroll['expected']:.2f}",
            "all",
            abs(payroll["paid"] - payroll["expected"]) < 0.005,
        )


if __name__ == "__main__":
    main()
