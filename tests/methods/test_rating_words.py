"""A method's rating in words ({% rating_summary %}, methods/templatetags/method_tags.py), on its card and
its page: in the reader's language, with the plural and the number format of that language, as the
include it replaced said it (its blocktranslate is written out here, to compare)."""

import pytest
from django.template import engines
from django.utils import translation

AS_THE_INCLUDE_SAID = (
    "{% load i18n %}{% if count %}{% blocktranslate count counter=count with average=average|floatformat:1 %}"
    "{{ average }} out of 5 ({{ counter }} vote){% plural %}{{ average }} out of 5 ({{ counter }} votes)"
    '{% endblocktranslate %}{% else %}{% translate "No votes yet" %}{% endif %}'
)


@pytest.mark.parametrize("language", ["en", "sv", "nb", "da", "nl"])
@pytest.mark.parametrize(("average", "count"), [(None, 0), (4.0, 1), (3.456, 2), (2.25, 1234)])
def test_the_rating_in_words_is_the_readers_language_and_plural(language, average, count):
    engine = engines["django"]
    context = {"average": average, "count": count}
    with translation.override(language):
        ours = engine.from_string("{% load method_tags %}{% rating_summary average count %}").render(context)
        expected = engine.from_string(AS_THE_INCLUDE_SAID).render(context)
    assert ours == expected
    if language != "en":
        # Translated, not English: the catalogue has these words in every language.
        assert "out of 5" not in ours and "No votes yet" not in ours


def test_the_words_read_as_a_swedish_and_a_dutch_reader_reads_them():
    engine = engines["django"]
    template = engine.from_string("{% load method_tags %}{% rating_summary 4.25 3 %}|{% rating_summary None 0 %}")
    with translation.override("sv"):
        assert template.render({}) == "4,3 av 5 (3 röster)|Inga röster ännu"
    with translation.override("nl"):
        assert template.render({}) == "4,3 van 5 (3 stemmen)|Nog geen stemmen"
