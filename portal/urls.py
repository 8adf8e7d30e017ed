from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import front_end_urls
from portal.csp import csp_report
from portal.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Where browsers report Content-Security-Policy violations (settings.CSP_REPORT_URL).
    path(settings.CSP_REPORT_URL.strip("/") + "/", csp_report, name="csp_report"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every front-end URL carries its language (/en/, /sv/, /nb/, /da/, /nl/);
# a bare "/" is sent on to the visitor's preferred language by LocaleMiddleware.
urlpatterns += i18n_patterns(
    path("accounts/", include("django.contrib.auth.urls")),
    # What the apps above portal register, e.g. the search page (portal/front_end_urls.py).
    *front_end_urls.patterns(),
    path("", include(wagtail_urls)),
)
