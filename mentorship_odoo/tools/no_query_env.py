"""An environment that shares a transaction's cache but cannot query the database.

The allowance engine computes a month's lines while a thread writes the lines computed before them
on the same cursor (:class:`..tools.bulk_insert.OrderedWriter`). Two threads must never use one
connection at once, so the steps computed meanwhile (and the methods of other modules that extend
them) run in this environment: what they read from the cache works, and a query, however
indirect (a field not in the cache, a flush), fails at once with an error that says what to do,
whatever the timing of the thread.
"""

from contextlib import contextmanager

from odoo import api
from odoo.sql_db import BaseCursor


class NoQueryCursor(BaseCursor):
    """A cursor of ``cr``'s transaction (same registry, same cache) that refuses every query with
    ``message``."""

    def __init__(self, cr, message):
        super().__init__()
        self.transaction = cr.transaction
        self.dbname = cr.dbname
        self._message = message

    def _refuse(self, *_args, **_kwargs):
        raise RuntimeError(self._message)

    execute = execute_values = copy_expert = fetchone = fetchall = fetchmany = _refuse
    commit = rollback = savepoint = now = _refuse

    def flush(self):
        self._refuse()

    @property
    def readonly(self):
        return False

    @property
    def closed(self):
        return False


@contextmanager
def no_query_env(env, message):
    """Yield a function that moves records to an environment like theirs (user, superuser mode,
    context) whose cursor refuses queries with ``message`` (:class:`NoQueryCursor`). The
    environments are dropped from the transaction afterwards, so that nothing flushes through
    them later."""
    cursor = NoQueryCursor(env.cr, message)
    # The language is checked by a cached lookup: done here, with the real cursor, not there.
    if env.context.get("lang"):
        env["res.lang"]._get_data(code=env.context["lang"])

    def quiet(records):
        return records.with_env(api.Environment(cursor, records.env.uid, records.env.context, records.env.su))

    try:
        yield quiet
    finally:
        transaction = env.cr.transaction
        for other in list(transaction.envs):
            if other.cr is cursor:
                transaction.envs.discard(other)
