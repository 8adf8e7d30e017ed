"""portal.listing.paginate: one pass finds the page and the total, and it answers as Django's paginator would.

Every index page and the directory page through it, so a page number that is missing, typed wrong,
past the end or absurd must still give the first page, the totals must be right, and a queryset it
cannot count with a window (DISTINCT) must still be counted right.
"""

import pytest
from django.core.paginator import InvalidPage, Paginator
from django.db import connection
from django.db.models.functions import Upper
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from portal.listing import paginate

pytestmark = pytest.mark.django_db

PER_PAGE = 2


def django_page(items, number):
    """What Django's paginator alone gives, with the listing's fallback to the first page."""
    paginator = Paginator(items, PER_PAGE)
    try:
        return paginator.page(number or 1)
    except InvalidPage:
        return paginator.page(1)


@pytest.fixture
def locales():
    # Erfa's five locales are a queryset as good as any page listing.
    for code in ("en", "sv", "nb", "da", "nl"):
        Locale.objects.get_or_create(language_code=code)
    return Locale.objects.order_by("language_code")


@pytest.mark.parametrize("number", [None, "", "1", "2", "3", "4", "0", "-1", "2.0", "abc", "99999999999999999999"])
def test_every_page_number_gives_what_djangos_paginator_gives(locales, number):
    page = paginate(locales, number, PER_PAGE)
    expected = django_page(locales, number)
    assert [locale.language_code for locale in page] == [locale.language_code for locale in expected]
    assert page.number == expected.number
    assert (page.paginator.count, page.paginator.num_pages) == (5, 3)
    assert (page.has_next(), page.has_previous()) == (expected.has_next(), expected.has_previous())
    assert page.start_index() == expected.start_index()


def test_a_page_and_its_total_cost_two_queries(locales):
    with CaptureQueriesContext(connection) as queries:
        page = paginate(locales, "2", PER_PAGE)
        assert [locale.language_code for locale in page] == ["nb", "nl"]
        assert page.paginator.count == 5
    assert len(queries) == 2
    # The first query counts while it finds the ids; no separate COUNT(*) query.
    assert "OVER ()" in queries[0]["sql"].upper().replace('"', "")
    assert not any(query["sql"].upper().startswith("SELECT COUNT(") for query in queries)


def test_an_empty_listing_is_one_query(locales):
    with CaptureQueriesContext(connection) as queries:
        page = paginate(locales.filter(language_code="xx"), "1", PER_PAGE)
        assert list(page) == []
        assert (page.paginator.count, page.paginator.num_pages, page.number) == (0, 1, 1)
    assert len(queries) == 1


def test_a_distinct_listing_is_counted_after_distinct(locales):
    # The same locale twice through a join would count twice in a window; DISTINCT goes Django's way.
    doubled = Locale.objects.filter(language_code__in=["da", "sv"]).distinct().order_by("language_code")
    page = paginate(doubled, "1", PER_PAGE)
    assert [locale.language_code for locale in page] == ["da", "sv"]
    assert page.paginator.count == 2


def test_the_page_keeps_the_listings_order_and_filters(locales):
    page = paginate(locales.exclude(language_code="en").order_by("-language_code"), "2", PER_PAGE)
    assert [locale.language_code for locale in page] == ["nb", "da"]
    assert page.paginator.count == 4


@pytest.mark.parametrize(
    "shape",
    ["list", "values", "union"],
)
def test_lists_values_and_unions_are_paged_as_django_pages_them(locales, shape):
    ordered = locales.order_by("language_code")
    items = {
        "list": list(ordered),
        "values": ordered.values("language_code"),
        # Without the parts' own ordering: SQLite refuses ORDER BY inside a compound statement.
        "union": Locale.objects.filter(language_code="da")
        .order_by()
        .union(Locale.objects.filter(language_code__in=["nb", "sv"]).order_by())
        .order_by("language_code"),
    }[shape]
    page = paginate(items, "2", PER_PAGE)
    codes = [item["language_code"] if isinstance(item, dict) else item.language_code for item in page]
    assert codes == (["sv"] if shape == "union" else ["nb", "nl"])
    assert page.paginator.count == (3 if shape == "union" else 5)


def with_marker(ids):
    """A listing's `cards`: the rows of `ids` with what their cards show, here an annotation."""
    return Locale.objects.filter(pk__in=ids).annotate(marker=Upper("language_code"))


def test_cards_are_fetched_by_id_alone_with_what_they_show(locales):
    listing = locales.exclude(language_code="da").filter(language_code__regex="^[a-z]+$")
    with CaptureQueriesContext(connection) as queries:
        page = paginate(listing, "2", PER_PAGE, cards=with_marker)
        assert [(locale.language_code, locale.marker) for locale in page] == [("nl", "NL"), ("sv", "SV")]
        assert page.paginator.count == 4
    assert len(queries) == 2
    finding, fetching = (query["sql"].upper() for query in queries)
    # The filters run once, in the query that finds and counts; the cards' work only in the one that fetches.
    assert "'DA'" in finding and "'DA'" not in fetching
    assert "UPPER(" in fetching and "UPPER(" not in finding


@pytest.mark.parametrize("number", ["abc", "9"])
def test_pages_django_counts_get_their_cards_too(locales, number):
    page = paginate(locales.distinct(), number, PER_PAGE, cards=with_marker)
    assert [(locale.language_code, locale.marker) for locale in page] == [("da", "DA"), ("en", "EN")]
