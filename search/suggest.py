""""Did you mean …?" for a search that found nothing: each unknown word replaced by the nearest word of
the titles the reader may see, in the language searched.

A typo ("efermöten"), a missing accent ("motet") or a slip on a phone ("møtr") found nothing and left the
reader with "try other words". The words come only from pages the reader may see (search.access), so a
suggestion never names a word of a restricted title; asked only when nothing was found, so it costs a
search that finds something nothing.
"""

import re
from difflib import get_close_matches

from search.access import visible_pages
from search.query import query_terms

# How alike a word and its suggestion must be (difflib's ratio): "motet"/"mötet" 0.8, "møtr"/"møte" 0.75.
CUTOFF = 0.75
WORD = re.compile(r"\w[\w-]*\w|\w", re.UNICODE)


def title_words(pages, viewer=None):
    """The words of the titles of `pages` the viewer may see, lower-cased."""
    titles = visible_pages(pages, viewer).values_list("title", flat=True)
    return {word.lower() for title in titles for word in WORD.findall(title)}


def did_you_mean(query, pages, viewer=None):
    """The query with each word no title uses replaced by the nearest one that a title uses, or "" when
    no word changes (every word is known, or none has a near neighbour)."""
    words = query_terms(query)
    if not words:
        return ""
    vocabulary = title_words(pages, viewer)
    suggested = []
    for word in words:
        if word in vocabulary:
            suggested.append(word)
            continue
        nearest = get_close_matches(word, vocabulary, n=1, cutoff=CUTOFF)
        suggested.append(nearest[0] if nearest else word)
    return " ".join(suggested) if suggested != words else ""
