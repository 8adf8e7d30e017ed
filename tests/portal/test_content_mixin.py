import pytest
from wagtail.models import Locale

from home.models import HomePage
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from portal.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def swedish_directory(site_tree):
    english = ResourcePersonIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    swedish = english.copy_for_translation(Locale.objects.get(language_code="sv"))
    swedish.save_revision().publish()
    return swedish


def test_many_to_many_links_follow_the_pages_language(swedish_directory):
    sv = Locale.objects.get(language_code="sv")
    english_topic = TopicFactory(name="Reflection")
    swedish_topic = english_topic.copy_for_translation(sv)
    swedish_topic.name = "Reflektion"
    swedish_topic.save()
    untranslated_topic = TopicFactory(name="Welfare technology")

    person = ResourcePersonPageFactory.build(title="Maja Ek", locale=sv, organisation=None)
    swedish_directory.add_child(instance=person)
    person.topics.set([english_topic, untranslated_topic])
    person.save_revision().publish()

    person.refresh_from_db()
    assert set(person.topics.all()) == {swedish_topic, untranslated_topic}
    assert person.get_latest_revision_as_object().topics.all().count() == 2
