"""Lock-outs after repeated failed logins (django-axes), as readers and administrators see them.

django-axes counts the failures and refuses a locked-out username or address on every login form (settings:
AXES_*). Erfa renders its refusal: the login form again, in the reader's language, with the username kept,
saying when to try again and whom to ask. Administrators see and lift lock-outs in the admin (views.py).
"""

import math

from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from axes.utils import reset
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import Max, Sum
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.views.account import get_user_login_form


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the login form of the page the reader used, with the lock-out notice."""
    username = get_client_username(request, credentials) or ""
    cool_off = get_cool_off(request)
    context = {
        "username": username,
        "minutes": math.ceil(cool_off.total_seconds() / 60),
        "until": timezone.now() + cool_off,
        "next": request.POST.get("next", ""),
    }
    if request.path_info.startswith(reverse("wagtailadmin_home")):
        # The form the admin's login view uses (settings.WAGTAILADMIN_USER_LOGIN_FORM).
        context["form"] = get_user_login_form()(request=request, initial={"username": username})
        template = "accounts/admin_lockout.html"
    else:
        context["form"] = AuthenticationForm(request=request, initial={"username": username})
        template = "registration/lockout.html"
    return render(request, template, context, status=429)


def client_ip_behind_proxy(request):
    """AXES_CLIENT_IP_CALLABLE with BEHIND_TLS_PROXY=1: the address the proxy itself appended.

    Earlier entries of X-Forwarded-For come from the client and could be forged to dodge the per-address count.
    """
    forwarded = [item.strip() for item in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if item.strip()]
    return forwarded[-1] if forwarded else request.META.get("REMOTE_ADDR")


def _locked(field):
    """Values of `field` (username or ip_address) whose failures within the cool-off reach the limit."""
    threshold = timezone.now() - get_cool_off()
    attempts = AccessAttempt.objects.filter(attempt_time__gte=threshold).exclude(**{f"{field}__isnull": True})
    if field == "username":
        attempts = attempts.exclude(username="")
    rows = (
        attempts.values(field)
        .annotate(failures=Sum("failures_since_start"), last_attempt=Max("attempt_time"))
        .filter(failures__gte=get_failure_limit(None, None))
        .order_by("-last_attempt")
    )
    return [{"value": row[field], "failures": row["failures"], "last_attempt": row["last_attempt"]} for row in rows]


def locked_usernames():
    return _locked("username")


def locked_addresses():
    return _locked("ip_address")


def unlock_username(username):
    return reset(username=username)


def unlock_address(ip_address):
    return reset(ip=ip_address)
