"""Which language's stemming a search uses."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.utils import translation

# Content language → analyzer on OpenSearch/Elasticsearch, and the PostgreSQL text search
# configuration of the same name.
ANALYZERS = {
    "en": "english",
    "sv": "swedish",
    "nb": "norwegian",
    "da": "danish",
    "nl": "dutch",
}
DEFAULT_LANGUAGE = "en"
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
    base = (code or "").lower().split("-")[0]
    return base if base in ANALYZERS else DEFAULT_LANGUAGE


def active_languages():
    """The languages a query is analysed in: the chosen one, the active one, or all."""
    chosen = _language.get()
    if chosen == ALL:
        return list(ANALYZERS)
    return [language_code(chosen or translation.get_language())]


def analyzer_for(code):
    return ANALYZERS[language_code(code)]
