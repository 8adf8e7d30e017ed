"""The case study index's filters. The page passes in the choices that lead somewhere."""

from django import forms
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from portal.filter_form import FilterForm
from portal.listing import sort_choices, sort_ordering
from portal.vocabulary import tagged_with

SORTS = {
    "newest": (_("Newest first"), (F("first_published_at").desc(nulls_last=True), "-pk")),
    "title": (_("Title (A–Z)"), ("title",)),
    "period": (_("Most recent period first"), (F("period_start").desc(nulls_last=True), "title")),
}
DEFAULT_SORT = "newest"

# Each facet: its query parameter, its label, its choice of everything (named as in every listing's
# filters) and the lookup that narrows the case studies.
FACETS = [
    ("topic", _("Topic"), _("All topics"), "topics"),
    ("organisation", _("Organisation"), _("All organisations"), "organisations"),
    ("network", _("Network"), _("All networks"), "network__translation_key__in"),
    ("method", _("Method"), _("All methods"), "methods_used__translation_key__in"),
]
# Facets whose choice is a page: they find the case studies naming any language version of it.
PAGE_FACETS = {"network", "method"}


class CaseStudyFilterForm(FilterForm):
    sort = forms.ChoiceField(label=_("Sort by"), choices=sort_choices(SORTS), required=False)

    def __init__(self, *args, options, **kwargs):
        """`options` maps each facet's parameter to its (pk, label) choices."""
        super().__init__(*args, **kwargs)
        facets = {
            param: forms.TypedChoiceField(
                label=label, choices=options.get(param, []), coerce=int, required=False, empty_value=None
            )
            for param, label, _everything, _lookup in FACETS
        }
        self.fields = {**facets, **self.fields}

    def facets(self):
        """The facets that offer a choice, each as (bound field, its choice of everything, options, selected pk)."""
        selected = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return [
            (self[param], everything, self.fields[param].choices, selected.get(param))
            for param, _label, everything, _lookup in FACETS
            if self.fields[param].choices
        ]

    @property
    def chosen_sort(self):
        selected = self.cleaned_data.get("sort") if self.is_bound and self.is_valid() else None
        return selected or DEFAULT_SORT

    def sort_options(self):
        return self.fields["sort"].choices


def narrow(case_studies, filters):
    for param, _label, _everything, lookup in FACETS:
        if filters.get(param) is None:
            continue
        if param == "topic":
            case_studies = tagged_with(case_studies, filters[param])  # in any of the topic's languages
        elif param in PAGE_FACETS:
            versions = Page.objects.filter(pk=filters[param]).values("translation_key")
            case_studies = case_studies.filter(**{lookup: versions})
        else:
            case_studies = case_studies.filter(**{lookup: filters[param]})
    return case_studies.order_by(*sort_ordering(SORTS, filters.get("sort"), DEFAULT_SORT))
