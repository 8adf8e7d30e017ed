"""The forms on a gathering's page: the reader's answer, a comment, and the facilitator's attendance list."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from networks.models.participation import GatheringComment, GatheringResponse


class ResponseForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Will you come?"), choices=GatheringResponse.Answer.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=300,
        help_text=_(
            "For example “I can only come in the afternoon”. Shown with your name to everyone who can see the "
            "gathering."
        ),
    )
    expectations = forms.CharField(
        label=_("Your expectations and questions"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What you hope to take home, and what you want to ask. Your words feed the network’s word cloud."),
    )


class CommentForm(forms.Form):
    topic = forms.ChoiceField(choices=GatheringComment.Topic.choices, widget=forms.HiddenInput)
    agenda_item = forms.ChoiceField(label=_("About the agenda item"), required=False)
    body = forms.CharField(label=_("Comment"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, agenda_items=(), **kwargs):
        super().__init__(*args, **kwargs)
        whole = [("", _("The agenda as a whole"))]
        self.fields["agenda_item"].choices = whole + [(item, item) for item in agenda_items]
        if not agenda_items:
            self.fields["agenda_item"].widget = forms.HiddenInput()


class AttendanceForm(forms.Form):
    present = forms.MultipleChoiceField(label=_("Who attended"), required=False, widget=forms.CheckboxSelectMultiple)
    others = forms.CharField(
        label=_("Add others who attended"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("E-mail addresses or user names, one per line or separated by commas."),
    )

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(user.pk): user for user in people}
        # By name, as the page lists who attended (networks.gatherings.attendees).
        named = [(pk, user.get_full_name() or user.get_username()) for pk, user in self.people.items()]
        self.fields["present"].choices = sorted(named, key=lambda choice: choice[1].casefold())

    def clean_others(self):
        names = [name.strip() for name in self.cleaned_data["others"].replace(",", "\n").splitlines() if name.strip()]
        found, unknown = [], []
        users = get_user_model().objects.filter(is_active=True)
        for name in names:
            user = users.filter(Q(email__iexact=name) | Q(username__iexact=name)).first()
            (found if user else unknown).append(user or name)
        if unknown:
            raise forms.ValidationError(
                gettext("Erfa has no user with these e-mail addresses or user names: %(names)s")
                % {"names": ", ".join(unknown)}
            )
        return found

    def attendees(self):
        chosen = [self.people[pk] for pk in self.cleaned_data["present"]]
        return chosen + [user for user in self.cleaned_data["others"] if user not in chosen]
