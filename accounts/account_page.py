"""The reader's own account page, /<language>/account/: one place for what belongs to a person, not a page.

accounts sits below the content apps, so it names none of them. An app with something personal to
offer (a calendar subscription, API tokens, digest settings) registers a *section* in its
AppConfig.ready(); the page lists the sections in order, and a form in a section posts back here with
`section=<key>`, which hands the request to that section's `post`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

ROUTE_NAME = "account"


@dataclass(frozen=True)
class Section:
    """One part of the account page.

    `context(request)` returns the section's template context; `post(request)` handles the section's
    form and returns a response (normally a redirect back to the page with a message), or None to
    redirect back without one.
    """

    key: str
    title: str
    template: str
    order: int = 100
    context: Callable = field(default=lambda request: {})
    post: Callable | None = None


_sections = {}


def register(section):
    _sections[section.key] = section


def sections():
    return sorted(_sections.values(), key=lambda section: (section.order, section.key))


@never_cache
@login_required
def account(request):
    if request.method == "POST":
        section = _sections.get(request.POST.get("section", ""))
        if section is None or section.post is None:
            return HttpResponseBadRequest()
        return section.post(request) or redirect(ROUTE_NAME)
    parts = [(section, section.context(request)) for section in sections()]
    return render(request, "accounts/account.html", {"parts": parts})
