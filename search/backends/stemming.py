"""Snowball stemming in Python, for the SQLite backend (see search.backends.sqlite).

SQLite's FTS5 index cannot stem per language, so Erfa stems before text reaches
it: an object's words are indexed together with their stems in the object's
language, and each word a reader types is looked up as itself or as its stem
in the reader's language (or in every language). Both sides use PyStemmer's
Snowball algorithms, the same ones PostgreSQL and OpenSearch use.
"""

import re
import unicodedata

from portal.languages import stemmer

# FTS5's unicode61 tokenizer makes words of letters and digits and splits on everything else,
# underscores included; splitting the same way here keeps the index's and the query's words alike.
WORD = re.compile(r"[^\W_]+")


def words(text):
    """The lowercase words of ``text``, composed (NFC) as the Snowball algorithms expect them."""
    return WORD.findall(unicodedata.normalize("NFC", text or "").lower())


def stems(text, language):
    """The stems of the words the language inflects, in order and repeated: what the index adds."""
    tokens = words(text)
    return [stem for word, stem in zip(tokens, stemmer(language).stemWords(tokens), strict=True) if stem != word]


def indexed_text(text, language):
    """``text`` followed by its stems, so that the stems and the words as written both match."""
    added = stems(text, language)
    return f"{text} {' '.join(added)}" if added else text


def word_forms(word, languages):
    """The word and its stem in each language, each once: any of them finds the word's pages."""
    forms = [word]
    for language in languages:
        stem = stemmer(language).stemWord(word)
        if stem not in forms:
            forms.append(stem)
    return forms


def fts_string(form, prefix=False):
    """One FTS5 string; quoting keeps the reader's characters out of FTS5's query syntax."""
    quoted = '"' + form.replace('"', '""') + '"'
    return quoted + "*" if prefix else quoted


def fts_any(forms, prefix=False):
    strings = [fts_string(form, prefix) for form in forms]
    return strings[0] if len(strings) == 1 else "(" + " OR ".join(strings) + ")"


def fts_terms(text, languages, operator="and", prefix_last=False):
    """The FTS5 query for a reader's words: each word in any of its forms, joined by ``operator``.

    With no languages, words are looked up as typed (autocomplete); ``prefix_last`` lets
    the last one be the start of a word. Text without words becomes an empty string,
    which FTS5 accepts and which matches nothing.
    """
    typed = words(text)
    if not typed:
        return fts_string("")
    groups = [fts_any(word_forms(word, languages)) for word in typed[:-1]]
    last = typed[-1]
    groups.append(fts_any([last] if prefix_last else word_forms(last, languages), prefix=prefix_last))
    joiner = " AND " if operator.upper() == "AND" else " OR "
    return joiner.join(groups)


def fts_phrase(text):
    """A quoted phrase: its words in a row, as written (the index keeps the text as written)."""
    return fts_string(" ".join(words(text)))
