"""The feedback forms' targets. A content page is cached per permission class, so its forms post
here, never to the page, and the reader is sent back to it with a message (which the page cache
never stores). Nothing here shows a reader anyone else's feedback, nor their own vote on the page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from feedback import rules
from feedback.forms import ReportForm, UsefulVoteForm
from portal.i18n import reader_page_url


def _page_or_404(page_id, request):
    page = rules.feedback_page(page_id, request)
    if page is None:
        raise Http404
    return page


@login_required
def vote(request, page_id):
    page = _page_or_404(page_id, request)
    if request.method != "POST":
        # A bookmarked, shared or reloaded address of the form goes to its page, not to an empty 405.
        return redirect(reader_page_url(page, request) + "#page-feedback")
    form = UsefulVoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please answer yes or no."))
    elif rules.vote_rate_limited(request.user):
        messages.error(request, _("You have answered many pages in the last hour. Please try again a little later."))
    else:
        rules.record_vote(page, request.user, form.cleaned_data["useful"])
        messages.success(request, _("Thank you for your answer."))
    return redirect(reader_page_url(page, request) + "#page-feedback")


def render_report_form(request, page, form, status=200):
    response = render(
        request,
        "feedback/report_form.html",
        {"page": page, "form": form, "page_url": reader_page_url(page, request)},
        status=status,
    )
    # The reader's own text: never stored by a cache.
    add_never_cache_headers(response)
    return response


@require_http_methods(["GET", "POST"])
@login_required
def report(request, page_id):
    """GET: the form on its own page (where the page's form leads without JavaScript, and after an error)."""
    page = _page_or_404(page_id, request)
    if request.method != "POST":
        return render_report_form(request, page, ReportForm())
    form = ReportForm(request.POST)
    if not form.is_valid():
        return render_report_form(request, page, form, status=400)
    if rules.report_rate_limited(request.user):
        form.add_error(
            None,
            _(
                "You have sent %(count)s reports in the last hour, which is as many as Erfa allows. "
                "Your text is kept below: please send it a little later."
            )
            % {"count": rules.REPORT_RATE_LIMIT},
        )
        return render_report_form(request, page, form, status=429)
    rules.file_report(page, request.user, form.cleaned_data["comment"])
    messages.success(request, _("Thank you. Your report has been sent to the page's content owner."))
    return redirect(reader_page_url(page, request) + "#page-feedback")
