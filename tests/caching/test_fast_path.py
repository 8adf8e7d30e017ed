"""The page cache's fast path (caching/fast_path.py): a cached page served before most of the stack.

A hit must be indistinguishable from a fresh render apart from its cost: the same headers and cookies,
the reader's own name and CSRF token, and never a page for a reader Django would not accept (a changed
password, a deactivated account, a changed group, a second factor not given, a signed-out session).
"""

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from caching import readers
from caching.fast_path import FastPathMiddleware
from portal import roles
from portal.factories import EmployeeFactory, UserFactory
from tests.utils import login_with_second_factor, signed_in

pytestmark = pytest.mark.django_db




def cache_state(response):
    return response.get("X-Page-Cache")


def headers_without_marker(response):
    return {name: value for name, value in response.items() if name != "X-Page-Cache"}


def cookies(response):
    # Without "expires": the clock's date when each response was made, max-age from then (compared here),
    # so two responses a second apart differ in it.
    return {
        name: {key: value for key, value in morsel.items() if key != "expires"} | {"value": morsel.value}
        for name, morsel in response.cookies.items()
    }


def test_a_hit_carries_the_headers_and_cookies_of_a_fresh_render(home, settings):
    client = signed_in(EmployeeFactory(username="elin", first_name="Elin", last_name="Ek"))
    miss = client.get("/en/")  # Stored, and sets the CSRF cookie, which the client keeps as a browser does.
    settings.PAGE_CACHE = False
    fresh = client.get("/en/")
    settings.PAGE_CACHE = True
    hit = client.get("/en/")
    assert (cache_state(fresh), cache_state(miss), cache_state(hit)) == (None, "miss", "hit")
    assert headers_without_marker(hit) == headers_without_marker(fresh) == headers_without_marker(miss)
    assert cookies(hit) == cookies(fresh) == cookies(miss)
    assert "csrftoken" in cookies(hit)
    assert "Content-Security-Policy" in hit
    assert hit["X-Frame-Options"] == "SAMEORIGIN"
    assert "Cookie" in hit["Vary"]
    assert hit.content.decode().count("Elin Ek") == fresh.content.decode().count("Elin Ek") > 0


def test_a_hit_reads_the_session_and_nothing_else_from_the_database(home, settings, django_assert_num_queries):
    settings.PAGE_CACHE = True  # The suite turns it off for tests that count queries; this one counts a hit's.
    client = signed_in(EmployeeFactory(username="elin"))
    client.get("/en/")
    with django_assert_num_queries(1):  # The session: tests keep sessions in the database.
        response = client.get("/en/")
    assert cache_state(response) == "hit"


