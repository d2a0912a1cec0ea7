"""The addon on real databases: the demo college, an existing HR database, clean uninstall."""

import re
import time

from setup_helpers import psql, run_lib

LOG_ERROR = re.compile(r"^\S+ \S+ \d+ (ERROR|CRITICAL) ")
MODULE_TABLES = "SELECT count(*) FROM pg_tables WHERE tablename LIKE 'mentorship\\_%'"


def _odoo_shell(db, code, check=True):
    return run_lib(
        f'setup_all 2>/dev/null; write_config "$MENTORSHIP_HOME/ci-{db}.conf" {db}\n'
        f'odoo_bin shell -c "$MENTORSHIP_HOME/ci-{db}.conf" -d {db} --no-http --log-level=warn '
        f"<<'PY'\n{code}\nPY",
        check=check,
    )


def _uninstall(db):
    result = _odoo_shell(
        db,
        "env['ir.module.module'].search([('name', '=', 'mentorship_odoo')]).button_immediate_uninstall()\n"
        "env.cr.commit()",
    )
    # Odoo logs every record it fails to delete (one still referenced by generated data) as ERROR.
    errors = [line for line in result.stderr.splitlines() if LOG_ERROR.match(line)]
    assert not errors, "\n".join(errors[:20])
    assert psql(db, "SELECT state FROM ir_module_module WHERE name = 'mentorship_odoo'") == [["uninstalled"]]
    assert psql(db, MODULE_TABLES) == [["0"]]
    assert psql(db, "SELECT count(*) FROM ir_model WHERE model LIKE 'mentorship.%'") == [["0"]]
    assert psql(db, "SELECT count(*) FROM ir_ui_menu WHERE name->>'en_US' = 'Mentoring'") == [["0"]]
    columns = psql(
        db,
        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'hr_employee' "
        "AND column_name = 'teaching_start_date'",
    )
    assert columns == [["0"]]


def test_demo_college_and_quick_rerun(scratch_db):
    # The OpenEduCat bridge has its own tests; this one is about our demo college.
    env = {
        "MENTORSHIP_DEMO_DB": scratch_db,
        "MENTORSHIP_DEMO_NO_SERVE": "1",
        "MENTORSHIP_DEMO_OPENEDUCAT": "0",
    }
    run_lib('bash "$REPO_DIR/scripts/demo.sh"', env=env)
    teachers = psql(scratch_db, "SELECT count(*) FROM hr_employee WHERE teaching_start_date IS NOT NULL")
    assert int(teachers[0][0]) >= 20
    students = psql(scratch_db, "SELECT count(*) FROM res_partner WHERE is_student OR is_graduate")
    assert int(students[0][0]) >= 60
    minors_with_parents = psql(
        scratch_db,
        "SELECT count(DISTINCT minor_id) FROM res_partner_legal_representative_rel r "
        "JOIN res_partner p ON p.id = r.minor_id WHERE p.birthdate_date > now() - interval '18 years'",
    )
    assert int(minors_with_parents[0][0]) >= 5
    assert psql(scratch_db, "SELECT count(*) FROM res_partner WHERE is_external_mentor") >= [["2"]]
    states = dict(psql(scratch_db, "SELECT state, count(*) FROM mentorship_pair GROUP BY state"))
    assert int(states.get("active", 0)) >= 4
    assert int(states.get("terminated", 0)) >= 2  # one early termination, one replaced mentor
    assert int(states.get("draft", 0)) >= 1
    assert psql(scratch_db, "SELECT count(*) FROM mentorship_pair WHERE previous_pair_id IS NOT NULL") >= [
        ["1"]
    ]
    assert psql(scratch_db, "SELECT count(*) FROM mentorship_programme WHERE state = 'running'") >= [["1"]]
    # Russian is installed and the demo users exist.
    assert psql(scratch_db, "SELECT active FROM res_lang WHERE code = 'ru_RU'") == [["t"]]
    assert psql(scratch_db, "SELECT count(*) FROM res_users WHERE login IN ('curator', 'mentor')") == [["2"]]

    # The draft pair is blocked by the missing consent, with a message that names it.
    result = _odoo_shell(
        scratch_db,
        "from odoo.exceptions import UserError\n"
        "pair = env['mentorship.pair'].search([('state', '=', 'draft')], limit=1)\n"
        "try:\n"
        "    pair.action_activate()\n"
        "    print('ACTIVATED')\n"
        "except UserError as error:\n"
        "    print('BLOCKED:', error.args[0])\n"
        "env.cr.rollback()",
    )
    assert "BLOCKED:" in result.stdout, result.stdout + result.stderr

    # Running the demo command again reuses the database and does not reinstall anything.
    oid = psql(scratch_db, "SELECT oid FROM pg_database WHERE datname = current_database()")
    started = time.monotonic()
    run_lib('bash "$REPO_DIR/scripts/demo.sh"', env=env)
    assert time.monotonic() - started < 60
    assert psql(scratch_db, "SELECT oid FROM pg_database WHERE datname = current_database()") == oid

    _uninstall(scratch_db)


def test_install_on_existing_hr_database_without_demo(scratch_db):
    run_lib(
        f'setup_all 2>/dev/null; write_config "$MENTORSHIP_HOME/ci-{scratch_db}.conf" {scratch_db}\n'
        f'odoo_bin -c "$MENTORSHIP_HOME/ci-{scratch_db}.conf" -d {scratch_db} -i hr --without-demo=all '
        "--stop-after-init --log-level=warn"
    )
    _odoo_shell(
        scratch_db,
        "for name in ('Орлова Анна Викторовна', 'Белов Сергей Петрович', 'Зайцева Ирина Олеговна'):\n"
        "    env['hr.employee'].create({'name': name})\n"
        "env.cr.commit()",
    )
    run_lib(
        f'setup_all 2>/dev/null; odoo_bin -c "$MENTORSHIP_HOME/ci-{scratch_db}.conf" -d {scratch_db} '
        "-i mentorship_odoo --without-demo=all --stop-after-init --log-level=warn"
    )
    assert psql(scratch_db, "SELECT state FROM ir_module_module WHERE name = 'mentorship_odoo'") == [
        ["installed"]
    ]
    assert psql(
        scratch_db, "SELECT count(*) FROM hr_employee WHERE name LIKE '%вна' OR name LIKE '%вич'"
    ) == [["3"]]
    assert psql(scratch_db, "SELECT count(*) FROM mentorship_form") == [["9"]]
    assert psql(scratch_db, "SELECT count(*) FROM mentorship_pair") == [["0"]]
    _uninstall(scratch_db)
    assert psql(scratch_db, "SELECT count(*) FROM hr_employee") >= [["3"]]
