"""The front-end forms of meeting series. They keep what was typed when something is wrong."""

from django import forms
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting, MeetingSeries
from methods.meeting_pair import LIST
from networks.models import Team
from networks.teams.forms import UserChoice, people

MAX_ANSWER = 5000
CARRIED = "carried_steps"
STAMP = "stamp"


class DateInput(forms.DateInput):
    input_type = "date"


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["title", "date"]
        labels = {"title": _("Meeting"), "date": _("Date")}
        help_texts = {"title": _("For example “Office meeting, week 12”.")}
        widgets = {"date": DateInput(format="%Y-%m-%d")}


class TeamChoice(forms.ModelChoiceField):
    def label_from_instance(self, team):
        return team.name


class StartSeriesForm(forms.ModelForm):
    """A new series: for a team the reader belongs to, and/or for colleagues chosen by name."""

    team = TeamChoice(
        label=_("For a team"),
        queryset=Team.objects.none(),
        required=False,
        empty_label=_("No team"),
        help_text=_("The team's members take part, as they change."),
    )
    participants = UserChoice(
        label=_("Participants"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("You take part yourself. Choose a team, colleagues or both."),
    )
    first_title = forms.CharField(label=_("First meeting"), max_length=200)
    first_date = forms.DateField(label=_("Date of the first meeting"), widget=DateInput(format="%Y-%m-%d"))

    class Meta:
        model = MeetingSeries
        fields = ["title", "team", "participants", "shared"]
        labels = {"title": _("Name of the series"), "shared": _("Visible to every signed-in colleague")}
        help_texts = {"title": _("For example “HR office meetings”.")}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["team"].queryset = teams_of(user)
        self.fields["participants"].queryset = people().exclude(pk=user.pk)

    def save_for(self, template, fields, language):
        series = self.save(commit=False)
        series.template, series.fields, series.language, series.created_by = template, fields, language, self.user
        series.save()
        series.participants.set([self.user, *self.cleaned_data["participants"]])
        series.meetings.create(title=self.cleaned_data["first_title"], date=self.cleaned_data["first_date"])
        return series


def teams_of(user):
    """The teams a reader belongs to or manages: the ones they may start a series for."""
    return Team.objects.filter(pk__in=Team.objects.filter(members=user).values("pk")) | Team.objects.filter(
        manager=user
    )


class SharingForm(forms.ModelForm):
    class Meta:
        model = MeetingSeries
        fields = ["shared"]
        labels = {"shared": _("Visible to every signed-in colleague")}


class PartForm(forms.Form):
    """One of a meeting's two forms, built from the series' fields (in the reader's language).

    A list is typed one item per line and stored as a list. `stamp` is when the form was last saved as
    the writer saw it: a save over someone else's newer one is stopped, with both texts kept.
    """

    stamp = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, fields, answers, stamp="", carried=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.series_fields = fields
        self.current_stamp = stamp
        self.fields[STAMP].initial = stamp
        if carried is not None:
            self.fields[CARRIED] = forms.CharField(
                label=_("Next steps from last meeting"),
                help_text=_("One per line. Change them if something was done or dropped."),
                required=False,
                max_length=MAX_ANSWER,
                widget=forms.Textarea(attrs={"rows": 4}),
                initial="\n".join(carried),
            )
        for field in fields:
            value = answers.get(field["key"], "")
            self.fields[field["key"]] = forms.CharField(
                label=field["label"],
                help_text=field["help_text"],
                required=False,
                max_length=MAX_ANSWER,
                widget=forms.Textarea(attrs={"rows": 4 if field["kind"] == LIST else 5}),
                initial="\n".join(value) if isinstance(value, list) else value,
            )

    def is_stale(self):
        """Someone else saved the form after this writer opened it."""
        return self.cleaned_data.get(STAMP, "") != self.current_stamp

    def answers(self):
        values = {}
        for field in self.series_fields:
            text = self.cleaned_data.get(field["key"], "").strip()
            values[field["key"]] = lines(text) if field["kind"] == LIST else text
        return values

    def carried_steps(self):
        return lines(self.cleaned_data[CARRIED]) if CARRIED in self.fields else None


def lines(text):
    return [line.strip(" -•\t") for line in text.splitlines() if line.strip(" -•\t")]
