"""The methods app's forms. They know the choices (methods/choices.py) but not the models:
the pages pass in the choices the filters offer, so models may import forms without a cycle."""

from django import forms
from django.utils.translation import gettext_lazy as _

from methods.choices import (
    CATEGORY_CHOICES,
    FILE_FORMAT_CHOICES,
    LANGUAGE_CHOICES,
    MAX_SCORE,
    METHOD_SORTS,
    MIN_SCORE,
    SCORE_ERROR,
    SHAREABLE_TEMPLATE_SORTS,
)
from portal.filter_form import FilterForm
from portal.listing import sort_choices


def choice_field(label, empty_label, choices):
    """A filter of (pk, label) choices the page passes in (IndexPage.filter_choices), "all" first."""
    return forms.TypedChoiceField(
        label=label, choices=[("", empty_label), *choices], coerce=int, required=False, empty_value=None
    )


class MethodFilterForm(FilterForm):
    category = forms.ChoiceField(
        label=_("Category"), choices=[("", _("All categories"))] + CATEGORY_CHOICES, required=False
    )
    sort = forms.ChoiceField(label=_("Sort by"), choices=sort_choices(METHOD_SORTS), required=False)

    def __init__(self, *args, options, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"topic": choice_field(_("Topic"), _("All topics"), options.get("topic", [])), **self.fields}


class ShareableTemplateFilterForm(FilterForm):
    format = forms.ChoiceField(label=_("Format"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), choices=sort_choices(SHAREABLE_TEMPLATE_SORTS), required=False)

    def __init__(self, *args, options, formats=(), languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(FILE_FORMAT_CHOICES)
        self.fields["format"].choices = [("", _("All formats"))] + [(value, labels[value]) for value in formats]
        in_use = [(code, name) for code, name in LANGUAGE_CHOICES if code in languages]
        self.fields["language"].choices = [("", _("All languages"))] + in_use
        topic = choice_field(_("Topic"), _("All topics"), options.get("topic", []))
        method = choice_field(_("Related method"), _("All methods"), options.get("method", []))
        fields = {"topic": topic, **self.fields, "method": method}
        self.fields = {name: fields[name] for name in ["topic", "format", "language", "method", "sort"]}


class RatingForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Your score"),
        choices=[(score, score) for score in range(MIN_SCORE, MAX_SCORE + 1)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": SCORE_ERROR, "invalid_choice": SCORE_ERROR},
    )
