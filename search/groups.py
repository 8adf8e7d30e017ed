"""One hit per translation group when searching all languages.

A page translated into five languages is five pages to the engine, and "all
languages" may match several of them. The reader sees it once: in their own
language when it exists, else in English, else in its original language, ranked
where its best-matching version ranked.

The engines cannot pick that version (it may not even match the query), so the
database does it, in the queries that already check visibility: the engine's
ranked ids rank their groups, and the groups that will be shown bring in their
live, visible versions that could stand for them. The cost is bounded: service.engine_ids asks the engine for at most
``SEARCH_MAX_RESULTS`` hits per language in this mode (a group has at most one
version per language), so the groups found, and the counts and pages built
from them, are complete up to ``SEARCH_MAX_RESULTS`` groups.
"""

from django.db.models import Exists, OuterRef, Q
from wagtail_localize.models import TranslationSource

from portal.languages import DEFAULT_LANGUAGE

FIELDS = ("pk", "content_type_id", "locale__language_code", "path", "translation_key")


def group_versions(ids, pages, language, limit):
    """Rows (``FIELDS`` + is_source) of the hits in ``ids`` that are in ``pages``, and of the versions that
    could stand for the first ``limit`` of their groups: the ``language``'s, English, the source.

    Two queries: the hits' rows rank the groups, and only the groups that will be shown bring in their
    other versions. Every version of every group, in one query, was five rows per hit to read.
    """
    is_source = Exists(
        TranslationSource.objects.filter(object_id=OuterRef("translation_key"), locale=OuterRef("locale"))
    )
    with_source = pages.annotate(is_source=is_source)
    hits = list(with_source.filter(pk__in=ids).values_list(*FIELDS, "is_source"))
    by_pk = {row[0]: row for row in hits}
    groups = list(dict.fromkeys(by_pk[pk][4] for pk in ids if pk in by_pk))[:limit]
    if not groups:
        return hits
    standing_in = Q(locale__language_code__in={language, DEFAULT_LANGUAGE}) | Q(is_source=True)
    versions = with_source.filter(standing_in, translation_key__in=groups).values_list(*FIELDS, "is_source")
    return hits + list(versions)


def preference(row, language, rank):
    """How well a version suits the reader: their language, then English, then the original.

    Without a record of the original (pages made outside wagtail-localize), the best-ranked version.
    """
    code, is_source = row[2], row[5]
    if code == language:
        order = 0
    elif code == DEFAULT_LANGUAGE:
        order = 1
    else:
        order = 2 if is_source else 3
    return order, rank.get(row[0], len(rank)), row[0]


def one_per_group(ids, rows, language):
    """The preferred version of each group, in the rank of the group's best hit."""
    rows = list(rows)
    by_pk = {row[0]: row for row in rows}
    rank = {pk: position for position, pk in reversed(list(enumerate(ids)))}
    best = {}
    for row in rows:
        key = row[4]
        if key not in best or preference(row, language, rank) < preference(best[key], language, rank):
            best[key] = row
    chosen, seen = [], set()
    for pk in ids:
        # A hit the reader may not see does not rank its group.
        if pk not in by_pk:
            continue
        key = by_pk[pk][4]
        if key not in seen:
            seen.add(key)
            chosen.append(best[key][:5])
    return chosen
