"""Facet counts over the visible hits: type, topic, organisation, network and language.

Each facet is worked out once for all hits with a fixed number of queries (one
per page type that has topics, plus a few), never one per hit.

Topics, organisations and networks are translatable: a hit counts under the
translation group of its value (its ``translation_key``), so a Norwegian page
tagged "Refleksjon" and a Swedish one tagged "Reflektion" count under one topic.
Each group is offered once, named in the reader's language (or as written in
its source language), and choosing it, by the id of any of its translations,
keeps the hits tagged with any of them.
"""

from collections import Counter, defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, OuterRef, Subquery, Value
from django.db.models.functions import Length, Substr
from django.http import HttpRequest
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from casestudies.models import CaseStudyPage
from networks.models import NetworkMember, NetworkPage, NetworkUpdatePage
from people.models import ResourcePersonPage
from portal import compiled, fragments
from portal.i18n import localized_pages
from portal.models import Organisation, Topic
from portal.models.content import ContentPageMixin
from portal.visibility import visibility_key, visible_to

FACETS = [
    ("type", _("Type")),
    ("language", _("Language")),
    ("topic", _("Topic")),
    ("organisation", _("Organisation")),
    ("network", _("Network")),
]


def content_types(ids):
    """{id: ContentType} for the ids that name a page type; any other id (typed into ?type=) names nothing."""
    types = {}
    for pk in ids:
        try:
            # get_for_id answers from Django's content type cache after the first time.
            content_type = ContentType.objects.get_for_id(int(pk))
        except (ValueError, ContentType.DoesNotExist):
            continue
        model = content_type.model_class()
        if model is not None and issubclass(model, Page):
            types[int(pk)] = content_type
    return types


def content_models_with_topics(content_type_ids):
    for content_type in content_types(content_type_ids).values():
        model = content_type.model_class()
        if model is not None and issubclass(model, ContentPageMixin):
            yield model


def as_rows(queryset, facet, page, group):
    """``queryset`` as (facet, page id, group) rows, all three annotations so every part of a UNION lines up."""
    return queryset.annotate(
        row_facet=Value(facet, output_field=CharField()), row_page=F(page), row_group=group
    ).values_list("row_facet", "row_page", "row_group")


def union_all(querysets):
    """The rows of all `querysets` (values_list of the same shape), from one query."""
    if not querysets:
        return []
    # Without the models' default orderings: SQLite refuses ORDER BY inside a compound statement, and
    # the compound one would take the first model's, which names a column the rows do not have.
    first, *rest = [queryset.order_by() for queryset in querysets]
    return first.union(*rest, all=True).order_by() if rest else first


def topic_parts(hits, ids):
    """Each page type with topics: its pages' topic groups."""
    parts = []
    for model in content_models_with_topics({hit.content_type_id for hit in hits}):
        relation = model._meta.get_field("topics")
        source = relation.m2m_field_name() + "_id"
        links = relation.remote_field.through.objects.filter(**{f"{source}__in": ids})
        parts.append(as_rows(links, "topic", source, F(relation.m2m_reverse_field_name() + "__translation_key")))
    return parts


def organisation_parts(ids, present):
    """The organisations of people, case studies and network members, for the page types among the hits."""
    parts = []
    if ResourcePersonPage in present:
        people = ResourcePersonPage.objects.filter(pk__in=ids, organisation__isnull=False)
        parts.append(as_rows(people, "organisation", "pk", F("organisation__translation_key")))
    if CaseStudyPage in present:
        cases = CaseStudyPage.organisations.through.objects.filter(casestudypage_id__in=ids)
        parts.append(as_rows(cases, "organisation", "casestudypage_id", F("organisation__translation_key")))
    if NetworkPage in present:
        members = NetworkMember.objects.filter(page_id__in=ids, organisation__isnull=False)
        parts.append(as_rows(members, "organisation", "page_id", F("organisation__translation_key")))
    return parts