def test_with_sessions_in_the_cache_a_hit_is_one_read_and_no_query(home, settings, django_assert_num_queries):
    """As production runs (cached_db on Redis): the session, the generation and the session's record in
    one read, the page from the process's own copy; signing out ends it at once."""
    settings.PAGE_CACHE = True
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    client = signed_in(EmployeeFactory(username="elin", first_name="Elin", last_name="Ek"))
    assert cache_state(client.get("/en/")) == "miss"
    assert cache_state(client.get("/en/")) == "hit"  # the normal stack's, which indexes the session's record
    with django_assert_num_queries(0):
        response = client.get("/en/")
    assert cache_state(response) == "hit"
    assert "Elin Ek" in response.content.decode()
    client.logout()
    response = client.get("/en/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_cache_that_lost_its_contents_never_brings_back_a_page_kept_in_the_process(home):
    """A restarted Redis loses the generation; the number it starts again from is new, so the copies a
    process still keeps (caching/local.py) are not served for a page changed meanwhile."""
    client = signed_in(EmployeeFactory(username="elin"))
    client.get("/en/")
    assert cache_state(client.get("/en/")) == "hit"
    used = readers.generation()
    type(home).objects.filter(pk=home.pk).update(title="Harbour front page")  # behind Django's back
    cache.clear()
    while readers.generation() < used:  # changes after the restart, until the old number would come back
        readers.invalidate()
    response = client.get("/en/")
    assert cache_state(response) != "hit"
    assert "Harbour front page" in response.content.decode()


def test_a_changed_password_signs_the_reader_out_instead_of_serving_the_cached_page(home):
    user = EmployeeFactory(username="elin")
    client = signed_in(user)
    client.get("/en/")
    assert cache_state(client.get("/en/")) == "hit"
    user.set_password("a new and different passphrase")
    user.save()
    response = client.get("/en/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_deactivated_reader_gets_no_cached_page(home):
    user = EmployeeFactory(username="elin")
    client = signed_in(user)
    client.get("/en/")
    assert cache_state(client.get("/en/")) == "hit"
    user.is_active = False
    user.save()
    response = client.get("/en/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_joining_a_group_shows_its_pages_at_once_and_leaving_hides_them(board_scene):
    secret = board_scene["title"]
    user = EmployeeFactory(username="elin")
    client = signed_in(user)
    url = board_scene["index"].url
    client.get(url)
    response = client.get(url)
    assert cache_state(response) == "hit"
    assert secret not in response.content.decode()
    user.groups.add(board_scene["board"])
    assert secret in client.get(url).content.decode()
    assert secret in client.get(url).content.decode()  # now from the cache, for the new class
    user.groups.remove(board_scene["board"])
    assert secret not in client.get(url).content.decode()
    assert client.get(board_scene["secret"].url).status_code in (302, 403)


def test_two_roles_never_get_each_others_page_and_visitors_are_sent_to_sign_in(board_scene):
    secret = board_scene["title"]
    member_user = EmployeeFactory(username="bo")
    member_user.groups.add(board_scene["board"])
    member = signed_in(member_user)
    outsider = signed_in(EmployeeFactory(username="elin"))
    for _ in range(2):
        for client, sees in ((member, True), (outsider, False)):
            assert (secret in client.get(board_scene["index"].url).content.decode()) is sees
    assert cache_state(member.get(board_scene["secret"].url)) in ("miss", "hit")
    assert cache_state(member.get(board_scene["secret"].url)) == "hit"
    assert outsider.get(board_scene["secret"].url).status_code in (302, 403)
    visitor = Client()
    for url in (board_scene["index"].url, board_scene["secret"].url, "/en/"):
        response = visitor.get(url)
        assert response.status_code == 302
        assert "login" in response["Location"]
    # A signed-out session is a visitor's.
    member.logout()
    response = member.get(board_scene["secret"].url)
    assert response.status_code == 302


def test_a_reader_who_must_give_a_second_factor_gets_no_hit_before_giving_it(home):
    carla = UserFactory(username="carla", role=roles.COMMUNICATIONS)
    password_only = signed_in(carla)
    for _ in range(3):
        response = password_only.get("/en/")
        assert response.status_code == 200
        assert cache_state(response) is None
    verified = login_with_second_factor(Client(), carla)
    verified.get("/en/")
    assert cache_state(verified.get("/en/")) == "hit"
    assert cache_state(password_only.get("/en/")) is None
    # The device removed (an administrator resets it): the session no longer counts as verified.
    TOTPDevice.objects.filter(user=carla).delete()
    assert cache_state(verified.get("/en/")) is None


def test_each_reader_gets_their_own_name_and_token_from_the_fast_path(home):
    anna = Client(enforce_csrf_checks=True)
    anna.force_login(EmployeeFactory(username="anna", first_name="Anna", last_name="Andersson"))
    bo = Client(enforce_csrf_checks=True)
    bo.force_login(EmployeeFactory(username="bo", first_name="Bo", last_name="Berg"))
    anna.get("/en/")
    anna_hit, bo_hit = anna.get("/en/"), bo.get("/en/")
    assert cache_state(anna_hit) == cache_state(bo_hit) == "hit"
    assert "Anna Andersson" in anna_hit.content.decode() and "Bo Berg" not in anna_hit.content.decode()
    assert "Bo Berg" in bo_hit.content.decode() and "Anna Andersson" not in bo_hit.content.decode()
    assert bo_hit.cookies["csrftoken"].value != anna_hit.cookies["csrftoken"].value


def test_middleware_the_fast_path_cannot_account_for_stops_start_up(settings):
    index = settings.MIDDLEWARE.index("caching.fast_path.FastPathMiddleware")
    settings.MIDDLEWARE = [*settings.MIDDLEWARE[: index + 1], "tests.caching.test_fast_path.Opaque"]
    settings.MIDDLEWARE += ["caching.page_cache.PageCacheMiddleware"]
    with pytest.raises(ImproperlyConfigured, match="Opaque"):
        FastPathMiddleware(lambda request: None)


class Opaque:
    """Middleware whose __call__ might do anything: the fast path cannot know what a hit would skip."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)
