"""A signed-in reader whom a "groups" view restriction keeps out gets Erfa's 403 page, not the sign-in form.

Wagtail answers every failed "login" or "groups" restriction, on a page (its `on_serve_page` check) and on
a document in a private collection (its `before_serve_document` check), with a redirect to sign in. For a
reader who is signed in already that is a dead end: signing in again changes nothing. Here such a reader
is refused instead (PermissionDenied: templates/403.html, in their language, as for a private image in
portal/media.py); anonymous visitors still go to sign in, and password restrictions keep Wagtail's form.
A lower hook order than Wagtail's puts the page hook around its check and the document hook before it;
Wagtail's views, URLs and checks stay as they are. A 403 is never stored by the page cache (200s only).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http.response import HttpResponseRedirectBase
from django.shortcuts import resolve_url
from wagtail.models import BaseViewRestriction

# Below Wagtail's own hooks (order 0): its checks run inside, or after, these.
ORDER = -1


def _keeps_out(restrictions, request):
    """Whether a "groups" restriction among `restrictions` refuses the signed-in reader of `request`."""
    return any(
        restriction.restriction_type == BaseViewRestriction.GROUPS and not restriction.accept_request(request)
        for restriction in restrictions
    )


def _is_sign_in_redirect(response):
    if not isinstance(response, HttpResponseRedirectBase):
        return False
    login_url = getattr(settings, "WAGTAIL_FRONTEND_LOGIN_URL", settings.LOGIN_URL)
    return urlsplit(response.url).path == urlsplit(resolve_url(login_url)).path


def refuse_signed_in_readers_of_pages(serve):
    """`on_serve_page` hook, wrapped around Wagtail's check of the page's view restrictions.

    Wagtail's check reads the restrictions on every page it serves (one query, pinned in
    tests/portal/test_query_budget.py); reading them again here would cost every page a second one. So
    this looks at what the check answered, and reads them again only when it sent a signed-in reader to
    sign in: a failed "groups" restriction is then why (a signed-in reader passes every "login" one).
    """

    def inner(page, request, serve_args, serve_kwargs):
        response = serve(page, request, serve_args, serve_kwargs)
        signed_in = request.user.is_authenticated
        if signed_in and _is_sign_in_redirect(response) and _keeps_out(page.get_view_restrictions(), request):
            raise PermissionDenied
        return response

    return inner


def refuse_signed_in_readers_of_documents(document, request):
    """`before_serve_document` hook, run before Wagtail's, which would send the reader to sign in."""
    if request.user.is_authenticated and _keeps_out(document.collection.get_view_restrictions(), request):
        raise PermissionDenied
