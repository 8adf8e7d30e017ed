"""Shared parts kept in the process too (caching/fragments.py): no round trip to the shared cache for a
part the process read lately, never past its generation or the moment it expires in the shared cache,
and a copy of its own for every caller."""

import pytest
from django.core.cache import cache

from caching import fragments, readers

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fragments_on(settings):
    settings.FRAGMENT_CACHE = True
    settings.PAGE_CACHE_SECONDS = 300


def computed(log, value):
    def compute():
        log.append(value)
        return {"links": [value]}

    return compute


def test_a_part_read_lately_comes_from_the_process_without_the_shared_cache():
    log = []
    assert fragments.store(("menu", 1), computed(log, "a")) == {"links": ["a"]}
    # Gone from the shared cache, the process still has it: no round trip, no second computation.
    cache.delete(fragments.key_for(("menu", 1)))
    assert fragments.store(("menu", 1), computed(log, "b")) == {"links": ["a"]}
    assert log == ["a"]


def test_a_part_another_process_kept_is_kept_here_after_one_read():
    log = []
    fragments.store(("menu", 2), computed(log, "a"))
    fragments.kept_here.clear()  # as in a process that has not read it yet
    assert fragments.store(("menu", 2), computed(log, "b")) == {"links": ["a"]}
    cache.delete(fragments.key_for(("menu", 2)))
    assert fragments.store(("menu", 2), computed(log, "c")) == {"links": ["a"]}
    assert log == ["a"]


def test_a_change_makes_the_kept_part_stale_in_the_process_too():
    log = []
    fragments.store(("menu", 3), computed(log, "a"))
    readers.invalidate()
    assert fragments.store(("menu", 3), computed(log, "b")) == {"links": ["b"]}
    assert log == ["a", "b"]


def test_every_caller_gets_a_copy_of_its_own():
    first = fragments.store(("menu", 4), computed([], "a"))
    first["links"].append("changed by one request")
    assert fragments.store(("menu", 4), computed([], "b")) == {"links": ["a"]}


def test_a_part_is_not_kept_here_past_its_expiry_in_the_shared_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0  # expired as soon as it is written
    log = []
    fragments.store(("menu", 5), computed(log, "a"))
    assert fragments.store(("menu", 5), computed(log, "b")) == {"links": ["b"]}
    assert log == ["a", "b"]