def network_parts(ids, present, viewer=None):
    """A network itself, its updates (its children) and the case studies that name it, for the page types
    among the hits.

    Only networks the viewer may see: a facet would otherwise name a restricted network.
    """
    networks = visible_to(NetworkPage.objects.all(), viewer)
    parts = []
    if NetworkPage in present:
        parts.append(as_rows(networks.filter(pk__in=ids), "network", "pk", F("translation_key")))
    if CaseStudyPage in present:
        cases = CaseStudyPage.objects.filter(pk__in=ids, network__in=networks)
        parts.append(as_rows(cases, "network", "pk", F("network__translation_key")))
    if NetworkUpdatePage in present:
        # An update's network is the page one tree step above it: its path less the last step.
        parent = networks.filter(path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - NetworkPage.steplen))
        updates = NetworkUpdatePage.objects.filter(pk__in=ids).annotate(
            network_group=Subquery(parent.order_by().values("translation_key")[:1])
        )
        parts.append(as_rows(updates.filter(network_group__isnull=False), "network", "pk", F("network_group")))
    return parts


def facet_values(hits, viewer=None):
    """For each facet, each hit's values in it: {facet: {page id: {value, …}}}, as the viewer may see them.

    For a reader (a request), kept for their permission class (portal.fragments) until anything changes:
    the same hits (a query searched again, a facet chosen, a later page) read no facet values.
    """
    if not isinstance(viewer, HttpRequest):
        return read_facet_values(hits, viewer)
    key = ("search-facet-values", tuple((hit.pk, hit.content_type_id, hit.language) for hit in hits))
    return fragments.shared(key, lambda: read_facet_values(hits, viewer), viewer)


def read_facet_values(hits, viewer=None):
    """facet_values, read: topics, organisations and networks come from one UNION query, whatever the
    hits' types."""
    ids = [hit.pk for hit in hits]
    values = {
        "type": {hit.pk: {str(hit.content_type_id)} for hit in hits},
        "language": {hit.pk: {hit.language} for hit in hits},
        "topic": defaultdict(set),
        "organisation": defaultdict(set),
        "network": defaultdict(set),
    }
    # Only the parts for page types among the hits: each part is a subquery to build and compile.
    types = content_types({hit.content_type_id for hit in hits})
    present = {content_type.model_class() for content_type in types.values()}

    def build():
        return union_all(
            topic_parts(hits, ids) + organisation_parts(ids, present) + network_parts(ids, present, viewer)
        )

    # The SQL names the hits and what the viewer may see, nothing else: compiled once per process for
    # them (portal.compiled). No parts (no hits) is an empty list, not a query.
    key = ("search-facet-values", tuple((hit.pk, hit.content_type_id) for hit in hits), visibility_key(viewer))
    for facet, page_id, group in compiled.rows(key, build) if hits else []:
        values[facet][page_id].add(str(group))
    return values


GROUPED = {"topic": Topic, "organisation": Organisation, "network": NetworkPage}
NO_GROUP = "none:"


def selected_groups(selected, viewer=None):
    """The selected values as facet_values holds them: a topic's id becomes its translation group.

    An id that names nothing, or a network the viewer may not see, becomes a group no hit has, so the
    filter keeps nothing and no option names it: a network's id typed into the address must not tell
    its title to a reader outside it.
    """
    wanted = {}
    for name, value in selected.items():
        model = GROUPED.get(name)
        if model is None:
            wanted[name] = value
            continue
        candidates = visible_to(NetworkPage.objects.all(), viewer) if model is NetworkPage else model.objects.all()
        group = candidates.filter(pk=int(value)).values_list("translation_key", flat=True).first()
        wanted[name] = str(group) if group else NO_GROUP + value
    return wanted


def apply_filters(hits, values, selected):
    """The hits that have every selected facet value; unknown values simply match nothing."""
    return [
        hit for hit in hits if all(value in values[name].get(hit.pk, ()) for name, value in selected.items() if value)
    ]


