"""Set-based creation of many records at once.

A region's month of mentor allowances is tens of thousands of accruals and lines. ``create()``
spends most of that time per record (defaults, cache conversions, recomputation of what is already
known, chatter hooks); here the values computed beforehand go to PostgreSQL in multi-row INSERTs,
and the ORM only fills what the caller did not give: defaults, and the stored computed fields a
module may have added, computed as usual at the next flush.
"""

from odoo.models import LOG_ACCESS_COLUMNS
from odoo.tools import SQL, split_every

INSERT_CHUNK = 1000


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
    ids = []
    for chunk in split_every(INSERT_CHUNK, rows):
        values = [
            tuple(_column_value(field, row[field.name], record) for field in fields_) + tail for row in chunk
        ]
        env.cr.execute(
            SQL(
                "INSERT INTO %s (%s) VALUES %s RETURNING id",
                SQL.identifier(model._table),
                SQL(", ").join(map(SQL.identifier, columns)),
                SQL(", ").join(values),
            )
        )
        ids.extend(row_id for (row_id,) in env.cr.fetchall())
    records = model.browse(ids)
    for name, targets in (links or {}).items():
        field = model._fields[name]
        pairs = [
            (record_id, target)
            for record_id, row_targets in zip(ids, targets, strict=True)
            for target in row_targets
        ]
        for chunk in split_every(INSERT_CHUNK * 5, pairs):
            env.cr.execute(
                SQL(
                    "INSERT INTO %s (%s, %s) VALUES %s ON CONFLICT DO NOTHING",
                    SQL.identifier(field.relation),
                    SQL.identifier(field.column1),
                    SQL.identifier(field.column2),
                    SQL(", ").join(chunk),
                )
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
