from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Signing in: lock-outs after repeated failures (django-axes) and a second factor (django-otp)."""

    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.urls import include, path

        from accounts import account_page, language, signals  # noqa: F401 - signals connects the logged-out message.
        from accounts.account_page import ROUTE_NAME, account
        from accounts.login import LoginView
        from portal import front_end_urls

        # Signing in, ahead of Django's own view at that address (portal/urls.py puts these first).
        front_end_urls.register(path("accounts/login/", LoginView.as_view(), name="login"))
        # The reader's account page, under every language prefix (sections come from the apps above).
        front_end_urls.register(path("account/", account, name=ROUTE_NAME))
        # Its first section, the language Erfa writes to the reader in.
        account_page.register(language.SECTION)
        # Single sign-on's steps, at one address in every language, as the provider knows them (accounts/sso/).
        front_end_urls.register_unprefixed(path("oidc/", include("accounts.sso.urls")))
