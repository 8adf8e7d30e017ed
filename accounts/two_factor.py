"""Two-factor authentication (django-otp) for the roles that can publish or administer everything.

Communications publishes without review and Administrators can do anything, so a stolen password alone must
not open the admin to them. After the password, such a user either enrols an authenticator app (no device
yet) or enters a code from it, before any other admin view. Other roles may use the admin with their
password alone.
"""

import secrets
from base64 import b32encode
from urllib.parse import urlencode

import segno
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.roles import requires_second_factor

RECOVERY_CODE_COUNT = 10
DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"

# Admin views a user who has not given a second factor yet may still reach.
EXEMPT_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    # The icon sprite every admin page fetches: no data, and a redirect would become the place to return to.
    "wagtailadmin_sprite",
    "erfa_two_factor_enrol",
    "erfa_two_factor_verify",
}


def requires_two_factor(user):
    return requires_second_factor(user)


def confirmed_totp_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_totp_device(user):
    """The device being enrolled: kept unconfirmed until the user proves the app shows its codes."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def base32_secret(device):
    """The secret as authenticator apps take it when typed in (base32, in groups of four)."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device):
    """The otpauth:// URI as an inline SVG QR code, made here so that the secret never leaves the server."""
    return segno.make(device.config_url, error="m").svg_inline(scale=5, dark="#000", light="#fff")


def new_recovery_codes(user):
    """Replace the user's recovery codes with fresh ones, each usable once; return them to show once."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [secrets.token_hex(5) for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def devices_for_code(user, token):
    """The devices a code on the verify page is checked against: the app's for a code of digits (six, or
    eight for an app set so), the recovery codes for any other (ten characters, new_recovery_codes).

    Each code goes to its own kind of device only, so a mistyped app code counts against the app alone:
    django-otp's match_token would try it on every device and count a failure against each, and the
    recovery codes, which are there for when the app is out of reach, would lock with the app.
    """
    model = TOTPDevice if token.isdigit() and len(token) <= 8 else StaticDevice
    return list(model.objects.filter(user=user, confirmed=True))


def verified_device(user, token):
    """The device that accepts `token` (django-otp counts a failure against each that refuses it), or None."""
    return next((device for device in devices_for_code(user, token) if device.verify_token(token)), None)


def forgive_wrong_codes(user):
    """After the user has given a right code, their earlier wrong ones no longer count against any device,
    so the next sign-in does not start under a lock grown from mistakes made before this one."""
    for device in devices_for_user(user, confirmed=True):
        if device.throttling_failure_count:
            device.throttle_reset()


def locked_until(devices):
    """Until when django-otp refuses codes after wrong ones (exponential back-off), or None if it takes them now.

    A code is taken again only when none of `devices` (those it would be checked against) is locked.
    """
    times = []
    for device in devices:
        allowed, data = device.verify_is_allowed()
        if not allowed and data and data.get("locked_until"):
            times.append(data["locked_until"])
    return max(times, default=None)


def enrol_confirmed(user, device):
    """Confirm the enrolled app, dropping any older one, and hand out new recovery codes."""
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(user)


class TwoFactorRequiredMiddleware:
    """Send a Communications member or an administrator who has no verified second factor to enrol or verify.

    It sits after django-otp's OTPMiddleware, which tells whether this session gave a second factor
    (request.user.is_verified()), and only looks at the Wagtail admin.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return None
        match = request.resolver_match
        if match is not None and match.url_name in EXEMPT_URL_NAMES:
            return None
        user = request.user
        if not requires_two_factor(user) or user.is_verified():
            return None
        target = "erfa_two_factor_verify" if confirmed_totp_device(user) else "erfa_two_factor_enrol"
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
