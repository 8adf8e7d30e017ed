"""Admin views for login protection: enrol and verify a second factor, and lift lock-outs.

portal/wagtail_hooks.py registers them under /admin/, so Wagtail's admin-access check and language apply.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from django_otp import login as otp_login
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from accounts import lockout, two_factor
from accounts.forms import TokenForm


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


@never_cache
def enrol(request):
    """Set up an authenticator app: a QR code and the secret as text, then a code from the app to confirm."""
    user = request.user
    if two_factor.confirmed_totp_device(user) and not user.is_verified():
        # Replacing an app needs the second factor first (a recovery code will do).
        return redirect(f"{reverse('erfa_two_factor_verify')}?{urlencode({'next': reverse('erfa_two_factor_enrol')})}")
    device = two_factor.pending_totp_device(user)
    form = TokenForm(request.POST or None, devices=[device])
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["otp_token"]):
            codes = two_factor.enrol_confirmed(user, device)
            otp_login(request, device)
            return render(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "next": _next_url(request)},
            )
        form.add_error("otp_token", _("That code is not right. Check the time on your phone and try the newest code."))
    context = {
        "form": form,
        "qr_code": two_factor.qr_code_svg(device),
        "secret": two_factor.base32_secret(device),
        "next": _next_url(request),
    }
    return render(request, "accounts/enrol.html", context)


@never_cache
def verify(request):
    """The second step of logging in to the admin: a code from the app, or a recovery code (once each)."""
    user = request.user
    if not two_factor.confirmed_totp_device(user):
        return redirect(f"{reverse('erfa_two_factor_enrol')}?{urlencode({'next': _next_url(request)})}")
    form = TokenForm(request.POST or None, devices=lambda token: two_factor.devices_for_code(user, token))
    if request.method == "POST" and form.is_valid():
        device = two_factor.verified_device(user, form.cleaned_data["otp_token"])
        if device is not None:
            otp_login(request, device)
            two_factor.forgive_wrong_codes(user)
            return redirect(_next_url(request))
        form.add_error(
            "otp_token",
            _("That code is not right, or it has been used already. Wait a moment and try the newest code."),
        )
    return render(request, "accounts/verify.html", {"form": form, "next": _next_url(request)})


class LockoutsView(WagtailAdminTemplateMixin, TemplateView):
    """Administrators see which usernames and addresses are locked out, and unlock them."""

    template_name = "accounts/lockouts.html"
    page_title = gettext_lazy("Login lock-outs")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["usernames"] = lockout.locked_usernames()
        context["addresses"] = lockout.locked_addresses()
        context["failure_limit"] = lockout.get_failure_limit(None, None)
        return context

    def post(self, request, *args, **kwargs):
        if username := request.POST.get("username"):
            lockout.unlock_username(username)
            messages.success(request, _("“%(username)s” can log in again.") % {"username": username})
        elif address := request.POST.get("ip_address"):
            lockout.unlock_address(address)
            messages.success(request, _("Logins from %(address)s are allowed again.") % {"address": address})
        return redirect("erfa_lockouts")
