"""A shareable template as a before/after meeting pair: what marks it, and how it is translated."""

import json

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, TranslationSource

from demo.localize import translate
from methods.factories import ShareableTemplatePageFactory

FIELDS = [
    {"part": "before", "label": "Agenda", "help_text": "One item per line.", "kind": "list", "carries_over": False},
    {"part": "after", "label": "Next steps", "help_text": "", "kind": "list", "carries_over": True},
    {"part": "before", "label": "Questions", "help_text": "", "kind": "list", "carries_over": True},
]
SWEDISH = {
    "Agenda": "Dagordning",
    "One item per line.": "En punkt per rad.",
    "Next steps": "Nästa steg",
    "Questions": "Frågor",
}


def stream(fields):
    return json.dumps([{"type": "field", "value": {**field, "shares_as": ""}} for field in fields])


@pytest.mark.django_db
def test_a_template_is_a_pair_with_fields_in_both_forms(library):
    template = ShareableTemplatePageFactory(parent=library, meeting_pair=stream(FIELDS))
    fields = template.meeting_fields()
    assert template.is_meeting_pair
    assert [(field["part"], field["label"], field["carries_over"]) for field in fields] == [
        ("before", "Agenda", False),
        ("after", "Next steps", True),
        ("before", "Questions", False),  # only an "after" list carries over
    ]
    assert not ShareableTemplatePageFactory(parent=library, meeting_pair=stream(FIELDS[:1])).is_meeting_pair
    assert not ShareableTemplatePageFactory(parent=library).is_meeting_pair


@pytest.mark.django_db
def test_labels_are_translated_and_the_field_ids_kept(library):
    template = ShareableTemplatePageFactory(parent=library, meeting_pair=stream(FIELDS))
    template.save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(template)
    segments = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert {"Agenda", "One item per line.", "Next steps", "Questions"} <= segments
    assert not {"before", "after", "list"} & segments  # the form, kind and carry-over are synchronised

    swedish = translate(template, [Locale.objects.get(language_code="sv")], lambda code: SWEDISH.get)["sv"]
    assert [field["label"] for field in swedish.meeting_fields()] == ["Dagordning", "Nästa steg", "Frågor"]
    assert [field["key"] for field in swedish.meeting_fields()] == [field["key"] for field in template.meeting_fields()]
    assert swedish.is_meeting_pair
