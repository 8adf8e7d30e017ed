"""The two forms of the anchoring tracker: an example from a gathering, and how a unit took it up."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from networks.models.examples import Anchoring, Example


class ExampleForm(forms.ModelForm):
    gathering = forms.ChoiceField(label=_("Gathering"), required=False)

    class Meta:
        model = Example
        fields = ["title", "description"]
        labels = {"title": _("Example"), "description": _("Short description")}
        help_texts = {"description": _("The learning situation in a few sentences, as the gathering put it.")}
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, gatherings, **kwargs):
        super().__init__(*args, **kwargs)
        now = timezone.now()
        self.fields["gathering"].choices = [("", "–")] + [
            (str(gathering.translation_key), gathering.title) for gathering in gatherings
        ]
        # Usually recorded at or just after the latest gathering that has started.
        started = [gathering for gathering in gatherings if gathering.start <= now]
        if started and not self.is_bound:
            self.initial["gathering"] = str(started[-1].translation_key)


class AnchoringForm(forms.ModelForm):
    unit = forms.ChoiceField(label=_("Unit"))
    case_study = forms.TypedChoiceField(label=_("Case study"), coerce=int, required=False, empty_value=None)

    class Meta:
        model = Anchoring
        fields = ["taken_up_on", "group_said", "reflection"]
        labels = {
            "taken_up_on": _("Taken up on"),
            "group_said": _("What the group said"),
            "reflection": _("Reflection"),
        }
        help_texts = {
            "taken_up_on": _("The day your work group went through the example."),
            "reflection": _("Optional: your own thoughts, or what the group wants to try next."),
        }
        widgets = {
            "taken_up_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "group_said": forms.Textarea(attrs={"rows": 4}),
            "reflection": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, units, link_pages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(str(key), name) for key, name in units]
        if len(units) == 1:
            self.fields["unit"].widget = forms.HiddenInput()
        if link_pages is None:
            del self.fields["case_study"]
        else:
            self.fields["case_study"].choices = [("", "–")] + [(page.pk, page.title) for page in link_pages]
            self.fields["case_study"].help_text = _("Optional: a case study that grew out of the example.")
        if not self.is_bound and self.instance.pk is None:
            self.initial["taken_up_on"] = timezone.localdate()
        if self.instance.case_study_id and "case_study" in self.fields:
            self.initial["case_study"] = self.instance.case_study_id

    def clean_taken_up_on(self):
        day = self.cleaned_data["taken_up_on"]
        if day and day > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return day
