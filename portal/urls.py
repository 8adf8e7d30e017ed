from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import front_end_urls
from portal.admin_area import ADMIN_PATH
from portal.csp import csp_report
from portal.favicon import favicon
from portal.health import healthz
from portal.media import serve_media

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon, name="favicon"),
    # Where browsers report Content-Security-Policy violations (settings.CSP_REPORT_URL).
    path(settings.CSP_REPORT_URL.strip("/") + "/", csp_report, name="csp_report"),
    path(ADMIN_PATH, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Uploaded files, in every mode: each one checked before it is sent (portal/media.py).
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve_media, name="media"),
    # What the apps above portal serve without a language prefix: the read API, single sign-on's callback,
    # calendar feeds (portal/front_end_urls.py).
    *front_end_urls.unprefixed_patterns(),
]

# Every front-end URL carries its language (/en/, /sv/, /nb/, /da/, /nl/);
# a bare "/" is sent on to the visitor's preferred language by LocaleMiddleware.
urlpatterns += i18n_patterns(
    # What the apps above portal register, e.g. the search page and the login view (portal/front_end_urls.py).
    *front_end_urls.patterns(),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include(wagtail_urls)),
)
