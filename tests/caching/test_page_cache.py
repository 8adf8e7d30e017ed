"""The page cache (caching/page_cache.py): pages rendered once per permission class, never shown to the wrong reader.

Every test reads pages as users do, through the test client, with the cache on (as in production with
Redis). `X-Page-Cache: hit` says a copy was served, so a test that expects fresh content can also show
the cache was in play.
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from methods.factories import MethodIndexPageFactory, MethodPageFactory
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from portal import roles
from portal.factories import EmployeeFactory, UserFactory
from tests.utils import login_with_second_factor

pytestmark = pytest.mark.django_db

SECRET = "Confidential restructuring at the harbour"


def reader(user, *, enforce_csrf_checks=False, second_factor=False):
    client = Client(enforce_csrf_checks=enforce_csrf_checks)
    if second_factor:
        return login_with_second_factor(client, user)
    client.force_login(user)
    return client


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), response.get("X-Page-Cache")


@pytest.fixture
def scene(home):
    index = CaseStudyIndexPageFactory(parent=home)
    secret = CaseStudyPageFactory(parent=index, title=SECRET)
    CaseStudyPageFactory(parent=index, title="Open reflection rounds")
    restriction = PageViewRestriction.objects.create(page=secret, restriction_type="groups")
    communications = Group.objects.get_or_create(name=roles.COMMUNICATIONS)[0]
    restriction.groups.add(communications)
    return {"index": index, "secret": secret, "restriction": restriction, "communications": communications}


@pytest.fixture
def employee_reader(db):
    return reader(EmployeeFactory(username="elin", first_name="Elin", last_name="Ek"))


@pytest.fixture
def communications_reader(db):
    carla = UserFactory(username="carla", first_name="Carla", last_name="Cox", role=roles.COMMUNICATIONS)
    return reader(carla, second_factor=True)


@pytest.mark.parametrize("employee_first", [True, False])
def test_neither_role_sees_the_others_cached_listing_home_or_page(
    scene, employee_reader, communications_reader, employee_first
):
    urls = ["/en/", scene["index"].url]
    order = [employee_reader, communications_reader] if employee_first else [communications_reader, employee_reader]
    for _ in range(2):  # The second round is served from the cache.
        for client in order:
            for url in urls:
                html, _state = read(client, url)
                assert (SECRET in html) is (client is communications_reader), url
    assert read(employee_reader, scene["index"].url)[1] == "hit"
    assert read(communications_reader, scene["index"].url)[1] == "hit"
    # The restricted page itself: Communications reads it (from the cache the second time), the employee never.
    assert SECRET in read(communications_reader, scene["secret"].url)[0]
    assert read(communications_reader, scene["secret"].url)[1] == "hit"
    assert employee_reader.get(scene["secret"].url).status_code in (302, 403)


def test_the_header_shows_each_readers_own_name(home):
    first = reader(EmployeeFactory(username="anna", first_name="Anna", last_name="Andersson"))
    second = reader(EmployeeFactory(username="bo", first_name="Bo", last_name="Berg"))
    html, state = read(first, "/en/")
    assert "Anna Andersson" in html and state == "miss"
    html, state = read(second, "/en/")
    assert state == "hit"
    assert "Bo Berg" in html
    assert "Anna Andersson" not in html


def test_a_form_on_a_cached_page_posts_with_the_readers_own_token(home):
    method = MethodPageFactory(parent=MethodIndexPageFactory(parent=home), title="Reflection round")
    first = reader(EmployeeFactory(username="anna"), enforce_csrf_checks=True)
    second = reader(EmployeeFactory(username="bo"), enforce_csrf_checks=True)
    first_html, _ = read(first, method.url)
    second_html, state = read(second, method.url)
    assert state == "hit"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', second_html)[1]
    assert token not in first_html
    response = second.post(method.url + "rate/", {"score": "4", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert "Your score is 4" in second.get(method.url).content.decode()


def test_a_method_page_shows_each_reader_their_own_score(home):
    method = MethodPageFactory(parent=MethodIndexPageFactory(parent=home), title="Reflection round")
    rater = reader(EmployeeFactory(username="anna"))
    other = reader(EmployeeFactory(username="bo"))
    read(other, method.url)  # Warms the cache for readers without a score.
    rater.post(method.url + "rate/", {"score": "5"})
    assert "Your score is 5" in read(rater, method.url)[0]
    html, _ = read(other, method.url)
    assert "Your score is" not in html
    assert "Your score is 5" in read(rater, method.url)[0]


def test_only_the_owner_of_a_profile_is_offered_to_edit_it(home):
    owner_user = EmployeeFactory(username="signe")
    person = ResourcePersonPageFactory(parent=ResourcePersonIndexPageFactory(parent=home), user=owner_user)
    owner, colleague = reader(owner_user), reader(EmployeeFactory(username="bo"))
    assert "Please confirm your details" in read(owner, person.url)[0]
    assert "Please confirm your details" not in read(colleague, person.url)[0]
    assert "Please confirm your details" in read(owner, person.url)[0]
    assert "Please confirm your details" not in read(colleague, person.url)[0]


def test_a_password_restricted_page_is_never_cached(scene, employee_reader):
    page = CaseStudyPageFactory(parent=scene["index"], title="Board minutes")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="harbour")  # noqa: S106
    for _ in range(2):
        response = employee_reader.get(page.url)
        assert "Board minutes" not in response.content.decode()
        assert "X-Page-Cache" not in response
    restriction = PageViewRestriction.objects.get(page=page)
    form_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    employee_reader.post(form_url, {"password": "harbour", "return_url": page.url})
    for _ in range(2):
        response = employee_reader.get(page.url)
        assert "Board minutes" in response.content.decode()
        assert "X-Page-Cache" not in response
    # Another reader, without the password, still gets the form.
    other = reader(EmployeeFactory(username="bo"))
    assert "Board minutes" not in other.get(page.url).content.decode()


# --- Invalidation: what the next reader sees after each event ---------------------------------------


def warm(client, url):
    read(client, url)
    assert read(client, url)[1] == "hit"


def test_publishing_shows_the_new_title_everywhere(scene, employee_reader):
    page = CaseStudyPageFactory(parent=scene["index"], title="Old title")
    warm(employee_reader, scene["index"].url)
    page.title = "New title"
    page.save_revision().publish()
    assert "New title" in read(employee_reader, scene["index"].url)[0]


def test_unpublishing_removes_the_page_from_listings(scene, employee_reader):
    page = CaseStudyPageFactory(parent=scene["index"], title="Soon withdrawn")
    warm(employee_reader, scene["index"].url)
    page.unpublish()
    assert "Soon withdrawn" not in read(employee_reader, scene["index"].url)[0]


def test_moving_and_deleting_a_page_change_the_listing(scene, home, employee_reader):
    page = CaseStudyPageFactory(parent=scene["index"], title="Travelling case")
    other_index = CaseStudyIndexPageFactory(parent=home, title="Archive", slug="archive")
    warm(employee_reader, scene["index"].url)
    warm(employee_reader, other_index.url)
    page.move(other_index, pos="last-child")
    assert "Travelling case" not in read(employee_reader, scene["index"].url)[0]
    assert "Travelling case" in read(employee_reader, other_index.url)[0]
    page.refresh_from_db()
    page.delete()
    assert "Travelling case" not in read(employee_reader, other_index.url)[0]


def test_a_snippet_change_shows_on_the_next_read(home, employee_reader):
    person = ResourcePersonPageFactory(parent=ResourcePersonIndexPageFactory(parent=home))
    warm(employee_reader, person.url)
    person.organisation.name = "Renamed municipality"
    person.organisation.save()
    assert "Renamed municipality" in read(employee_reader, person.url)[0]


def test_joining_and_leaving_a_group_changes_what_is_listed(scene, employee_reader):
    elin = EmployeeFactory(username="elin")
    warm(employee_reader, scene["index"].url)
    elin.groups.add(scene["communications"])
    assert SECRET in read(employee_reader, scene["index"].url)[0]
    elin.groups.remove(scene["communications"])
    assert SECRET not in read(employee_reader, scene["index"].url)[0]


def test_changing_a_restriction_changes_what_is_listed(scene, employee_reader, communications_reader):
    warm(employee_reader, scene["index"].url)
    warm(communications_reader, scene["index"].url)
    scene["restriction"].delete()
    assert SECRET in read(employee_reader, scene["index"].url)[0]
    PageViewRestriction.objects.create(page=scene["secret"], restriction_type="groups").groups.add(
        Group.objects.create(name="Board")
    )
    assert SECRET not in read(employee_reader, scene["index"].url)[0]
    assert SECRET not in read(communications_reader, scene["index"].url)[0]


def test_messages_are_never_cached(home):
    method = MethodPageFactory(parent=MethodIndexPageFactory(parent=home), title="Reflection round")
    first, second = reader(EmployeeFactory(username="anna")), reader(EmployeeFactory(username="bo"))
    first.post(method.url + "rate/", {"score": "3"})
    assert "Your rating has been saved" in read(first, method.url)[0]
    assert "Your rating has been saved" not in read(second, method.url)[0]
    assert "Your rating has been saved" not in read(first, method.url)[0]


def test_the_cache_can_be_switched_off(home, employee_reader, settings):
    settings.PAGE_CACHE = False
    for _ in range(2):
        assert read(employee_reader, "/en/")[1] is None


def test_searching_and_messaging_keep_the_cached_pages(scene, home, employee_reader, search_log):
    """The search log and contact messages show on no page: writing them must not empty the cache."""
    from people.models import ContactMessage
    from search.models import SearchQueryDay

    person = ResourcePersonPageFactory(parent=ResourcePersonIndexPageFactory(parent=home))
    warm(employee_reader, scene["index"].url)
    assert employee_reader.get("/en/search/?q=reflection").status_code == 200
    search_log.write()
    assert SearchQueryDay.objects.filter(query="reflection").exists()
    ContactMessage.objects.create(
        sender_name="Elin Ek",
        sender_email="elin@example.org",
        recipient=person,
        recipient_key=person.translation_key,
        recipient_name=person.title,
        recipient_email="person@example.org",
        subject="A question",
        body="Could you tell us more?",
    )
    assert read(employee_reader, scene["index"].url)[1] == "hit"


def test_a_page_route_that_marks_its_answer_personal_is_never_stored(home):
    from django.http import HttpResponse
    from django.test import RequestFactory
    from django.utils.cache import add_never_cache_headers

    from caching import page_cache, personal

    request = RequestFactory().get("/en/")
    # Wagtail marks restricted pages never-cache for browsers and proxies; this cache still shares them.
    restricted = HttpResponse("<p>For Communications</p>")
    add_never_cache_headers(restricted)
    assert page_cache._storable(request, restricted, home)
    own = personal.personal(HttpResponse("<p>Your own answers</p>"))
    assert not page_cache._storable(request, own, home)
    assert "no-store" in own["Cache-Control"]
    route = personal.personal_route(lambda page, request: HttpResponse("<p>Yours</p>"))
    assert not page_cache._storable(request, route(home, request), home)
