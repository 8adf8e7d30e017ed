"""The "Share a learning" form and the invitation form.

Every choice is limited to what the reader may see (portal.visibility), each page in the reader's
version (portal.i18n.reader_versions): a choice names its page, so a hidden one must not appear.
"""

from datetime import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Case, IntegerField, OuterRef, Q, Subquery, Value, When
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from casestudies.models import LearningDraft
from methods.models import MethodPage
from networks.models import Anchoring, Gathering, NetworkPage
from portal.i18n import reader_language, reader_versions
from portal.languages import DEFAULT_LANGUAGE
from portal.models import Organisation
from portal.visibility import visible_to

# What a submission needs; a draft may be saved with anything, even nothing.
REQUIRED_TO_SUBMIT = ("title", "activity", "best", "learn", "keep_and_develop")
NO_LINK = "—"


def visible_methods(request):
    return visible_to(reader_versions(MethodPage.objects.live()).live(), request).order_by("title")


def visible_networks(request):
    return visible_to(reader_versions(NetworkPage.objects.live()).live(), request).order_by("title")


def day(value):
    """A date, or a moment's day in the site's time zone, in the reader's DATE_FORMAT."""
    if isinstance(value, datetime):
        value = timezone.localtime(value)
    return date_format(value, "DATE_FORMAT")


def unit_name(language):
    """The name of an anchoring's unit (a member organisation, by translation key) as an expression: its
    version in `language`, else in English, else the first one saved. In the choices' own query."""
    versions = Organisation.objects.filter(translation_key=OuterRef("unit_key"))
    preference = Case(
        When(locale__language_code=language, then=Value(0)),
        When(locale__language_code=DEFAULT_LANGUAGE, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return Subquery(versions.order_by(preference, "pk").values("name")[:1])


def example_label(anchoring):
    """An anchored example as the dropdown names it. Every unit of a network anchors the same examples, so
    the title alone repeats: the unit that took it up tells the spokesperson which entry is their own."""
    values = {"title": anchoring.example.title, "date": day(anchoring.taken_up_on)}
    if not anchoring.unit_name:  # the organisation has been deleted since
        return gettext("%(title)s (%(date)s)") % values
    return gettext("%(title)s – %(workplace)s (%(date)s)") % {**values, "workplace": anchoring.unit_name}


def gathering_label(gathering):
    values = {"title": gathering.title, "network": gathering.page.title, "date": day(gathering.start)}
    return gettext("%(title)s – %(network)s (%(date)s)") % values


class LearningForm(forms.ModelForm):
    gathering = forms.ChoiceField(label=_("Gathering"), required=False)

    class Meta:
        model = LearningDraft
        fields = ["title", "workplace", "activity", "date", "best", "learn", "keep_and_develop", "method", "network"]
        fields += ["example"]
        labels = {
            "title": _("Title"),
            "workplace": _("Workplace"),
            "activity": _("Activity"),
            "date": _("Date"),
            "best": _("What do we do best when this kind of thing happens?"),
            "learn": _("What can we learn from it?"),
            "keep_and_develop": _("What do we keep, and what do we develop, next time?"),
            "method": _("Method"),
            "network": _("Network"),
            "example": _("Anchored example"),
        }
        help_texts = {
            "title": _("A short name for the situation, for example “Reflection after the spring home visits”."),
            "workplace": _("The organisation or unit where it happened."),
            "activity": _("What happened: a meeting, a visit, a training day…"),
        }
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "best": forms.Textarea(attrs={"rows": 5}),
            "learn": forms.Textarea(attrs={"rows": 5}),
            "keep_and_develop": forms.Textarea(attrs={"rows": 5}),
        }

    field_order = ["title", "workplace", "activity", "date", "best", "learn", "keep_and_develop"]

    def __init__(self, *args, request, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.submitting = submitting
        networks = visible_networks(request)
        self.fields["method"].queryset = visible_methods(request)
        self.fields["network"].queryset = networks
        self.fields["example"].queryset = (
            Anchoring.objects.filter(example__network_key__in=networks.values("translation_key"))
            .select_related("example")
            .annotate(unit_name=unit_name(reader_language()))
            .order_by("-taken_up_on", "-pk")
        )
        self.fields["example"].label_from_instance = example_label
        for name in ("method", "network", "example"):
            self.fields[name].empty_label = NO_LINK
        gatherings = Gathering.objects.filter(page__in=networks).select_related("page").order_by("-start", "pk")
        self.fields["gathering"].choices = [("", NO_LINK)] + [
            (str(row.translation_key), gathering_label(row)) for row in gatherings
        ]
        if self.instance.gathering_key and not self.is_bound:
            self.initial["gathering"] = str(self.instance.gathering_key)
        if submitting:
            for name in REQUIRED_TO_SUBMIT:
                self.fields[name].required = True
        for name in ("best", "learn", "keep_and_develop"):
            self.fields[name].widget.attrs["maxlength"] = 5000

    def clean_date(self):
        date = self.cleaned_data.get("date")
        if date and date > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return date

    def save(self, commit=True):
        draft = super().save(commit=False)
        draft.gathering_key = self.cleaned_data.get("gathering") or None
        if commit:
            draft.save()
        return draft

    def reflection_fields(self):
        return [self["best"], self["learn"], self["keep_and_develop"]]

    def context_fields(self):
        return [self["workplace"], self["activity"], self["date"]]

    def link_fields(self):
        return [self["method"], self["network"], self["gathering"], self["example"]]


class InviteForm(forms.Form):
    colleague = forms.CharField(
        label=_("Username or e-mail address"),
        max_length=254,
        help_text=_("They may add to the learning until it is submitted."),
    )

    def __init__(self, *args, draft, **kwargs):
        super().__init__(*args, **kwargs)
        self.draft = draft

    def clean_colleague(self):
        value = self.cleaned_data["colleague"].strip()
        user = (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(Q(username__iexact=value) | Q(email__iexact=value))
            .order_by("pk")
            .first()
        )
        if user is None:
            raise forms.ValidationError(_("No active colleague has this username or e-mail address."))
        if user.pk == self.draft.author_id:
            raise forms.ValidationError(_("You are already the author of this learning."))
        if self.draft.co_authors.filter(pk=user.pk).exists():
            raise forms.ValidationError(_("This colleague is already invited."))
        return user
