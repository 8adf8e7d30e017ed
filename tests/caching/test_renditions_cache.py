"""Wagtail's rendition cache on a real Redis (caching.redis_backend.RenditionsCache): a rendition read
again is not written again, a new one is written at once, and the entry is refreshed in time."""

from types import SimpleNamespace

import pytest
import redis
import wagtail_factories
from django.core.cache import caches
from django.test import override_settings
from wagtail.images import get_image_model

from people.templatetags.people_tags import avatar

pytestmark = pytest.mark.django_db

LOCAL = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}


def writes(server):
    stats = server.info("commandstats")
    return sum(stats.get(f"cmdstat_{command}", {}).get("calls", 0) for command in ("set", "mset"))


@pytest.fixture
def server(redis_url):
    renditions = {"BACKEND": "caching.redis_backend.RenditionsCache", "LOCATION": redis_url, "KEY_PREFIX": "t"}
    with override_settings(CACHES={"default": LOCAL, "renditions": renditions}):
        client = redis.Redis.from_url(redis_url)
        client.flushdb()
        yield client
        client.close()


def fresh(image):
    """The image as the next request loads it: no renditions kept on the object."""
    return get_image_model().objects.get(pk=image.pk)


def stored(server):
    keys = server.keys("t:*")
    return [caches["renditions"].get(key.decode().split(":", 2)[2]) for key in keys]


def test_a_rendition_read_again_is_not_written_again(server):
    image = wagtail_factories.ImageFactory()
    before = writes(server)
    first = fresh(image).get_rendition("fill-96x96")
    assert writes(server) == before + 1
    for _ in range(5):
        assert fresh(image).get_rendition("fill-96x96").pk == first.pk
    assert writes(server) == before + 1
    # The other workers find it in Redis.
    assert [rendition.pk for rendition in stored(server)] == [first.pk]


def test_a_new_rendition_is_written_at_once(server):
    image = wagtail_factories.ImageFactory()
    first = fresh(image).get_rendition("fill-96x96")
    first.delete()  # Wagtail takes it out of the cache too.
    assert stored(server) == []
    before = writes(server)
    second = fresh(image).get_rendition("fill-96x96")
    assert second.pk != first.pk
    assert writes(server) == before + 1
    assert [rendition.pk for rendition in stored(server)] == [second.pk]


def test_the_entry_is_written_again_once_it_is_no_longer_fresh(server):
    caches["renditions"].REWRITE_SECONDS = 0  # Fresh for no time at all.
    image = wagtail_factories.ImageFactory()
    fresh(image).get_rendition("fill-96x96")
    before = writes(server)
    for _ in range(3):
        fresh(image).get_rendition("fill-96x96")
    assert writes(server) == before + 3


def test_other_values_are_always_written(server):
    cache = caches["renditions"]
    before = writes(server)
    for value in (1, 1, "same", "same"):
        cache.set("a-key", value)
    assert writes(server) == before + 4
    assert cache.get("a-key") == "same"


def test_an_avatar_found_in_the_database_is_kept_so_the_next_view_reads_it_without_a_query(
    server, django_assert_num_queries
):
    image = wagtail_factories.ImageFactory()
    made = fresh(image).get_rendition("fill-96x96")
    caches["renditions"].clear()  # made long ago: its entry has expired

    def card(photo):  # a contact card kept without its renditions (portal.fragments)
        return avatar(SimpleNamespace(photo=photo, title="Ada Berg"), large=True)

    photo = fresh(image)
    with django_assert_num_queries(1):
        html = card(photo)
    assert f'src="{made.url}"' in html and 'width="96"' in html
    assert [rendition.pk for rendition in stored(server)] == [made.pk]
    photo = fresh(image)
    with django_assert_num_queries(0):
        assert card(photo) == html
