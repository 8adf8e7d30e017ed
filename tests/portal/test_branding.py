"""Erfa's own identity: the icon at /favicon.ico, the logo in the site's header, and the admin's branding."""

import io

import pytest
from PIL import Image

pytestmark = pytest.mark.django_db


def test_favicon_answers_at_the_root_with_an_icon_for_anyone(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/vnd.microsoft.icon"
    icon = Image.open(io.BytesIO(b"".join(response)))
    assert icon.format == "ICO"
    assert {(16, 16), (32, 32)} <= set(icon.info["sizes"])


def test_every_front_end_page_links_the_icons_and_shows_the_logo(client, site_tree):
    html = client.get("/en/accounts/login/").content.decode()

    assert '<link rel="icon" href="/static/portal/erfa-mark.svg" type="image/svg+xml">' in html
    assert '<link rel="icon" href="/favicon.ico"' in html
    # The header's logo is the link home, named "Erfa" for screen readers.
    assert '<a class="site-name" href="/en/"><img src="/static/portal/erfa-logo-inverse.svg" alt="Erfa"' in html


@pytest.mark.parametrize("name", ["erfa-logo.svg", "erfa-logo-inverse.svg", "erfa-mark.svg"])
def test_the_logo_files_are_drawn_by_hand_with_nothing_fetched(client, name):
    """Erfa's SVGs are self-contained: no fonts, images or stylesheets from elsewhere."""
    from django.contrib.staticfiles import finders

    with open(finders.find(f"portal/{name}"), encoding="utf-8") as file:
        svg = file.read()
    assert "<title" in svg and "Erfa" in svg
    for outside in ("href", "@import", "url(", "<text", "font-family"):
        assert outside not in svg


def test_the_admin_login_carries_erfas_name_and_logo(client):
    html = client.get("/admin/login/").content.decode()

    assert "<title>Sign in - Erfa</title>" in html
    assert "Sign in to Erfa" in html
    assert '<img src="/static/portal/erfa-logo.svg" alt="Erfa"' in html
    assert 'href="/static/portal/erfa-mark.svg"' in html  # the tab's icon
    assert "wagtailadmin/images/favicon.ico" not in html


def test_the_admin_pages_carry_erfas_logo_title_and_colours(admin_client):
    html = admin_client.get("/admin/").content.decode()

    assert "<title>Dashboard - Erfa</title>" in html
    assert "Welcome to Erfa" in html
    # The sidebar's logo (Wagtail's branding_logo block) and the colours (insert_global_admin_css).
    assert '<template data-wagtail-sidebar-branding-logo><img src="/static/portal/erfa-mark.svg" alt="Erfa"' in html
    assert '<link rel="stylesheet" href="/static/portal/admin.css">' in html
