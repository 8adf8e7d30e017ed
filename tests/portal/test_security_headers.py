"""Content-Security-Policy on the front end and in the admin, its reports, and no third-party resources."""

import json
import logging
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from home.models import HomePage
from methods.factories import ShareableTemplateIndexPageFactory, ShareableTemplatePageFactory
from portal.factories import TopicFactory

pytestmark = pytest.mark.django_db

# Where a page loads something from: scripts, styles, images, fonts, frames.
RESOURCE_ATTRIBUTES = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src"}
LOADING_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon"}


class Resources(HTMLParser):
    """What a page would load, and what it would run or style inline."""

    def __init__(self):
        super().__init__()
        self.urls, self.inline_scripts, self.inline_styles, self.handlers = [], [], [], []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        # A <link> loads something only as a style sheet, an icon or a preload (not rel="alternate").
        loads = tag != "link" or set((attrs.get("rel") or "").split()) & LOADING_LINKS
        if tag in RESOURCE_ATTRIBUTES and attrs.get(RESOURCE_ATTRIBUTES[tag]) and loads:
            self.urls.append(attrs[RESOURCE_ATTRIBUTES[tag]])
        if tag == "img" and attrs.get("srcset"):
            self.urls.extend(part.split()[0] for part in attrs["srcset"].split(","))
        executable = attrs.get("type") in (None, "", "module", "text/javascript", "application/javascript")
        self._in_script = tag == "script" and not attrs.get("src") and executable
        if tag == "style":
            self.inline_styles.append(tag)
        if attrs.get("style"):
            self.inline_styles.append(f"{tag} style={attrs['style']!r}")
        self.handlers += [f"{tag} {name}" for name in attrs if name.startswith("on")]

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts.append(data.strip()[:80])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False


def resources(response):
    parser = Resources()
    parser.feed(response.content.decode())
    return parser


def external(urls):
    """URLs that leave the site: any with a scheme or a protocol-relative host other than the site's own."""
    from wagtail.models import Site

    own = tuple(f"{site.root_url}/" for site in Site.objects.all())
    return [url for url in urls if url.startswith(("http:", "https:", "//")) and not url.startswith(own)]


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.fixture
def home(site_tree):
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def template_page(home):
    library = ShareableTemplateIndexPageFactory(parent=home)
    return ShareableTemplatePageFactory(parent=library, title="Reflection guide")


def front_end_urls(home, template_page):
    return [home.url, template_page.get_parent().url, template_page.url, "/en/accounts/password_change/"]


def test_the_front_end_runs_only_its_own_scripts_and_styles(home, template_page, employee_client):
    for url in front_end_urls(home, template_page):
        response = employee_client.get(url)
        assert response.status_code == 200, url
        policy = directives(response["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"]
        assert policy["report-uri"] == ["/csp-report/"]
        found = resources(response)
        assert found.inline_scripts == [], (url, found.inline_scripts)
        assert found.inline_styles == [], (url, found.inline_styles)
        assert found.handlers == [], (url, found.handlers)


def test_the_login_page_has_the_strict_policy_too(site_tree, client):
    response = client.get("/en/accounts/login/")
    assert response.status_code == 200
    assert directives(response["Content-Security-Policy"])["script-src"] == ["'self'"]
    assert resources(response).inline_scripts == []


def test_the_existing_security_headers_stay(home, employee_client):
    response = employee_client.get(home.url)
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_admin_has_a_policy_that_allows_its_inline_code_and_nothing_from_elsewhere(home, admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    # A preview shows the page as readers get it, under the front end's strict policy.
    preview = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[home.pk]))
    assert preview.status_code == 200
    assert directives(preview["Content-Security-Policy"])["script-src"] == ["'self'"]


def test_no_page_loads_anything_from_another_site(home, template_page, employee_client, admin_client):
    TopicFactory(name="Reflection")
    pages = [(employee_client, url) for url in front_end_urls(home, template_page)] + [
        (admin_client, reverse("wagtailadmin_home")),
        (admin_client, reverse("wagtailadmin_explore", args=[home.pk])),
        (admin_client, reverse("wagtailadmin_pages:edit", args=[template_page.pk])),
        (admin_client, reverse("wagtailadmin_account")),
        (admin_client, reverse("wagtailusers_users:index")),
        (admin_client, reverse("wagtailsnippets_portal_topic:list") + "?locale=en"),
        (admin_client, reverse("wagtaildocs:index")),
        (admin_client, reverse("wagtailimages:index")),
    ]
    for client, url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        found = resources(response)
        assert found.urls, url
        assert external(found.urls) == [], (url, external(found.urls))
        assert "gravatar" not in response.content.decode().lower(), url


@pytest.fixture
def reporter():
    cache.clear()
    yield Client(enforce_csrf_checks=True)
    cache.clear()


REPORT = {
    "csp-report": {
        "document-uri": "https://erfa.example.org/en/",
        "violated-directive": "script-src-elem",
        "blocked-uri": "inline",
    }
}


def post_report(client, body, content_type="application/csp-report"):
    return client.post("/csp-report/", body, content_type=content_type)


def test_a_violation_report_is_logged_without_login_or_csrf_token(db, reporter, caplog):
    with caplog.at_level(logging.WARNING, logger="erfa.csp"):
        response = post_report(reporter, json.dumps(REPORT))
    assert response.status_code == 204
    [record] = [record for record in caplog.records if record.name == "erfa.csp"]
    assert record.levelno == logging.WARNING
    assert "script-src-elem" in record.getMessage()
    assert "https://erfa.example.org/en/" in record.getMessage()


def test_the_report_endpoint_refuses_what_is_not_a_report(db, reporter, caplog):
    with caplog.at_level(logging.WARNING, logger="erfa.csp"):
        assert reporter.get("/csp-report/").status_code == 405
        assert post_report(reporter, "not json").status_code == 400
        assert post_report(reporter, json.dumps({"x": "y" * 20_000})).status_code == 413
    assert [record for record in caplog.records if record.name == "erfa.csp"] == []


def test_the_report_endpoint_logs_a_limited_number_per_minute(db, reporter, caplog):
    from portal.csp import MAX_REPORTS_PER_MINUTE

    with caplog.at_level(logging.WARNING, logger="erfa.csp"):
        statuses = [post_report(reporter, json.dumps(REPORT)).status_code for _ in range(MAX_REPORTS_PER_MINUTE + 5)]
    assert statuses == [204] * MAX_REPORTS_PER_MINUTE + [429] * 5
    assert len([record for record in caplog.records if record.name == "erfa.csp"]) == MAX_REPORTS_PER_MINUTE
