"""Facet counts over the visible hits: type, topic, organisation, network and language.

Each facet is worked out once for all hits with a fixed number of queries (one
per page type that has topics, plus a few), never one per hit.
"""

from collections import Counter, defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from casestudies.models import CaseStudyPage
from networks.models import NetworkMember, NetworkPage, NetworkUpdatePage
from people.models import ResourcePersonPage
from portal.models import Organisation, Topic
from portal.models.content import ContentPageMixin

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
    values = defaultdict(set)
    ids = [hit.pk for hit in hits]
    for model in content_models_with_topics({hit.content_type_id for hit in hits}):
        relation = model._meta.get_field("topics")
        source = relation.m2m_field_name() + "_id"
        rows = relation.remote_field.through.objects.filter(**{f"{source}__in": ids})
        for page_id, topic_id in rows.values_list(source, relation.m2m_reverse_field_name() + "_id"):
            values[page_id].add(topic_id)
    return values


def organisation_values(hits):
    values = defaultdict(set)
    ids = [hit.pk for hit in hits]
    for page_id, organisation_id in ResourcePersonPage.objects.filter(
        pk__in=ids, organisation__isnull=False
    ).values_list("pk", "organisation_id"):
        values[page_id].add(organisation_id)
    through = CaseStudyPage.organisations.through
    for page_id, organisation_id in through.objects.filter(casestudypage_id__in=ids).values_list(
        "casestudypage_id", "organisation_id"
    ):
        values[page_id].add(organisation_id)
    for page_id, organisation_id in NetworkMember.objects.filter(
        page_id__in=ids, organisation__isnull=False
    ).values_list("page_id", "organisation_id"):
        values[page_id].add(organisation_id)
    return values


def network_values(hits):
    """A network itself, its updates (its children) and the case studies that name it."""
    values = defaultdict(set)
    ids = [hit.pk for hit in hits]
    for pk in NetworkPage.objects.filter(pk__in=ids).values_list("pk", flat=True):
        values[pk].add(pk)
    for page_id, network_id in CaseStudyPage.objects.filter(pk__in=ids, network__isnull=False).values_list(
        "pk", "network_id"
    ):
        values[page_id].add(network_id)
    update_type = ContentType.objects.get_for_model(NetworkUpdatePage).pk
    parent_paths = {hit.pk: hit.path[: -NetworkPage.steplen] for hit in hits if hit.content_type_id == update_type}
    if parent_paths:
        networks = dict(NetworkPage.objects.filter(path__in=parent_paths.values()).values_list("path", "pk"))
        for page_id, parent_path in parent_paths.items():
            if parent_path in networks:
                values[page_id].add(networks[parent_path])
    return values


def facet_values(hits):
    """For each facet, each hit's values in it: {facet: {page id: {value, …}}}."""
    return {
        "type": {hit.pk: {str(hit.content_type_id)} for hit in hits},
        "language": {hit.pk: {hit.language} for hit in hits},
        "topic": {pk: {str(v) for v in vs} for pk, vs in topic_values(hits).items()},
        "organisation": {pk: {str(v) for v in vs} for pk, vs in organisation_values(hits).items()},
        "network": {pk: {str(v) for v in vs} for pk, vs in network_values(hits).items()},
    }


def apply_filters(hits, values, selected):
    """The hits that have every selected facet value; unknown values simply match nothing."""
    return [
        hit for hit in hits if all(value in values[name].get(hit.pk, ()) for name, value in selected.items() if value)
    ]


def type_label(content_type):
    model = content_type.model_class()
    return model._meta.verbose_name if model else content_type.name


def labels(name, keys):
    if name == "type":
        types = content_types(keys)
        return {str(pk): type_label(content_type) for pk, content_type in types.items()}
    if name == "language":
        return {code: label for code, label in settings.LANGUAGES if code in keys}
    model = {"topic": Topic, "organisation": Organisation, "network": NetworkPage}[name]
    field = "title" if model is NetworkPage else "name"
    rows = model.objects.filter(pk__in=[int(key) for key in keys]).values_list("pk", field)
    return {str(pk): label for pk, label in rows}


def facet_counts(hits, values, selected):
    """Counts per facet value among the filtered hits, most frequent first, with labels."""
    facets = []
    for name, title in FACETS:
        counter = Counter(value for hit in hits for value in values[name].get(hit.pk, ()))
        if selected.get(name) and selected[name] not in counter:
            counter[selected[name]] = 0
        named = labels(name, list(counter)) if counter else {}
        options = [
            {"value": value, "label": named[value], "count": count, "selected": selected.get(name) == value}
            for value, count in counter.most_common()
            if value in named
        ]
        facets.append({"name": name, "title": title, "options": options})
    return facets
