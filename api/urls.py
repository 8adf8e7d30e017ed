"""/api/v2/: Wagtail's API router with Erfa's endpoints, and the OpenAPI schema that describes them.

The intranet asks every front-end view for a signed-in session (portal.middleware) and would send an
API client to the login form; the API answers for itself instead (401 without credentials), so its
views are marked login_not_required.
"""

from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern, URLResolver, include, path
from wagtail.api.v2.router import WagtailAPIRouter

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


def answered_by_the_api(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            answered_by_the_api(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            login_not_required(pattern.callback)
    return patterns


api_patterns = [
    path("schema/", SchemaView.as_view(router=router), name="schema"),
    *router.get_urlpatterns(),
]

urlpatterns = [path("api/v2/", include((answered_by_the_api(api_patterns), NAMESPACE), namespace=NAMESPACE))]
