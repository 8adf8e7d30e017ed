"""What participants write at sign-up grows the network's word cloud, stop words removed per language."""

import re
from types import SimpleNamespace

import pytest
from django.utils import translation
from wagtail.models import Locale

from networks import gatherings as rules
from networks.expectation_words import cloud_entries, words
from networks.factories import NetworkExpectationFactory
from networks.models import GatheringResponse, HiddenCloudWord
from portal.factories import EmployeeFactory
from tests.networks.gathering_helpers import client_of, facilitator_of, gathering_in, page_of


def cloud(html):
    return re.findall(r'class="word-cloud__word[^"]*">([^<]*)<', html)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "I want to learn from the others and to learn more", ["learn"]),
        ("sv", "Jag vill lära mig av de andra och få konkreta exempel", ["lära", "konkreta", "exempel"]),
        # The words of wishing and filling ("håper", "gerne", "the others") are no wish either.
        ("nb", "Jeg håper å lære av de andre og få eksempler", ["lære", "eksempler"]),
        ("da", "Jeg vil gerne lære af de andre og dele erfaringer", ["lære", "dele", "erfaringer"]),
        ("nl", "Ik wil leren van de anderen en concrete voorbeelden", ["leren", "concrete", "voorbeelden"]),
        ("en", "I hope to get some fresh ideas, hopefully", ["fresh", "ideas"]),
    ],
)
def test_stop_words_are_removed_per_language(language, text, expected):
    assert words(text, language) == expected


def test_a_word_is_a_stop_word_only_in_its_own_language():
    # "vill" is Swedish for "want"; in an English text it is a word like any other.
    assert words("vill", "sv") == []
    assert words("vill", "en") == ["vill"]


class Typed:
    def __init__(self, phrase, weight):
        self.phrase, self.weight = phrase, weight


class Written:
    def __init__(self, expectations, language="en"):
        self.expectations, self.language = expectations, language


def test_each_participant_counts_once_and_typed_phrases_keep_their_weight():
    entries = cloud_entries(
        [Typed("Learn", 2), Typed("New contacts", 1)],
        [Written("learn learn learn"), Written("Learn and share"), Written("share examples")],
        hidden=["EXAMPLES"],
    )
    assert [(entry.phrase, entry.weight) for entry in entries] == [("Learn", 4), ("share", 2), ("New contacts", 1)]


def test_a_text_with_a_typed_phrase_adds_to_the_phrase_not_to_its_words():
    entries = cloud_entries(
        [Typed("Konkreta exempel", 6)],
        [
            Written("Jag vill ha konkreta\nexempel och lära mig", "sv"),
            Written("Konkreta exempel!", "sv"),
            Written("exempel", "sv"),
        ],
    )
    assert [(entry.phrase, entry.weight) for entry in entries] == [("Konkreta exempel", 8), ("exempel", 1), ("lära", 1)]


@pytest.mark.django_db
def test_sign_ups_grow_the_cloud_and_the_facilitator_hides_an_entry(network, directory, employee_client):
    NetworkExpectationFactory(page=network, phrase="learn from others", weight=2)
    gathering = gathering_in(network, 5)
    for username in ("ann", "bo"):
        client_of(EmployeeFactory(username=username)).post(
            page_of(network, gathering),
            {"action": "respond", "answer": "coming", "expectations": "We want concrete examples and coffee"},
        )
    client_of(EmployeeFactory(username="cid")).post(
        page_of(network, gathering), {"action": "respond", "answer": "declined", "expectations": "Declined words"}
    )
    words_shown = cloud(employee_client.get(network.url).content.decode())
    assert sorted(words_shown) == ["coffee", "concrete", "examples", "learn from others"]

    cloud_url = network.url + "word-cloud/"
    assert employee_client.get(cloud_url).status_code == 403
    assert employee_client.post(cloud_url, {"action": "hide", "phrase": "coffee"}).status_code == 403
    facilitator = client_of(facilitator_of(network, directory))
    response = facilitator.post(cloud_url, {"action": "hide", "phrase": "Coffee"}, follow=True)
    assert "“Coffee” is hidden from the word cloud." in response.content.decode()
    assert HiddenCloudWord.objects.get().phrase == "coffee"
    assert "coffee" not in cloud(employee_client.get(network.url).content.decode())
    assert "learn from others" in cloud(employee_client.get(network.url).content.decode())

    facilitator.post(cloud_url, {"action": "show", "phrase": "coffee"})
    assert "coffee" in cloud(employee_client.get(network.url).content.decode())


@pytest.mark.django_db
def test_each_language_version_grows_its_cloud_from_sign_ups_written_in_its_language(network, employee):
    gathering = gathering_in(network, 5)
    rules.respond(employee, network, gathering, answer="coming", expectations="concrete examples")
    with translation.override("sv"):
        rules.respond(EmployeeFactory(), network, gathering, answer="coming", expectations="konkreta exempel")
    swedish = SimpleNamespace(
        translation_key=network.translation_key, locale_id=Locale.objects.get(language_code="sv").pk
    )

    assert [row.expectations for row in GatheringResponse.objects.cloud_of(network)] == ["concrete examples"]
    assert [row.expectations for row in GatheringResponse.objects.cloud_of(swedish)] == ["konkreta exempel"]
