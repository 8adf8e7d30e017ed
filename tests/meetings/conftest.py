"""A before/after pair in English and Swedish (same block ids, as wagtail-localize keeps them) and people."""

import json

import pytest
from wagtail.models import Locale

from home.models import HomePage
from meetings.models import MeetingSeries
from methods.factories import ShareableTemplateIndexPageFactory, ShareableTemplatePageFactory
from portal.factories import EmployeeFactory
from tests.utils import signed_in

KEYS = {
    name: f"00000000-0000-4000-8000-00000000000{n}"
    for n, name in enumerate(["agenda", "prepare", "decisions", "steps", "learned"], 1)
}
WORDS = {
    "en": {
        "agenda": "Agenda",
        "prepare": "What to prepare",
        "decisions": "Decisions",
        "steps": "Next steps",
        "learned": "What we learned",
    },
    "sv": {
        "agenda": "Dagordning",
        "prepare": "Vad vi förbereder",
        "decisions": "Beslut",
        "steps": "Nästa steg",
        "learned": "Vad vi lärde oss",
    },
}
SHAPE = {
    "agenda": ("before", "list", False, ""),
    "prepare": ("before", "text", False, ""),
    "decisions": ("after", "list", False, ""),
    "steps": ("after", "list", True, ""),
    "learned": ("after", "text", False, "learn"),
}


def pair_json(language):
    return json.dumps(
        [
            {
                "type": "field",
                "id": KEYS[name],
                "value": {
                    "part": part,
                    "label": WORDS[language][name],
                    "help_text": "",
                    "kind": kind,
                    "carries_over": carries,
                    "shares_as": shares,
                },
            }
            for name, (part, kind, carries, shares) in SHAPE.items()
        ]
    )



@pytest.fixture
def pair(site_tree):
    english = ShareableTemplatePageFactory(
        parent=ShareableTemplateIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en")),
        title="HR office meetings",
        meeting_pair=pair_json("en"),
    )
    swedish_home = HomePage.objects.get(locale__language_code="sv")
    ShareableTemplatePageFactory(
        parent=ShareableTemplateIndexPageFactory(parent=swedish_home, slug="mallar", title="Mallar"),
        title="Personalkontorets möten",
        locale=Locale.objects.get(language_code="sv"),
        translation_key=english.translation_key,
        meeting_pair=pair_json("sv"),
    )
    return english


@pytest.fixture
def people(db):
    return {
        name: EmployeeFactory(username=name, first_name=name.title(), last_name="Holm")
        for name in ("anna", "bo", "cato", "dora")
    }


def start(client, pair, language="en", **extra):
    data = {
        "title": "HR office meetings",
        "participants": [],
        "first_title": "Office meeting, week 12",
        "first_date": "2030-03-20",
        **extra,
    }
    return client.post(f"/{language}/meetings/start/{pair.pk}/", data)


@pytest.fixture
def series(pair, people):
    response = start(signed_in(people["anna"]), pair, participants=[people["bo"].pk])
    assert response.status_code == 302
    return MeetingSeries.objects.get()


def meeting_url(series, meeting, rest="", language="en"):
    return f"/{language}/meetings/{series.pk}/{meeting.pk}/{rest}"
