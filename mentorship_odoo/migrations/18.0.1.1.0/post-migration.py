"""The mentor, their user, their department and the currency of an allowance line are read through
its accrual since 18.0.1.1.0: their old columns (each a foreign key checked on every line written)
go."""

OLD_LINE_COLUMNS = ("employee_id", "mentor_user_id", "department_id", "currency_id")


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "ALTER TABLE mentorship_allowance_line "
        + ", ".join(f"DROP COLUMN IF EXISTS {column}" for column in OLD_LINE_COLUMNS)
    )
