"""The multi-machine deployment files (docs/deploy.md) say what Erfa does with them.

`make cluster-test` runs them under load; these are the quick checks the suite makes on every run:
the environment example gives every app server the shared cache, sessions, search cluster and task
queue; the nginx sites are valid nginx; the compose file wires the services docs/deploy.md names.
"""

import json
import os
import shutil
import subprocess
import sys

import pytest
import yaml
from django.conf import settings

ROOT = settings.BASE_DIR
DEPLOY = ROOT / "deploy"
sys.path.insert(0, str(ROOT / "scripts"))

import cluster_test  # noqa: E402

PRINT_SETTINGS = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({
    "session": s.SESSION_ENGINE, "cache": s.CACHES["default"]["BACKEND"], "page_cache": s.PAGE_CACHE,
    "fragment_cache": s.FRAGMENT_CACHE, "search": s.WAGTAILSEARCH_BACKENDS["default"],
    "tasks": s.TASKS["default"]["BACKEND"], "mail": s.MAILERS["default"]["BACKEND"], "sendfile": s.SENDFILE_URL,
}, default=str))
"""


def example_environment():
    lines = (DEPLOY / "erfa.env.example").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line.strip() and not line.startswith("#"))


def test_the_environment_example_shares_cache_sessions_search_and_tasks_between_app_servers():
    environment = {key: value for key, value in os.environ.items() if key not in {"ERFA_TESTING", "DATABASE_URL"}}
    environment.update(example_environment(), DJANGO_SETTINGS_MODULE="portal.settings")
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS], cwd=ROOT, env=environment, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    # Sessions read from Redis and written through to PostgreSQL; the page cache's generation in Redis.
    assert found["session"] == "django.contrib.sessions.backends.cached_db"
    assert found["cache"] == "caching.redis_backend.RedisCache"
    assert found["page_cache"] is True
    assert found["fragment_cache"] is True
    # Indexing through the worker, against both nodes of the cluster.
    assert found["search"]["AUTO_UPDATE"] is False
    assert found["search"]["URLS"] == ["http://search1.internal:9200", "http://search2.internal:9200"]
    assert found["tasks"] == "django_tasks_db.DatabaseBackend"
    assert found["mail"] == "portal.mail.QueuedEmailBackend"
    assert found["sendfile"] == "/protected-media"


def nginx_binary():
    nginx = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")
    assert nginx, "nginx is missing: scripts/run_tests.py installs it"
    return nginx


def nginx_accepts(config, workdir):
    (workdir / "nginx.conf").write_text(config)
    result = subprocess.run(
        [nginx_binary(), "-t", "-p", str(workdir), "-c", str(workdir / "nginx.conf"), "-e", str(workdir / "error.log")],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, result.stderr


def test_the_cluster_site_is_valid_nginx_with_both_app_servers_in_its_upstream(tmp_path):
    config = cluster_test.nginx_site(8443, [18001, 18002], tmp_path / "static", tmp_path / "media", tmp_path)
    assert "server 127.0.0.1:18001" in config
    assert "server 127.0.0.1:18002" in config
    assert f"alias {tmp_path}/media/;" in config
    code, errors = nginx_accepts(config, tmp_path)
    assert code == 0, errors


def test_the_compose_nginx_site_is_valid_nginx(tmp_path):
    site = (DEPLOY / "compose" / "nginx.conf").read_text()
    assert "server app1:8000" in site
    assert "server app2:8000" in site
    # Compose's service names resolve only inside its network; nginx -t resolves upstream names.
    site = site.replace("app1:8000", "127.0.0.1:18001").replace("app2:8000", "127.0.0.1:18002")
    config = f"""
pid {tmp_path}/nginx.pid;
{"user root;" if os.geteuid() == 0 else ""}
events {{ worker_connections 16; }}
http {{
    include /etc/nginx/mime.types;
    client_body_temp_path {tmp_path}/body;
    proxy_temp_path {tmp_path}/proxy;
{site.replace("listen 80;", "listen 127.0.0.1:18080;")}
}}
"""
    code, errors = nginx_accepts(config, tmp_path)
    assert code == 0, errors


@pytest.fixture
def compose():
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def test_the_compose_file_runs_two_app_servers_a_worker_and_a_two_node_search_cluster(compose):
    services = compose["services"]
    assert set(services) >= {"nginx", "app1", "app2", "worker", "postgres", "redis", "opensearch1", "opensearch2"}
    for name in ("app1", "app2", "worker"):
        environment = services[name]["environment"]
        assert environment["REDIS_URL"] == "redis://redis:6379/0"
        assert environment["SEARCH_URLS"] == "http://opensearch1:9200,http://opensearch2:9200"
        assert environment["TASKS_BACKEND"] == "database"
        # One media directory for all: an upload made through one app server is served by the others.
        assert "media:/srv/erfa/var/media" in services[name]["volumes"]
    assert "db_worker" in services["worker"]["command"]
    assert "media:/srv/erfa/var/media:ro" in services["nginx"]["volumes"]
    for node in ("opensearch1", "opensearch2"):
        assert services[node]["environment"]["discovery.seed_hosts"] == "opensearch1,opensearch2"
    assert "update_index" in " ".join(services["init"]["command"])
