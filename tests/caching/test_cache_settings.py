"""Sessions and the page cache as production, `make run` and tests get them, read in a fresh process."""

import json

import pytest

from tests.portal.test_settings import PRODUCTION_ENV, manage

PRINT_CACHE_SETTINGS = (
    "from django.conf import settings; import json; "
    "print(json.dumps({'session': settings.SESSION_ENGINE, 'cache': settings.CACHES['default']['BACKEND'], "
    "'renditions': settings.CACHES.get('renditions', {}).get('BACKEND'), "
    "'page_cache': settings.PAGE_CACHE, 'seconds': settings.PAGE_CACHE_SECONDS}))"
)
REDIS = {"REDIS_URL": "redis://cache.internal:6379/0"}
DEVELOPMENT = {"DJANGO_DEBUG": "1", "DATABASE_URL": "sqlite:////tmp/erfa-settings-check.sqlite3"}


def cache_settings(env):
    result = manage("shell", "-c", PRINT_CACHE_SETTINGS, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_with_redis_keeps_sessions_and_pages_in_redis():
    found = cache_settings({**PRODUCTION_ENV, **REDIS})
    # Django's Redis cache, keeping one client per connection pool (caching/redis_backend.py).
    assert found["cache"] == "caching.redis_backend.RedisCache"
    # Wagtail's renditions there too, written only when they change.
    assert found["renditions"] == "caching.redis_backend.RenditionsCache"
    assert found["session"] == "django.contrib.sessions.backends.cached_db"
    assert found["page_cache"] is True
    assert found["seconds"] == 600


def test_production_without_a_shared_cache_keeps_sessions_in_the_database():
    # A per-process memory cache would keep a signed-out session, or a page from before a change, in other workers.
    found = cache_settings(PRODUCTION_ENV)
    assert found["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert found["renditions"] is None
    assert found["session"] == "django.contrib.sessions.backends.db"
    assert found["page_cache"] is False


def test_development_stays_on_the_embedded_defaults_even_with_redis():
    found = cache_settings({**DEVELOPMENT, **REDIS})
    assert found["session"] == "django.contrib.sessions.backends.db"
    assert cache_settings(DEVELOPMENT)["page_cache"] is False


@pytest.mark.parametrize(("value", "expected"), [("on", True), ("off", False)])
def test_the_page_cache_is_switched_by_page_cache(value, expected):
    assert cache_settings({**PRODUCTION_ENV, **REDIS, "PAGE_CACHE": value})["page_cache"] is expected
    assert cache_settings({**PRODUCTION_ENV, "PAGE_CACHE": value})["page_cache"] is expected
