from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class TokenForm(forms.Form):
    otp_token = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The six-digit code your authenticator app shows now."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}),
    )

    def clean_otp_token(self):
        # Apps show codes as "123 456"; recovery codes are printed in lower case.
        return "".join(self.cleaned_data["otp_token"].split()).lower()


class AdminLoginForm(LoginForm):
    """The admin's login form (settings.WAGTAILADMIN_USER_LOGIN_FORM) with a translated password label.

    Wagtail's LoginForm gives its password field no label, so Django derives an English "Password" from its name.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
