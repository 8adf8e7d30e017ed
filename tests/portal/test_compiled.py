"""Listing queries compiled once per process (portal/compiled.py): the kept SQL runs again and reads
the data as it is now, each reader gets the SQL of their own language and permission class, and a page
that changes what its lists are built from gets new SQL.

Every cache is off here (no page cache, no shared parts), so every list is read on every view.
"""

import threading

import pytest
from django.contrib.auth.models import Group
from django.test import Client, RequestFactory
from django.utils import translation
from wagtail.models import Locale, PageViewRestriction

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from casestudies.models import CaseStudyPage
from home.models import HomePage
from methods.factories import (
    MethodIndexPageFactory,
    MethodPageFactory,
    ShareableTemplateIndexPageFactory,
    ShareableTemplatePageFactory,
)
from networks.factories import NetworkIndexPageFactory, NetworkPageFactory
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from portal import compiled
from portal.factories import EmployeeFactory, TopicFactory
from portal.page_keys import page_key
from portal.visibility import MAX_PATH_CLAUSES, visibility_for, visibility_key
from tests.utils import front_page_kept_apart

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_cached(settings):
    settings.PAGE_CACHE = False
    settings.FRAGMENT_CACHE = False
    compiled.forget()
    yield
    compiled.forget()


@pytest.fixture
def home(site_tree):
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def cases(home):
    return CaseStudyIndexPageFactory(parent=home, title="Cases")


def reader(user):
    client = Client()
    client.force_login(user)
    return client


def counting(build):
    calls = []

    def counted():
        calls.append(1)
        return build()

    return counted, calls


def test_a_kept_listing_builds_once_and_reads_the_data_as_it_is_now(cases, django_assert_num_queries):
    CaseStudyPageFactory(parent=cases, title="Open reflection rounds")
    build, calls = counting(
        lambda: CaseStudyPage.objects.live().select_related("locale").prefetch_related("topics").order_by("title")
    )

    first = compiled.rows(("cases",), build)
    CaseStudyPageFactory(parent=cases, title="Night shift handovers")
    # The listing and its prefetch: the kept SQL, run again.
    with django_assert_num_queries(2):
        second = compiled.rows(("cases",), build)

    assert len(calls) == 1
    assert [page.title for page in first] == ["Open reflection rounds"]
    assert [page.title for page in second] == ["Night shift handovers", "Open reflection rounds"]
    # The instances are the ORM's, with their select_related and prefetched relations filled in.
    with django_assert_num_queries(0):
        assert {page.locale.language_code for page in second} == {"en"}
        assert all(list(page.topics.all()) == [] for page in second)


@pytest.mark.django_db(transaction=True)  # committed, so that the other thread's connection sees the page
def test_each_thread_compiles_its_own_for_its_own_connection(cases):
    CaseStudyPageFactory(parent=cases, title="Open reflection rounds")
    build, calls = counting(lambda: CaseStudyPage.objects.live().order_by("title"))
    compiled.rows(("cases",), build)
    found = []

    def elsewhere():
        try:
            found.append([page.title for page in compiled.rows(("cases",), build)])
        finally:
            from django.db import connection

            connection.close()

    thread = threading.Thread(target=elsewhere)
    thread.start()
    thread.join()
    assert len(calls) == 2
    assert found == [["Open reflection rounds"]]


def test_an_empty_answer_known_before_asking_the_database_is_not_kept(cases):
    build, calls = counting(lambda: CaseStudyPage.objects.filter(pk__in=[]))
    assert compiled.rows(("nothing",), build) == []
    assert compiled.rows(("nothing",), build) == []
    assert len(calls) == 2


def test_no_key_keeps_nothing(cases):
    build, calls = counting(lambda: CaseStudyPage.objects.all())
    compiled.rows(None, build)
    compiled.rows(None, build)
    assert len(calls) == 2


