import base64
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


def run(command, *args):
    out = io.StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


@override_settings(DEBUG=True)
def test_demo_users_cover_every_role_and_can_log_in(client):
    run("setup_site")
    run("setup_roles")
    output = run("create_demo_users")
    rows = output.split("\n\n")[0].splitlines()[1:]
    passwords = {line.split()[0]: line.split()[1] for line in rows}
    assert set(passwords) == {
        "employee",
        "manager",
        "resource",
        "facilitator",
        "spokesperson",
        "communications",
        "admin",
    }
    response = client.post("/en/accounts/login/", {"username": "employee", "password": passwords["employee"]})
    assert response.status_code == 302
    assert client.get("/en/").wsgi_request.user.username == "employee"
    employee = get_user_model().objects.get(username="employee")
    assert [group.name for group in employee.groups.all()] == ["Employees"]
    assert not employee.has_perm("wagtailadmin.access_admin")
    assert get_user_model().objects.get(username="communications").has_perm("wagtailadmin.access_admin")
    assert get_user_model().objects.get(username="admin").is_superuser


@override_settings(DEBUG=True)
def test_demo_communications_and_admin_users_get_an_authenticator_printed_beside_their_password():
    run("setup_site")
    run("setup_roles")
    output = run("create_demo_users")
    rows = {line.split()[0]: line for line in output.split("\n\n")[0].splitlines()[1:]}
    for username in ("communications", "admin"):
        device = TOTPDevice.objects.get(user__username=username, confirmed=True)
        secret = rows[username].split("authenticator secret:")[1].replace(" ", "")
        assert base64.b32decode(secret) == device.bin_key
        assert f"otpauth://totp/Erfa%3A{username}?secret={secret}" in output
        # The secret as printed gives the codes the admin accepts.
        assert device.verify_token(f"{totp(base64.b32decode(secret)):06d}")
    for username in ("employee", "resource", "facilitator", "spokesperson"):
        assert "authenticator secret" not in rows[username]
        assert not TOTPDevice.objects.filter(user__username=username).exists()


def test_demo_users_are_refused_in_production():
    with pytest.raises(CommandError, match="DJANGO_DEBUG=1"):
        run("create_demo_users")
