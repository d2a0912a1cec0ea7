"""Set-up checks: they drive the project's own scripts and odoo-bin in subprocesses, against real
PostgreSQL databases of their own, and clean up after themselves."""

import pytest
from setup_helpers import drop_db


@pytest.fixture
def scratch_db(request):
    name = f"mentorship_ci_{request.node.name[:40].lower()}"
    drop_db(name)
    yield name
    drop_db(name)
