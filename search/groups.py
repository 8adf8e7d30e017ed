"""One hit per translation group when searching all languages.

A page translated into five languages is five pages to the engine, and "all
languages" may match several of them. The reader sees it once: in their own
language when it exists, else in English, else in its original language, ranked
where its best-matching version ranked.

The engines cannot pick that version (it may not even match the query), so the
database does it, in the one query that already checks visibility: the
engine's ranked ids bring in every live, visible version of their groups. The
cost is bounded: service.engine_ids asks the engine for at most
``SEARCH_MAX_RESULTS`` hits per language in this mode (a group has at most one
version per language), so the groups found, and the counts and pages built
from them, are complete up to ``SEARCH_MAX_RESULTS`` groups.
"""

from django.db.models import Exists, OuterRef
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from portal.languages import DEFAULT_LANGUAGE

FIELDS = ("pk", "content_type_id", "locale__language_code", "path", "translation_key")


def group_versions(ids, pages):
    """Rows (``FIELDS`` + is_source) of the visible versions of every group an id in ``ids`` belongs to."""
    groups = Page.objects.filter(pk__in=ids).values("translation_key")
    is_source = TranslationSource.objects.filter(object_id=OuterRef("translation_key"), locale=OuterRef("locale"))
    return (
        pages.filter(translation_key__in=groups).annotate(is_source=Exists(is_source)).values_list(*FIELDS, "is_source")
    )


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
