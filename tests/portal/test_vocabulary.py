"""Topics are one vocabulary: each offered once, in the reader's language, matching every translation."""

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
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from portal.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def leadership(site_tree):
    """A Swedish topic and its Norwegian translation, plus an untranslated Danish one."""
    swedish = TopicFactory(name="Ledarskap", locale=Locale.objects.get(language_code="sv"))
    norwegian = swedish.copy_for_translation(Locale.objects.get(language_code="nb"))
    norwegian.name = "Ledelse"
    norwegian.save()
    danish_only = TopicFactory(name="Velfærdsteknologi", locale=Locale.objects.get(language_code="da"))
    return swedish, norwegian, danish_only


def tag(page, *topics):
    page.topics.add(*topics)
    page.save()
    return page


def home(code):
    return HomePage.objects.get(locale__language_code=code)


def translated(index, code):
    """The index page's published translation: its children are listed in the other languages too."""
    page = index.copy_for_translation(Locale.objects.get(language_code=code))
    page.save_revision().publish()
    return page


def test_a_swedish_case_study_filter_offers_each_topic_once_and_matches_its_translations(leadership, employee_client):
    swedish_topic, norwegian_topic, danish_topic = leadership
    swedish_index = CaseStudyIndexPageFactory(parent=home("sv"), slug="fall")
    norwegian_index = translated(swedish_index, "nb")
    danish_index = translated(swedish_index, "da")
    tag(CaseStudyPageFactory(parent=swedish_index, title="Ledarskap i vården"), swedish_topic)
    tag(CaseStudyPageFactory(parent=norwegian_index, title="Ledelse i hjemmetjenesten"), norwegian_topic)
    tag(CaseStudyPageFactory(parent=danish_index, title="Skærme i plejen"), danish_topic)

    response = employee_client.get(swedish_index.url)
    offered = response.context["filter_form"].fields["topic"].choices
    # The Norwegian translation is offered under its Swedish name; the Danish topic, untranslated, as written.
    assert [label for _pk, label in offered] == ["Ledarskap", "Velfærdsteknologi"]

    response = employee_client.get(swedish_index.url, {"topic": swedish_topic.pk})
    titles = {page.title for page in response.context["case_studies"]}
    assert titles == {"Ledarskap i vården", "Ledelse i hjemmetjenesten"}


@pytest.mark.parametrize(
    "index_factory, page_factory, context_name",
    [
        (MethodIndexPageFactory, MethodPageFactory, "methods"),
        (ShareableTemplateIndexPageFactory, ShareableTemplatePageFactory, "shareable_templates"),
    ],
)
def test_the_method_and_template_filters_offer_the_listed_pages_topics_once_in_the_readers_language(
    leadership, employee_client, index_factory, page_factory, context_name
):
    swedish_topic, norwegian_topic, danish_topic = leadership
    TopicFactory(name="Omsorg", locale=Locale.objects.get(language_code="sv"))  # no page is tagged with it
    swedish_index = index_factory(parent=home("sv"), slug="lista")
    norwegian_index = translated(swedish_index, "nb")
    danish_index = translated(swedish_index, "da")
    tag(page_factory(parent=norwegian_index, title="Ledelse i hjemmetjenesten"), norwegian_topic)
    tag(page_factory(parent=danish_index, title="Skærme i plejen"), danish_topic)
    page_factory(parent=swedish_index, title="Utan ämne")

    response = employee_client.get(swedish_index.url)
    offered = [label for _pk, label in response.context["filter_form"].fields["topic"].choices][1:]
    # Pages listed here untranslated bring their topics: the Norwegian one under its Swedish name, the
    # Danish one (no translation) as written; a topic nothing listed uses is not offered.
    assert offered == ["Ledarskap", "Velfærdsteknologi"]

    response = employee_client.get(swedish_index.url, {"topic": swedish_topic.pk})
    assert [page.title for page in response.context[context_name]] == ["Ledelse i hjemmetjenesten"]
    response = employee_client.get(swedish_index.url, {"topic": danish_topic.pk})
    assert [page.title for page in response.context[context_name]] == ["Skærme i plejen"]


def test_the_directory_offers_topics_in_the_readers_language(leadership, employee_client):
    swedish_topic, norwegian_topic, _danish = leadership
    directory = ResourcePersonIndexPageFactory(parent=home("sv"), slug="personer")
    norwegian_directory = translated(directory, "nb")
    tag(ResourcePersonPageFactory(parent=directory, title="Anna Lind"), swedish_topic)
    tag(ResourcePersonPageFactory(parent=norwegian_directory, title="Ola Nygård"), norwegian_topic)

    response = employee_client.get(directory.url)
    assert [label for _pk, label in response.context["filter_form"].fields["topic"].choices][1:] == ["Ledarskap"]
    response = employee_client.get(directory.url, {"topic": swedish_topic.pk})
    assert sorted(person.title for person in response.context["people"]) == ["Anna Lind", "Ola Nygård"]
