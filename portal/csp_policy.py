"""Erfa's two Content-Security-Policies, as Django's SECURE_CSP settings take them.

The front end runs only the site's own scripts and styles; violations are reported to
portal.csp.csp_report, which logs them. Wagtail's admin writes inline scripts and styles (date
pickers, inline panels, wagtail-localize), so it gets them, and nothing else: still only the site's
own origin. Imported by the settings, so it imports nothing from the app registry.
"""

from django.utils.csp import CSP


def policies(report_url, frame_sources=(), form_targets=()):
    """`form_targets`: other origins a form may lead to (the identity provider, where logging out ends)."""
    front_end = {
        "default-src": [CSP.SELF],
        "script-src": [CSP.SELF],
        "style-src": [CSP.SELF],
        "img-src": [CSP.SELF, "data:"],
        "font-src": [CSP.SELF],
        "connect-src": [CSP.SELF],
        "frame-src": [CSP.SELF, *frame_sources],
        "object-src": [CSP.NONE],
        "base-uri": [CSP.SELF],
        "form-action": [CSP.SELF, *form_targets],
        "frame-ancestors": [CSP.SELF],
        "report-uri": report_url,
    }
    admin = {
        **front_end,
        "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
        "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
        "img-src": [CSP.SELF, "data:", "blob:"],
        "font-src": [CSP.SELF, "data:"],
    }
    return front_end, admin