def test_a_page_key_changes_with_what_the_pages_lists_are_built_from(cases, home):
    page = CaseStudyPageFactory(parent=cases, title="Open reflection rounds")
    viewer = RequestFactory().get("/en/")
    viewer.user = EmployeeFactory()
    viewer.session = {}
    # A request served earlier in this thread leaves its language active: start from English.
    translation.activate("en")
    key = page_key("lists", page, viewer)

    assert page_key("lists", page, viewer) == key
    with translation.override("sv"):
        assert page_key("lists", page, viewer) != key
    other_network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home))
    page.network = other_network
    assert page_key("lists", page, viewer) != key
    page.network = None
    page.path = page.path[:-4] + "ZZZZ"  # moved
    assert page_key("lists", page, viewer) != key

    # A preview shows a draft's in-memory relations; a page not saved has none: nothing is kept.
    viewer.is_preview = True
    assert page_key("lists", page, viewer) is None
    assert page_key("lists", CaseStudyPage(title="New"), None) is None


def request_of(user):
    request = RequestFactory().get("/en/")
    request.user = user
    request.session = {}
    return request


def test_readers_of_one_class_share_a_key_and_readers_of_another_do_not(cases):
    board = Group.objects.create(name="Board")
    secret = CaseStudyPageFactory(parent=cases, title="Board retreat lessons")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.GROUPS).groups.add(board)
    member, other_member = EmployeeFactory(), EmployeeFactory()
    member.groups.add(board)
    other_member.groups.add(board)
    outsider, other_outsider = EmployeeFactory(), EmployeeFactory()

    assert visibility_key(request_of(member)) == visibility_key(request_of(other_member)) == ("paths", ())
    assert visibility_key(request_of(outsider)) == visibility_key(request_of(other_outsider))
    assert visibility_key(request_of(outsider)) == ("paths", (secret.path,))
    # A user without a request (an e-mail's recipient) is judged by the clause, which names them.
    assert visibility_key(outsider) != visibility_key(other_outsider)


def test_a_reader_failing_many_restrictions_goes_by_the_one_clause(cases):
    for number in range(MAX_PATH_CLAUSES + 1):
        page = CaseStudyPageFactory(parent=cases, title=f"Restricted {number}")
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    CaseStudyPageFactory(parent=cases, title="Open to all")
    anonymous = RequestFactory().get("/en/")
    from django.contrib.auth.models import AnonymousUser

    anonymous.user, anonymous.session = AnonymousUser(), {}
    visibility = visibility_for(anonymous)
    assert visibility.key[0] == "user"
    listed = compiled.rows(("many", visibility.key), lambda: visibility.filter(CaseStudyPage.objects.all()))
    assert [page.title for page in listed] == ["Open to all"]


def test_the_front_page_lists_what_each_class_may_see_when_nothing_is_cached(cases):
    """Uncached, the front page's lists come from kept SQL: one per language and class, never another's."""
    board, member, member_client, _other_client = front_page_kept_apart(cases)
    # A member who leaves the group is in the other class at once.
    member.groups.remove(board)
    assert "Board retreat lessons" not in member_client.get("/en/").content.decode()


def test_a_case_study_moved_to_another_network_names_the_new_one_when_nothing_is_cached(cases, home):
    networks = NetworkIndexPageFactory(parent=home)
    first = NetworkPageFactory(parent=networks, title="Coastal care network")
    second = NetworkPageFactory(parent=networks, title="Inland welfare network")
    case = CaseStudyPageFactory(parent=cases, title="Open reflection rounds", network=first)
    client = reader(EmployeeFactory())
    assert "Coastal care network" in client.get(case.url).content.decode()

    case.network = second
    case.save_revision().publish()
    html = client.get(case.url).content.decode()
    assert "Inland welfare network" in html
    assert "Coastal care network" not in html


def test_a_network_page_shows_what_was_added_since_and_each_class_its_own_when_nothing_is_cached(home):
    """The network page's lists are built once (portal.together.kept_together) and read every time."""
    from networks.factories import GatheringFactory, NetworkFacilitatorFactory
    from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory

    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home), title="Coastal care network")
    directory = ResourcePersonIndexPageFactory(parent=home)
    board = Group.objects.create(name="Board")
    hidden = ResourcePersonPageFactory(parent=directory, title="Hedda Board-Member")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.GROUPS).groups.add(board)
    NetworkFacilitatorFactory(page=network, person=hidden)
    member = EmployeeFactory()
    member.groups.add(board)
    member_client, other_client = reader(member), reader(EmployeeFactory())

    for _ in range(2):  # The second round from the kept parts and SQL.
        assert "Hedda Board-Member" in member_client.get(network.url).content.decode()
        assert "Hedda Board-Member" not in other_client.get(network.url).content.decode()

    NetworkFacilitatorFactory(page=network, person=ResourcePersonPageFactory(parent=directory, title="Ola Open"))
    GatheringFactory(page=network, title="Spring gathering on handovers")
    html = other_client.get(network.url).content.decode()
    assert "Ola Open" in html
    assert "Spring gathering on handovers" in html


def test_an_index_page_filters_and_lists_new_pages_when_nothing_is_cached(cases):
    """The index's finding query is kept per filter (portal.listing), its cards per page of ids."""
    from portal.factories import TopicFactory

    topic = TopicFactory(name="Night shifts")
    tagged = CaseStudyPageFactory(parent=cases, title="Night shift handovers")
    tagged.topics.add(topic)
    tagged.save_revision().publish()
    CaseStudyPageFactory(parent=cases, title="Open reflection rounds")
    client = reader(EmployeeFactory())

    for _ in range(2):
        everything = client.get(cases.url).content.decode()
        assert "Night shift handovers" in everything and "Open reflection rounds" in everything
        narrowed = client.get(cases.url, {"topic": topic.pk}).content.decode()
        assert "Night shift handovers" in narrowed
        assert "Open reflection rounds" not in narrowed

    CaseStudyPageFactory(parent=cases, title="Weekend rota reflections")
    assert "Weekend rota reflections" in client.get(cases.url).content.decode()
    assert "Weekend rota reflections" not in client.get(cases.url, {"topic": topic.pk}).content.decode()


def test_a_pages_view_restrictions_are_read_each_time_through_sql_compiled_once_per_depth(cases):
    """Wagtail checks them on every page it serves (portal.models.restrictions); the admin orders them."""
    page = CaseStudyPageFactory(parent=cases, title="Board retreat lessons")
    sibling = CaseStudyPageFactory(parent=cases, title="Open reflection rounds")
    assert list(page.get_view_restrictions()) == []
    # One SQL per depth, run with each page's own ancestors.
    assert ("view-restrictions", page.depth) in compiled._entries()
    on_the_sibling = PageViewRestriction.objects.create(page=sibling, restriction_type=PageViewRestriction.LOGIN)
    assert list(sibling.get_view_restrictions()) == [on_the_sibling]
    assert list(page.get_view_restrictions()) == []
    assert list(cases.get_view_restrictions()) == []
    on_the_sibling.delete()

    on_the_index = PageViewRestriction.objects.create(page=cases, restriction_type=PageViewRestriction.LOGIN)
    on_the_page = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD)
    restrictions = page.get_view_restrictions()
    assert restrictions  # Wagtail's hook asks this after iterating: from the same rows
    assert {restriction.pk for restriction in restrictions} == {on_the_index.pk, on_the_page.pk}
    # Chained, as the admin's privacy view does, it is an ordinary query: ordered, filtered, counted.
    assert list(page.get_view_restrictions().order_by("-page__depth")) == [on_the_page, on_the_index]
    assert list(page.get_view_restrictions().filter(restriction_type="login")) == [on_the_index]
    assert page.get_view_restrictions().count() == 2

    on_the_index.delete()
    on_the_page.delete()
    assert list(page.get_view_restrictions()) == []

    # Served: Wagtail's check reads the restrictions as they are now, through the kept SQL.
    board = Group.objects.create(name="Board")
    PageViewRestriction.objects.create(page=cases, restriction_type=PageViewRestriction.GROUPS).groups.add(board)
    client = reader(EmployeeFactory())
    assert client.get(page.url).status_code == 403  # signed in, not in the group (portal/view_restrictions.py)
    PageViewRestriction.objects.all().delete()
    assert client.get(page.url).status_code == 200


def test_a_kept_queryset_is_built_only_until_its_sql_is_kept_and_again_when_chained(cases):
    """compiled.evaluated_kept: evaluated, it runs the kept SQL without building its queryset again;
    `all()` stays kept; anything else chained from it is built from `build` and is an ordinary query."""
    first = CaseStudyPageFactory(parent=cases, title="Alpha rounds")
    CaseStudyPageFactory(parent=cases, title="Beta rounds")

    def titled(prefix):
        return CaseStudyPage.objects.filter(title__startswith=prefix).order_by("title")

    build, calls = counting(lambda: titled("Alpha"))
    key = ("titled", 1)
    assert list(compiled.evaluated_kept(key, CaseStudyPage, build, params=["Alpha%"])) == [first]
    assert len(calls) == 1
    # Kept: each later evaluation, of it or of its all(), runs the SQL with its own values and builds nothing.
    again, again_calls = counting(lambda: titled("Beta"))
    beta = compiled.evaluated_kept(key, CaseStudyPage, again, params=["Beta%"])
    assert [page.title for page in beta.all()] == ["Beta rounds"] and bool(beta) and len(beta) == 1
    assert again_calls == []
    # Chained, it is built as `build` builds it, and what is chained applies.
    assert beta.filter(title__endswith="rounds").count() == 1
    assert list(beta.exclude(title="Beta rounds")) == []
    assert again_calls == [1]
    assert len(calls) == 1


def test_an_address_is_routed_through_one_sql_per_number_of_steps_with_its_own_values(cases, home):
    """HomePage.pages_on_the_way: the pages on the way down, run with each address's own slugs."""
    first = CaseStudyPageFactory(parent=cases, title="Board retreat lessons", slug="board-retreat")
    second = CaseStudyPageFactory(parent=cases, title="Open reflection rounds", slug="open-rounds")
    client = reader(EmployeeFactory())
    for page in (first, second):
        response = client.get(page.url)
        assert response.status_code == 200 and response.context["page"] == page
    assert client.get(cases.url).context["page"] == cases
    routes = sorted(key for key in compiled._entries() if key[0] == "route")
    assert routes == [("route", 1), ("route", 2)]  # not one per address

    # The kept SQL reads the tree as it is now: a new page is found, a missing one is not.
    third = CaseStudyPageFactory(parent=cases, title="Night shift handovers", slug="night-shifts")
    assert client.get(third.url).context["page"] == third
    assert client.get(cases.url + "no-such-case/").status_code == 404
    assert home.pages_on_the_way([cases.slug, first.slug])[0][-1] == first
    assert home.pages_on_the_way([cases.slug, "no-such-case"]) is None
    assert sorted(key for key in compiled._entries() if key[0] == "route") == routes


def test_an_index_pages_owner_is_read_through_one_sql_with_each_pages_own_id(cases, home):
    """IndexPage.keep_content_owner: the review footer's person, read as they are now."""
    directory = ResourcePersonIndexPageFactory(parent=home)
    ada = ResourcePersonPageFactory(parent=directory, title="Ada Berg", job_title="Coordinator")
    bo = ResourcePersonPageFactory(parent=directory, title="Bo Lind")
    cases.content_owner = ada
    cases.save_revision().publish()
    methods = MethodIndexPageFactory(parent=home, content_owner=bo)
    client = reader(EmployeeFactory())
    html = client.get(cases.url).content.decode()
    assert f'Ask <a href="{ada.url}">Ada Berg</a>, Coordinator.' in html
    assert f'Ask <a href="{bo.url}">Bo Lind</a>' in client.get(methods.url).content.decode()
    owners = [key for key in compiled._entries() if key[0] == "content-owner"]
    assert owners == [("content-owner", "people.ResourcePersonPage")]

    ada.title, ada.job_title = "Ada Berg Holm", ""
    ada.save_revision().publish()
    assert f'Ask <a href="{ada.url}">Ada Berg Holm</a>.' in client.get(cases.url).content.decode()


def test_a_topic_filter_offers_the_listed_pages_topics_as_they_are_now_through_one_kept_sql(home):
    """The method and template indexes' filter choices (IndexPage.filter_choices): one query, compiled once
    per listing, that still reads the choices as they are now."""
    ethics = TopicFactory(name="Ethics")
    TopicFactory(name="Etik", locale=Locale.objects.get(language_code="sv"))
    handovers = TopicFactory(name="Handovers")
    methods = MethodIndexPageFactory(parent=home)
    tagged = MethodPageFactory(parent=methods, title="Ethics round")
    tagged.topics.add(ethics)
    tagged.save_revision().publish()
    night = MethodPageFactory(parent=methods, title="Night huddle")
    templates = ShareableTemplateIndexPageFactory(parent=home)
    sheet = ShareableTemplatePageFactory(parent=templates, title="Ethics sheet")
    sheet.topics.add(ethics)
    sheet.save_revision().publish()
    client = reader(EmployeeFactory())

    def kept():
        # A listing's kept queries are named by IndexPage.listing_key(viewer, *extra); extra ends the key.
        keys = [key for key in compiled._entries() if key[0] == "index" and isinstance(key[-1], tuple)]
        return {key for key in keys if key[-1][1:] == ("filter-options",)}

    for index in (methods, templates):
        html = client.get(index.url).content.decode()
        assert f'<option value="{ethics.pk}">Ethics</option>' in html, index
        assert "Etik" not in html  # another language's topic
        assert "Handovers" not in html  # no page listed here is tagged with it: choosing it would find nothing
    assert sorted(key[2] for key in kept()) == sorted([methods.pk, templates.pk]), kept()

    before = kept()
    night.topics.add(handovers)
    night.save_revision().publish()
    html = client.get(methods.url).content.decode()
    assert f'<option value="{handovers.pk}">Handovers</option>' in html
    assert kept() == before  # the same SQL, run again
    # Choosing a topic filters the listing.
    chosen = client.get(methods.url, {"topic": ethics.pk}).content.decode()
    assert "Ethics round" in chosen and "Night huddle" not in chosen
    assert f'<option value="{ethics.pk}" selected>Ethics</option>' in chosen
    swedish = str(TopicFactory(name="Omsorg", locale=Locale.objects.get(language_code="sv")).pk)
    unchosen = client.get(methods.url, {"topic": swedish}).content.decode()
    assert "Ethics round" in unchosen and "Night huddle" in unchosen


def test_literal_sql_carries_its_values_quoted_and_a_percent_sign_stays_one(cases):
    """`literal=True` writes the values into the SQL (PostgreSQL): a title with a percent sign, a quote and
    a backslash finds itself and nothing that a LIKE wildcard would also match."""
    odd = CaseStudyPageFactory(parent=cases, title="50% of O'Brien's \\ shifts")
    CaseStudyPageFactory(parent=cases, title="500 of O'Brien's \\ shifts")
    key = ("test-literal",)

    def build():
        return CaseStudyPage.objects.filter(title__startswith="50% of O'Brien's \\").values_list("pk", flat=True)

    assert compiled.rows(key, build, literal=True) == [odd.pk]
    assert compiled.rows(key, build, literal=True) == [odd.pk]  # the kept SQL, run again
    kept_sql = compiled._entries()[key]._erfa_sql
    assert "O''Brien" in kept_sql and "%s" not in kept_sql


def prepared(connection, marker):
    """The prepared statements on `connection` whose SQL contains `marker`: (parameter types, custom plans)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT parameter_types::text, custom_plans FROM pg_prepared_statements WHERE statement LIKE %s",
            [f"%{marker}%"],
        )
        return cursor.fetchall()


def test_a_listings_filter_choices_and_page_of_results_are_planned_once_per_connection(home):
    """As parameters, the listing's path prefixes (`path LIKE $1`) made PostgreSQL plan these statements
    again on every view: a plan for any prefix cannot use the index. Written into the SQL, each is a
    statement without parameters, which a connection plans once after psycopg prepares it (five runs)."""
    from django.db import connection

    methods = MethodIndexPageFactory(parent=home)
    for number in range(3):
        method = MethodPageFactory(parent=methods, title=f"Method {number}")
        method.topics.add(TopicFactory(name=f"Topic {number}"))
        method.save_revision().publish()
    client = reader(EmployeeFactory())
    for _ in range(8):
        assert "Topic 2" in client.get(methods.url).content.decode()

    facets = prepared(connection, '"portal_topic"."name" AS "name"')
    pages = prepared(connection, 'AS "listing_total"')
    assert facets and pages, (facets, pages)
    for parameter_types, custom_plans in facets + pages:
        assert (parameter_types, custom_plans) == ("{}", 0)
