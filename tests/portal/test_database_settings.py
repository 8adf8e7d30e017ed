"""Database connections as production and `make run` get them, read in a fresh process from the environment."""

import json

import pytest

from tests.portal.test_settings import PRODUCTION_ENV, manage

PRINT_DATABASE = (
    "from django.conf import settings; import json; db = settings.DATABASES['default']; "
    "print(json.dumps({k: db.get(k) for k in ('ENGINE', 'CONN_MAX_AGE', 'CONN_HEALTH_CHECKS', 'OPTIONS')}))"
)


def database_settings(**env):
    result = manage("shell", "-c", PRINT_DATABASE, env={**PRODUCTION_ENV, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_postgresql_connections_stay_open_with_a_health_check_by_default():
    database = database_settings(DATABASE_URL="postgres://erfa@db.internal:5432/erfa")
    assert database["CONN_MAX_AGE"] == 600
    assert database["CONN_HEALTH_CHECKS"] is True
    assert "transaction_mode" not in database["OPTIONS"]


@pytest.mark.parametrize(("value", "expected"), [("0", 0), ("120", 120)])
def test_connection_age_comes_from_the_environment(value, expected):
    database = database_settings(DATABASE_URL="postgres://erfa@db.internal:5432/erfa", DATABASE_CONN_MAX_AGE=value)
    assert database["CONN_MAX_AGE"] == expected


def test_sqlite_waits_for_the_write_lock_instead_of_failing():
    database = database_settings(DATABASE_URL="sqlite:////tmp/erfa-settings-check.sqlite3")
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["CONN_MAX_AGE"] == 0
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert database["OPTIONS"]["timeout"] == 20
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]
