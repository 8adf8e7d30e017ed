"""/api/v2/: Wagtail's API router with Erfa's endpoints, and the OpenAPI schema that describes them.

The intranet asks every front-end view for a signed-in session (portal.middleware) and would send an
API client to the login form; the API answers for itself instead (401 without credentials), so its
views are marked login_not_required. Its views also name this module as the request's URLconf:
LocaleMiddleware answers a 404 outside the language prefixes with a redirect to the same path under
/en/ when that path exists there, and under /en/ Wagtail serves every path. Looked up among the API's
own URLs instead, a "not found" stays a 404.
"""

import functools

from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.urls import include, path, re_path
from django.utils.translation import gettext as _
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.utils.urlpatterns import decorate_urlpatterns

from api.endpoints.networks import NetworksEndpoint
from api.endpoints.people import PeopleEndpoint
from api.endpoints.wagtail import DocumentsEndpoint, ImagesEndpoint, PagesEndpoint
from api.schema import SchemaView

NAMESPACE = "api"

router = WagtailAPIRouter(NAMESPACE)
# Pages first: the router names a page's endpoint by the first whose model it is a kind of.
router.register_endpoint("pages", PagesEndpoint)
router.register_endpoint("documents", DocumentsEndpoint)
router.register_endpoint("images", ImagesEndpoint)
router.register_endpoint("people", PeopleEndpoint)
router.register_endpoint("networks", NetworksEndpoint)


def answered_by_the_api(view):
    @functools.wraps(view)
    def api_view(request, *args, **kwargs):
        request.urlconf = __name__
        return view(request, *args, **kwargs)

    return login_not_required(api_view)


def unknown_endpoint(request, rest):
    return JsonResponse({"message": _("There is no such endpoint. /api/v2/schema/ lists them.")}, status=404)


api_patterns = [
    path("schema/", SchemaView.as_view(router=router), name="schema"),
    *router.get_urlpatterns(),
    # Last: anything else under /api/v2/ is a JSON 404, not the login form or a redirect to a page.
    re_path(r"^(?P<rest>.*)$", unknown_endpoint),
]

decorate_urlpatterns(api_patterns, answered_by_the_api)

urlpatterns = [path("api/v2/", include((api_patterns, NAMESPACE), namespace=NAMESPACE))]
