"""Two-factor authentication in the admin for Communications and administrators, and for no one else."""

import io
import re
import time
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor
from portal.factories import UserFactory
from portal.roles import COMMUNICATIONS, NETWORK_FACILITATORS, RESOURCE_PERSONS

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
ENROL = "/admin/two-factor/enrol/"
VERIFY = "/admin/two-factor/verify/"


@pytest.fixture
def roles(site_tree):
    call_command("setup_roles", stdout=io.StringIO())


def user_in(role, username):
    if role == "Administrators":
        return UserFactory(username=username, is_superuser=True, is_staff=True)
    return UserFactory(username=username, role=role)


def signed_in(user):
    """A client past the password, through the admin's own login form."""
    client = Client()
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def code(device, offset=0):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset):06d}"


@pytest.mark.parametrize("role", [COMMUNICATIONS, "Administrators"])
def test_without_a_device_the_admin_sends_the_user_to_enrol(roles, role):
    client = signed_in(user_in(role, "kaja"))
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{ENROL}?next={quote('/admin/pages/', safe='')}"


def test_enrolment_shows_a_local_qr_code_and_the_secret_and_a_code_finishes_it(roles):
    user = user_in(COMMUNICATIONS, "kaja")
    client = signed_in(user)
    page = client.get(f"{ENROL}?next=/admin/pages/").content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert "<svg" in page
    assert two_factor.base32_secret(device) in page
    # The QR code is drawn here: the page loads nothing from elsewhere.
    assert not re.search(r"""src=["']https?://|url\(["']?https?://""", page)

    finished = client.post(ENROL, {"otp_token": code(device), "next": "/admin/pages/"})
    assert finished.status_code == 200
    shown = re.findall(r"<li><code>([0-9a-f]+)</code></li>", finished.content.decode())
    assert len(shown) == two_factor.RECOVERY_CODE_COUNT
    assert sorted(shown) == sorted(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert 'href="/admin/pages/"' in finished.content.decode()
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/pages/").status_code == 200


def test_a_wrong_code_does_not_finish_enrolment(roles):
    user = user_in(COMMUNICATIONS, "kaja")
    client = signed_in(user)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=user)
    wrong = "000000" if code(device) != "000000" else "111111"
    response = client.post(ENROL, {"otp_token": wrong})
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/admin/").status_code == 302


@pytest.fixture
def enrolled(roles):
    user = user_in(COMMUNICATIONS, "kaja")
    device = TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    return user, device


@pytest.mark.parametrize(
    "url",
    ["/admin/", "/admin/pages/", "/admin/snippets/", "/admin/documents/", "/admin/lockouts/", ENROL],
)
def test_with_a_device_every_admin_view_asks_for_the_code_first(enrolled, url):
    user, _device = enrolled
    response = signed_in(user).get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{VERIFY}?next=")


def test_a_wrong_code_is_refused_and_the_right_one_lets_in(enrolled):
    user, device = enrolled
    client = signed_in(user)
    wrong = "000000" if code(device) != "000000" else "111111"
    refused = client.post(VERIFY, {"otp_token": wrong, "next": "/admin/pages/"})
    assert refused.status_code == 200
    assert "That code is not right" in refused.content.decode()
    assert client.get("/admin/pages/").status_code == 302

    time.sleep(1.1)  # django-otp slows down guessing: one second after a wrong code.
    accepted = client.post(VERIFY, {"otp_token": code(device), "next": "/admin/pages/"})
    assert accepted.status_code == 302
    assert accepted["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_the_code_must_be_given_again_after_logging_in_again(enrolled):
    user, device = enrolled
    client = signed_in(user)
    client.post(VERIFY, {"otp_token": code(device)})
    assert client.get("/admin/").status_code == 200
    client.post("/admin/logout/")
    assert signed_in(user).get("/admin/").status_code == 302


def test_a_recovery_code_lets_in_once(enrolled):
    user, _device = enrolled
    codes = two_factor.new_recovery_codes(user)
    client = signed_in(user)
    assert client.post(VERIFY, {"otp_token": codes[0]}).status_code == 302
    assert client.get("/admin/").status_code == 200

    again = signed_in(user)
    response = again.post(VERIFY, {"otp_token": codes[0]})
    assert response.status_code == 200
    assert again.get("/admin/").status_code == 302
    time.sleep(1.1)  # django-otp slows down guessing: one second after a wrong code.
    assert again.post(VERIFY, {"otp_token": codes[1]}).status_code == 302


def test_an_outside_next_address_is_not_followed(enrolled):
    user, device = enrolled
    response = signed_in(user).post(VERIFY, {"otp_token": code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize("role", [RESOURCE_PERSONS, NETWORK_FACILITATORS])
def test_other_roles_use_the_admin_with_their_password_alone(roles, role):
    client = signed_in(user_in(role, "rune"))
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/account/").status_code == 200


def test_the_login_logout_and_script_catalogue_stay_open_before_the_code(enrolled):
    user, _device = enrolled
    client = signed_in(user)
    assert client.get("/admin/jsi18n/").status_code == 200
    # The icon sprite the code page itself fetches: redirecting it made the sprite the place to return to.
    sprite = client.get(reverse("wagtailadmin_sprite"))
    assert sprite.status_code == 200
    assert sprite["Content-Type"].startswith("image/svg+xml") or b"<svg" in sprite.content
    assert client.get(VERIFY).status_code == 200
    client.post("/admin/logout/")
    assert "_auth_user_id" not in client.session
