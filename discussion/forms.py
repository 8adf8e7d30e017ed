"""The forms of a page's discussion: a reader's question or comment, and the owner's answer."""

from django import forms
from django.utils.translation import gettext_lazy as _

from discussion.models import Comment

MAX_LENGTH = 2000


class CommentForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What you are writing"),
        choices=Comment.Kind.choices,
        initial=Comment.Kind.QUESTION,
        widget=forms.RadioSelect,
    )
    body = forms.CharField(
        label=_("Your question or comment"),
        max_length=MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Everyone who may read this page sees it, with your name. The page’s owner is told by e-mail."),
    )

    def __init__(self, *args, **kwargs):
        # Its own ids: the page it ends may hold other forms with a "body" field.
        kwargs.setdefault("auto_id", "discussion_%s")
        super().__init__(*args, **kwargs)


class AnswerForm(forms.Form):
    body = forms.CharField(
        label=_("Your answer"),
        max_length=MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The person who asked is told by e-mail."),
    )
