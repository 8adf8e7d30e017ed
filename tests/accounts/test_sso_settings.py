"""Single sign-on's settings, read from the environment (portal/settings_sso.py): defaults and clear errors."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.settings_sso import form_targets, from_environment, parse_role_map

PROVIDER = {"OIDC_ISSUER": "https://login.example.org/", "OIDC_CLIENT_ID": "erfa", "OIDC_CLIENT_SECRET": "s3cret"}


def test_without_an_issuer_single_sign_on_is_off_and_passwords_work():
    found = from_environment({})
    assert found["SSO_ENABLED"] is False
    assert found["LOCAL_ACCOUNTS"] is True


def test_the_documented_defaults():
    found = from_environment(PROVIDER)
    assert found["SSO_ENABLED"] is True
    assert found["OIDC_ISSUER"] == "https://login.example.org"  # Without the slash, as discovery appends its path.
    assert found["OIDC_RP_SCOPES"] == "openid email profile"
    assert found["OIDC_GROUPS_CLAIM"] == "groups"
    assert found["OIDC_ROLE_MAP"] == {}
    assert found["OIDC_LOGOUT"] is True
    assert found["LOCAL_ACCOUNTS"] is True


def test_the_role_map_gives_each_provider_group_a_role_and_several_groups_may_give_one():
    assert parse_role_map(
        " erfa-communications = Communications , erfa-facilitators=Network facilitators,"
        "erfa-network-leads=Network facilitators,"
    ) == {
        "erfa-communications": "Communications",
        "erfa-facilitators": "Network facilitators",
        "erfa-network-leads": "Network facilitators",
    }


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"OIDC_ROLE_MAP": "erfa-communications"}, "is not of the form provider-group=Role"),
        ({"OIDC_ROLE_MAP": "erfa-admins=Administrators"}, "'Administrators' (for 'erfa-admins') is not one of"),
        ({"OIDC_ROLE_MAP": "a=Communications,a=Employees"}, "'a' is mapped to both"),
        ({"OIDC_CLIENT_SECRET": ""}, "OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are needed too"),
        ({"OIDC_ISSUER": "login.example.org"}, "OIDC_ISSUER must be the provider's URL"),
        ({"OIDC_SCOPES": "email profile"}, "OIDC_SCOPES must include openid"),
        ({"LOCAL_ACCOUNTS": "maybe"}, "LOCAL_ACCOUNTS must be 1 or 0"),
        ({"OIDC_LOGOUT": "sometimes"}, "OIDC_LOGOUT must be 1 or 0"),
        ({"OIDC_ISSUER": "", "LOCAL_ACCOUNTS": "0"}, "LOCAL_ACCOUNTS=0 needs single sign-on"),
    ],
)
def test_a_bad_value_names_the_variable_and_what_is_wrong(environment, message):
    with pytest.raises(ImproperlyConfigured) as error:
        from_environment({**PROVIDER, **environment})
    assert message in str(error.value)


def test_the_logout_form_may_lead_to_the_providers_origin_and_nowhere_else():
    assert form_targets({"OIDC_ISSUER": "https://login.example.org/realms/erfa"}) == ["https://login.example.org"]
    assert form_targets({}) == []
