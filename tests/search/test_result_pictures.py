"""Search results show people with their photo or initials, and a small picture of pages that have one."""

import re

import pytest
import wagtail_factories

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory

pytestmark = pytest.mark.django_db


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
