"""The word cloud's words from what participants wrote when they signed up for a gathering.

Each participant's text counts once per word (who writes "learn, learn, learn" is one voice), after the
stop words of the language they wrote in are taken out: the `stop-words` package's lists for English,
Swedish, Norwegian (bokmål), Danish and Dutch, and the words of wishing and filling that every sign-up
text is made of ("I hope to", "gerne", "the others"), which those lists lack. The words join the
hand-typed expectations (rows the editors keep, networks.models.NetworkExpectation): a word that is also
a typed phrase adds to its weight, and a text that contains a typed phrase of several words adds to
the phrase, not to its words one by one ("konkreta exempel" once, not also "konkreta" and "exempel").
What the facilitator hid (HiddenCloudWord) is left out of both.
"""

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from stop_words import get_stop_words

from portal.languages import base_code

MAX_WORDS = 40
MIN_LENGTH = 3
# Letters only (with inner hyphens and apostrophes, as in "e-learning"): numbers and dates are no wish.
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@dataclass(frozen=True)
class Entry:
    """A phrase with a weight: what services.word_cloud arranges (it reads .phrase and .weight)."""

    phrase: str
    weight: int


# What people write around their wishes when they sign up, missing from the stop-word lists.
FILLERS = {
    "en": "hope hoping hopefully want wish would like get also really things something lot much maybe others",
    "sv": "hoppas vill skulle gärna också få lite mycket saker något kanske andra",
    "nb": "håper håpe vil gjerne også få litt mye ting noe kanskje andre",
    "da": "håber håbe vil gerne også få lidt meget ting noget måske andre",
    "nl": "hoop hopen wil willen graag ook krijgen beetje veel dingen iets misschien andere anderen",
}


@cache
def stop_words(language):
    """The stop words of `language` (a code like "nb" or "sv-se"), casefolded; none for a language without a list."""
    code = base_code(language) or "en"
    try:
        listed = {word.casefold() for word in get_stop_words(code)}
    except Exception:  # noqa: BLE001 - the package raises its own StopWordError for unknown languages.
        return frozenset()
    return frozenset(listed | set(FILLERS.get(code, "").split()))


@cache
def _phrase_pattern(phrase):
    """A casefolded phrase of several words, found as whole words with any spaces between them."""
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(part) for part in phrase.split()) + r"(?!\w)")


def words(text, language):
    """The distinct words of one participant's text worth a place in the cloud, in the order written."""
    stop = stop_words(language)
    seen = []
    for match in _WORD.finditer(text or ""):
        word = match.group().casefold()
        if len(word) >= MIN_LENGTH and word not in stop and word not in seen:
            seen.append(word)
    return seen


def cloud_entries(typed, responses, hidden=(), limit=MAX_WORDS):
    """Typed expectations (.phrase, .weight) and sign-up texts (.expectations, .language) as cloud entries.

    The heaviest `limit` entries, hidden phrases left out (compared casefolded).
    """
    hidden = {phrase.casefold() for phrase in hidden}
    weights, shown = Counter(), {}
    for row in typed:
        key = row.phrase.casefold()
        weights[key] += row.weight
        shown.setdefault(key, row.phrase)
    phrases = [key for key in weights if len(key.split()) > 1]
    for response in responses:
        text = (response.expectations or "").casefold()
        within = set()
        for phrase in phrases:
            if _phrase_pattern(phrase).search(text):
                weights[phrase] += 1
                within.update(phrase.split())
        for word in words(text, response.language):
            if word not in within:
                weights[word] += 1
                shown.setdefault(word, word)
    kept = [(key, weight) for key, weight in weights.items() if key not in hidden]
    kept.sort(key=lambda item: (-item[1], item[0]))
    return [Entry(shown[key], weight) for key, weight in kept[:limit]]
