from urllib.parse import quote

import pytest
from django.conf import settings
from django.test import Client
from wagtail.users.models import UserProfile

from home.content import HOME_PAGE_CONTENT

pytestmark = pytest.mark.django_db

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("path", ["/en/", "/sv/", "/en/search/?q=network"])
def test_anonymous_visitors_are_sent_to_login(client, site_tree, path):
    response = client.get(path)
    assert response.status_code == 302
    language = path.split("/")[1]
    assert response["Location"].startswith(f"/{language}/accounts/login/?next=")


def test_login_page_is_in_the_visitors_language_and_the_sites_look(client, site_tree):
    response = client.get("/sv/accounts/login/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert 'class="site-header"' in html
    assert "Logga in" in html


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_signed_in_user_gets_the_home_page_in_each_language(employee_client, site_tree, language):
    response = employee_client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    title, _intro = HOME_PAGE_CONTENT[language]
    assert f"<h1>{title}</h1>" in html


def test_root_redirects_to_the_preferred_language(client, site_tree):
    response = client.get("/", headers={"accept-language": "sv"})
    assert response.status_code == 302
    assert response["Location"] == "/sv/"


def test_the_bare_address_starts_a_signed_in_reader_in_the_language_of_their_account(client, site_tree, employee):
    profile = UserProfile.get_for_user(employee)
    profile.preferred_language = "sv"
    profile.save()
    english_browser = {"accept-language": "en"}
    # Signed out, the browser's language; its home page asks to sign in and returns to the bare address...
    assert client.get("/", headers=english_browser)["Location"] == "/en/"
    assert client.get("/en/", headers=english_browser)["Location"] == "/en/accounts/login/?next=/"
    signed_in = client.post(
        "/en/accounts/login/?next=/", {"username": "elin", "password": "correct horse battery staple", "next": "/"}
    )
    assert signed_in.status_code == 302 and signed_in["Location"] == "/"
    # ... which now knows the reader: Swedish, whatever the browser asks for.
    assert client.get("/", headers=english_browser)["Location"] == "/sv/"
    # Any other page still returns to itself, and a reader who chose no language keeps the browser's.
    client.logout()
    assert client.get("/en/search/")["Location"] == "/en/accounts/login/?next=/en/search/"
    profile.preferred_language = ""
    profile.save()
    client.force_login(employee)
    assert client.get("/", headers={"accept-language": "nl"})["Location"] == "/nl/"


def test_signing_in_without_a_next_address_starts_in_the_language_of_the_account(client, site_tree, employee):
    profile = UserProfile.get_for_user(employee)
    profile.preferred_language = "sv"
    profile.save()
    # The login page opened on its own (a bookmark), shown in the English browser's language.
    signed_in = client.post(
        "/en/accounts/login/", {"username": "elin", "password": "correct horse battery staple"}, follow=True
    )
    assert signed_in.redirect_chain[-1] == ("/sv/", 302)
    assert '<html lang="sv">' in signed_in.content.decode()


def test_root_falls_back_to_english_for_other_languages(client, site_tree):
    response = client.get("/", headers={"accept-language": "fr"})
    assert response["Location"] == "/en/"


def test_wrong_password_shows_an_error_and_keeps_the_username(client, site_tree, employee):
    response = client.post("/en/accounts/login/", {"username": "elin", "password": "not the password"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Please enter a correct username and password" in html
    assert 'value="elin"' in html
    assert "_auth_user_id" not in client.session


def test_correct_password_logs_in_and_follows_a_local_next(client, site_tree, employee):
    response = client.post(
        "/en/accounts/login/",
        {"username": "elin", "password": "correct horse battery staple", "next": "/sv/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/sv/"


def test_next_pointing_to_another_site_is_ignored(client, site_tree, employee):
    response = client.post(
        "/en/accounts/login/",
        {"username": "elin", "password": "correct horse battery staple", "next": "https://evil.example.com/"},
    )
    assert response.status_code == 302
    assert "evil.example.com" not in response["Location"]
    assert response["Location"] == settings.LOGIN_REDIRECT_URL


def test_unknown_path_gives_the_sites_404_page(employee_client, site_tree):
    response = employee_client.get("/en/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'class="site-header"' in html
    assert "Page not found" in html
    assert "Traceback" not in html


def test_unknown_path_404_is_translated(employee_client, site_tree):
    response = employee_client.get("/nl/bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Pagina niet gevonden" in html
    # The other languages lead to their home pages, not to /sv/bestaat-niet/, which is not there either.
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    assert 'href="/sv/" lang="sv"' in switcher and "bestaat-niet" not in switcher
    # Erfa's own views keep their address in every language: the search, with its query.
    html = employee_client.get("/nl/search/", {"q": "reflectie"}).content.decode()
    assert 'href="/sv/search/?q=reflectie" lang="sv"' in html


def test_admin_link_is_shown_only_to_editors(client, site_tree, employee, django_user_model):
    client.force_login(employee)
    assert "/admin/" not in client.get("/en/").content.decode()
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(editor)
    assert 'href="/admin/"' in client.get("/en/").content.decode()


def test_admin_has_its_own_login(client, site_tree):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert client.get("/admin/login/").status_code == 200


def test_password_reset_is_open_to_anonymous_visitors(client, site_tree, employee, mailoutbox):
    assert client.get("/da/accounts/password_reset/").status_code == 200
    response = client.post("/da/accounts/password_reset/", {"email": employee.email})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert "/da/accounts/reset/" in mailoutbox[0].body


def test_logout_needs_post_and_ends_the_session(employee_client, site_tree):
    response = employee_client.post("/en/accounts/logout/")
    assert response.status_code == 302
    assert employee_client.get("/en/").status_code == 302


def test_search_with_bad_page_number_falls_back(employee_client, site_tree):
    response = employee_client.get("/en/search/", {"q": "Erfa", "page": "banana"})
    assert response.status_code == 200
    assert "Welcome to Erfa" in response.content.decode()


def test_language_switcher_keeps_you_on_the_same_page(employee_client, site_tree):
    html = employee_client.get("/en/").content.decode()
    for code in ("sv", "nb", "da", "nl"):
        assert f'href="/{code}/" lang="{code}"' in html


def test_a_form_sent_without_its_security_token_explains_itself_in_the_readers_language(site_tree, employee):
    # A page left open too long, or a browser refusing cookies: Django's own answer is an unstyled page.
    client = Client(enforce_csrf_checks=True)
    response = client.post("/sv/accounts/login/", {"username": "elin", "password": "correct horse battery staple"})

    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="sv"' in html and 'class="site-header"' in html
    assert "Formuläret kunde inte skickas" in html
    assert "Gå tillbaka, kopiera det du skrev" in html
    assert "CSRF" not in html
    assert "_auth_user_id" not in client.session


def test_a_request_erfa_cannot_read_gets_a_page_in_the_readers_language(client, site_tree, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    response = client.post("/nl/accounts/login/", {f"field{number}": "x" for number in range(20)})

    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="nl"' in html
    assert "Erfa kon dit verzoek niet lezen" in html
    assert "Bad Request" not in html


def test_a_form_sent_after_the_session_ended_returns_to_its_page_after_sign_in(client, site_tree):
    # The vote's own address answers only POST: as "next" it was an empty 405 page after signing in.
    page = "/sv/metoder/for-och-eftermoten/?tab=2"
    response = client.post("/sv/feedback/1/useful/", {"useful": "yes"}, HTTP_REFERER=f"http://testserver{page}")
    assert response.status_code == 302
    assert response["Location"] == "/sv/accounts/login/?next=" + quote(page, safe="/")

    # Without a Referer from this site, the language's home page; a page that is read still comes back to itself.
    foreign = client.post("/sv/feedback/1/useful/", {"useful": "yes"}, HTTP_REFERER="https://evil.example.com/x/")
    assert foreign["Location"] == "/sv/accounts/login/?next=/sv/"
    assert client.get("/sv/metoder/").headers["Location"] == "/sv/accounts/login/?next=/sv/metoder/"
