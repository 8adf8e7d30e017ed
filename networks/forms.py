"""The network index's filters. The page passes in the topics, organisations and regions on offer."""

from django import forms
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from portal.filter_form import FilterForm
from portal.listing import sort_choices

# Each sort is a list of orderings; the title breaks ties so pages never shuffle between requests.
SORTS = {
    "title": (_("Name"), [F("title").asc()]),
    "newest": (_("Newest first"), [F("first_published_at").desc(nulls_last=True), F("title").asc()]),
    "next_gathering": (_("Next gathering"), [F("next_gathering").asc(nulls_last=True), F("title").asc()]),
}
DEFAULT_SORT = "title"


class NetworkFilterForm(FilterForm):
    topic = forms.TypedChoiceField(label=_("Topic"), coerce=int, required=False, empty_value=None)
    organisation = forms.TypedChoiceField(label=_("Member organisation"), coerce=int, required=False, empty_value=None)
    region = forms.ChoiceField(label=_("Region"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), choices=sort_choices(SORTS), required=False)

    def __init__(self, *args, options, regions, **kwargs):
        """`options`: the topics' and organisations' (pk, label) choices (IndexPage.filter_choices)."""
        super().__init__(*args, **kwargs)
        # The template lists the choices itself; the fields accept only those.
        topics, organisations = options.get("topic", []), options.get("organisation", [])
        self.options = {"topics": topics, "organisations": organisations, "regions": regions}
        self.fields["topic"].choices = topics
        self.fields["organisation"].choices = organisations
        self.fields["region"].choices = [(region, region) for region in regions]
