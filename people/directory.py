"""Finding people in the directory: free-text search, filters, A–Z, and the options the filters offer.

Plain ORM filtering rather than the search backend: the directory must show exactly the live,
visible people of one directory, immediately after an edit, on SQLite as well as PostgreSQL, and
at Erfa's size (thousands of profiles) a filtered scan answers well within the latency targets
(see bench/people_directory.py). Contact details are never searched, so no result can reveal them.
"""

import re

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Value, When
from django.db.models.functions import Substr, Upper
from django.utils.translation import get_language

from portal.languages import STEMMERS, base_code, stemmer
from portal.listing import Choices, filter_choices
from portal.models import Organisation
from portal.visibility import visible_to
from portal.vocabulary import tagged_with, topics_in_language

MAX_QUERY_LENGTH = 100
MAX_TERMS = 6
AUTOCOMPLETE_MIN_LENGTH = 2
AUTOCOMPLETE_LIMIT = 8
# Control characters (NUL among them, which PostgreSQL refuses in a query) and lone surrogates are no part of a name.
UNUSABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def search_terms(query):
    return UNUSABLE.sub(" ", query or "").strip()[:MAX_QUERY_LENGTH].split()[:MAX_TERMS]


def word_stem(term, language):
    """What of ``term`` to look for: its stem in the reader's language, so that "reflektioner" finds
    "reflektion" as the site's search does, unless the stem is too short to tell words apart ("möt")."""
    code = base_code(language or "")
    if code not in STEMMERS:
        return term
    stem = stemmer(code).stemWord(term.lower())
    return stem if len(stem) >= 4 else term


def matching(people, query, language=None):
    """People matching every word of the query (or its stem in `language`) in their name, expertise, job
    title or organisation."""
    terms = search_terms(query)
    language = language or get_language()
    # The profiles' topic links; taken from the queryset, because the directory's pages import this module.
    topic_links = people.model.topics.through.objects
    for term in (word_stem(term, language) for term in terms):
        # An IN over the few matching links, found once, rather than a lookup per profile (a scan per row).
        in_topics = Q(pk__in=topic_links.filter(topic__name__icontains=term).values("resourcepersonpage_id"))
        people = people.filter(
            Q(title__icontains=term)
            | Q(ask_me_about__icontains=term)
            | Q(job_title__icontains=term)
            | Q(organisation__name__icontains=term)
            | Q(unit__icontains=term)
            | in_topics
        )
    if terms:
        # Names that start with what was typed first, then other name matches, then the rest.
        people = people.annotate(
            name_rank=Case(
                When(title__istartswith=terms[0], then=Value(0)),
                When(title__icontains=terms[0], then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        ).order_by("name_rank", "title", "pk")
    else:
        people = people.order_by("title", "pk")
    return people


def apply_filters(people, filters, networks=None):
    if "topic" in filters:
        people = tagged_with(people, filters["topic"])
    if "organisation" in filters:
        people = people.filter(organisation_id=filters["organisation"])
    if "language" in filters:
        people = people.filter(
            Exists(
                people.model.spoken_languages.rel.related_model.objects.filter(
                    person_id=OuterRef("pk"), language=filters["language"]
                )
            )
        )
    if "letter" in filters:
        people = people.filter(title__istartswith=filters["letter"])
    if "network" in filters and networks is not None:
        # The networks app knows who takes part in a network (see people/links.py).
        people = people.filter(networks.members(filters["network"]))
    return people


def for_cards(people, renditions=True):
    """What the compact person card shows, fetched in a fixed number of queries.

    Cards kept for later requests (portal.fragments) leave the photos' renditions out: a rendition made
    after them would be missing from the kept list, and Wagtail would make it again on every view.
    """
    people = people.select_related("photo", "organisation").prefetch_related("topics")
    return people.prefetch_related("photo__renditions") if renditions else people


def options(people, locale_id, networks=None, viewer=None, key=None):
    """What the filters offer and the A–Z links, from one query: {"topic", "organisation", "network", "letter"}.

    Only choices that lead somewhere: the topics (once per translation group, in the reader's language)
    and organisations of the people listed, the networks the reader may see (an option names its network;
    None without a networks app), and the first letters of the names present. With `key` (naming what
    `people`'s SQL is built from), the query is compiled once per process (portal.listing.filter_choices).
    """

    def parts():
        used_topics = people.model.topics.through.objects.filter(resourcepersonpage__in=people.values("pk"))
        found = {
            "topic": Choices(topics_in_language(used_topics.values("topic_id"), locale_id), "name"),
            "organisation": Choices(Organisation.objects.filter(pk__in=people.values("organisation_id")), "name"),
            "letter": Choices(people.annotate(initial=Upper(Substr("title", 1, 1))).distinct(), "initial", Value(0)),
        }
        if networks is not None:
            found["network"] = Choices(visible_to(networks.options(locale_id), viewer), "title")
        return found

    found = filter_choices(key, parts)
    return {
        "topic": found.get("topic", []),
        "organisation": found.get("organisation", []),
        "network": found.get("network", []) if networks is not None else None,
        "letter": [letter for _zero, letter in found.get("letter", []) if letter.strip()],
    }


def suggestions(people, query):
    """Autocomplete: a few names with title and organisation, nothing else."""
    if len((query or "").strip()) < AUTOCOMPLETE_MIN_LENGTH:
        return []
    rows = matching(people, query).values(
        "slug", "url_path", "locale__language_code", "title", "job_title", "organisation__name"
    )
    return list(rows[:AUTOCOMPLETE_LIMIT])
