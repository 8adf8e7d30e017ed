import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from methods.factories import (
    MethodHandbookFactory,
    MethodPageFactory,
    MethodRatingFactory,
    ShareableTemplatePageFactory,
)
from methods.models import FILE_FORMAT_CHOICES
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory
from portal.factories import TopicFactory, UserFactory
from tests import multilingual

pytestmark = pytest.mark.django_db


# The portal's own work (session, user, site, routing, view restrictions, language
# switcher, main navigation, permissions) is about sixteen queries; these pages add at most
# six, and the "Ask a resource person" cards (profiles, their topics, photo renditions) two more.
MAX_QUERIES = 24


def titles(html):
    return re.findall(r'class="listing-card__title"><a href="[^"]*">([^<]+)</a>', html)


def count_queries(client, url):
    """Queries of a warm request: the page's shared parts (portal/fragments.py) are kept by the first."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_method_index_lists_children_with_summary_and_key_facts(method_index, employee_client):
    MethodPageFactory(parent=method_index, title="Reflection meeting", duration="45 minutes", group_size="4–8")
    html = employee_client.get(method_index.url).content.decode()
    assert titles(html) == ["Reflection meeting"]
    assert "A structured conversation after a demanding situation." in html
    assert "45 minutes" in html
    assert "Methodology" in html
    assert "No votes yet" in html


def test_method_index_filters_by_topic_and_category(method_index, employee_client):
    topic = TopicFactory(name="Home care")
    in_topic = MethodPageFactory(parent=method_index, title="Alpha", category="collaboration")
    in_topic.topics.add(topic)
    in_topic.save()
    MethodPageFactory(parent=method_index, title="Beta", category="methodology")

    assert titles(employee_client.get(method_index.url, {"topic": topic.pk}).content.decode()) == ["Alpha"]
    assert titles(employee_client.get(method_index.url, {"category": "methodology"}).content.decode()) == ["Beta"]
    html = employee_client.get(method_index.url, {"category": "methodology", "topic": topic.pk}).content.decode()
    assert titles(html) == []
    assert "No methods match these filters." in html


@pytest.mark.parametrize(
    "params", [{"topic": "999999"}, {"topic": "abc"}, {"category": "nonsense"}, {"sort": "nonsense"}, {"page": "abc"}]
)
def test_method_index_ignores_invalid_query_values(method_index, employee_client, params):
    MethodPageFactory(parent=method_index, title="Beta")
    MethodPageFactory(parent=method_index, title="Alpha")
    response = employee_client.get(method_index.url, params)
    assert response.status_code == 200
    assert titles(response.content.decode()) == ["Alpha", "Beta"]


def test_method_index_sorts_by_rating_and_newest(method_index, employee_client):
    low = MethodPageFactory(parent=method_index, title="Alpha")
    high = MethodPageFactory(parent=method_index, title="Beta")
    newest = MethodPageFactory(parent=method_index, title="Gamma")  # not rated: last when sorted by rating
    for days, page in enumerate([newest, high, low]):
        page.first_published_at = timezone.now() - timedelta(days=days)
        page.save()
    MethodRatingFactory(method=low, score=2)
    MethodRatingFactory(method=high, score=5)
    MethodRatingFactory(method=high, score=4)

    html = employee_client.get(method_index.url, {"sort": "rating"}).content.decode()
    assert titles(html) == ["Beta", "Alpha", "Gamma"]
    assert "4.5 out of 5 (2 votes)" in html
    assert titles(employee_client.get(method_index.url, {"sort": "newest"}).content.decode()) == [
        "Gamma",
        "Beta",
        "Alpha",
    ]


def test_method_index_paginates_and_falls_back_to_page_one(method_index, employee_client):
    for number in range(14):
        MethodPageFactory(parent=method_index, title=f"Method {number:02d}")
    first = titles(employee_client.get(method_index.url).content.decode())
    second = titles(employee_client.get(method_index.url, {"page": 2}).content.decode())
    assert len(first) == 12
    assert second == ["Method 12", "Method 13"]
    assert titles(employee_client.get(method_index.url, {"page": 99}).content.decode()) == first
    assert titles(employee_client.get(method_index.url, {"page": "-1"}).content.decode()) == first


def test_template_library_lists_filters_and_sorts(library, method_index, employee_client):
    method = MethodPageFactory(parent=method_index, title="Reflection meeting")
    ShareableTemplatePageFactory(parent=library, title="Agenda", file_format="text_document", language="sv")
    ShareableTemplatePageFactory(
        parent=library, title="Guide", file_format="pdf", language="en", related_method=method, download_count=7
    )
    html = employee_client.get(library.url).content.decode()
    assert titles(html) == ["Agenda", "Guide"]
    assert "Text document (Word, OpenDocument)" in html and "Swedish" in html and "Reflection meeting" in html
    # The language filter offers the languages the templates are written in, and no choice that finds nothing.
    languages = re.search(r'<select name="language"[^>]*>(.*?)</select>', html, re.S).group(1)
    assert re.findall(r'<option value="(\w*)"', languages) == ["", "en", "sv"]

    get = employee_client.get
    assert titles(get(library.url, {"format": "pdf"}).content.decode()) == ["Guide"]
    assert titles(get(library.url, {"language": "sv"}).content.decode()) == ["Agenda"]
    assert titles(get(library.url, {"method": method.pk}).content.decode()) == ["Guide"]
    assert titles(get(library.url, {"sort": "downloads"}).content.decode()) == ["Guide", "Agenda"]
    for bad in (
        {"format": "Exe"},
        {"language": "xx"},
        {"method": "999999"},
        {"topic": "x"},
        {"page": "0"},
        {"sort": "?"},
    ):
        response = get(library.url, bad)
        assert response.status_code == 200
        html = response.content.decode()
        assert titles(html) == ["Agenda", "Guide"], bad
        assert "errorlist" not in html  # ignored silently, not reported


def method_choices(html):
    select = re.search(r'<select name="method"[^>]*>(.*?)</select>', html, re.S)
    return re.findall(r'<option value="(\d+)"[^>]*>([^<]+)</option>', select.group(1))


def test_the_method_filter_offers_the_listed_templates_methods_in_the_readers_language(
    library, method_index, employee_client
):
    swedish_library = multilingual.translate(library, "sv", title="Mallar", slug="mallar")
    swedish_methods = multilingual.translate(method_index, "sv", title="Metoder", slug="metoder")
    meeting = MethodPageFactory(parent=method_index, title="Reflection meeting")
    meeting_sv = multilingual.translate(meeting, "sv", title="Reflektionsmöte", slug="reflektionsmote")
    review = MethodPageFactory(parent=method_index, title="Peer review")  # no Swedish version
    MethodPageFactory(parent=swedish_methods, title="Metod utan mallar", locale=multilingual.locale("sv"))
    secret = MethodPageFactory(parent=method_index, title="Closed method")
    secret.unpublish()
    # English templates, not translated: the Swedish library lists them in English.
    ShareableTemplatePageFactory(parent=library, title="Guide", related_method=meeting)
    ShareableTemplatePageFactory(parent=library, title="Checklist", related_method=review)
    ShareableTemplatePageFactory(parent=library, title="Agenda", related_method=secret)
    ShareableTemplatePageFactory(parent=library, title="Notes")
    url = swedish_library.url
    html = employee_client.get(url).content.decode()
    assert sorted(titles(html)) == ["Agenda", "Checklist", "Guide", "Notes"]
    # Only methods a listed template uses and the reader may see, each once, in Swedish where it is.
    assert method_choices(html) == [(str(review.pk), "Peer review"), (str(meeting_sv.pk), "Reflektionsmöte")]
    # The cards name each method as the filter does: the Guide's by its Swedish title, never the hidden one.
    facts = re.findall(r"<dt>Metod</dt><dd>([^<]+)</dd>", html)
    assert sorted(facts) == ["Peer review", "Reflektionsmöte"]
    assert "Reflection meeting" not in html and "Closed method" not in html
    # Choosing the Swedish version finds the template that names the English one.
    assert titles(employee_client.get(url, {"method": meeting_sv.pk}).content.decode()) == ["Guide"]
    assert titles(employee_client.get(url, {"method": review.pk}).content.decode()) == ["Checklist"]
    # A method that is not offered is ignored, as any bad value: the whole library.
    assert sorted(titles(employee_client.get(url, {"method": secret.pk}).content.decode())) == [
        "Agenda",
        "Checklist",
        "Guide",
        "Notes",
    ]


def test_filter_options_kept_for_one_class_are_never_offered_to_another(
    library, method_index, employee_client, settings
):
    """The template library's filter options are kept per permission class (IndexPage.filter_options): a
    Board member is offered the Board method and its topic, an employee reading after them is not offered
    the method."""
    settings.PAGE_CACHE = False  # Each view renders its page; the options come from the shared parts.
    board = Group.objects.create(name="Board")
    secret = MethodPageFactory(parent=method_index, title="Board method")
    PageViewRestriction.objects.create(page=secret, restriction_type="groups").groups.add(board)
    open_method = MethodPageFactory(parent=method_index, title="Open method")
    ShareableTemplatePageFactory(parent=library, title="Agenda", related_method=secret)
    ShareableTemplatePageFactory(parent=library, title="Notes", related_method=open_method)
    member = UserFactory(username="bodil")
    member.groups.add(board)
    member_client = Client()
    member_client.force_login(member)

    for _ in range(2):
        member_html = member_client.get(library.url).content.decode()
        assert [label for _pk, label in method_choices(member_html)] == ["Board method", "Open method"]
        html = employee_client.get(library.url).content.decode()
        assert [label for _pk, label in method_choices(html)] == ["Open method"]
        assert "Board method" not in html
    # A kept choice the reader may not have is refused like any bad value: the whole library.
    chosen = employee_client.get(library.url, {"method": secret.pk}).content.decode()
    assert sorted(titles(chosen)) == ["Agenda", "Notes"]


def test_a_deleted_related_method_does_not_break_the_library(library, method_index, employee_client):
    method = MethodPageFactory(parent=method_index, title="Soon gone")
    template = ShareableTemplatePageFactory(parent=library, title="Guide", related_method=method)
    method.unpublish()
    assert "Soon gone" not in employee_client.get(library.url).content.decode()
    assert "Soon gone" not in employee_client.get(template.url).content.decode()
    method.delete()
    assert employee_client.get(library.url).status_code == 200
    assert employee_client.get(template.url).status_code == 200


def test_method_index_query_count_does_not_grow_with_methods(method_index, employee_client):
    topics = [TopicFactory(), TopicFactory()]

    def add_methods(count):
        for _ in range(count):
            method = MethodPageFactory(parent=method_index)
            method.topics.set(topics)
            method.save()
            MethodRatingFactory(method=method, score=3)

    add_methods(3)
    employee_client.get(method_index.url)  # warm the site and session caches
    expected = count_queries(employee_client, method_index.url)
    assert expected <= MAX_QUERIES
    add_methods(27)
    for url in (method_index.url, method_index.url + "?sort=rating&page=2"):
        assert count_queries(employee_client, url) == expected


FORMATS = [value for value, _label in FILE_FORMAT_CHOICES]


def test_template_library_query_count_does_not_grow_with_templates(library, method_index, employee_client):
    method = MethodPageFactory(parent=method_index)
    topic = TopicFactory()

    def add_templates(count):
        for number in range(count):
            template = ShareableTemplatePageFactory(
                parent=library, related_method=method, file_format=FORMATS[number % len(FORMATS)]
            )
            template.topics.add(topic)
            template.save()

    add_templates(3)
    employee_client.get(library.url)
    expected = count_queries(employee_client, library.url)
    assert expected <= MAX_QUERIES
    add_templates(27)
    assert count_queries(employee_client, library.url) == expected


def test_method_page_query_count_does_not_grow_with_its_relations(home, method_index, library, employee_client):
    method = MethodPageFactory(parent=method_index)
    directory = ResourcePersonIndexPageFactory(parent=home)
    method.content_owner = ResourcePersonPageFactory(parent=directory)
    method.topics.set([TopicFactory(), TopicFactory()])
    method.save()

    def add_relations(count):
        for _ in range(count):
            MethodHandbookFactory(page=method)
            ShareableTemplatePageFactory(parent=library, related_method=method)
            MethodRatingFactory(method=method, score=5)

    add_relations(3)
    employee_client.get(method.url)
    expected = count_queries(employee_client, method.url)
    assert expected <= MAX_QUERIES
    add_relations(27)
    assert count_queries(employee_client, method.url) == expected
