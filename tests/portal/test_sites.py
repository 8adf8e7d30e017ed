"""The first steps of serving a page with kept SQL (portal/sites.py, HomePage.localized): the same Site,
home page and specific page as Wagtail's own lookups, read as the data is now.

Every cache is off here, as on a server without Redis: the shared Site (portal.middleware) is not used.
"""

import re

import pytest
from django.db.models import Value
from django.test import Client, RequestFactory
from django.utils import translation
from wagtail.models import Page, Site

from home.models import HomePage
from networks.factories import NetworkIndexPageFactory, NetworkPageFactory
from portal import compiled, sites

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_cached(settings):
    settings.PAGE_CACHE = False
    settings.FRAGMENT_CACHE = False
    settings.ALLOWED_HOSTS = ["*"]
    compiled.forget()
    yield
    compiled.forget()


@pytest.fixture
def home(site_tree):
    return HomePage.objects.get(locale__language_code="en")


def request_for(host, port):
    return RequestFactory().get("/en/", HTTP_HOST=host, SERVER_PORT=str(port))


HOSTS = [
    ("localhost", 80),
    ("localhost", 8000),
    ("intranet.example", 80),
    ("intranet.example", 8443),
    ("intranet.example", 9000),
    ("twice.example", 80),
    ("twice.example", 81),
    ("twice.example", 82),
    ("once.example", 80),
    ("elsewhere.example", 80),
]


def assert_same_as_wagtail():
    for host, port in HOSTS:
        ours = sites.find_site(request_for(host, port))
        wagtails = Site._find_for_request(request_for(host, port))
        assert ours == wagtails, (host, port, ours, wagtails)
        if ours is not None:
            assert ours.root_page == wagtails.root_page.specific
            assert type(ours.root_page) is type(wagtails.root_page.specific)


def test_the_site_found_is_the_one_wagtail_finds_for_every_host_and_port(home):
    # Wagtail's ranking: host and port, then host on the default site, then the default (unless exactly
    # one other site has the host), then a host with another port when there is no default.
    Site.objects.create(hostname="intranet.example", port=8443, root_page=home)
    Site.objects.create(hostname="intranet.example", port=80, root_page=home)
    Site.objects.create(hostname="twice.example", port=81, root_page=home)
    Site.objects.create(hostname="twice.example", port=82, root_page=home)
    Site.objects.create(hostname="once.example", port=8080, root_page=home)
    assert_same_as_wagtail()
    assert sites.find_site(request_for("intranet.example", 8443)).port == 8443
    assert sites.find_site(request_for("once.example", 80)).hostname == "once.example"
    assert sites.find_site(request_for("twice.example", 80)).is_default_site

    # Without a default site, a host that matches no site is served by none.
    Site.objects.filter(is_default_site=True).update(is_default_site=False)
    assert_same_as_wagtail()
    assert sites.find_site(request_for("elsewhere.example", 80)) is None
    assert sites.find_site(request_for("twice.example", 80)) is None

    Site.objects.filter(hostname="intranet.example", port=80).update(is_default_site=True)
    assert_same_as_wagtail()


def test_one_kept_query_serves_every_host(home):
    for host, port in HOSTS:
        sites.find_site(request_for(host, port))
    assert [key for key in compiled._entries() if key[0] == "wagtail-site"] == [("wagtail-site",)]


def test_a_page_view_sees_a_change_to_the_sites_at_once(home, employee):
    reader = Client(HTTP_HOST="other.example")
    reader.force_login(employee)
    assert reader.get("/en/").status_code == 200

    # The only site now answers for one host: another host has no site, so no page.
    Site.objects.update(hostname="intranet.example", is_default_site=False)
    assert reader.get("/en/").status_code == 404
    assert Client(HTTP_HOST="intranet.example").get("/en/").status_code in (200, 302)


def test_the_home_page_in_the_readers_language_is_wagtails(home):
    swedish = HomePage.objects.get(locale__language_code="sv")
    for language in ("en", "sv", "nb", "da", "nl", "fr"):  # fr: not a language of the site
        with translation.override(language):
            ours = home.localized
            wagtails = Page.objects.get(pk=home.pk).localized.specific
            assert ours == wagtails, language
            assert isinstance(ours, HomePage)
            assert swedish.localized == Page.objects.get(pk=swedish.pk).localized.specific
    with translation.override("sv"):
        assert home.localized == swedish
    # Kept: one SQL for every home page and language, not built again on each view.
    assert [key for key in compiled._entries() if key[0] == "home-in-language"] == [("home-in-language",)]

    # A version that is not live is not the reader's: the English one stays, as with Wagtail.
    swedish.unpublish()
    with translation.override("sv"):
        assert home.localized.pk == home.pk
        assert Page.objects.get(pk=home.pk).localized.pk == home.pk


