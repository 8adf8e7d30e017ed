import datetime
import re

import pytest

from casestudies.factories import CaseStudyPageFactory
from portal.factories import OrganisationFactory, TopicFactory
from portal.listing import PAGE_SIZE as PER_PAGE
from tests import multilingual
from tests.casestudies.conftest import count_queries
from tests.utils import follow_link, link_href

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(index, related):
    """Three case studies that differ in topic, organisation, network and method."""
    topics = [TopicFactory(name="Reflection"), TopicFactory(name="Welfare technology")]
    organisations = [OrganisationFactory(name="Harbour care home"), OrganisationFactory(name="Fjord municipality")]
    network = related.network(title="Learning network North")
    method = related.method(title="Team reflection")
    pages = {
        "alpha": CaseStudyPageFactory(
            parent=index,
            title="Alpha: reflection at the care home",
            summary="Short reflections after every shift change.",
            topics=[topics[0]],
            organisations=[organisations[0]],
            methods_used=[method],
            network=network,
            period_start=datetime.date(2021, 3, 1),
            period_end=None,
            first_published_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC),
        ),
        "beta": CaseStudyPageFactory(
            parent=index,
            title="Beta: sensors in home care",
            topics=[topics[1]],
            organisations=[organisations[1]],
            period_start=datetime.date(2023, 9, 1),
            first_published_at=datetime.datetime(2023, 1, 1, tzinfo=datetime.UTC),
        ),
        "gamma": CaseStudyPageFactory(
            parent=index,
            title="Gamma: the shared calendar",
            period_start=None,
            first_published_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
        ),
    }
    return {"topics": topics, "organisations": organisations, "network": network, "method": method, **pages}


