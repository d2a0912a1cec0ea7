"""Set-based creation of many records at once.

A region's month of mentor allowances is tens of thousands of accruals and lines. ``create()``
spends most of that time per record (defaults, cache conversions, recomputation of what is already
known, chatter hooks); here the values computed beforehand go to PostgreSQL with COPY (ids taken
from the table's sequence first), and the ORM only fills what the caller did not give: defaults,
and the stored computed fields a module may have added, computed as usual at the next flush.
"""

import io
from datetime import date, datetime

from psycopg2.extras import Json

from odoo.models import LOG_ACCESS_COLUMNS
from odoo.tools import SQL

# COPY's text format: a backslash, tab, newline or carriage return in a value is escaped.
COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(value):
    """``value`` (as :func:`_column_value` gives it) in COPY's text format."""
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, str):
        return value.translate(COPY_ESCAPES)
    if isinstance(value, datetime):
        return value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Json):
        return value.dumps(value.adapted).translate(COPY_ESCAPES)
    return str(value)


def _copy_converter(field, record):
    """A function giving a value of ``field`` (as the rows of :func:`insert_records` give it) in
    COPY's text format, chosen once per column: a region's month is millions of values."""
    null = "\\N"
    if field.translate or field.column_type[0] == "jsonb":
        return lambda value: _copy_text(_column_value(field, value, record))
    if field.type == "boolean":
        return lambda value: "t" if value else "f"
    if field.type in ("many2one", "integer", "float", "monetary", "many2one_reference"):
        return lambda value: null if value is False or value is None else str(value)
    if field.type in ("char", "text", "selection", "html"):
        return lambda value: null if value is False or value is None else value.translate(COPY_ESCAPES)
    return lambda value: _copy_text(_column_value(field, value, record))


class _LineStream(io.TextIOBase):
    """The rows of a COPY as a file read by the database driver, formatted as it reads them: the
    server stores the first rows while the next ones are being formatted."""

    def __init__(self, lines):
        super().__init__()
        self._lines = iter(lines)
        self._pending = ""

    def readable(self):
        return True

    def read(self, size=-1):
        chunks, length = [self._pending], len(self._pending)
        while size < 0 or length < size:
            line = next(self._lines, None)
            if line is None:
                break
            chunks.append(line)
            chunks.append("\n")
            length += len(line) + 1
        text = "".join(chunks)
        if size < 0 or len(text) <= size:
            self._pending = ""
            return text
        self._pending = text[size:]
        return text[:size]


def copy_lines(cr, table, columns, lines):
    """COPY ``lines`` (rows already in COPY's text format, without their line ends, possibly a
    generator) into ``table``."""
    cr.copy_expert(
        SQL(
            "COPY %s (%s) FROM STDIN", SQL.identifier(table), SQL(", ").join(map(SQL.identifier, columns))
        ).code,
        _LineStream(lines),
        size=65536,
    )


def copy_rows(cr, table, columns, rows):
    """COPY ``rows`` (tuples in the order of ``columns``) into ``table``."""
    copy_lines(cr, table, columns, ("\t".join(map(_copy_text, row)) for row in rows))


def _column_value(field, value, record):
    """``value`` as the column stores it: the ORM's conversion for translated and JSON columns,
    NULL for an empty non-boolean value, the value itself otherwise (ids, numbers already rounded
    by the caller, dates, texts)."""
    if field.translate or field.column_type[0] == "jsonb":
        return field.convert_to_column_insert(value, record)
    if value is False and field.type != "boolean":
        return None
    return value


def insert_records(model, rows, links=None):
    """Create records of ``model`` from ``rows`` and return them.

    ``rows`` are dicts with the same keys: values of stored columns, many2one fields as ids, amounts
    already rounded as they are to be stored. ``links`` maps a many2many field to one list of ids
    per row. Stored fields the rows leave out get their default value, and stored computed fields
    they leave out are computed by the ORM at the next flush. No constraint method, access check or
    ``create()`` override runs: the caller checks what it writes (the database still enforces its
    own constraints)."""
    if not rows:
        return model.browse()
    env = model.env
    names = list(rows[0])
    fields_ = [model._fields[name] for name in names]
    if any(set(row) != set(names) for row in rows):
        raise ValueError("insert_records: every row must give the same fields")
    if set(names) & {"id", *LOG_ACCESS_COLUMNS}:
        raise ValueError("insert_records: the id and the log access columns are set here")
    given = set(names)
    defaults = model.default_get(
        [
            name
            for name, field in model._fields.items()
            if field.store
            and field.column_type
            and not field.compute
            and name not in given
            and name not in ("id", *LOG_ACCESS_COLUMNS)
        ]
    )
    record = model.browse()
    default_names = list(defaults)
    columns = names + default_names + ["create_uid", "write_uid", "create_date", "write_date"]
    now = env.cr.now()
    tail = (
        *(_column_value(model._fields[name], defaults[name], record) for name in default_names),
        env.uid,
        env.uid,
        now,
        now,
    )
    env.cr.execute(
        SQL(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            model._table,
            len(rows),
        )
    )
    ids = [row_id for (row_id,) in env.cr.fetchall()]
    converters = [_copy_converter(field, record) for field in fields_]
    tail_text = "\t".join(map(_copy_text, tail))
    copy_lines(
        env.cr,
        model._table,
        ["id", *columns],
        (
            "\t".join(
                [
                    str(row_id),
                    *[convert(row[name]) for convert, name in zip(converters, names, strict=True)],
                    tail_text,
                ]
            )
            for row_id, row in zip(ids, rows, strict=True)
        ),
    )
    records = model.browse(ids)
    for name, targets in (links or {}).items():
        field = model._fields[name]
        copy_rows(
            env.cr,
            field.relation,
            [field.column1, field.column2],
            (
                (record_id, target)
                for record_id, row_targets in zip(ids, targets, strict=True)
                for target in dict.fromkeys(row_targets)
            ),
        )
    written = given | set(defaults) | set(links or ())
    for field in model._fields.values():
        if field.store and field.compute and field.name not in written:
            env.add_to_compute(field, records)
    # The one2many fields that list these records are stale in the cache.
    for field in fields_:
        if field.type == "many2one":
            for inverse in model.pool.field_inverses[field]:
                env[inverse.model_name].invalidate_model([inverse.name])
    return records