def test_serving_reads_the_root_page_and_its_version_in_the_readers_language_in_one_query(
    home, django_assert_num_queries
):
    swedish = HomePage.objects.get(locale__language_code="sv")
    for language in ("en", "sv", "nb", "da", "nl", "fr"):  # fr: not a language of the site
        with translation.override(language):
            wagtails = Page.objects.get(pk=home.pk).localized.specific
            with django_assert_num_queries(2):  # the Site, then the root page with its version
                site = sites.find_site(request_for("localhost", 80))
            with django_assert_num_queries(0):
                ours = site.root_page.localized
            assert ours == wagtails and isinstance(ours, HomePage), language
            assert type(site.root_page) is HomePage and site.root_page.pk == home.pk
    # Kept: one SQL for every language, not built again on each view.
    assert [key for key in compiled._entries() if key[0].startswith("specific-page")] == [
        ("specific-page-and-translation", "home.HomePage")
    ]

    # A version that is not live is not the reader's, read with the root page or not.
    swedish.unpublish()
    with translation.override("sv"):
        site = sites.find_site(request_for("localhost", 80))
        with django_assert_num_queries(0):
            assert site.root_page.localized.pk == home.pk
    # The root page is itself the version when it is in the reader's language.
    with translation.override("en"):
        site = sites.find_site(request_for("localhost", 80))
        with django_assert_num_queries(0):
            assert site.root_page.localized is site.root_page


def test_a_page_in_its_specific_form_is_wagtails(home):
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home), title="Care at night")
    generic = Page.objects.annotate(marked=Value(7)).get(pk=network.pk)

    specific = sites.specific(generic)
    assert type(specific) is type(network)
    assert (specific.pk, specific.title, specific.region) == (network.pk, "Care at night", network.region)
    assert specific.marked == 7  # what the generic page carried, as Wagtail's get_specific copies it
    assert generic.specific is specific
    assert sites.specific(specific) is specific

    gone = Page.objects.get(pk=network.pk)
    Page.objects.filter(pk=network.pk).delete()
    with pytest.raises(type(network).DoesNotExist):
        sites.specific(gone)


def compiled_tables(monkeypatch):
    """The tables named by SQL the ORM compiles from now on (a kept query is not compiled again)."""
    from django.db.models.sql.compiler import SQLCompiler

    seen = []
    as_sql = SQLCompiler.as_sql

    def counting(compiler, *args, **kwargs):
        sql, params = as_sql(compiler, *args, **kwargs)
        seen.extend(table for table in ("wagtailcore_site", "auth_user") if f'FROM "{table}"' in sql)
        return sql, params

    monkeypatch.setattr(SQLCompiler, "as_sql", counting)
    return seen


def test_a_view_other_than_a_page_finds_the_site_through_kept_sql_and_links_its_pages(home, employee, monkeypatch):
    """The search page links the sections in its header: the Site they are found under comes from
    find_site's kept SQL, not Wagtail's query built afresh, and is the one Wagtail would find."""
    reader = Client()
    reader.force_login(employee, backend="accounts.sso.backends.LocalAccountsBackend")
    first = reader.get("/en/search/")
    assert first.status_code == 200
    assert first.wsgi_request._wagtail_site == Site.find_for_request(RequestFactory().get("/en/"))
    compiled_sql = compiled_tables(monkeypatch)
    again = reader.get("/en/search/")
    assert again.status_code == 200 and again.wsgi_request.user == employee
    assert compiled_sql == []
    # The header still links the sections, under the reader's language.
    assert re.search(r'<nav[^>]*>.*?href="/en/[^"]+/"', again.content.decode(), re.S)


def test_the_signed_in_user_is_loaded_through_kept_sql_and_as_they_are_now(home, employee, monkeypatch):
    """Every signed-in request loads its user (accounts.sso.backends.user_by_id): compiled once, read afresh."""
    reader = Client()
    reader.force_login(employee, backend="accounts.sso.backends.LocalAccountsBackend")
    assert reader.get("/en/").wsgi_request.user == employee
    compiled_sql = compiled_tables(monkeypatch)
    assert reader.get("/en/").wsgi_request.user.username == employee.username
    assert compiled_sql == []

    # An account switched off since is signed out at its next request, as with Django's own backend.
    type(employee).objects.filter(pk=employee.pk).update(is_active=False)
    assert not reader.get("/en/search/").wsgi_request.user.is_authenticated


def test_a_session_naming_no_user_or_not_an_id_is_signed_out(employee):
    from accounts.sso.backends import LocalAccountsBackend, SingleSignOnBackend

    for backend in (LocalAccountsBackend(), SingleSignOnBackend()):
        assert backend.get_user(str(employee.pk)) == employee
        assert backend.get_user(employee.pk + 1000) is None
        assert backend.get_user("not-an-id") is None
