from tests.oidc.provider_fixture import oidc_provider, sso  # noqa: F401 - fixtures for the single sign-on tests.
