"""`manage.py check --deploy` is clean with the README's production variables, on PostgreSQL and on SQLite.

The variables are read from the README's Production section itself, so the README and this test
cannot drift apart: a variable production needs that the README forgets makes this test fail.
"""

import os
import re
import secrets
import shlex
import subprocess
import sys

from django.conf import settings

README = settings.BASE_DIR / "README.md"
# What the test runner sets for the suite; a production process has none of them.
TEST_ONLY_VARIABLES = {"ERFA_TESTING", "SECRET_KEY", "DJANGO_DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"}


def readme_production_variables():
    """The NAME=value pairs of the `export` in the README's Production section."""
    text = README.read_text(encoding="utf-8")
    section = text.split("### Production", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL).group(1)
    export = re.search(r"^export (.*?)(?<!\\)\n", block, re.DOTALL | re.MULTILINE).group(1)
    words = shlex.split(export.replace("\\\n", " "))
    return dict(word.split("=", 1) for word in words)


def deploy_check(database_url, *, with_debug_variable=True):
    variables = readme_production_variables()
    # The README writes "…" where each site puts its own secret and database.
    variables["SECRET_KEY"] = secrets.token_urlsafe(50)
    variables["DATABASE_URL"] = database_url
    if not with_debug_variable:
        del variables["DJANGO_DEBUG"]
    environment = {key: value for key, value in os.environ.items() if key not in TEST_ONLY_VARIABLES}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING", "--database", "default"],
        cwd=settings.BASE_DIR,
        env={**environment, **variables},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_the_readme_names_what_production_needs():
    variables = readme_production_variables()
    assert variables["DJANGO_DEBUG"] == "0"
    assert variables["BEHIND_TLS_PROXY"] == "1"
    assert variables["MEDIA_SERVE"] == "nginx"
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "DATABASE_URL"):
        assert variables[name], name


def test_check_deploy_is_clean_on_postgresql():
    # The test tooling's PostgreSQL server (scripts/run_tests.py), the one the suite runs on.
    result = deploy_check(os.environ["DATABASE_URL"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def test_check_deploy_is_clean_on_sqlite_with_debug_unset(tmp_path):
    # DJANGO_DEBUG left out altogether is production mode too.
    result = deploy_check(f"sqlite:///{tmp_path / 'erfa.sqlite3'}", with_debug_variable=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout
