"""A page of listing cards reads its short lists (topics, organisations, methods) with SQL kept under the
cards' key (portal/card_lists.py): the cards show each list in order, only what the reader may see, as the
data is now, and a second view builds no SQL for them.

Every cache is off here (no page cache, no shared parts), so every list is read on every view.
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.db.models.sql.compiler import SQLCompiler
from django.test import Client
from wagtail.models import PageViewRestriction

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from methods.factories import MethodIndexPageFactory, MethodPageFactory
from portal import compiled, roles
from portal.factories import EmployeeFactory, OrganisationFactory, TopicFactory, UserFactory
from tests.utils import login_with_second_factor

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
def scene(home):
    methods = MethodIndexPageFactory(parent=home)
    open_method = MethodPageFactory(parent=methods, title="Reflection round")
    other_method = MethodPageFactory(parent=methods, title="Before-meeting checklist")
    restricted = MethodPageFactory(parent=methods, title="Merger dialogue")
    restriction = PageViewRestriction.objects.create(page=restricted, restriction_type="groups")
    restriction.groups.add(Group.objects.get_or_create(name=roles.COMMUNICATIONS)[0])
    cases = CaseStudyIndexPageFactory(parent=home, title="Cases")
    case = CaseStudyPageFactory(
        parent=cases,
        title="Night shift handovers",
        organisations=[OrganisationFactory(name="Västra vårdcentralen"), OrganisationFactory(name="Alby home care")],
        methods_used=[open_method, restricted, other_method],
    )
    case.topics.add(TopicFactory(name="Teamwork"), TopicFactory(name="Ethics"))
    case.save_revision().publish()
    bare = CaseStudyPageFactory(parent=cases, title="Open reflection rounds")
    return {"cases": cases, "case": case, "bare": bare, "methods": methods, "open_method": open_method}


def card(html, title):
    """The listing card (its <article>) whose heading links `title`."""
    cards = re.findall(r"<article class=\"card case-study-card\">.*?</article>", html, re.S)
    found = [text for text in cards if f">{title}</a>" in text]
    assert len(found) == 1, (title, cards)
    return found[0]


def fact(card_html, label):
    match = re.search(rf"<dt>{label}</dt><dd>(.*?)</dd>", card_html, re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)) if match else None


def test_each_card_lists_its_own_organisations_topics_and_visible_methods_in_order(scene, client):
    employee = Client()
    employee.force_login(EmployeeFactory())
    html = employee.get(scene["cases"].url).content.decode()
    night = card(html, "Night shift handovers")
    assert fact(night, "Organisations") == "Alby home care, Västra vårdcentralen"
    # The restricted method is left out for an employee; the others in title order.
    assert fact(night, "Methods used") == "Before-meeting checklist, Reflection round"
    assert re.findall(r'<li class="tag">(.*?)</li>', night) == ["Ethics", "Teamwork"]
    assert f'href="{scene["open_method"].url}"' in night
    # A card with no organisations, methods or topics shows none of those lists (not another card's).
    bare = card(html, "Open reflection rounds")
    assert fact(bare, "Organisations") is None and fact(bare, "Methods used") is None
    assert 'class="tag"' not in bare

    communications = login_with_second_factor(client, UserFactory(username="carla", role=roles.COMMUNICATIONS))
    night = card(communications.get(scene["cases"].url).content.decode(), "Night shift handovers")
    assert fact(night, "Methods used") == "Before-meeting checklist, Merger dialogue, Reflection round"


def test_a_second_view_builds_no_sql_for_the_lists_and_still_reads_them_as_they_are_now(scene, monkeypatch):
    scene["open_method"].topics.add(TopicFactory(name="Listening"))
    scene["open_method"].save_revision().publish()
    employee = Client()
    employee.force_login(EmployeeFactory())
    employee.get(scene["cases"].url)
    employee.get(scene["methods"].url)

    built = []
    as_sql = SQLCompiler.as_sql
    through = [scene["case"]._meta.get_field(name).remote_field.through for name in ("topics", "methods_used")]
    lists = [model._meta.db_table for model in through]
    lists.append(scene["open_method"]._meta.get_field("topics").remote_field.through._meta.db_table)

    def counting(compiler, *args, **kwargs):
        sql, params = as_sql(compiler, *args, **kwargs)
        built.extend(table for table in lists if f'"{table}"' in sql)  # SQL that reads a card list
        return sql, params

    monkeypatch.setattr(SQLCompiler, "as_sql", counting)
    # A change to the rows that no signal reports, so every key stays as it was: the kept SQL reads it.
    Topic = scene["case"].topics.model
    Topic.objects.filter(name="Teamwork").update(name="Collaboration")
    Topic.objects.filter(name="Listening").update(name="Active listening")
    cases_html = employee.get(scene["cases"].url).content.decode()
    methods_html = employee.get(scene["methods"].url).content.decode()
    assert built == []
    assert re.findall(r'<li class="tag">(.*?)</li>', card(cases_html, "Night shift handovers")) == [
        "Collaboration",
        "Ethics",
    ]
    assert '<span class="tag">Active listening</span>' in methods_html


def test_a_network_pages_facilitator_cards_show_their_first_three_topics_through_kept_sql(home, monkeypatch):
    from networks.factories import NetworkFacilitatorFactory, NetworkIndexPageFactory, NetworkPageFactory
    from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory

    people = ResourcePersonIndexPageFactory(parent=home)
    facilitator = ResourcePersonPageFactory(parent=people, title="Maja Lind")
    for name in ("Supervision", "Ethics", "Night work", "Handovers"):
        facilitator.topics.add(TopicFactory(name=name))
    facilitator.save_revision().publish()
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home), title="Care at night")
    NetworkFacilitatorFactory(page=network, person=facilitator)
    employee = Client()
    employee.force_login(EmployeeFactory())

    def card_tags():
        html = employee.get(network.url).content.decode()
        cards = re.findall(r'<article class="person-card">.*?</article>', html, re.S)
        assert len(cards) == 1 and "Maja Lind" in cards[0]
        return re.findall(r'<span class="tag">(.*?)</span>', cards[0])

    assert card_tags() == ["Ethics", "Handovers", "Night work"]
    built = []
    as_sql = SQLCompiler.as_sql
    table = facilitator._meta.get_field("topics").remote_field.through._meta.db_table

    def counting(compiler, *args, **kwargs):
        sql, params = as_sql(compiler, *args, **kwargs)
        built.extend([table] if f'"{table}"' in sql else [])
        return sql, params

    monkeypatch.setattr(SQLCompiler, "as_sql", counting)
    facilitator.topics.model.objects.filter(name="Ethics").update(name="Work ethics")
    assert card_tags() == ["Handovers", "Night work", "Supervision"]
    assert built == []
