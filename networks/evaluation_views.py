"""The network page's evaluation routes: the members' form, and the facilitators' figures.

Both answers are personal (a member's own answer, the free texts only facilitators read), so they
are never stored by the page cache (never-cache headers, see caching/page_cache.py).
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from caching.personal import personal
from networks import evaluation
from portal.i18n import reader_page_url


def never_cached(view):
    """never_cache for these views, which take the page before the request."""

    @wraps(view)
    def wrapped(network, request):
        response = view(network, request)
        personal(response)
        return response

    return wrapped


def _login_first(request):
    return redirect_to_login(request.get_full_path())


@never_cached
def answer(network, request):
    """GET the form (with the member's earlier answer), POST to save it; members of ended networks only."""
    if not request.user.is_authenticated:
        return _login_first(request)
    if not evaluation.may_answer(request.user, network):
        raise PermissionDenied
    existing = evaluation.answer_of(request.user, network)
    form = evaluation.EvaluationForm(request.POST or None, instance=existing)
    if request.method == "POST" and form.is_valid():
        answer = form.save(commit=False)
        answer.user = request.user
        answer.network = network
        answer.language = translation.get_language()
        answer.save()
        messages.success(request, _("Thank you. Your evaluation is saved; you can change it here."))
        return HttpResponseRedirect(page_url(network, request, evaluation.EVALUATION_ROUTE))
    return TemplateResponse(
        request,
        "networks/evaluation.html",
        {"page": network, "self": network, "form": form, "existing": existing},
    )


@never_cached
def results(network, request):
    """The aggregate and the free texts, for the network's facilitators (and superusers)."""
    if not request.user.is_authenticated:
        return _login_first(request)
    if not evaluation.may_see_results(request.user, network):
        raise PermissionDenied
    rows = list(evaluation.answers(network).select_related("network__locale").order_by("created"))
    return TemplateResponse(
        request,
        "networks/evaluation_results.html",
        {
            "page": network,
            "self": network,
            "aggregate": evaluation.aggregate([row.would_join_again for row in rows]),
            "answers": rows,
            "members": evaluation.member_users(network).count(),
        },
    )


def page_url(network, request, route):
    return reader_page_url(network, request) + network.reverse_subpage(route)
