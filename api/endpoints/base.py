"""What every endpoint shares: who may ask, how often, in JSON, and answers 400 to a query it does not know."""

import re

import elasticsearch
import opensearchpy
from django.db.models import Case, IntegerField, When
from django.urls import reverse
from django.utils.translation import gettext as _
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import APIException
from rest_framework.filters import BaseFilterBackend
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError, get_full_url
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from api.authentication import BearerTokenAuthentication
from api.throttling import TokenRateThrottle
from portal.languages import CODES

# The engine's best hits that a search lists at most; paging goes through them.
MAX_SEARCH_HITS = 500
MAX_SEARCH_LENGTH = 200
SEARCH_OPERATORS = {"and", "or"}
# Control characters (NUL among them, which PostgreSQL refuses) and lone surrogates are no part of a query.
UNUSABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# A search engine that does not answer (search/outage.py's transport errors; search sits beside api, so
# api names them itself): the client gets a 503 to retry, not a server error.
ENGINE_OUTAGE = (opensearchpy.ConnectionError, elasticsearch.ConnectionError, ConnectionError, TimeoutError)
# Larger numbers are no id and no offset: the database refuses them with an error, not an empty answer.
MAX_NUMBER = 2**31 - 1


def whole_number(request, name):
    """The parameter `name` as a number from 0 to MAX_NUMBER, None if absent; a 400 otherwise."""
    value = request.GET.get(name)
    if value is None:
        return None
    if not (value.isascii() and value.isdigit()) or int(value) > MAX_NUMBER:
        raise BadRequestError(_("%(name)s must be a positive integer") % {"name": name})
    return int(value)


class Pagination(WagtailPagination):
    """Wagtail's limit and offset, with an offset the database can take."""

    def paginate_queryset(self, queryset, request, view=None):
        whole_number(request, "offset")
        return super().paginate_queryset(queryset, request, view)


class ApiAccess:
    """Bearer token first, so that a request without credentials is answered 401 with its challenge."""

    authentication_classes = [BearerTokenAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]
    throttle_classes = [TokenRateThrottle]
    # JSON only: the browsable API's HTML would need scripts the Content-Security-Policy refuses.
    renderer_classes = [JSONRenderer]
    pagination_class = Pagination

    def find_object(self, queryset, request):
        # Wagtail's find hands ?id= to the database as it comes: a word there would be a server error.
        whole_number(request, "id")
        return super().find_object(queryset, request)


def requested_locale(request):
    """The language code of ?locale=, None without one; a 400 for a language the portal does not have."""
    code = request.GET.get("locale")
    if code is None:
        return None
    if code not in CODES:
        raise BadRequestError(_("locale must be one of: %(codes)s") % {"codes": ", ".join(CODES)})
    return code


class LocaleFilter(BaseFilterBackend):
    """Wagtail's ?locale=, with a 400 for an unknown language rather than a 404."""

    def filter_queryset(self, request, queryset, view):
        code = requested_locale(request)
        if code is None:
            return queryset
        child_of = getattr(queryset, "_filtered_by_child_of", None)
        queryset = queryset.filter(locale__language_code=code)
        if child_of is not None:
            queryset._filtered_by_child_of = child_of
        return queryset


class SearchUnavailable(APIException):
    status_code = 503
    default_code = "search_unavailable"

    def __init__(self):
        super().__init__(_("The search engine is not answering. Try again in a minute, or list without search."))


def search_text(request):
    text = UNUSABLE.sub(" ", request.GET.get("search", "")).strip()
    if not text:
        raise BadRequestError(_("search needs some words to look for"))
    if len(text) > MAX_SEARCH_LENGTH:
        raise BadRequestError(_("search can be at most %(count)d characters") % {"count": MAX_SEARCH_LENGTH})
    return text


class SearchFilter(BaseFilterBackend):
    """?search= through the search engine, then the listing's own rules, in the engine's order.

    Wagtail's own filter hands the whole filtered queryset to the engine, which cannot take the
    visibility clause (an EXISTS); so the engine ranks the model's live items and the listing's query
    keeps those the client may see. Last, like Wagtail's: it orders the result.
    """

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        text = search_text(request)
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError(_("search_operator must be “and” or “or”"))
        candidates = queryset.model.objects.all()
        if issubclass(queryset.model, Page):
            candidates = candidates.filter(live=True)
        results = get_search_backend().search(text, candidates.only("pk"), operator=operator)
        try:
            ids = [item.pk for item in results[:MAX_SEARCH_HITS]]
        except ENGINE_OUTAGE as error:
            raise SearchUnavailable from error
        queryset = queryset.filter(pk__in=ids)
        if "order" not in request.GET:
            rank = Case(*(When(pk=pk, then=position) for position, pk in enumerate(ids)), output_field=IntegerField())
            queryset = queryset.order_by(rank) if ids else queryset
        return queryset


def check_known_parameters(request, known):
    unknown = set(request.GET) - set(known)
    if unknown:
        raise BadRequestError(
            _("query parameter is not an operation or a recognised field: %(names)s")
            % {"names": ", ".join(sorted(unknown))}
        )


def detail_url(request, endpoint, pk):
    """The full URL of an item of one of the API's endpoints (a person, a network)."""
    return get_full_url(request, reverse(f"{request.wagtailapi_router.url_namespace}:{endpoint}:detail", args=[pk]))