def type_label(content_type):
    """"Method", "Case study": capitalised like the other facets' values (names and languages)."""
    model = content_type.model_class()
    return capfirst(model._meta.verbose_name if model else content_type.name)


def group_label_rows(model, facet, groups, language):
    """The versions of ``groups`` to name them by: the reader's, else their source's (portal.i18n.localized_pages)."""
    versions = model.objects.filter(translation_key__in=groups)
    if model is NetworkPage:
        versions = versions.live()
    label = F("title" if model is NetworkPage else "name")
    return (
        localized_pages(versions, language)
        .annotate(
            row_facet=Value(facet, output_field=CharField()),
            row_group=F("translation_key"),
            row_language=F("locale__language_code"),
            row_pk=F("pk"),
            row_label=label,
        )
        .values_list("row_facet", "row_group", "row_language", "row_pk", "row_label")
    )


def group_labels(wanted, language):
    """{facet: {group: (id, name)}} for the groups ``wanted`` ({facet: groups}), in one query.

    Each translation group is named by its version in the reader's ``language``, else by its source's.
    The same for every reader who asks for these groups (they come from hits the reader may see), so
    kept for all (portal.fragments) until anything is published: the query costs more to build than to run.
    """
    wanted = {name: sorted(groups) for name, groups in wanted.items() if groups}
    parts = ("search-group-labels", language, tuple((name, tuple(groups)) for name, groups in sorted(wanted.items())))
    return fragments.shared(parts, lambda: read_group_labels(wanted, language))


def read_group_labels(wanted, language):
    wanted = {name: [group for group in groups if not group.startswith(NO_GROUP)] for name, groups in wanted.items()}
    wanted = {name: groups for name, groups in wanted.items() if groups}
    if not wanted:
        return defaultdict(dict)

    def build():
        return union_all([group_label_rows(GROUPED[name], name, groups, language) for name, groups in wanted.items()])

    # Compiled once per process for these groups and language (portal.compiled): the SQL names nothing else.
    key = ("search-group-labels", language, tuple((name, tuple(groups)) for name, groups in sorted(wanted.items())))
    chosen = defaultdict(dict)
    # Without a record of the source, every version comes back: the reader's, else the oldest.
    for facet, group, _language, pk, label in sorted(
        compiled.rows(key, build), key=lambda row: (row[2] != language, row[3])
    ):
        chosen[facet].setdefault(str(group), (str(pk), label))
    return chosen


def labels(name, keys, grouped):
    """{facet value: (value in links, label)} for the values present."""
    if name == "type":
        types = content_types(keys)
        return {str(pk): (str(pk), type_label(content_type)) for pk, content_type in types.items()}
    if name == "language":
        return {code: (code, label) for code, label in settings.LANGUAGES if code in keys}
    return grouped[name]


def facet_counts(hits, values, selected, language=None):
    """Counts per facet value among the filtered hits, most frequent first, with labels in ``language``."""
    language = language or settings.LANGUAGE_CODE
    counters = {}
    for name, _title in FACETS:
        counter = Counter(value for hit in hits for value in values[name].get(hit.pk, ()))
        if selected.get(name) and selected[name] not in counter:
            counter[selected[name]] = 0
        counters[name] = counter
    grouped = group_labels({name: list(counters[name]) for name in GROUPED}, language)
    facets = []
    for name, title in FACETS:
        named = labels(name, list(counters[name]), grouped) if counters[name] else {}
        options = [
            {
                "value": named[value][0],
                "label": named[value][1],
                "count": count,
                "selected": selected.get(name) == value,
            }
            # Most frequent first; equal counts by label, so the order does not depend on set iteration.
            for value, count in sorted(
                counters[name].items(), key=lambda item: (-item[1], str(named.get(item[0], ("", ""))[1]).casefold())
            )
            if value in named
        ]
        facets.append({"name": name, "title": title, "options": options})
    return facets
