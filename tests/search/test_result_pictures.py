"""Search results show people with their photo or initials, and a small picture of pages that have one."""

import re

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory

pytestmark = pytest.mark.django_db


def forget_renditions():
    """Empty Wagtail's rendition cache (its "renditions" cache, else the default one)."""
    get_image_model().get_rendition_model().cache_backend.clear()


def results(html):
    return re.findall(r"<li>\s*(.*?)</li>", html.split('class="result-list search-results"')[1], re.S)


def test_people_have_a_photo_or_initials_and_pictured_pages_a_thumbnail(site_tree, employee_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    home = HomePage.objects.get(locale__language_code="en")
    picture = wagtail_factories.ImageFactory(title="Portrait", file__width=400, file__height=400)
    directory = ResourcePersonIndexPageFactory(parent=home)
    ResourcePersonPageFactory(parent=directory, title="Astrid Lindqvist", summary="Night care lead", photo=picture)
    ResourcePersonPageFactory(parent=directory, title="Bertil Lindqvist", summary="Night care nurse")
    cases = CaseStudyIndexPageFactory(parent=home)
    CaseStudyPageFactory(parent=cases, title="Lindqvist night sensors", image=picture)

    found = {
        title: item
        for item in results(employee_client.get("/en/search/", {"q": "Lindqvist"}).content.decode())
        for title in ("Astrid Lindqvist", "Bertil Lindqvist", "Lindqvist night sensors")
        if f">{title}</a>" in item
    }

    assert len(found) == 3
    assert re.match(r'<img [^>]*class="avatar"[^>]*>', found["Astrid Lindqvist"])
    assert 'alt=""' in found["Astrid Lindqvist"].split(">")[0]
    assert found["Bertil Lindqvist"].startswith('<span class="avatar avatar--initials" aria-hidden="true">BL</span>')
    assert re.match(r'<img [^>]*class="result-thumb"[^>]*width="192"', found["Lindqvist night sensors"])


def test_the_results_pictures_renditions_come_in_one_query(site_tree, employee_client, settings, tmp_path):
    """A person's avatar and a page's thumbnail, even of one picture, read together (portal/renditions.py),
    not a rendition-cache round trip, or a query when that cache has forgotten them, for each result."""
    settings.MEDIA_ROOT = tmp_path
    home = HomePage.objects.get(locale__language_code="en")
    pictures = [
        wagtail_factories.ImageFactory(title=f"Picture {n}", file__width=400, file__height=400) for n in range(3)
    ]
    directory = ResourcePersonIndexPageFactory(parent=home)
    ResourcePersonPageFactory(parent=directory, title="Astrid Lindqvist", photo=pictures[0])
    cases = CaseStudyIndexPageFactory(parent=home)
    CaseStudyPageFactory(parent=cases, title="Lindqvist night sensors", image=pictures[0])
    CaseStudyPageFactory(parent=cases, title="Lindqvist day rounds", image=pictures[1])
    CaseStudyPageFactory(parent=cases, title="Lindqvist handovers", image=pictures[2])
    employee_client.get("/en/search/", {"q": "Lindqvist"})  # every rendition made once
    forget_renditions()

    with CaptureQueriesContext(connection) as queries:
        html = employee_client.get("/en/search/", {"q": "Lindqvist"}).content.decode()

    reads = [query["sql"] for query in queries.captured_queries if '"wagtailimages_rendition"' in query["sql"]]
    assert len(reads) == 1 and reads[0].lstrip().upper().startswith("SELECT"), reads
    assert len(re.findall(r'<img [^>]*class="result-thumb"', html)) == 3
    assert len(re.findall(r'<img [^>]*class="avatar"', html)) == 1
