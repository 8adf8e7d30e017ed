"""The reference for bench/pages.py: the smallest Django app, one view and no middleware.

    gunicorn bench.bare_app:application

It runs under the same gunicorn as Erfa, so the difference between the two is Erfa's own work.
"""

import django
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

BODY = b"<!doctype html><title>Bare</title><p>" + b"A bare Django view. " * 200 + b"</p>"


def bare(request):
    return HttpResponse(BODY)


urlpatterns = [path("", bare)]

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-only-not-a-secret",  # noqa: S106 - a throwaway process on loopback.
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    DATABASES={},
    USE_I18N=False,
)
django.setup()
application = get_wsgi_application()
