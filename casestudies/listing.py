"""Filtering, sorting and paging the case study index from query parameters.

Every parameter is optional and forgiving: a value that is not a number, or that is not one of the
choices on offer, is ignored rather than answered with an error or an empty list.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import F, Prefetch, Value
from django.utils.translation import gettext_lazy as _

from portal.models import Organisation, Topic

PER_PAGE = 10

SORTS = {
    "newest": (_("Newest first"), (F("first_published_at").desc(nulls_last=True), "-pk")),
    "title": (_("Title (A–Z)"), ("title",)),
    "period": (_("Most recent period first"), (F("period_start").desc(nulls_last=True), "title")),
}
DEFAULT_SORT = "newest"


@dataclass
class Facet:
    """One filter: its query parameter, the choices that would give results, and the one chosen."""

    param: str
    label: str
    lookup: str
    options: list = field(default_factory=list)
    selected: int | None = None

    def choose(self, raw_value):
        try:
            value = int(raw_value)
        except (TypeError, ValueError):
            return
        if any(pk == value for pk, _label in self.options):
            self.selected = value


def _related_model(model, name):
    return model._meta.get_field(name).related_model


class CaseStudyListing:
    def __init__(self, case_studies, params):
        model = case_studies.model
        method_model = _related_model(model, "methods_used")
        network_model = _related_model(model, "network")
        self.base = case_studies
        self.facets = [
            Facet("topic", _("Topic"), "topics"),
            Facet("organisation", _("Organisation"), "organisations"),
            Facet("network", _("Network"), "network"),
            Facet("method", _("Method"), "methods_used"),
        ]
        # Offer only choices that lead somewhere: those used by the case studies in this index.
        # The four lists come back from a single query. SQLite refuses ORDER BY inside a UNION,
        # so each part drops the models' default ordering; the rows are sorted in Python.
        choices = [
            Topic.objects.filter(pk__in=case_studies.values("topics"))
            .values_list(Value("topic"), "pk", "name")
            .order_by(),
            Organisation.objects.filter(pk__in=case_studies.values("organisations"))
            .values_list(Value("organisation"), "pk", "name")
            .order_by(),
            network_model.objects.filter(pk__in=case_studies.values("network"), live=True)
            .values_list(Value("network"), "pk", "title")
            .order_by(),
            method_model.objects.filter(pk__in=case_studies.values("methods_used"), live=True)
            .values_list(Value("method"), "pk", "title")
            .order_by(),
        ]
        facets = {facet.param: facet for facet in self.facets}
        for param, pk, label in sorted(choices[0].union(*choices[1:], all=True), key=lambda row: row[2].casefold()):
            facets[param].options.append((pk, label))
        for facet in self.facets:
            facet.choose(params.get(facet.param))
        sort = params.get("sort")
        self.sort = sort if sort in SORTS else DEFAULT_SORT
        self.page_number = params.get("page")
        self.method_model = method_model

    @property
    def is_filtered(self):
        return any(facet.selected is not None for facet in self.facets)

    def queryset(self):
        case_studies = self.base
        for facet in self.facets:
            if facet.selected is not None:
                case_studies = case_studies.filter(**{facet.lookup: facet.selected})
        return (
            case_studies.select_related("network")
            .prefetch_related(
                "organisations",
                "topics",
                Prefetch("methods_used", queryset=self.method_model.objects.filter(live=True).order_by("title")),
            )
            .order_by(*SORTS[self.sort][1])
        )

    def page(self):
        # get_page turns "abc" into page 1 and 9999 into the last page.
        return Paginator(self.queryset(), PER_PAGE).get_page(self.page_number)

    def sort_options(self):
        return [(key, label) for key, (label, _ordering) in SORTS.items()]
