from django import forms
from django.utils.translation import gettext_lazy as _

from people.choices import SPOKEN_LANGUAGES
from people.contact import clean_header_text
from portal.filter_form import FilterForm

SUBJECT_MAX_LENGTH = 150
BODY_MIN_LENGTH = 10
BODY_MAX_LENGTH = 5000


class ContactMessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=SUBJECT_MAX_LENGTH)
    body = forms.CharField(
        label=_("Message"),
        min_length=BODY_MIN_LENGTH,
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "From 10 to 5,000 characters. Your name and e-mail address are sent with it, so they can reply."
        ),
        # Django's own message counts what is missing ("at least 10 characters (it has 4)"); say it plainly.
        error_messages={"min_length": _("Please write a little more: a message needs at least 10 characters.")},
    )
    send_copy = forms.BooleanField(label=_("Send me a copy"), required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "contact-%s")
        super().__init__(*args, **kwargs)

    def clean_subject(self):
        # A subject is one line: line breaks and control characters become spaces, never header lines.
        subject = clean_header_text(self.cleaned_data["subject"])
        if not subject:
            raise forms.ValidationError(_("Please write a subject."))
        return subject


class DirectoryFilterForm(FilterForm):
    """The directory's GET parameters. A value that does not fit is ignored, never an error page."""

    q = forms.CharField(label=_("Search by name, expertise, job title or organisation"), required=False)
    topic = forms.TypedChoiceField(label=_("Topic"), coerce=int, required=False, empty_value=None)
    organisation = forms.TypedChoiceField(label=_("Organisation"), coerce=int, required=False, empty_value=None)
    network = forms.TypedChoiceField(label=_("Network"), coerce=int, required=False, empty_value=None)
    language = forms.ChoiceField(label=_("Language spoken"), required=False)
    letter = forms.CharField(required=False, max_length=1)

    def __init__(self, data=None, *, topics=(), organisations=(), networks=None):
        """The choices are (id, label) pairs (people.directory.options)."""
        super().__init__(data, auto_id="directory-%s")
        # The choice of everything is named as in every listing's filters.
        self.fields["topic"].choices = [("", _("All topics")), *topics]
        self.fields["organisation"].choices = [("", _("All organisations")), *organisations]
        self.fields["language"].choices = [("", _("All languages")), *SPOKEN_LANGUAGES]
        if networks is None:
            # Without the networks app (or its relations) there is nothing to filter by.
            del self.fields["network"]
        else:
            self.fields["network"].choices = [("", _("All networks")), *networks]
