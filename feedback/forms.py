from django import forms
from django.utils.translation import gettext_lazy as _

from feedback.models import COMMENT_MAX_LENGTH

COMMENT_MIN_LENGTH = 5


class UsefulVoteForm(forms.Form):
    useful = forms.TypedChoiceField(
        label=_("Was this useful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
    )


class ReportForm(forms.Form):
    comment = forms.CharField(
        label=_("What is outdated or wrong?"),
        min_length=COMMENT_MIN_LENGTH,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("At most 2,000 characters. The page's content owner receives it with your name."),
        error_messages={"required": _("Please say what is outdated or wrong.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "feedback-%s")
        super().__init__(*args, **kwargs)

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if len(comment) < COMMENT_MIN_LENGTH:
            raise forms.ValidationError(_("Please say what is outdated or wrong."))
        return comment
