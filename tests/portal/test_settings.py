"""Production mode, checked in a fresh process as a deployment would start it."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "SECRET_KEY": "k3y-for-the-deploy-check-7f1c2e9a4b6d8f0a1c3e5a7b9d1f3a5c7e9b1d3f5a7c9e1b",
    "ALLOWED_HOSTS": "erfa.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://erfa.example.org",
    "DATABASE_URL": "sqlite:////tmp/erfa-deploy-check.sqlite3",
    "EMAIL_HOST": "smtp.example.org",
}

TEST_ONLY_VARIABLES = {"ERFA_TESTING", "SECRET_KEY", "DJANGO_DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def manage(*args, env):
    clean = {key: value for key, value in os.environ.items() if key not in TEST_ONLY_VARIABLES}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_in_production_mode():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stderr
    assert "System check identified no issues" in result.stdout


def test_missing_secret_key_stops_production_start_up():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "SECRET_KEY"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert "is not set" in result.stderr


def test_unknown_search_backend_is_named():
    result = manage("check", env={**PRODUCTION_ENV, "SEARCH_BACKEND": "solr"})
    assert result.returncode != 0
    assert "SEARCH_BACKEND must be one of" in result.stderr


@pytest.mark.django_db
def test_postgresql_connections_run_without_jit():
    """A page's queries are short; a misjudged row estimate must not make PostgreSQL compile one for seconds."""
    from django.db import connection

    assert connection.vendor == "postgresql", "make test runs on PostgreSQL"
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


@pytest.mark.django_db
def test_postgresql_prepares_the_queries_a_connection_repeats():
    """A page's queries are planned once per connection, not on every request (the settings' database part)."""
    from django.db import connection
    from wagtail.models import Locale

    for _ in range(6):
        list(Locale.objects.filter(language_code="sv"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [statement for (statement,) in cursor.fetchall()]
    assert any('FROM "wagtailcore_locale"' in statement and "$1" in statement for statement in prepared), prepared


PRINT_DATABASE_OPTIONS = "from django.conf import settings; print(sorted(settings.DATABASES['default']['OPTIONS']))"


def test_prepared_statements_can_be_turned_off_for_a_pooler():
    postgresql = {**PRODUCTION_ENV, "DATABASE_URL": "postgres://erfa@db.internal:5432/erfa"}
    result = manage("shell", "-c", PRINT_DATABASE_OPTIONS, env=postgresql)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "['options', 'prepare_threshold', 'server_side_binding']"
    result = manage("shell", "-c", PRINT_DATABASE_OPTIONS, env={**postgresql, "DATABASE_PREPARED_STATEMENTS": "0"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "['options']"
