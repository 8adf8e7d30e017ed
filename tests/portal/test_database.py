import os

import pytest
from django.db import connection

from tests.conftest import IN_CI


@pytest.mark.django_db
def test_suite_runs_on_postgresql():
    if not IN_CI and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("run through `make test` for the real PostgreSQL")
    assert connection.vendor == "postgresql"
