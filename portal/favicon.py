"""/favicon.ico: browsers and feed readers ask for it at the site's root, whatever the page links to.

The file lives with the other static files (portal/static/portal/favicon.ico, drawn by scripts/make_favicon.py);
this view answers the root address with it, read once, so the request never reaches Wagtail's page tree.
"""

from functools import cache

from django.contrib.auth.decorators import login_not_required
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.views.decorators.http import require_safe


@cache
def _icon():
    with open(finders.find("portal/favicon.ico"), "rb") as file:
        return file.read()


@login_not_required  # the login page shows it too, and the icon tells nothing about the intranet
@require_safe
def favicon(request):
    response = HttpResponse(_icon(), content_type="image/vnd.microsoft.icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response
