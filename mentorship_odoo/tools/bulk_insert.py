"""Set-based creation of many records at once.

A region's month of mentor allowances is tens of thousands of accruals and lines. ``create()``
spends most of that time per record (defaults, cache conversions, recomputation of what is already
known, chatter hooks); here the values computed beforehand go to PostgreSQL with COPY (ids taken
from the table's sequence first), and the ORM only fills what the caller did not give: defaults,
and the stored computed fields a module may have added, computed as usual at the next flush.
Formatting rows needs neither the cursor nor the environment, and the COPY releases Python's lock
while the database works: the caller computes and formats the next rows while a thread writes the
last ones (:class:`BulkInsert`, :class:`OrderedWriter`).
"""

import io
from collections import deque
from concurrent.futures import ThreadPoolExecutor
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
    """The creation of records of ``model`` in steps, so that the Python work of one part can be
    done while the database writes another:

    * the constructor (database): checks the field names and takes the defaults;
    * :meth:`reserve` (database, any one thread at a time): ids taken from the table's sequence;
    * :meth:`format` (pure Python: it touches neither the cursor nor the environment): rows in
      COPY's text format, a :class:`CopyBlock`;
    * :meth:`copy_block` (database, any one thread at a time): COPY of a block;
    * :meth:`finish` (database, the caller's thread, after the last COPY): what the ORM must know
      (stored computed fields to compute, one2many caches to drop); returns the records.

    ``names`` are the fields every row gives: values of stored columns, many2one fields as ids,
    amounts already rounded as they are to be stored; ``link_fields`` the many2many fields given as
    one list of ids per row. Stored fields the rows leave out get their default value, and stored
    computed fields they leave out are computed by the ORM at the next flush. No constraint
    method, access check or ``create()`` override runs: the caller checks what it writes (the
    database still enforces its own constraints)."""

    def __init__(self, model, names, link_fields=()):
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

    def reserve(self, count):
        """``count`` new ids of the table, in one query."""
        if not count:
            return []
        cr = self.model.env.cr
        cr.execute(
            SQL(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                self.model._table,
                count,
            )
        )
        return [row_id for (row_id,) in cr.fetchall()]

    def format(self, ids, rows, links=None):
        """The :class:`CopyBlock` of ``rows`` (dicts of :attr:`names`) with ``ids`` (one per row)
        and ``links`` ({many2many field: a list of ids per row})."""
        names, converters, tail_text = self.names, self.converters, self.tail_text
        lines = []
        for row_id, row in zip(ids, rows, strict=True):
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
        link_texts = {}
        for name, targets in (links or {}).items():
            link_texts[name] = "".join(
                f"{record_id}\t{target}\n"
                for record_id, row_targets in zip(ids, targets, strict=True)
                for target in dict.fromkeys(row_targets)
            )
        return CopyBlock(list(ids), "\n".join(lines) if rows else "", link_texts)

    def copy_block(self, block):
        """COPY ``block`` into the table and its many2many tables."""
        model = self.model
        cr = model.env.cr
        _copy_text_block(cr, model._table, self.columns, block.text)
        for name, text in block.link_texts.items():
            field = model._fields[name]
            _copy_text_block(cr, field.relation, [field.column1, field.column2], text)

    def finish(self, ids):
        """The records of ``ids``, once copied, with what the ORM must know about them."""
        model, env = self.model, self.model.env
        records = model.browse(ids)
        if not ids:
            return records
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


class CopyBlock:
    """Rows of one table in COPY's text format (:meth:`BulkInsert.format`): their ids, the text and
    {many2many field: the text of its links}."""

    __slots__ = ("ids", "link_texts", "text")

    def __init__(self, ids, text, link_texts):
        self.ids, self.text, self.link_texts = ids, text, link_texts


class OrderedWriter:
    """One thread that runs database work (:meth:`submit`) in the order given, while the caller's
    thread computes what comes next; at most ``depth`` jobs wait, so that the rows waiting to be
    written stay few. The caller must not use the cursor until :meth:`close` returns (the
    cursor is the thread's meanwhile); an error of a job is raised by :meth:`submit` or
    :meth:`close`, and :meth:`close` also waits for the thread when the caller failed."""

    def __init__(self, depth=2):
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mentorship-copy")
        self.pending = deque()
        self.depth = depth

    def submit(self, function, *args):
        """Run ``function(*args)`` after the jobs before it; returns its Future."""
        while len(self.pending) >= self.depth:
            self.pending.popleft().result()
        future = self.executor.submit(function, *args)
        self.pending.append(future)
        return future

    def close(self):
        """Wait for every job; raise the first error."""
        try:
            while self.pending:
                self.pending.popleft().result()
        finally:
            self.executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.close()
        else:
            # The caller failed: stop, wait for the running job (the cursor is in use until it
            # ends), and let the caller's error through.
            self.executor.shutdown(wait=True, cancel_futures=True)
        return False


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
    bulk = BulkInsert(model, names, list(links or ()))
    block = bulk.format(bulk.reserve(len(rows)), rows, links)
    bulk.copy_block(block)
    return bulk.finish(block.ids)
