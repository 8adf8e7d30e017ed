import math
from datetime import timedelta

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from accounts import two_factor


def locked_message(until, now=None):
    """Too many wrong codes, and when django-otp takes a code again: in seconds, or at a time of day."""
    now = now or timezone.now()
    seconds = max(1, math.ceil((until - now).total_seconds()))
    if seconds < 60:
        return ngettext(
            "Too many wrong codes. Try again in %(seconds)d second.",
            "Too many wrong codes. Try again in %(seconds)d seconds.",
            seconds,
        ) % {"seconds": seconds}
    # The time is shown without seconds, so it is rounded up: from that minute on a code is taken.
    local = timezone.localtime(until)
    if local.second or local.microsecond:
        local = local.replace(second=0, microsecond=0) + timedelta(minutes=1)
    time = formats.time_format(local, "TIME_FORMAT")
    if local.date() == timezone.localdate(now):
        return gettext("Too many wrong codes. Wait until %(time)s, then try again.") % {"time": time}
    return gettext("Too many wrong codes. Wait until %(time)s on %(date)s, then try again.") % {
        "date": formats.date_format(local, "DATE_FORMAT"),
        "time": time,
    }


class TokenForm(forms.Form):
    otp_token = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The six-digit code your authenticator app shows now."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}),
    )

    def __init__(self, *args, devices=(), **kwargs):
        """`devices`: those the code is checked against, or a function from the code to them. After wrong
        codes django-otp refuses every code for a while, the right one too; the form then says so and when
        to try again, rather than calling it wrong."""
        super().__init__(*args, **kwargs)
        self.devices = devices

    def clean_otp_token(self):
        # Apps show codes as "123 456"; recovery codes are printed in lower case.
        token = "".join(self.cleaned_data["otp_token"].split()).lower()
        devices = self.devices(token) if callable(self.devices) else self.devices
        if (until := two_factor.locked_until(devices)) is not None:
            raise forms.ValidationError(locked_message(until), code="throttled")
        return token


class AdminLoginForm(LoginForm):
    """The admin's login form (settings.WAGTAILADMIN_USER_LOGIN_FORM) with a translated password label.

    Wagtail's LoginForm gives its password field no label, so Django derives an English "Password" from its name.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
