"""Cleaning what a reader typed into something every backend can search for.

Any text is a query: markup, query syntax, control characters, NUL bytes, lone surrogates and pastes
of any length become plain words, at most MAX_QUERY_WORDS of them in MAX_QUERY_LENGTH characters.
Every step is one linear pass (no nested quantifiers, no loops over the text), so the cost grows
with the length of what is read and nothing else, and that length is bounded by MAX_RAW_LENGTH.
Django's strip_tags is not used: it raises SuspiciousOperation (a 400) on deeply nested tags.
"""

import re
import unicodedata
from dataclasses import dataclass

from portal.languages import STEMMERS, stemmer
from search.stopwords import common_words

MAX_QUERY_LENGTH = 200
# Each word costs a clause per searched field in the engines, and a condition in the title search
# that stands in when the engine is out; twenty words is more than anyone types, and bounds that cost.
MAX_QUERY_WORDS = 20
# What is read of the raw text at all: room for the words inside markup, bounded for a 10 KB paste.
MAX_RAW_LENGTH = 20 * MAX_QUERY_LENGTH
# An HTML tag or comment; a lone "<" or ">" is left to SYNTAX.
TAG = re.compile(r"</?[A-Za-z!?][^<>]*>")
# Characters with a meaning in the engines' or PostgreSQL's query syntax; a reader means words. The
# double quote is kept: a pair of them marks a phrase (see phrases), which Erfa builds itself.
SYNTAX = re.compile(r"['`&|!():*<>\[\]{}^~\\/+=;#@$%?]")
# A phrase: the words between a pair of double quotes.
PHRASE = re.compile(r'"([^"]*)"')
# A word as the engines and SQLite's index split them: letters and digits ("don't" is "don" and "t").
WORD = re.compile(r"[^\W_]+")
# C0 and C1 control characters (NUL among them, which PostgreSQL refuses) and lone UTF-16 surrogates,
# which no database or engine can store.
UNUSABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


@dataclass(frozen=True)
class CleanQuery:
    text: str
    # True when the reader's words did not all fit and only the first ones were searched.
    shortened: bool


def read_query(raw):
    """The plain words of ``raw`` (a CleanQuery), and whether they had to be shortened."""
    raw = str(raw or "")
    read = raw[:MAX_RAW_LENGTH]
    text = SYNTAX.sub(" ", TAG.sub(" ", UNUSABLE.sub(" ", read)))
    words = text.split()
    kept = paired_quotes(" ".join(words[:MAX_QUERY_WORDS])[:MAX_QUERY_LENGTH])
    shortened = len(raw) > len(read) or len(words) > MAX_QUERY_WORDS or len(" ".join(words)) > MAX_QUERY_LENGTH
    return CleanQuery(kept, shortened)


def clean_query(raw):
    """Plain words: no markup, no query syntax, single spaces, at most 20 words in 200 characters."""
    return read_query(raw).text


def paired_quotes(text):
    """Quotes in pairs around the words of a phrase: the last one left open (typed alone, or cut off by
    the limits) and empty pairs go, and a phrase's words are single-spaced inside its quotes."""
    if text.count('"') % 2:
        last = text.rfind('"')
        text = text[:last] + " " + text[last + 1 :]

    def tidy(match):
        words = match.group(1).split()
        return f' "{" ".join(words)}" ' if words else " "

    return " ".join(PHRASE.sub(tidy, text).split())


def phrases(query):
    """The quoted phrases of a clean query, and its other words: (["före mötet"], "mall")."""
    return PHRASE.findall(query), " ".join(PHRASE.sub(" ", query).split())


def plain_words(query):
    """The query's words without the quotes, for what matches words one by one (titles, suggestions)."""
    return " ".join(query.replace('"', " ").split())


def only_common_words(query, language):
    """Whether a clean query holds words and all of them, quoted or not, are very common ones ("the", "og
    det") in ``language``, or in any language for ALL: words every backend leaves out (search.stopwords)."""
    return _common(plain_words(query), common_words(language))


def without_common_words(query, language):
    """The query without its very common words outside quotes, when other words remain: what PostgreSQL and
    OpenSearch search for anyway in the reader's language. SQLite, which drops none, then finds what they
    find, and a search across all languages is not swamped by pages that merely hold "the" or "och".

    "the reflection" becomes "reflection"; a phrase keeps its words ("före mötet" is searched as written),
    and a query of nothing but common words stays as it is (only_common_words tells the reader).
    """
    quoted, words = phrases(query)
    common = common_words(language)
    typed = words.split()
    kept = [word for word in typed if not _common(word, common)]
    if len(kept) == len(typed) or not (kept or quoted):
        return query
    return " ".join([f'"{phrase}"' for phrase in quoted] + kept)


def _common(text, common):
    """Whether ``text`` has words and each is in ``common``."""
    tokens = WORD.findall(unicodedata.normalize("NFC", text).lower())
    return bool(tokens) and all(token in common for token in tokens)


def query_terms(query):
    return [term for term in plain_words(query).lower().split() if len(term) > 1]


def with_stems(query, language):
    """The reader's words and, after them, each word's stem in ``language`` as a word of its own.

    Snowball strips one suffix per word: Norwegian "sykepleiere" stems to "sykepleier" but "sykepleier"
    to "sykeplei", Swedish "mötena" to "möten" but "möten" to "möt", so a plural typed missed the pages
    that say the singular. The engine stems the added word once more and it meets them; the words the
    reader typed still rank the pages that use them first. At most twice MAX_QUERY_WORDS words reach the
    engine: the bound on its clauses holds, doubled.
    """
    if language not in STEMMERS:
        return query
    words = query.split()
    seen = {word.lower() for word in words}
    stems = []
    for word in words:
        stem = stemmer(language).stemWord(word.lower())
        for added in (stem, *LEFT_APART.get(language, _none)(word.lower(), stem)):
            if len(added) > 1 and added not in seen:
                seen.add(added)
                stems.append(added)
    return " ".join(words + stems)


def _none(word, stem):
    return ()


def _swedish_definite(word, stem):
    """Swedish Snowball keeps a neuter noun's definite "-et" ("mötet", "hembesöket" stay as they are), so
    "möte" and "mötet" never met: a search for one missed the pages that say the other. Either way round,
    the other form is added: "mötet" adds "möt" (what "möte" and "möten" stem to), and "möte", "möten" or
    "mötena" add "mötet"."""
    if word.endswith("et") and len(word) > 4:
        return (word[:-2],)
    root = stemmer("sv").stemWord(stem)  # "mötena" stems to "möten", and that to "möt"
    return (root + "et",) if len(root) > 2 else ()


# Forms a language's Snowball stemmer leaves apart that readers take for one word (see with_stems).
LEFT_APART = {"sv": _swedish_definite}
