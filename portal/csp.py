"""Content-Security-Policy: the admin's own policy, and the endpoint browsers report violations to.

Django's ContentSecurityPolicyMiddleware sends settings.SECURE_CSP, which is strict: the site's own
scripts and styles, nothing inline. Wagtail's admin writes inline scripts and styles, so its pages get
settings.ERFA_ADMIN_CSP instead, through the same per-response override that Django's csp_override
decorator uses (response._csp_config); the admin's URLs are Wagtail's, so no decorator can reach them.
"""

import json
import logging

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from portal.admin_area import in_admin
from portal.numbers import whole_number

logger = logging.getLogger("erfa.csp")

# A report is a few hundred bytes; a bigger body is not a report.
MAX_REPORT_BYTES = 8 * 1024
# Reports per client address per minute that are logged; one page can violate a policy many times.
MAX_REPORTS_PER_MINUTE = 30


class AdminContentSecurityPolicyMiddleware:
    """Give Wagtail's admin (and its previews, which render under /admin/) the admin policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if in_admin(request) and not hasattr(response, "_csp_config"):
            response._csp_config = settings.ERFA_ADMIN_CSP
        return response


def _over_limit(request):
    key = f"erfa-csp-reports:{request.META.get('REMOTE_ADDR', '')}"
    cache.add(key, 0, timeout=60)
    try:
        return cache.incr(key) > MAX_REPORTS_PER_MINUTE
    except ValueError:  # The entry expired between add() and incr().
        return False


# Browsers send reports without a CSRF token, and may send them before anyone has signed in.
@login_not_required
@csrf_exempt
@require_POST
def csp_report(request):
    """Log a browser's violation report at WARNING; answer 204 whatever it holds."""
    length = whole_number(request.META.get("CONTENT_LENGTH") or "0")
    if length is None or length > MAX_REPORT_BYTES:
        return HttpResponse(status=413)
    if _over_limit(request):
        return HttpResponse(status=429)
    try:
        report = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return HttpResponse(status=400)
    logger.warning("Content-Security-Policy violation: %s", json.dumps(report, sort_keys=True)[:MAX_REPORT_BYTES])
    return HttpResponse(status=204)
