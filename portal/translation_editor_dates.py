"""wagtail-localize's translation editor with its dates in the editor's language.

wagtail-localize writes the date of each translated text ("Translated manually on {date}") and of the
last publication with `strftime("%-d %B %Y")`, whose month names are the C library's English ones
whatever the admin's language: a Swedish editor read "Manuellt översatt den 5 December 2026". It has
no setting or hook for that format, so this middleware rewrites those dates, and only those, as
Django's DATE_FORMAT writes them in the active language ("5 december 2026", "5. desember 2026"):
- in the editor's page, in the data its script starts from (the `data-props` JSON: each text's
  `comment`, and the page's `lastPublishedDate`), which the page and snippet edit views render through
  wagtail-localize's before_edit hooks;
- in the answer of its endpoint for saving one text (`edit_string_translation`), which carries the
  text's new `comment`.
It sits after AdminLanguageMiddleware, so the language is the editor's.
"""

import datetime
import json
import re
from html import unescape

from django.utils.formats import date_format
from django.utils.html import escape

from portal.admin_area import in_admin

EDITOR = re.compile(rb'(class="js-translation-editor" data-props=")([^"]*)(")')
SAVE_TEXT_VIEW = "wagtail_localize:edit_string_translation"
MONTHS = ["January", "February", "March", "April", "May", "June"]
MONTHS += ["July", "August", "September", "October", "November", "December"]
# The date as "%-d %B %Y" writes it in the C locale: 5 December 2026.
ENGLISH_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})\b")


def localized_dates(text):
    """`text` with every English "5 December 2026" written as the active language writes that date."""
    if not isinstance(text, str):
        return text

    def local(match):
        day, month, year = int(match.group(1)), MONTHS.index(match.group(2)) + 1, int(match.group(3))
        try:
            return date_format(datetime.date(year, month, day), "DATE_FORMAT")
        except ValueError:  # "31 February": not a date wagtail-localize wrote
            return match.group(0)

    return ENGLISH_DATE.sub(local, text)


def localize_props(props):
    """The editor's start-up data with its translation comments and publication date localized."""
    for translated in props.get("initialStringTranslations") or ():
        translated["comment"] = localized_dates(translated.get("comment"))
    page = props.get("object") or {}
    if page.get("lastPublishedDate"):
        page["lastPublishedDate"] = localized_dates(page["lastPublishedDate"])
    return props


class TranslationEditorDatesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Only the admin renders the editor: a reader's page is never looked at.
        if not in_admin(request) or getattr(response, "streaming", False) or response.status_code not in (200, 201):
            return response
        match = getattr(request, "resolver_match", None)
        if match is not None and match.view_name == SAVE_TEXT_VIEW:
            return self.saved_text(response)
        if b"js-translation-editor" in response.content:
            response.content = EDITOR.sub(self.editor_props, response.content, count=1)
        return response

    @staticmethod
    def editor_props(match):
        try:
            props = localize_props(json.loads(unescape(match.group(2).decode())))
        except ValueError:  # not the data wagtail-localize writes: left as it is, dates and all
            return match.group(0)
        return match.group(1) + escape(json.dumps(props)).encode() + match.group(3)

    @staticmethod
    def saved_text(response):
        if not response.get("Content-Type", "").startswith("application/json"):
            return response
        try:
            saved = json.loads(response.content)
        except ValueError:
            return response
        if isinstance(saved, dict) and "comment" in saved:
            saved["comment"] = localized_dates(saved["comment"])
            response.content = json.dumps(saved).encode()
        return response
