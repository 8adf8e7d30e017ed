"""With every cache off, a page viewed again runs its queries without building any SQL (portal.compiled),
nor even the querysets it would be compiled from.

Building and compiling a query costs more CPU than running it on pages of this size, so each page's
queries are kept once compiled: the route to a page below a routable index (the directory), the index's
translations, a method's rating, the contact cards' topics (portal.card_lists rather than a prefetch,
which Django builds afresh on every view). Building the queryset (filters, subqueries) costs about as
much again, so it is built only when its SQL is not kept yet: a page's view restrictions, an index's
listing and filter choices (portal.listing.deferred), a profile's lists, a page's discussion, the
reader's own networks on the front page. The rows are still read on every view: a change shows at once.
"""

import pytest
import wagtail_factories
from django.db.models import QuerySet
from django.db.models.sql.compiler import SQLCompiler
from django.test import Client

from methods.factories import MethodRatingFactory
from networks.factories import NetworkFacilitatorFactory, NetworkMemberFactory, NetworkSpokespersonFactory
from portal import compiled
from portal.factories import EmployeeFactory, OrganisationFactory, TopicFactory
from tests.portal.test_query_budget_details import Tree

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_cached(settings, tmp_path):
    settings.PAGE_CACHE = False
    settings.FRAGMENT_CACHE = False
    settings.MEDIA_ROOT = tmp_path
    compiled.forget()
    yield
    compiled.forget()


@pytest.fixture
def built(monkeypatch):
    """The SQL the ORM builds from now on, as (first table named,) per query."""
    seen = []
    as_sql = SQLCompiler.as_sql

    def counting(compiler, *args, **kwargs):
        sql, params = as_sql(compiler, *args, **kwargs)
        table = sql.split(" FROM ")[1].split(" ")[0] if " FROM " in sql else sql[:40]
        if table != '"django_session"':
            seen.append(table)
        return sql, params

    monkeypatch.setattr(SQLCompiler, "as_sql", counting)
    return seen


@pytest.fixture
def chained(monkeypatch):
    """The querysets built from now on: each filter, ordering, annotation or join is a chained copy."""
    seen = []
    chain = QuerySet._chain

    def counting(queryset):
        if queryset.model.__name__ != "Session":
            seen.append(queryset.model.__name__)
        return chain(queryset)

    monkeypatch.setattr(QuerySet, "_chain", counting)
    return seen


def pages(tree):
    person = tree.carded_person(title="Ahmed Yusuf", topics=[TopicFactory(name="Night care")])
    case = tree.case_study(title="Night handovers", contact_persons=[person], content_owner=person)
    handovers = TopicFactory(name="Handovers")
    case.topics.add(handovers)
    case.image = wagtail_factories.ImageFactory()
    case.save_revision().publish()
    method = tree.method(title="Reflection round", content_owner=person)
    MethodRatingFactory(method=method)
    network = tree.network(title="Coast network")
    organisation = OrganisationFactory(name="Harbour care")
    NetworkMemberFactory(page=network, organisation=organisation)
    NetworkSpokespersonFactory(page=network, person=person, organisation=organisation)
    NetworkFacilitatorFactory(page=network, person=person)
    for section in tree.indexes.values():
        # Published through a revision, as an editor does: the front page keeps their texts by revision.
        section.save_revision().publish()
    return {
        "home": tree.home,
        "case study": case,
        "case-study index": case.get_parent(),
        # Filtered and sorted: the filters are in the kept SQL's key, and its queryset is not built again.
        "case-study index, filtered": f"{case.get_parent().url}?topic={handovers.pk}&sort=title",
        "method": method,
        "method index": method.get_parent(),
        "network": network,
        "network index": network.get_parent(),
        "resource person": person,
        "people directory": person.get_parent(),
    }


def test_a_page_viewed_again_builds_no_sql(site_tree, built, chained):
    reader = Client()
    # Signed in as a password sign-in does it. The session is Django's own (read from Redis in production).
    reader.force_login(EmployeeFactory(), backend="accounts.sso.backends.LocalAccountsBackend")
    shown = pages(Tree())
    for name, page in shown.items():
        url = page if isinstance(page, str) else page.url
        for _ in range(2):
            assert reader.get(url).status_code == 200, name
        built.clear()
        chained.clear()
        response = reader.get(url)
        assert response.status_code == 200
        assert "Night handovers" in response.content.decode() or not name.startswith("case-study index"), name
        assert built == [], (name, built)
        assert chained == [], (name, chained)

    # The rows are read on every view: the contact card's topic renamed shows at once, with no SQL built.
    TopicFactory._meta.model.objects.filter(name="Night care").update(name="Night-time care")
    built.clear()
    html = reader.get(shown["case study"].url).content.decode()
    assert "Night-time care" in html and "Night care<" not in html
    assert built == []
