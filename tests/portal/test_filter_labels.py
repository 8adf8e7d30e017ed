"""Every listing names its filters' choice of everything alike: "All topics", "All networks" … in the reader's language.

The case studies said "All" and the directory "Any" where the methods, templates and networks named what
the choice covers; collapsed, a select shows only that choice, so it should say which filter it is.
"""

import re

import pytest
from wagtail.models import Locale

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from methods.factories import (
    MethodIndexPageFactory,
    MethodPageFactory,
    ShareableTemplateIndexPageFactory,
    ShareableTemplatePageFactory,
)
from networks.factories import NetworkIndexPageFactory, NetworkMemberFactory, NetworkPageFactory
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory, SpokenLanguageFactory
from portal.factories import OrganisationFactory, TopicFactory

pytestmark = pytest.mark.django_db

EVERYTHING = {"en": "All ", "sv": "Alla ", "nb": "Alle ", "da": "Alle ", "nl": "Alle "}
SELECT = re.compile(r'<select[^>]*name="([a-z_]+)"[^>]*>\s*<option value=""[^>]*>([^<]*)</option>', re.S)


def published_with(topic, page):
    page.topics.add(topic)
    page.save_revision().publish()


@pytest.fixture
def listings(site_tree):
    """In one language, each listing with one item that gives every filter of its listing a choice."""

    def build(code):
        locale = Locale.objects.get(language_code=code)
        home = HomePage.objects.get(locale=locale)
        topic = TopicFactory(locale=locale)
        organisation = OrganisationFactory(locale=locale)
        network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home, slug=f"networks-{code}"))
        published_with(topic, network)
        NetworkMemberFactory(page=network, organisation=organisation)
        method = MethodPageFactory(parent=MethodIndexPageFactory(parent=home, slug=f"methods-{code}"))
        published_with(topic, method)
        templates = ShareableTemplateIndexPageFactory(parent=home, slug=f"templates-{code}")
        template = ShareableTemplatePageFactory(parent=templates, related_method=method)
        published_with(topic, template)
        case_studies = CaseStudyIndexPageFactory(parent=home, slug=f"cases-{code}")
        case_study = CaseStudyPageFactory(
            parent=case_studies, organisations=[organisation], methods_used=[method], network=network
        )
        published_with(topic, case_study)
        directory = ResourcePersonIndexPageFactory(parent=home, slug=f"people-{code}")
        person = ResourcePersonPageFactory(parent=directory, organisation=organisation)
        published_with(topic, person)
        SpokenLanguageFactory(person=person)
        return {
            "case studies": case_studies.url,
            "methods": method.get_parent().url,
            "templates": templates.url,
            "networks": network.get_parent().url,
            "directory": directory.url,
        }

    return build


@pytest.mark.parametrize("code", ["en", "sv"])
def test_every_filter_names_its_choice_of_everything_in_the_readers_language(listings, employee_client, code):
    named = {}
    for listing, url in listings(code).items():
        html = employee_client.get(url).content.decode()
        named[listing] = dict(SELECT.findall(html))
        assert named[listing], f"{listing}: no filter offers a choice"
    assert set(named["case studies"]) == {"topic", "organisation", "network", "method"}
    assert set(named["directory"]) >= {"topic", "organisation", "language"}
    odd = {
        (listing, name, label)
        for listing, labels in named.items()
        for name, label in labels.items()
        if not label.startswith(EVERYTHING[code])
    }
    assert odd == set()
    # One wording per filter across the listings: every topic filter says the same.
    topics = {labels["topic"] for labels in named.values()}
    assert len(topics) == 1, topics
    if code == "sv":
        assert named["case studies"]["network"] == "Alla nätverk"
