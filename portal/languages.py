"""Erfa's five languages, in one place.

Everything that lists the languages derives from `LANGUAGES` here: Django's and Wagtail's settings,
the "language of the files" choices, the search analysers, the demo content and the tests. Adding a
language means adding it here (and its catalogue under locale/).

This module imports nothing from Django's app registry, because settings read it.
"""

from dataclasses import dataclass
from functools import cache

import Stemmer
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Language:
    code: str
    # The language named in itself, for the language switcher: a reader finds their own language.
    autonym: str
    # The language named in the reader's language, for choices such as "language of the files".
    name: str
    # The stemming rules of OpenSearch/Elasticsearch's analyzer and PostgreSQL's text search
    # configuration of the same name (both ship these five).
    stemmer: str
    # Whether this language writes language names in lower case in the middle of a sentence
    # ("finns inte på svenska"), as Swedish, Norwegian and Danish do and English and Dutch do not.
    lower_case_language_names: bool = False


LANGUAGES = (
    Language("en", "English", _("English"), "english"),
    Language("sv", "Svenska", _("Swedish"), "swedish", lower_case_language_names=True),
    Language("nb", "Norsk bokmål", _("Norwegian Bokmål"), "norwegian", lower_case_language_names=True),
    Language("da", "Dansk", _("Danish"), "danish", lower_case_language_names=True),
    Language("nl", "Nederlands", _("Dutch"), "dutch"),
)
DEFAULT_LANGUAGE = LANGUAGES[0].code
BY_CODE = {language.code: language for language in LANGUAGES}
CODES = tuple(BY_CODE)
# The languages content is translated into from the default one.
TRANSLATION_TARGETS = tuple(code for code in CODES if code != DEFAULT_LANGUAGE)

# Django's LANGUAGES setting: each language named in itself.
SETTINGS_LANGUAGES = [(language.code, language.autonym) for language in LANGUAGES]
# Model and form choices: each language named in the reader's language.
CHOICES = [(language.code, language.name) for language in LANGUAGES]
STEMMERS = {language.code: language.stemmer for language in LANGUAGES}


@cache
def stemmer(code):
    """PyStemmer's Snowball rules for one of the languages: those of the search backends' analysers, for
    the places that stem in Python (SQLite's search index, the people directory)."""
    return Stemmer.Stemmer(STEMMERS[code])


def base_code(code):
    """The content language for a code like "sv" or "nb-no", or None when Erfa has no such language."""
    base = (code or "").lower().replace("_", "-").split("-")[0]
    return base if base in BY_CODE else None


def name(code):
    """The language `code` named in the active language ("Danska" in Swedish), as the language choices
    name it; the code itself for one Erfa does not have."""
    language = BY_CODE.get(code)
    return str(language.name) if language is not None else code


def name_in_sentence(code):
    """The language `code` named in the middle of a sentence in the active language.

    "finns ännu inte på norska" in Swedish, "is not yet available in Norwegian Bokmål" in English:
    the name in the reader's language, in lower case where that language writes it so.
    """
    language = BY_CODE.get(base_code(code))
    if language is None:
        return code
    name = str(language.name)
    reader = BY_CODE.get(base_code(get_language()))
    return name.lower() if reader is not None and reader.lower_case_language_names else name


def autonym(code):
    """The language named in itself, capitalised ("Norsk bokmål"): the one form of every language marker,
    switcher entry and result label, whatever the reader's language."""
    language = BY_CODE.get(base_code(code))
    return language.autonym if language is not None else code