def titles(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    html = response.content.decode()
    return {name for name in ("Alpha", "Beta", "Gamma", "Delta") if f"{name}: " in html}


def test_index_lists_case_studies_with_summary_and_key_facts(catalogue, index, employee_client):
    html = employee_client.get(index.url).content.decode()
    assert "Short reflections after every shift change." in html
    assert "Harbour care home" in html
    assert f'href="{catalogue["network"].url}">Learning network North</a>' in html
    assert f'href="{catalogue["method"].url}">Team reflection</a>' in html
    assert "Since March 2021" in html
    assert "3 case studies" in html
    # Every filter is a labelled select in a plain GET form.
    for param in ("topic", "organisation", "network", "method", "sort"):
        assert f'<label for="filter-{param}">' in html
        assert f'<select id="filter-{param}" name="{param}">' in html


def test_filters_narrow_the_list(catalogue, index, employee_client):
    url = index.url
    assert titles(employee_client, url) == {"Alpha", "Beta", "Gamma"}
    assert titles(employee_client, url, topic=catalogue["topics"][1].pk) == {"Beta"}
    assert titles(employee_client, url, organisation=catalogue["organisations"][0].pk) == {"Alpha"}
    assert titles(employee_client, url, network=catalogue["network"].pk) == {"Alpha"}
    assert titles(employee_client, url, method=catalogue["method"].pk) == {"Alpha"}
    assert (
        titles(employee_client, url, topic=catalogue["topics"][0].pk, organisation=catalogue["organisations"][1].pk)
        == set()
    )


def choices(html, name):
    select = re.search(rf'<select id="filter-{name}" name="{name}">(.*?)</select>', html, re.S)
    return re.findall(r'<option value="(\d+)"[^>]*>([^<]+)</option>', select.group(1)) if select else []


def test_a_method_or_network_is_offered_once_in_the_readers_language(catalogue, index, related, employee_client):
    """A Swedish reader's list holds an English case study not translated yet (naming the English method and
    network) beside a Swedish one (naming their Swedish versions): each is offered once, in Swedish, and
    choosing it finds both."""
    swedish_index = multilingual.translate(index, "sv", title="Fallstudier", slug="fallstudier")
    method, network = catalogue["method"], catalogue["network"]
    multilingual.translate(method.get_parent(), "sv", title="Metoder", slug="metoder")
    multilingual.translate(network.get_parent(), "sv", title="Nätverk", slug="natverk")
    method_sv = multilingual.translate(method, "sv", title="Teamreflektion", slug="teamreflektion")
    network_sv = multilingual.translate(network, "sv", title="Lärande nätverk Norr", slug="larande-natverk-norr")
    CaseStudyPageFactory(
        parent=swedish_index,
        locale=multilingual.locale("sv"),
        title="Delta: reflektion i hemtjänsten",
        methods_used=[method_sv],
        network=network_sv,
    )
    url = swedish_index.url
    html = employee_client.get(url).content.decode()
    assert titles(employee_client, url) == {"Alpha", "Beta", "Gamma", "Delta"}
    assert choices(html, "method") == [(str(method_sv.pk), "Teamreflektion")]
    assert choices(html, "network") == [(str(network_sv.pk), "Lärande nätverk Norr")]
    assert titles(employee_client, url, method=method_sv.pk) == {"Alpha", "Delta"}
    assert titles(employee_client, url, network=network_sv.pk) == {"Alpha", "Delta"}
    # The English versions are not offered here: a kept link with one of them is ignored, as any bad value.
    assert titles(employee_client, url, method=method.pk) == {"Alpha", "Beta", "Gamma", "Delta"}
    # The English reader sees the Swedish case study too (it has no English version) and the same rule
    # in English: the method once, its English version, finding both.
    english = employee_client.get(index.url).content.decode()
    assert choices(english, "method") == [(str(method.pk), "Team reflection")]
    assert titles(employee_client, index.url, method=method.pk) == {"Alpha", "Delta"}


def test_a_card_names_the_network_and_methods_its_links_open_in_the_readers_language(
    catalogue, index, related, employee_client
):
    """A Swedish reader's card for an English case study not translated yet names its network and method
    by their Swedish titles: the versions its links open. Followed, each link shows that title."""
    swedish_index = multilingual.translate(index, "sv", title="Fallstudier", slug="fallstudier")
    method, network = catalogue["method"], catalogue["network"]
    multilingual.translate(method.get_parent(), "sv", title="Metoder", slug="metoder")
    multilingual.translate(network.get_parent(), "sv", title="Nätverk", slug="natverk")
    multilingual.translate(method, "sv", title="Teamreflektion", slug="teamreflektion")
    multilingual.translate(network, "sv", title="Lärande nätverk Norr", slug="larande-natverk-norr")

    html = employee_client.get(swedish_index.url).content.decode()
    card = html[html.index("Alpha: reflection at the care home") :]
    card = card[: card.index("</article>")] if "</article>" in card else card[: card.index("</li>")]
    links = dict(re.findall(r'<a href="([^"]+)">([^<]+)</a>', card))
    assert sorted(links.values()) == ["Lärande nätverk Norr", "Teamreflektion"]
    assert "Team reflection" not in card and "Learning network North" not in card
    for url, label in links.items():
        assert url.startswith("/sv/")
        opened = employee_client.get(url, follow=True).content.decode()
        assert "<h1" in opened and f">{label}</h1>" in opened, (url, label)


@pytest.mark.parametrize(
    "params",
    [
        {"topic": "abc"},
        {"topic": "999999"},
        {"organisation": "-1"},
        {"network": "1.5"},
        {"method": "999999"},
        {"sort": "nonsense"},
        {"page": "abc"},
        {"page": "0"},
        {"page": "99999"},
        {"topic": "", "organisation": "", "network": "", "method": "", "sort": ""},
    ],
)
def test_invalid_values_are_ignored(catalogue, index, employee_client, params):
    assert titles(employee_client, index.url, **params) == {"Alpha", "Beta", "Gamma"}


def test_unpublished_network_and_method_leave_the_filters_and_cards(catalogue, index, employee_client):
    catalogue["network"].unpublish()
    catalogue["method"].unpublish()
    html = employee_client.get(index.url).content.decode()
    assert "Learning network North" not in html
    assert "Team reflection" not in html
    # A stale link to the hidden network no longer filters anything.
    assert titles(employee_client, index.url, network=catalogue["network"].pk) == {"Alpha", "Beta", "Gamma"}


def test_deleted_network_never_breaks_the_index(catalogue, index, employee_client):
    catalogue["network"].delete()
    catalogue["method"].delete()
    assert titles(employee_client, index.url) == {"Alpha", "Beta", "Gamma"}


def test_sorting(catalogue, index, employee_client):
    def order(sort):
        html = employee_client.get(index.url, {"sort": sort}).content.decode()
        return sorted(("Alpha", "Beta", "Gamma"), key=lambda name: html.index(f"{name}: "))

    assert order("title") == ["Alpha", "Beta", "Gamma"]
    assert order("period") == ["Beta", "Alpha", "Gamma"]  # Most recent start first, undated last.
    assert order("newest") == ["Alpha", "Gamma", "Beta"]


def test_pagination_keeps_the_filters(index, employee_client):
    topic = TopicFactory(name="Paged")
    for number in range(PER_PAGE + 2):
        CaseStudyPageFactory(parent=index, title=f"Paged case {number:02d}", topics=[topic])
    CaseStudyPageFactory(parent=index, title="Unrelated case")
    first = employee_client.get(index.url, {"topic": topic.pk, "sort": "title"}).content.decode()
    assert first.count("Paged case ") == PER_PAGE
    assert "Unrelated case" not in first
    # The reader's next step: the "Next" link, opened as the browser resolves it against the page's address.
    assert link_href(first, rel="next") == f"?topic={topic.pk}&sort=title&page=2"
    second = follow_link(employee_client, index.url + f"?topic={topic.pk}&sort=title", first, rel="next")
    second = second.content.decode()
    assert second.count("Paged case ") == 2
    assert f"Paged case {PER_PAGE + 1}" in second


def test_empty_index_and_empty_filter_results_say_so(index, related, employee_client):
    assert "No case studies have been published yet." in employee_client.get(index.url).content.decode()
    topic = TopicFactory()
    CaseStudyPageFactory(parent=index, topics=[topic])
    other = CaseStudyPageFactory(parent=index, organisations=[OrganisationFactory()])
    html = employee_client.get(index.url, {"topic": topic.pk, "organisation": other.organisations.get().pk}).content
    assert "No case studies match these filters." in html.decode()


def add_case_studies(index, related, count):
    network, method = related.network(), related.method()
    for _ in range(count):
        CaseStudyPageFactory(
            parent=index,
            topics=[TopicFactory()],
            organisations=[OrganisationFactory(), OrganisationFactory()],
            methods_used=[method, related.method()],
            network=network,
        )


def test_query_count_does_not_grow_with_case_studies(index, related, employee_client, django_assert_num_queries):
    add_case_studies(index, related, 3)
    expected = count_queries(employee_client, index.url)
    add_case_studies(index, related, 27)
    employee_client.get(index.url)  # Warm again: publishing made the shared parts (portal/fragments.py) stale.
    with django_assert_num_queries(expected):
        html = employee_client.get(index.url).content.decode()
    assert html.count('class="card case-study-card"') == PER_PAGE
    # 4 of them are every page's own: session, user, locale, view restrictions. The filters' options and
    # the page's cards are kept for the reader's class (portal.fragments), so the list's own query remains:
    # the ids of the page of results with the total.
    assert expected == 5


def test_a_changed_case_study_shows_on_the_list_at_once(catalogue, index, employee_client):
    """The cards are kept for each class of readers until anything changes: a publish is a change."""
    assert "Alpha: reflection at the care home" in employee_client.get(index.url).content.decode()
    alpha = catalogue["alpha"]
    alpha.title = "Alpha: reflection rounds, second edition"
    alpha.save_revision().publish()
    html = employee_client.get(index.url).content.decode()
    assert "Alpha: reflection rounds, second edition" in html
    assert "Alpha: reflection at the care home" not in html
