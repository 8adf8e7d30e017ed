"""A release drops what the cache kept: the new code's pages and parts may differ from the old code's."""

import pytest
from django.core.management import call_command

from caching import readers
from portal import fragments

pytestmark = pytest.mark.django_db


def test_migrate_makes_every_cached_page_and_part_stale(rf):
    request = rf.get("/")
    request.user = None
    assert fragments.shared(("release-check",), lambda: "old shape", request) == "old shape"
    before = readers.generation()
    call_command("migrate", verbosity=0)
    assert readers.generation() > before
    fresh = rf.get("/")
    fresh.user = None
    assert fragments.shared(("release-check",), lambda: "new shape", fresh) == "new shape"
