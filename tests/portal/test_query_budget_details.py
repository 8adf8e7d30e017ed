"""What each detail page costs in queries, warm, with 3 and with 30 related items of every kind.

A page's count is the part every page shares (session and user, site, locale, routing, view
restrictions, navigation, the header's permission check) plus its own: the case study's, method's,
template's, network's and profile's lists are read in a fixed number of queries (portal.together), or
kept for the reader's class (portal.fragments), so the count is the same whether a network has 3
members or 30. Each page is requested once first, so
renditions and previews exist, as they do for every reader after the first.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
import wagtail_factories

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from methods.factories import (
    MethodHandbookFactory,
    MethodIndexPageFactory,
    MethodPageFactory,
    MethodRatingFactory,
    ShareableTemplateFileFactory,
    ShareableTemplateIndexPageFactory,
    ShareableTemplatePageFactory,
)
from networks.factories import (
    GatheringFactory,
    NetworkDocumentFactory,
    NetworkExpectationFactory,
    NetworkFacilitatorFactory,
    NetworkIndexPageFactory,
    NetworkMemberFactory,
    NetworkPageFactory,
    NetworkSpokespersonFactory,
    NetworkUpdatePageFactory,
)
from networks.models import Anchoring, Example
from people.choices import SPOKEN_LANGUAGES
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory, SpokenLanguageFactory
from portal.factories import OrganisationFactory, TopicFactory

pytestmark = pytest.mark.django_db

FEW, MANY = 3, 30
# The queries every page runs, whatever its type: session, user, the active locale and the page's view
# restrictions (the rest of base.html, the Site and routing come from shared parts: caching/fragments.py).
COMMON = 4


class Tree:
    """Index pages under the English home page, made on demand, and the pages below them."""

    def __init__(self):
        self.home = HomePage.objects.get(locale__language_code="en")
        self.indexes = {}

    def below(self, index_factory, factory, **kwargs):
        if index_factory not in self.indexes:
            self.indexes[index_factory] = index_factory(parent=self.home)
        return factory(parent=self.indexes[index_factory], **kwargs)

    def person(self, **kwargs):
        return self.below(ResourcePersonIndexPageFactory, ResourcePersonPageFactory, **kwargs)

    def carded_person(self, **kwargs):
        """A person as a card shows them: with a photo and topics."""
        kwargs.setdefault("topics", [TopicFactory()])
        return self.person(photo=wagtail_factories.ImageFactory(), **kwargs)

    def method(self, **kwargs):
        return self.below(MethodIndexPageFactory, MethodPageFactory, **kwargs)

    def template(self, **kwargs):
        return self.below(ShareableTemplateIndexPageFactory, ShareableTemplatePageFactory, **kwargs)

    def network(self, **kwargs):
        return self.below(NetworkIndexPageFactory, NetworkPageFactory, **kwargs)

    def case_study(self, **kwargs):
        return self.below(CaseStudyIndexPageFactory, CaseStudyPageFactory, **kwargs)


def case_study(tree, count):
    page = tree.case_study(
        topics=[TopicFactory() for _ in range(count)],
        organisations=[OrganisationFactory() for _ in range(count)],
        methods_used=[tree.method(title=f"Used method {count}.{number}") for number in range(count)],
        shareable_templates_used=[tree.template(title=f"Used template {count}.{number}") for number in range(count)],
        contact_persons=[tree.carded_person() for _ in range(count)],
        network=tree.network(),
        content_owner=tree.person(),
    )
    return page, {'class="person-card"': count, "Used method ": count, "Used template ": count}


def method(tree, count):
    page = tree.method(topics=[TopicFactory() for _ in range(count)], content_owner=tree.carded_person())
    for number in range(count):
        tree.template(related_method=page, title=f"Template for the method {count}.{number}")
        tree.case_study(title=f"Case with the method {count}.{number}", methods_used=[page])
        MethodHandbookFactory(page=page, title=f"Handbook {count}.{number}")
        MethodRatingFactory(method=page)
    return page, {
        "Template for the method ": count,
        "Case with the method ": count,
        "Handbook ": count * 2,
    }  # Its title and the link's hidden label


def template(tree, count):
    page = tree.template(publisher=tree.carded_person(), related_method=tree.method(), content_owner=tree.person())
    for number in range(count):
        ShareableTemplateFileFactory(page=page, label=f"File number {count}.{number}")
    return page, {"File number ": count * 2}  # The file's name and the download button's hidden label.


def network(tree, count):
    page = tree.network(topics=[TopicFactory() for _ in range(count)], content_owner=tree.person())
    for number in range(count):
        NetworkFacilitatorFactory(page=page, person=tree.carded_person())
        organisation = OrganisationFactory(name=f"Member workplace {count}.{number}")
        NetworkMemberFactory(page=page, organisation=organisation)
        NetworkSpokespersonFactory(
            page=page, person=tree.person(title=f"Speaker {count}.{number}"), organisation=organisation
        )
        GatheringFactory(page=page, title=f"Gathering number {count}.{number}")
        NetworkExpectationFactory(page=page)
        NetworkDocumentFactory(page=page)
        NetworkUpdatePageFactory(parent=page, title=f"Update number {count}.{number}")
        tree.case_study(title=f"Case from the network {count}.{number}", network=page)
        example = Example.objects.create(
            network_key=page.translation_key, title=f"Example number {count}.{number}", description="-", language="sv"
        )
        Anchoring.objects.create(
            example=example,
            unit_key=organisation.translation_key,
            taken_up_on=date(2026, 1, 1),
            group_said="-",
            language="sv",
            case_study=tree.case_study(title=f"Anchored case {count}.{number}"),
        )
    return page, {
        'class="person-card"': count,
        "Member workplace ": count + count * count,  # the members table, and each example's list of units
        "Speaker ": count,
        "Gathering number ": count,
        "Update number ": count,
        "Case from the network ": count,
        "Example number ": count,
        "Anchored case ": count,
    }


def profile(tree, count):
    person = tree.carded_person(topics=[TopicFactory() for _ in range(count)], content_owner=tree.person())
    for code, _name in SPOKEN_LANGUAGES[:count]:
        SpokenLanguageFactory(person=person, language=code)
    for number in range(count):
        NetworkFacilitatorFactory(page=tree.network(title=f"Facilitated network {count}.{number}"), person=person)
        NetworkMemberFactory(
            page=tree.network(title=f"Member network {count}.{number}"), organisation=person.organisation
        )
        NetworkSpokespersonFactory(page=tree.network(title=f"Spoken-for network {count}.{number}"), person=person)
        tree.case_study(title=f"Case with the person {count}.{number}", contact_persons=[person])
        tree.template(title=f"Template by the person {count}.{number}", publisher=person)
    return person, {
        "Facilitated network ": count,
        "Member network ": count,
        "Spoken-for network ": count,
        "Case with the person ": count,
        "Template by the person ": count,
    }


@dataclass(frozen=True)
class Budget:
    build: Any
    own: int  # the page type's own queries, beyond COMMON


# Case studies and methods end with their questions and comments: one query (discussion.rules.threads).
# Their lists, a network's and a profile's, are kept for each permission class and language
# (portal.fragments), so warm they cost no query of their own; a case study and a method check their kept
# contact cards against the restrictions the reader fails, which are kept for the reader's class too
# (portal.visibility), a method reads the reader's own score, a network the reader's follow and units
# (one query); its review footer's person is kept with its lists. A profile, below the routable directory,
# is found with the directory's route (home.models.routes_itself), not by looking up its slug afresh.
BUDGETS = {
    "case study": Budget(case_study, 1),
    "method": Budget(method, 2),
    "template": Budget(template, 5),
    "network": Budget(network, 1),
    "resource person": Budget(profile, 0),
}


@pytest.mark.parametrize("page_type", BUDGETS)
def test_a_detail_page_costs_the_same_with_few_and_many_related_items(
    page_type, site_tree, employee_client, django_assert_num_queries
):
    budget = BUDGETS[page_type]
    tree = Tree()
    for count in (FEW, MANY):
        page, shown = budget.build(tree, count)
        assert employee_client.get(page.url).status_code == 200
        with django_assert_num_queries(COMMON + budget.own):
            response = employee_client.get(page.url)
        assert response.status_code == 200
        html = response.content.decode()
        for text, times in shown.items():
            assert html.count(text) == times, (page_type, count, text)
