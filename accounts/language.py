"""The "Language" section of the reader's account page: the language Erfa writes to the reader in.

Every e-mail (sign-off requests, digests, replies, reminders) and the bare address's home page follow
the language of the reader's account (portal.i18n.preferred_language), which is Wagtail's user profile
setting. Wagtail offers it only in the admin, which most employees may not use: here everyone can
choose it, and it is the same setting, so the admin's account page shows the same choice.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.users.models import UserProfile

from accounts import account_page
from portal.languages import SETTINGS_LANGUAGES, base_code

KEY = "language"


class LanguageSelect(forms.Select):
    """Each language's name marked as written in that language, so that a screen reader says "Svenska" in Swedish."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value:
            option["attrs"]["lang"] = value
        return option


class LanguageForm(forms.Form):
    language = forms.ChoiceField(
        widget=LanguageSelect,
        label=gettext_lazy("Your language"),
        # Each language named in itself, as the site's language switcher does: a reader finds their own.
        choices=[("", gettext_lazy("The language my browser asks for")), *SETTINGS_LANGUAGES],
        required=False,
        help_text=gettext_lazy(
            "Erfa writes its e-mails to you in this language, and opens in it when you come to its address."
        ),
    )


def context(request):
    chosen = UserProfile.get_for_user(request.user).preferred_language
    return {"form": LanguageForm(initial={"language": base_code(chosen) or ""})}


def post(request):
    form = LanguageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the languages in the list."))
        return None
    profile = UserProfile.get_for_user(request.user)
    profile.preferred_language = form.cleaned_data["language"]
    profile.save(update_fields=["preferred_language"])
    language = form.cleaned_data["language"] or base_code(translation.get_language())
    # The account page again, now in the chosen language, with the confirmation at its top in it too.
    with translation.override(language):
        messages.success(request, _("Saved. Erfa now writes to you in this language."))
        return redirect(account_page.ROUTE_NAME)


SECTION = account_page.Section(KEY, gettext_lazy("Language"), "accounts/language_section.html", 10, context, post)
