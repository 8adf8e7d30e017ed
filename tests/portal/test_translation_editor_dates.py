"""wagtail-localize's translation editor writes its dates in the editor's language (portal/translation_editor_dates.py).

It wrote them with strftime, whose month names are English in every admin language: "Manuellt översatt på
5 December 2026". The editor now reads "Manuellt översatt den 5 mars 2026", in the data its script starts
from and in the answer to saving a text; a text that happens to hold an English date is left alone.
"""

import datetime
import json
import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Revision
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from home.models import HomePage
from portal.translation_editor_dates import MONTHS
from tests.portal.test_machine_translation_messages import editor  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

ENGLISH_MONTHS = re.compile("|".join(MONTHS))
MARCH_5 = {
    "sv": "5 mars 2026",
    "nb": "5. mars 2026",
    "da": "5. marts 2026",
    "nl": "5 maart 2026",
    "en": "March 5, 2026",
}
MANUALLY = {
    "sv": "Manuellt översatt den {date}",
    "nb": "Oversatt manuelt {date}",
    "da": "Oversat manuelt den {date}",
    "nl": "Handmatig vertaald op {date}",
    "en": "Translated manually on {date}",
}


def speaks(client, language):
    profile = UserProfile.get_for_user(client.user)
    profile.preferred_language = language
    profile.save()


def translation_into(client, language, **fields):
    from methods.factories import MethodIndexPageFactory

    page = MethodIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"), **fields)
    locale = Locale.objects.get(language_code=language)
    client.post(reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [locale.pk]})
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def type_title(client, translation, text):
    """The editor's script saving the title's translation (its own endpoint): the answer it reads back."""
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(url, f"value={text}", content_type="application/x-www-form-urlencoded")
    assert response.status_code in {200, 201}
    return response.json()


def editor_props(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    return json.loads(unescape(re.search(r'class="js-translation-editor" data-props="([^"]*)"', html).group(1)))


def title_comment(props):
    [title] = [item for item in props["initialStringTranslations"] if item["data"] == "Metoder"]
    return title["comment"]


def on_march_5(translation):
    StringTranslation.objects.filter(locale=translation.target_locale).update(
        updated_at=timezone.make_aware(datetime.datetime(2026, 3, 5, 10, 0))
    )


@pytest.mark.parametrize("language", ["sv", "nb", "da", "nl", "en"])
def test_the_date_a_text_was_translated_is_written_in_the_editors_language(editor, language):  # noqa: F811
    speaks(editor, language)
    translation = translation_into(editor, "sv", title="Methods", summary="Ways of working we trust.")
    type_title(editor, translation, "Metoder")
    on_march_5(translation)

    props = editor_props(editor, translation.get_target_instance())

    assert title_comment(props) == MANUALLY[language].format(date=MARCH_5[language])
    if language != "en":
        assert not ENGLISH_MONTHS.search(title_comment(props))


def test_the_answer_to_saving_a_text_says_today_in_the_editors_language(editor):  # noqa: F811
    speaks(editor, "sv")
    translation = translation_into(editor, "sv", title="Methods")

    saved = type_title(editor, translation, "Metoder")

    from django.utils import translation as django_translation
    from django.utils.formats import date_format

    with django_translation.override("sv"):
        today = date_format(timezone.localdate(), "DATE_FORMAT")
    assert saved["comment"] == f"Manuellt översatt den {today}"
    assert saved["data"] == "Metoder"  # the rest of the answer as wagtail-localize gave it


def test_the_last_publication_is_dated_in_the_editors_language(editor):  # noqa: F811
    speaks(editor, "nb")
    translation = translation_into(editor, "nb", title="Methods")
    target = translation.get_target_instance()
    target.save_revision(user=editor.user).publish()
    target.refresh_from_db()
    # wagtail-localize dates the publication by the live revision.
    Revision.objects.filter(pk=target.live_revision_id).update(
        created_at=timezone.make_aware(datetime.datetime(2026, 3, 5, 9))
    )

    props = editor_props(editor, target)

    assert props["object"]["lastPublishedDate"] == "5. mars 2026"


def test_a_text_holding_an_english_date_is_left_as_written(editor):  # noqa: F811
    """Only wagtail-localize's own dates change: a summary that says "5 March 2026" is the author's text."""
    speaks(editor, "sv")
    translation = translation_into(editor, "sv", title="Methods", summary="Next round on 5 March 2026")

    props = editor_props(editor, translation.get_target_instance())

    sources = json.dumps(props["segments"])
    assert "Next round on 5 March 2026" in sources
