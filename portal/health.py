"""Liveness of the parts Erfa cannot work without, for load balancers and monitoring."""

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.search.backends import get_search_backend


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_search():
    """Raise if a search engine is configured and does not answer.

    The database backend lives in the database, which has its own check.
    """
    backend = get_search_backend()
    client = getattr(backend, "es", None)
    if client is None:
        return
    if not client.ping():
        raise ConnectionError("search engine did not answer")


CHECKS = {"database": check_database, "search": check_search}


def run_checks():
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # noqa: BLE001 - any failure means "down", and is reported by name.
            results[name] = f"down: {error.__class__.__name__}"
        else:
            results[name] = "ok"
    return results


@login_not_required
@never_cache
@require_GET
def healthz(request):
    results = run_checks()
    healthy = all(state == "ok" for state in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "down", "checks": results},
        status=200 if healthy else 503,
    )
