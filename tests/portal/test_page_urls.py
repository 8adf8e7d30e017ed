"""A page's URL built without a reverse() per link (portal/page_urls.py) is the one Wagtail gives: for
pages in every language, with non-ASCII slugs, from a request on the page's own site, on another site,
under a script prefix, in every active language, relative and full, and for pages under two sites or
under none."""

import pytest
from django.test import RequestFactory
from django.urls import set_script_prefix
from django.utils import translation
from wagtail.models import Page, Site

from home.models import HomePage
from networks.factories import NetworkIndexPageFactory, NetworkPageFactory
from portal import page_urls
from portal.languages import SETTINGS_LANGUAGES

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(site_tree):
    homes = {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}
    english = NetworkIndexPageFactory(parent=homes["en"], title="Networks", slug="networks")
    swedish = NetworkIndexPageFactory(parent=homes["sv"], title="Nätverk", slug="nätverk")
    made = [
        english,
        swedish,
        NetworkPageFactory(parent=english, title="Care at night", slug="care-at-night"),
        NetworkPageFactory(parent=swedish, title="Omsorg på natten", slug="omsorg-på-natten"),
        NetworkPageFactory(parent=swedish, title="Öresund", slug="öresund-2026"),
    ]
    return [*homes.values(), *made]


def requests_for(host):
    factory = RequestFactory()
    return [factory.get("/en/", HTTP_HOST=host), factory.get("/sv/", HTTP_HOST=host)]


def assert_same_as_wagtail(pages, host):
    for language in [code for code, _name in SETTINGS_LANGUAGES]:
        with translation.override(language):
            for request in requests_for(host):
                for page in pages:
                    fresh = Page.objects.get(pk=page.pk).specific
                    for full in (False, True):
                        ours = page_urls.page_url(fresh, request, full)
                        wagtails = fresh.get_full_url(request) if full else fresh.get_url(request)
                        assert ours == wagtails, (language, host, page.url_path, full)


def test_the_url_is_wagtails_for_every_page_language_and_host(pages, settings):
    settings.ALLOWED_HOSTS = ["*"]
    assert_same_as_wagtail(pages, "localhost")
    assert any("%C3%A4" in page_urls.page_url(page, requests_for("localhost")[0]) for page in pages)


def test_the_url_is_wagtails_with_several_sites_and_a_script_prefix(pages, settings):
    settings.ALLOWED_HOSTS = ["*"]
    # A second site for the Swedish networks: their pages are under two sites, and the Swedish ones are
    # linked with their host from the first site's requests.
    swedish_networks = Page.objects.get(slug="nätverk")
    Site.objects.create(hostname="natverk.example", port=80, root_page=swedish_networks, site_name="Nätverk")
    assert_same_as_wagtail(pages, "localhost")
    assert_same_as_wagtail(pages, "natverk.example")
    set_script_prefix("/intranet/")
    try:
        page_urls._serving_prefix.cache_clear()
        assert_same_as_wagtail(pages, "localhost")
        assert page_urls.page_url(pages[0], requests_for("localhost")[0]).startswith("/intranet/")
    finally:
        set_script_prefix("/")
        page_urls._serving_prefix.cache_clear()


def test_a_page_under_no_site_has_no_url_as_with_wagtail(pages):
    outside = Page.objects.get(depth=1).add_child(instance=Page(title="Outside", slug="outside"))
    request = requests_for("localhost")[0]
    assert page_urls.page_url(outside, request) is None
    assert page_urls.page_url(outside, request, full=True) is None


def test_a_page_on_the_one_site_is_linked_without_wagtails_reverse(pages, monkeypatch):
    expected = {(page.pk, full): (page.get_full_url() if full else page.get_url()) for page in pages for full in (0, 1)}

    def refused(*args, **kwargs):
        raise AssertionError("went through Wagtail's get_url")

    monkeypatch.setattr(Page, "get_url", refused)
    monkeypatch.setattr(Page, "get_full_url", refused)
    request = requests_for("localhost")[0]
    by_pk = {page.pk: page for page in pages}
    with translation.override("sv"):
        ours = {(pk, full): page_urls.page_url(by_pk[pk], request, full) for pk, full in expected}
    assert ours == expected
