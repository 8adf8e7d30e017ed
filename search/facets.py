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
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from casestudies.models import CaseStudyPage
from networks.models import NetworkMember, NetworkPage, NetworkUpdatePage
from people.models import ResourcePersonPage
from portal.i18n import localized_pages
from portal.models import Organisation, Topic
from portal.models.content import ContentPageMixin
from portal.visibility import visible_to

FACETS = [
    ("type", _("Type")),
    ("language", _("Language")),
    ("topic", _("Topic")),
    ("organisation", _("Organisation")),
    ("network", _("Network")),
]


def content_types(ids):
    # get_for_id answers from Django's content type cache after the first time.
    return {int(pk): ContentType.objects.get_for_id(int(pk)) for pk in ids}


def content_models_with_topics(content_type_ids):
    for content_type in content_types(content_type_ids).values():
        model = content_type.model_class()
        if model is not None and issubclass(model, ContentPageMixin):
            yield model


def topic_values(hits):
    """{page id: topic groups}, from every page type with topics in one UNION query."""
    values = defaultdict(set)
    ids = [hit.pk for hit in hits]
    parts = []
    for model in content_models_with_topics({hit.content_type_id for hit in hits}):
        relation = model._meta.get_field("topics")
        source = relation.m2m_field_name() + "_id"
        rows = relation.remote_field.through.objects.filter(**{f"{source}__in": ids})
        parts.append(rows.values_list(source, relation.m2m_reverse_field_name() + "__translation_key"))
    for page_id, group in union_all(parts):
        values[page_id].add(group)
    return values


def union_all(querysets):
    """The rows of all `querysets` (values_list of the same shape), from one query."""
    if not querysets:
        return []
    # Without the models' default orderings: SQLite refuses ORDER BY inside a compound statement.
    first, *rest = [queryset.order_by() for queryset in querysets]
    return first.union(*rest, all=True) if rest else first


def organisation_values(hits):
    """{page id: organisation groups} of people, case studies and network members, in one UNION query."""
    values = defaultdict(set)
    ids = [hit.pk for hit in hits]
    people = ResourcePersonPage.objects.filter(pk__in=ids, organisation__isnull=False).values_list(
        "pk", "organisation__translation_key"
    )
    cases = CaseStudyPage.organisations.through.objects.filter(casestudypage_id__in=ids).values_list(
        "casestudypage_id", "organisation__translation_key"
    )
    members = NetworkMember.objects.filter(page_id__in=ids, organisation__isnull=False).values_list(
        "page_id", "organisation__translation_key"
    )
    for page_id, group in union_all([people, cases, members]):
        values[page_id].add(group)
    return values


def network_values(hits, viewer=None):
    """A network itself, its updates (its children) and the case studies that name it.

    Only networks the viewer may see: a facet would otherwise name a restricted network.
    """
    values = defaultdict(set)
    ids = [hit.pk for hit in hits]
    networks = visible_to(NetworkPage.objects.all(), viewer)
    for pk, group in networks.filter(pk__in=ids).values_list("pk", "translation_key"):
        values[pk].add(group)
    for page_id, group in CaseStudyPage.objects.filter(pk__in=ids, network__in=networks).values_list(
        "pk", "network__translation_key"
    ):
        values[page_id].add(group)
    update_type = ContentType.objects.get_for_model(NetworkUpdatePage).pk
    parent_paths = {hit.pk: hit.path[: -NetworkPage.steplen] for hit in hits if hit.content_type_id == update_type}
    if parent_paths:
        networks = dict(networks.filter(path__in=parent_paths.values()).values_list("path", "translation_key"))
        for page_id, parent_path in parent_paths.items():
            if parent_path in networks:
                values[page_id].add(networks[parent_path])
    return values


def facet_values(hits, viewer=None):
    """For each facet, each hit's values in it: {facet: {page id: {value, …}}}, as the viewer may see them."""
    return {
        "type": {hit.pk: {str(hit.content_type_id)} for hit in hits},
        "language": {hit.pk: {hit.language} for hit in hits},
        "topic": {pk: {str(v) for v in vs} for pk, vs in topic_values(hits).items()},
        "organisation": {pk: {str(v) for v in vs} for pk, vs in organisation_values(hits).items()},
        "network": {pk: {str(v) for v in vs} for pk, vs in network_values(hits, viewer).items()},
    }


GROUPED = {"topic": Topic, "organisation": Organisation, "network": NetworkPage}
NO_GROUP = "none:"


def selected_groups(selected):
    """The selected values as facet_values holds them: a topic's id becomes its translation group.

    An id that names nothing becomes a group no hit has, so the filter keeps nothing.
    """
    wanted = {}
    for name, value in selected.items():
        model = GROUPED.get(name)
        if model is None:
            wanted[name] = value
            continue
        group = model.objects.filter(pk=int(value)).values_list("translation_key", flat=True).first()
        wanted[name] = str(group) if group else NO_GROUP + value
    return wanted


def apply_filters(hits, values, selected):
    """The hits that have every selected facet value; unknown values simply match nothing."""
    return [
        hit for hit in hits if all(value in values[name].get(hit.pk, ()) for name, value in selected.items() if value)
    ]


def type_label(content_type):
    model = content_type.model_class()
    return model._meta.verbose_name if model else content_type.name


def group_labels(model, groups, locale_id):
    """{group: (id, name)}: each translation group's version in the reader's locale, else its source's."""
    versions = model.objects.filter(translation_key__in=[group for group in groups if not group.startswith(NO_GROUP)])
    if model is NetworkPage:
        versions = versions.live()
    field = "title" if model is NetworkPage else "name"
    rows = localized_pages(versions, locale_id).values_list("translation_key", "locale_id", "pk", field)
    chosen = {}
    # Without a record of the source, every version comes back: the reader's, else the oldest.
    for group, _locale, pk, label in sorted(rows, key=lambda row: (row[1] != locale_id, row[2])):
        chosen.setdefault(str(group), (str(pk), label))
    return chosen


def labels(name, keys, locale_id):
    """{facet value: (value in links, label)} for the values present."""
    if name == "type":
        types = content_types(keys)
        return {str(pk): (str(pk), type_label(content_type)) for pk, content_type in types.items()}
    if name == "language":
        return {code: (code, label) for code, label in settings.LANGUAGES if code in keys}
    return group_labels(GROUPED[name], keys, locale_id)


def facet_counts(hits, values, selected, language=None):
    """Counts per facet value among the filtered hits, most frequent first, with labels in ``language``."""
    language = language or settings.LANGUAGE_CODE
    locale_id = Locale.objects.filter(language_code=language).values_list("pk", flat=True).first()
    facets = []
    for name, title in FACETS:
        counter = Counter(value for hit in hits for value in values[name].get(hit.pk, ()))
        if selected.get(name) and selected[name] not in counter:
            counter[selected[name]] = 0
        named = labels(name, list(counter), locale_id) if counter else {}
        options = [
            {
                "value": named[value][0],
                "label": named[value][1],
                "count": count,
                "selected": selected.get(name) == value,
            }
            for value, count in counter.most_common()
            if value in named
        ]
        facets.append({"name": name, "title": title, "options": options})
    return facets
