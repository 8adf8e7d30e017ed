"""Which language's stemming a search uses."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.utils import translation

from portal import languages

# Content language → analyzer on OpenSearch/Elasticsearch, and the PostgreSQL text search
# configuration of the same name.
ANALYZERS = languages.STEMMERS
DEFAULT_LANGUAGE = languages.DEFAULT_LANGUAGE
ALL = "all"

_language = ContextVar("erfa_search_language", default=None)


@contextmanager
def search_language(code):
    """Search (and index) with ``code``'s analysis inside the block; ``ALL`` means every language."""
    token = _language.set(code)
    try:
        yield
    finally:
        _language.reset(token)


def language_code(code):
    """The content language for a code like "sv" or "nb-no"; English for anything else."""
    return languages.base_code(code) or DEFAULT_LANGUAGE


def active_languages():
    """The languages a query is analysed in: the chosen one, the active one, or all."""
    chosen = _language.get()
    if chosen == ALL:
        return list(ANALYZERS)
    return [language_code(chosen or translation.get_language())]
