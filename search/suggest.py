""""Did you mean …?" for a search that found nothing: each unknown word replaced by the nearest word of
the titles the reader may see, in the language searched.

A typo ("efermöten"), a missing accent ("motet") or a slip on a phone ("møtr") found nothing and left the
reader with "try other words". The words come only from pages the reader may see (search.access), so a
suggestion never names a word of a restricted title; asked only when nothing was found, so it costs a
search that finds something nothing.
"""

import re
import unicodedata
from difflib import get_close_matches

from portal.languages import STEMMERS, stemmer
from search.access import visible_pages
from search.query import query_terms

# How alike a word and its suggestion must be (difflib's ratio): "motet"/"mötet" 0.8, "møtr"/"møte" 0.75.
CUTOFF = 0.75
WORD = re.compile(r"\w[\w-]*\w|\w", re.UNICODE)


# Letters a reader may type without their marks ("mote" for "møte"): compared without them.
UNMARKED = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l"})


def unmarked(word):
    return "".join(c for c in unicodedata.normalize("NFKD", word.translate(UNMARKED)) if not unicodedata.combining(c))


def title_words(pages, viewer=None):
    """The words of the titles of `pages` the viewer may see, lower-cased."""
    titles = visible_pages(pages, viewer).values_list("title", flat=True)
    return {word.lower() for title in titles for word in WORD.findall(title)}


def spellings(words, language):
    """Each title word under the forms a slip is compared with: as written, its stem (a title says
    "møtet", the reader types towards "møte"), and both without marks; each form names its title word."""
    stem = stemmer(language).stemWord if language in STEMMERS else (lambda word: word)
    forms = {}
    for word in sorted(words, key=len):  # a form two words share names the shorter, the plainer word
        for form in (word, stem(word), unmarked(word), unmarked(stem(word))):
            if len(form) > 1:
                forms.setdefault(form, word)
    return forms


def did_you_mean(query, pages, viewer=None, language=None):
    """The query with each word no title uses replaced by the nearest one that a title uses, or "" when
    no word changes (every word is known, or none has a near neighbour). `language`: the stems compared."""
    words = query_terms(query)
    if not words:
        return ""
    vocabulary = title_words(pages, viewer)
    forms = spellings(vocabulary, language)
    suggested = []
    for word in words:
        if word in vocabulary:
            suggested.append(word)
            continue
        nearest = get_close_matches(word, forms, n=1, cutoff=CUTOFF) or get_close_matches(
            unmarked(word), forms, n=1, cutoff=CUTOFF
        )
        suggested.append(forms[nearest[0]] if nearest else word)
    return " ".join(suggested) if suggested != words else ""
