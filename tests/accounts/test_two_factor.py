"""Two-factor authentication in the admin for Communications and administrators, and for no one else."""

import html
import io
import re
import time
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format, time_format
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

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


# django-otp's throttling: after n wrong codes in a row it refuses every code, the right one too, for 2^(n-1)
# seconds from the last wrong one. The tests set that state in the device rather than wait for it.


WRONG_ON_VERIFY = "That code is not right, or it has been used already. Wait a moment and try the newest code."
WRONG_ON_ENROL = "That code is not right. Check the time on your phone and try the newest code."


def lock(device, failures, seconds_ago=0):
    """The device as django-otp leaves it after `failures` wrong codes, the last one `seconds_ago` seconds ago."""
    device.throttling_failure_count = failures
    device.throttling_failure_timestamp = timezone.now() - timedelta(seconds=seconds_ago)
    device.save(update_fields=["throttling_failure_count", "throttling_failure_timestamp"])


def working_in(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save(update_fields=["preferred_language"])


def page_of(response):
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def in_seconds(language, most):
    """The message for any wait of `most` seconds or a little less (the request itself takes a moment)."""
    with translation.override(language):
        return {
            translation.ngettext(
                "Too many wrong codes. Try again in %(seconds)d second.",
                "Too many wrong codes. Try again in %(seconds)d seconds.",
                seconds,
            )
            % {"seconds": seconds}
            for seconds in range(max(1, most - 2), most + 1)
        }


def shown_once(page, messages):
    return sum(page.count(message) for message in messages) == 1


@pytest.mark.parametrize("language", ["en", "da"])
def test_a_locked_code_page_says_so_and_when_then_takes_the_right_code(enrolled, language):
    user, device = enrolled
    working_in(user, language)
    client = signed_in(user)
    lock(device, failures=4, seconds_ago=2)  # Locked for 8 seconds, 6 of them still to go.

    right = code(device)
    page = page_of(client.post(VERIFY, {"otp_token": right, "next": "/admin/pages/"}))
    assert shown_once(page, in_seconds(language, 6))
    with translation.override(language):
        assert translation.gettext(WRONG_ON_VERIFY) not in page
        continue_label = translation.gettext("Continue")
    assert continue_label in page  # The rest of the page is in the user's language too.
    if language != "en":
        assert continue_label != "Continue"
    # The form keeps the code and where to go next, for another try.
    assert f'value="{right}"' in page and 'name="next" value="/admin/pages/"' in page
    assert client.get("/admin/pages/").status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 4  # Refusing a code while locked is not another wrong code.

    lock(device, failures=4, seconds_ago=9)  # The 8 seconds are over.
    accepted = client.post(VERIFY, {"otp_token": right, "next": "/admin/pages/"})
    assert accepted.status_code == 302
    assert accepted["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


@pytest.mark.parametrize("language", ["en", "da"])
def test_a_long_lock_gives_the_time_of_day_to_try_again(enrolled, language):
    user, device = enrolled
    working_in(user, language)
    client = signed_in(user)
    lock(device, failures=11)  # 1024 seconds.
    device.refresh_from_db()
    until = timezone.localtime(device.throttling_failure_timestamp + timedelta(seconds=1024))
    # Shown to the minute, rounded up: the first minute in which a code is taken.
    until = until.replace(second=0, microsecond=0) + timedelta(minutes=1)

    page = page_of(client.post(VERIFY, {"otp_token": code(device)}))
    with translation.override(language):
        if until.date() == timezone.localdate():
            expected = translation.gettext("Too many wrong codes. Wait until %(time)s, then try again.") % {
                "time": time_format(until, "TIME_FORMAT")
            }
        else:
            expected = translation.gettext("Too many wrong codes. Wait until %(time)s on %(date)s, then try again.") % {
                "date": date_format(until, "DATE_FORMAT"),
                "time": time_format(until, "TIME_FORMAT"),
            }
    assert expected in page
    assert client.get("/admin/").status_code == 302


def test_a_wrong_app_code_locks_only_the_app_and_a_recovery_code_still_lets_in(enrolled):
    """Recovery codes are for when the app is out of reach: a mistyped app code counts against the app
    alone, so it cannot lock them too."""
    user, device = enrolled
    codes = two_factor.new_recovery_codes(user)
    client = signed_in(user)
    wrong = "000000" if code(device) != "000000" else "111111"
    client.post(VERIFY, {"otp_token": wrong})
    recovery = StaticDevice.objects.get(user=user)
    device.refresh_from_db()
    assert (device.throttling_failure_count, recovery.throttling_failure_count) == (1, 0)

    lock(device, failures=4)
    assert client.post(VERIFY, {"otp_token": codes[0]}).status_code == 302
    assert client.get("/admin/").status_code == 200
    assert not StaticToken.objects.filter(device__user=user, token=codes[0]).exists()


def test_a_recovery_code_waits_for_the_recovery_codes_lock_and_is_not_used_up(enrolled):
    user, device = enrolled
    codes = two_factor.new_recovery_codes(user)
    client = signed_in(user)
    client.post(VERIFY, {"otp_token": "0123abcdef"})  # not one of them
    recovery = StaticDevice.objects.get(user=user)
    device.refresh_from_db()
    assert (device.throttling_failure_count, recovery.throttling_failure_count) == (0, 1)
    lock(recovery, failures=4)

    page = page_of(client.post(VERIFY, {"otp_token": codes[0]}))
    assert shown_once(page, in_seconds("en", 8))
    assert WRONG_ON_VERIFY not in page
    assert StaticToken.objects.filter(device__user=user, token=codes[0]).exists()

    lock(recovery, failures=4, seconds_ago=9)
    assert client.post(VERIFY, {"otp_token": codes[0]}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_right_code_forgives_earlier_wrong_ones_on_every_device(enrolled):
    """Wrong codes made before a sign-in that succeeded do not grow the next sign-in's lock: after eleven
    earlier failures, one mistyped code would otherwise lock the user out for over half an hour."""
    user, device = enrolled
    two_factor.new_recovery_codes(user)
    recovery = StaticDevice.objects.get(user=user)
    lock(recovery, failures=11, seconds_ago=3600)
    lock(device, failures=2, seconds_ago=3600)

    client = signed_in(user)
    assert client.post(VERIFY, {"otp_token": code(device)}).status_code == 302
    device.refresh_from_db()
    recovery.refresh_from_db()
    assert (device.throttling_failure_count, recovery.throttling_failure_count) == (0, 0)

    # Signed in again later, one mistyped code is only that: wrong, with no lock to wait for.
    again = signed_in(user)
    wrong = "000000" if code(device) != "000000" else "111111"
    page = page_of(again.post(VERIFY, {"otp_token": wrong}))
    assert WRONG_ON_VERIFY in page
    assert "Too many wrong codes" not in page


@pytest.mark.parametrize("language", ["en", "da"])
def test_setting_up_an_app_says_when_a_locked_code_may_be_tried_again(roles, language):
    user = user_in(COMMUNICATIONS, "kaja")
    working_in(user, language)
    client = signed_in(user)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    lock(device, failures=3, seconds_ago=1)  # 4 seconds, 3 to go.

    page = page_of(client.post(ENROL, {"otp_token": code(device), "next": "/admin/pages/"}))
    assert shown_once(page, in_seconds(language, 3))
    with translation.override(language):
        assert translation.gettext(WRONG_ON_ENROL) not in page
    assert two_factor.base32_secret(device) in page  # Still the same app to set up.
    device.refresh_from_db()
    assert not device.confirmed

    lock(device, failures=3, seconds_ago=5)
    finished = client.post(ENROL, {"otp_token": code(device), "next": "/admin/pages/"})
    assert finished.status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/pages/").status_code == 200


def test_the_wait_is_told_in_seconds_under_a_minute_then_as_a_time_then_with_the_date():
    from accounts.forms import locked_message  # New with the message; imported here so the module loads without it.

    now = timezone.make_aware(timezone.datetime(2026, 3, 4, 10, 0, 0))
    with translation.override("en"):
        assert locked_message(now + timedelta(seconds=0.2), now) == "Too many wrong codes. Try again in 1 second."
        assert locked_message(now + timedelta(seconds=58.5), now) == "Too many wrong codes. Try again in 59 seconds."
        assert locked_message(now + timedelta(seconds=64), now) == (
            "Too many wrong codes. Wait until 10:02 a.m., then try again."
        )
        assert locked_message(now + timedelta(days=1, minutes=5), now) == (
            "Too many wrong codes. Wait until 10:05 a.m. on March 5, 2026, then try again."
        )
