"""Set-up checks: they drive the project's own scripts and odoo-bin in subprocesses, against real
PostgreSQL databases of their own, and clean up after themselves."""

import os

import pytest
from setup_helpers import drop_db


@pytest.fixture
def scratch_db(request):
    # Named after the test database, so that two checkouts testing at once never share one.
    prefix = os.environ.get("MENTORSHIP_TEST_DB", "mentorship_test")
    name = f"{prefix}_{request.node.name.removeprefix('test_')}"[:63].lower()
    drop_db(name)
    yield name
    drop_db(name)
