from django import forms
from django.utils.translation import gettext_lazy as _

from methods.models import CATEGORY_CHOICES, FILE_FORMAT_CHOICES, LANGUAGE_CHOICES, MethodPage
from methods.models.rating import MAX_SCORE, MIN_SCORE, SCORE_ERROR
from portal.models import Topic

METHOD_SORTS = [("title", _("Title")), ("rating", _("Highest rated")), ("newest", _("Newest"))]
TEMPLATE_SORTS = [("title", _("Title")), ("downloads", _("Most downloaded")), ("newest", _("Newest"))]


def topic_field(locale_id):
    return forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.filter(locale_id=locale_id).order_by("name"),
        required=False,
        empty_label=_("All topics"),
    )


class MethodFilterForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Category"), choices=[("", _("All categories"))] + CATEGORY_CHOICES, required=False
    )
    sort = forms.ChoiceField(label=_("Sort by"), choices=METHOD_SORTS, required=False)

    def __init__(self, *args, locale_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"topic": topic_field(locale_id), **self.fields}


class ShareableTemplateFilterForm(forms.Form):
    format = forms.ChoiceField(label=_("Format"), required=False)
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("All languages"))] + LANGUAGE_CHOICES, required=False
    )
    sort = forms.ChoiceField(label=_("Sort by"), choices=TEMPLATE_SORTS, required=False)

    def __init__(self, *args, locale_id, formats=(), **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(FILE_FORMAT_CHOICES)
        self.fields["format"].choices = [("", _("All formats"))] + [(value, labels[value]) for value in formats]
        method = forms.ModelChoiceField(
            label=_("Related method"),
            queryset=MethodPage.objects.live().filter(locale_id=locale_id).order_by("title"),
            required=False,
            empty_label=_("All methods"),
        )
        fields = {"topic": topic_field(locale_id), **self.fields}
        fields_order = ["topic", "format", "language", "method", "sort"]
        fields["method"] = method
        self.fields = {name: fields[name] for name in fields_order}


class RatingForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Your score"),
        choices=[(score, score) for score in range(MIN_SCORE, MAX_SCORE + 1)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": SCORE_ERROR, "invalid_choice": SCORE_ERROR},
    )
