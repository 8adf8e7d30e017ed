import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings

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
    passwords = {line.split()[0]: line.split()[1] for line in output.splitlines()[1:]}
    assert set(passwords) == {"employee", "resource", "facilitator", "communications", "admin"}
    assert client.login(username="employee", password=passwords["employee"])
    employee = get_user_model().objects.get(username="employee")
    assert [group.name for group in employee.groups.all()] == ["Employees"]
    assert not employee.has_perm("wagtailadmin.access_admin")
    assert get_user_model().objects.get(username="communications").has_perm("wagtailadmin.access_admin")
    assert get_user_model().objects.get(username="admin").is_superuser


def test_demo_users_are_refused_in_production():
    with pytest.raises(CommandError, match="DJANGO_DEBUG=1"):
        run("create_demo_users")
