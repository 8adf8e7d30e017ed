"""Listing cards' pictures get their renditions in one query on every view (portal/renditions.py): on an
index, on the front page and in search results, whether the cards themselves are kept for the reader's
class (shared parts on) or read afresh. Without it, each picture's rendition is a round trip to Wagtail's
rendition cache, or a query of its own when that cache does not hold it. The renditions are never kept
with the cards: one made after the cards were kept is found at the next view, not made again.
"""

import re

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from portal import compiled
from portal.renditions import CARD_IMAGE_SPEC

pytestmark = pytest.mark.django_db


def forget_renditions():
    """Empty Wagtail's rendition cache (its "renditions" cache, else the default one)."""
    get_image_model().get_rendition_model().cache_backend.clear()


CARDS = 3


@pytest.fixture(autouse=True)
def nothing_kept():
    compiled.forget()
    yield
    compiled.forget()


@pytest.fixture
def cases(site_tree, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    home = HomePage.objects.get(locale__language_code="en")
    index = CaseStudyIndexPageFactory(parent=home, title="Cases")
    pages = []
    for number in range(CARDS):
        picture = wagtail_factories.ImageFactory(title=f"Cover {number}", file__width=800, file__height=600)
        pages.append(CaseStudyPageFactory(parent=index, title=f"Pictured case {number}", image=picture))
    return index, pages


def assert_one_rendition_read(queries):
    """The view touched the renditions once, reading (no rendition made or read one by one)."""
    reads = [query["sql"] for query in queries.captured_queries if '"wagtailimages_rendition"' in query["sql"]]
    assert len(reads) == 1 and reads[0].lstrip().upper().startswith("SELECT"), reads


def card_pictures(html):
    return re.findall(r'<img [^>]*class="card__image"[^>]*>', html)


@pytest.mark.parametrize("shared_parts", [False, True], ids=["read-afresh", "kept-cards"])
def test_an_index_reads_its_cards_renditions_in_one_query(cases, employee_client, settings, shared_parts):
    settings.PAGE_CACHE = False
    settings.FRAGMENT_CACHE = shared_parts
    index, pages = cases
    made = {page.image.get_rendition(CARD_IMAGE_SPEC).url for page in pages}
    employee_client.get(index.url)  # the cards kept, where they are
    # Wagtail's rendition cache forgets them: without the query, each would be a query of its own.
    forget_renditions()

    with CaptureQueriesContext(connection) as queries:
        html = employee_client.get(index.url).content.decode()

    assert_one_rendition_read(queries)
    pictures = card_pictures(html)
    assert len(pictures) == CARDS
    assert {re.search(r'src="([^"]+)"', picture).group(1) for picture in pictures} == made


def test_a_rendition_made_after_the_cards_were_kept_is_read_at_the_next_view(cases, employee_client, settings):
    settings.PAGE_CACHE = False
    settings.FRAGMENT_CACHE = True
    index, pages = cases
    for page in pages:
        page.image.get_rendition(CARD_IMAGE_SPEC)
    employee_client.get(index.url)  # the cards kept with their pictures
    # One picture's rendition is gone (its file replaced, say): the next view makes it once ...
    pages[0].image.renditions.all().delete()
    forget_renditions()
    employee_client.get(index.url)
    remade = pages[0].image.renditions.get(filter_spec=CARD_IMAGE_SPEC)

    forget_renditions()
    with CaptureQueriesContext(connection) as queries:
        html = employee_client.get(index.url).content.decode()

    # ... and the view after it finds it with the others, in the one query, rather than making it again.
    assert_one_rendition_read(queries)
    assert pages[0].image.renditions.filter(filter_spec=CARD_IMAGE_SPEC).get() == remade
    assert f'src="{remade.url}"' in html


def test_the_front_page_reads_its_cards_renditions_in_one_query(cases, employee_client, settings):
    settings.PAGE_CACHE = False
    settings.FRAGMENT_CACHE = False
    _index, pages = cases
    for page in pages:
        page.image.get_rendition(CARD_IMAGE_SPEC)
    employee_client.get("/en/")
    forget_renditions()

    with CaptureQueriesContext(connection) as queries:
        html = employee_client.get("/en/").content.decode()

    assert_one_rendition_read(queries)
    assert len(card_pictures(html.split('id="recent-cases"')[1].split("</section>")[0])) == CARDS


def test_a_cards_picture_is_drawn_as_wagtails_image_tag_draws_it(cases):
    """portal_tags.card_image keeps one Filter for the process instead of parsing a new one per card, and
    draws the very tag `{% image %}` would: the same rendition, size, class, empty alt and lazy loading."""
    from django.template import engines

    index, pages = cases
    django_engine = engines["django"]
    image = pages[0].image
    ours = django_engine.from_string("{% load portal_tags %}{% card_image image %}").render({"image": image})
    wagtails = django_engine.from_string(
        '{% load wagtailimages_tags %}{% image image fill-480x270 class="card__image" alt="" loading="lazy" %}'
    ).render({"image": image})
    assert ours == wagtails
    assert 'width="480"' in ours and 'height="270"' in ours and 'alt=""' in ours and 'loading="lazy"' in ours
    # A card without a picture draws nothing.
    assert django_engine.from_string("{% load portal_tags %}{% card_image None %}").render({}) == ""
