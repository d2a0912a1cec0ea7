"""Set-based creation of many records at once.

A region's month of mentor allowances is tens of thousands of accruals and lines. ``create()``
spends most of that time per record (defaults, cache conversions, recomputation of what is already
known, chatter hooks); here the values computed beforehand go to PostgreSQL with COPY (ids taken
from the table's sequence first), and the ORM only fills what the caller did not give: defaults,
and the stored computed fields a module may have added, computed as usual at the next flush.
Formatting one table's rows needs neither the cursor nor the environment, so it can run in a
thread while the database writes the table before it (:class:`BulkInsert`).
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


def _column_value(field, value, record):
    """``value`` as the column stores it: the ORM's conversion for translated and JSON columns,
    NULL for an empty non-boolean value, the value itself otherwise (ids, numbers already rounded
    by the caller, dates, texts)."""
    if field.translate or field.column_type[0] == "jsonb":
        return field.convert_to_column_insert(value, record)
    if value is False and field.type != "boolean":
        return None
    return value


class BulkInsert:
    """The creation of ``count`` records of ``model`` in three steps, so that the Python work of
    one table can be done while the database writes another:

    * the constructor (database): checks the field names, takes the defaults and reserves the ids
      (:attr:`ids`);
    * :meth:`format` (pure Python: safe in another thread, it touches neither the cursor nor the
      environment): the rows in COPY's text format;
    * :meth:`insert` (database): COPY, then what the ORM must know (stored computed fields to
      compute, one2many caches to drop); returns the records.

    ``names`` are the fields every row gives: values of stored columns, many2one fields as ids,
    amounts already rounded as they are to be stored; ``link_fields`` the many2many fields given as
    one list of ids per row. Stored fields the rows leave out get their default value, and stored
    computed fields they leave out are computed by the ORM at the next flush. No constraint
    method, access check or ``create()`` override runs: the caller checks what it writes (the
    database still enforces its own constraints)."""

    def __init__(self, model, names, count, link_fields=()):
        self.model, self.names, self.link_fields = model, list(names), list(link_fields)
        if set(self.names) & {"id", *LOG_ACCESS_COLUMNS}:
            raise ValueError("insert_records: the id and the log access columns are set here")
        env = model.env
        self.fields = [model._fields[name] for name in self.names]
        given = set(self.names)
        self.defaults = model.default_get(
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
        default_names = list(self.defaults)
        self.columns = [
            "id",
            *self.names,
            *default_names,
            "create_uid",
            "write_uid",
            "create_date",
            "write_date",
        ]
        now = env.cr.now()
        tail = (
            *(_column_value(model._fields[name], self.defaults[name], record) for name in default_names),
            env.uid,
            env.uid,
            now,
            now,
        )
        self.tail_text = "\t".join(map(_copy_text, tail))
        self.converters = [_copy_converter(field, record) for field in self.fields]
        self.ids = []
        if count:
            env.cr.execute(
                SQL(
                    "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                    model._table,
                    count,
                )
            )
            self.ids = [row_id for (row_id,) in env.cr.fetchall()]
        self.text = None
        self.link_texts = {}

    def format(self, rows, links=None):
        """Format ``rows`` (dicts of :attr:`names`, as many as ids were reserved) and ``links``
        ({many2many field: a list of ids per row})."""
        names, converters, tail_text = self.names, self.converters, self.tail_text
        lines = []
        for row_id, row in zip(self.ids, rows, strict=True):
            if len(row) != len(names):
                raise ValueError("insert_records: every row must give the same fields")
            lines.append(
                "\t".join(
                    [
                        str(row_id),
                        *[convert(row[name]) for convert, name in zip(converters, names, strict=True)],
                        tail_text,
                    ]
                )
            )
        lines.append("")
        self.text = "\n".join(lines)
        for name, targets in (links or {}).items():
            self.link_texts[name] = "".join(
                f"{record_id}\t{target}\n"
                for record_id, row_targets in zip(self.ids, targets, strict=True)
                for target in dict.fromkeys(row_targets)
            )

    def insert(self):
        model, env = self.model, self.model.env
        if not self.ids:
            return model.browse()
        _copy_text_block(env.cr, model._table, self.columns, self.text)
        for name, text in self.link_texts.items():
            field = model._fields[name]
            _copy_text_block(env.cr, field.relation, [field.column1, field.column2], text)
        records = model.browse(self.ids)
        written = set(self.names) | set(self.defaults) | set(self.link_fields)
        for field in model._fields.values():
            if field.store and field.compute and field.name not in written:
                env.add_to_compute(field, records)
        # The one2many fields that list these records are stale in the cache.
        for field in self.fields:
            if field.type == "many2one":
                for inverse in model.pool.field_inverses[field]:
                    env[inverse.model_name].invalidate_model([inverse.name])
        return records


def _copy_text_block(cr, table, columns, text):
    """COPY ``text`` (rows in COPY's text format) into ``table`` in one piece: the driver sends it
    without holding Python's lock, so another thread can work while the database writes."""
    if text:
        cr.copy_expert(
            SQL(
                "COPY %s (%s) FROM STDIN",
                SQL.identifier(table),
                SQL(", ").join(map(SQL.identifier, columns)),
            ).code,
            io.StringIO(text),
            size=len(text) + 1,
        )


def insert_records(model, rows, links=None):
    """Create records of ``model`` from ``rows`` (dicts with the same keys) and return them, in one
    go (see :class:`BulkInsert`)."""
    if not rows:
        return model.browse()
    names = list(rows[0])
    if any(set(row) != set(names) for row in rows):
        raise ValueError("insert_records: every row must give the same fields")
    bulk = BulkInsert(model, names, len(rows), list(links or ()))
    bulk.format(rows, links)
    return bulk.insert()
