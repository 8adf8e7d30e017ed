"""Signing in on the front end: Django's login view, landing in the language the reader reads in."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import resolve_url
from django.utils import translation

from portal.i18n import preferred_language
from portal.languages import base_code


class LoginView(auth_views.LoginView):
    def get_default_redirect_url(self):
        """Without a next address, the home page in the language of the reader's account; for a reader who
        chose none, in the language of the login page they signed in on, chosen by its address."""
        if self.next_page:
            return resolve_url(self.next_page)
        language = preferred_language(self.request.user, default=base_code(translation.get_language()))
        with translation.override(language):
            return resolve_url(settings.LOGIN_REDIRECT_URL)  # reversed lazily, so under that language's prefix
