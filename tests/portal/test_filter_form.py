"""portal.filter_form: a filter form's select boxes are written in Python, exactly as Django's templates write them.

Each case renders one form twice, through Erfa's renderer and through Django's, and compares the HTML.
"""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext_lazy, override

from methods.forms import MethodFilterForm
from people.forms import DirectoryFilterForm
from portal.filter_form import FilterForm, FilterRenderer
from tests.utils import same_markup

CHOICES = [
    ("", "Any"),
    (1, 'Care & "quality" <b>'),
    ("x y", gettext_lazy("Topic")),
    ("Regions", [("north", "Norrland"), ("south", "Skåne & Blekinge")]),
]


class Sample(FilterForm):
    plain = forms.ChoiceField(choices=CHOICES, required=False)
    typed = forms.TypedChoiceField(choices=CHOICES[:2], coerce=int, required=False)
    flagged = forms.ChoiceField(
        choices=CHOICES,
        required=False,
        widget=forms.Select(attrs={"class": "a&b", "data-x": '"q"', "disabled": True, "hidden": False}),
    )
    many = forms.MultipleChoiceField(choices=CHOICES, required=False)
    text = forms.CharField(required=False)
    radio = forms.ChoiceField(choices=CHOICES[:2], required=False, widget=forms.RadioSelect)


def djangos(form_class, data, **kwargs):
    """The same form rendered by Django's own templates, through Django's default renderer."""
    form = form_class(data, **kwargs)
    form.renderer = DjangoTemplates()
    return form


@pytest.mark.parametrize(
    "data",
    [{}, {"plain": "1", "typed": "1", "flagged": "south", "many": ["1", "x y"]}, {"plain": "north", "text": "<i>"}],
)
def test_select_boxes_are_character_for_character_djangos(data):
    ours, theirs = Sample(data), djangos(Sample, data)
    assert isinstance(ours.renderer, FilterRenderer)
    for name in ours.fields:  # the select boxes character for character, the rest as a browser reads them
        if name in ("plain", "typed", "flagged", "many"):
            assert str(ours[name]) == str(theirs[name]), name
        assert same_markup(ours[name]) == same_markup(theirs[name]), name
    assert same_markup(ours) == same_markup(theirs)


def test_option_labels_and_values_are_escaped_and_the_choice_is_selected():
    html = str(Sample({"plain": "1"})["plain"])
    assert '<option value="1" selected>Care &amp; &quot;quality&quot; &lt;b&gt;</option>' in html
    assert '<optgroup label="Regions">' in html
    assert "<b>" not in html


def test_labels_are_in_the_readers_language():
    with override("sv"):
        html = str(Sample({})["plain"])
    assert '<option value="x y">Ämne</option>' in html


@pytest.mark.django_db
def test_the_listings_filter_forms_render_as_before():
    data = {"topic": "2", "organisation": "3", "language": "sv"}
    kwargs = {"topics": [(1, "Reflection"), (2, "Safety & quality")], "organisations": [(3, "Vik <care>")]}
    ours, theirs = DirectoryFilterForm(data, **kwargs), djangos(DirectoryFilterForm, data, **kwargs)
    assert same_markup(ours) == same_markup(theirs)
    assert '<option value="2" selected>Safety &amp; quality</option>' in str(ours["topic"])
    options = {"topic": [(1, "Reflection"), (2, "Safety & quality")]}
    ours = MethodFilterForm({"sort": "title", "topic": "2"}, options=options)
    assert same_markup(ours) == same_markup(djangos(MethodFilterForm, {"sort": "title", "topic": "2"}, options=options))
    assert '<option value="2" selected>Safety &amp; quality</option>' in str(ours["topic"])
