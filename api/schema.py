"""/api/v2/schema/: an OpenAPI 3 description of every endpoint the router holds, in JSON.

DRF's SchemaGenerator cannot introspect Wagtail's endpoints (their serializer is built per request
from ?fields=, and its path handling needs the uritemplate package), so the paths come from the
router and each endpoint's known query parameters; the item schemas of people and networks come from
their serializers through DRF's AutoSchema.map_serializer. Readable without a token: it describes the
API, never its data.
"""

from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.schemas.openapi import AutoSchema
from rest_framework.views import APIView

# What each query parameter means, for those the endpoints share.
PARAMETERS = {
    "limit": ("integer", "How many items to list (at most WAGTAILAPI_LIMIT_MAX, 100 by default)."),
    "offset": ("integer", "How many items to skip."),
    "locale": ("string", "Only items in this language: en, sv, nb, da or nl."),
    "search": ("string", "Words to look for, best matches first."),
    "search_operator": ("string", "“and” (every word) or “or” (any word)."),
    "fields": ("string", "Fields to add or remove (fields=summary,-slug; * for all the endpoint offers)."),
    "order": ("string", "A field to order by, - for descending."),
    "type": ("string", "Page types, app_label.ModelName, comma-separated."),
    "child_of": ("string", "Pages directly below this page id (or root)."),
    "ancestor_of": ("integer", "Pages above this page id."),
    "descendant_of": ("string", "Pages anywhere below this page id (or root)."),
    "translation_of": ("string", "The other language versions of this page id."),
    "organisation": ("integer", "People of this organisation id."),
    "rich_text_format": ("string", "How rich text is given: html or the editor's own format."),
}
IGNORED = {"format", "_"}


def parameter(name, location="query"):
    kind, description = PARAMETERS.get(name, ("string", f"Only items whose {name} is this value."))
    return {
        "name": name,
        "in": location,
        "required": location == "path",
        "schema": {"type": kind},
        "description": description,
    }


def item_schema(endpoint):
    serializer_class = getattr(endpoint, "schema_serializer", None)
    if serializer_class is None:
        # Wagtail's endpoints: the fields depend on ?fields= and the page type.
        return {"type": "object", "properties": {"id": {"type": "integer"}, "meta": {"type": "object"}}}
    return AutoSchema().map_serializer(serializer_class())


def listing_schema(item):
    meta = {"type": "object", "properties": {"total_count": {"type": "integer"}}}
    return {"type": "object", "properties": {"meta": meta, "items": {"type": "array", "items": item}}}


def operation(operation_id, summary, parameters, schema):
    return {
        "operationId": operation_id,
        "summary": summary,
        "parameters": parameters,
        "responses": {
            "200": {"description": "OK", "content": {"application/json": {"schema": schema}}},
            "400": {"description": "A query parameter is unknown or has a wrong value; `message` says which."},
            "401": {"description": "No valid token or session."},
            "404": {"description": "No such item, or not one the client may see."},
            "429": {"description": "Too many requests for this token; Retry-After says when to try again."},
            "503": {"description": "The search engine is not answering (with ?search= only); try again later."},
        },
    }


def endpoint_paths(prefix, name, endpoint):
    query = sorted(set(endpoint.known_query_parameters) - IGNORED)
    item = item_schema(endpoint)
    paths = {
        f"{prefix}{name}/": {
            "get": operation(f"list_{name}", f"List {name}", [parameter(p) for p in query], listing_schema(item))
        },
        f"{prefix}{name}/{{id}}/": {
            "get": operation(f"get_{name}", f"One of the {name}", [parameter("id", "path")], item)
        },
    }
    if any(getattr(pattern, "name", None) == "find" for pattern in endpoint.get_urlpatterns()):
        find = [parameter(p) for p in sorted(endpoint.find_query_parameters)]
        paths[f"{prefix}{name}/find/"] = {
            "get": operation(f"find_{name}", f"Find one of the {name} (redirects to it)", find, item)
        }
    return paths


def build(router, prefix="/api/v2/"):
    paths = {}
    for name, endpoint in router._endpoints.items():
        paths.update(endpoint_paths(prefix, name, endpoint))
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Erfa API",
            "version": "2",
            "description": "Read-only: what the portal shows the token's owner.",
        },
        "paths": paths,
        "components": {
            "securitySchemes": {
                "token": {"type": "http", "scheme": "bearer", "description": "A personal token from the account page."},
                "session": {"type": "apiKey", "in": "cookie", "name": "sessionid"},
            }
        },
        "security": [{"token": []}, {"session": []}],
    }


class SchemaView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []
    renderer_classes = [JSONRenderer]
    router = None

    def get(self, request):
        return Response(build(self.router))
