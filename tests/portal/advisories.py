"""Shared pieces of the advisory regression tests (tests/portal/test_advisories_*.py).

Each of those tests replays one class of past Wagtail security advisories against Erfa's own pages,
blocks, snippets and admin, and names the advisory in its docstring.
"""

import io
from html.parser import HTMLParser

from django.contrib.auth.models import Group
from django.core.management import call_command

from casestudies.factories import CaseStudyIndexPageFactory
from home.models import HomePage
from methods.factories import ShareableTemplateIndexPageFactory
from networks.factories import NetworkIndexPageFactory
from people.factories import ResourcePersonIndexPageFactory
from portal.factories import UserFactory

# A payload that breaks out of both text and a double-quoted attribute.
PAYLOAD = 'Erfa<script>alert(1)</script>"><img src=x onerror=alert(2)>'
# What escaping makes of it; present wherever the payload is shown as text.
ESCAPED = "Erfa&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"
# What the vulnerable output would contain.
RAW_MARKUP = ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>")

# Link targets browsers run as script, written the ways that slipped past earlier filters.
UNSAFE_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
]
UNSAFE_SCHEMES = ("javascript:", "data:", "vbscript:")


def english_home():
    return HomePage.objects.get(locale__language_code="en")


def setup_indexes_and_roles():
    """The index pages the roles are granted on, and the roles, as `make run` leaves them."""
    home = english_home()
    indexes = {
        "case_studies": CaseStudyIndexPageFactory(parent=home),
        "templates": ShareableTemplateIndexPageFactory(parent=home),
        "people": ResourcePersonIndexPageFactory(parent=home),
        "networks": NetworkIndexPageFactory(parent=home),
    }
    call_command("setup_roles", stdout=io.StringIO())
    return indexes


def member_of(group_name, username):
    user = UserFactory(username=username, email=f"{username}@example.org")
    user.groups.add(Group.objects.get(name=group_name))
    return user


class _Links(HTMLParser):
    """Every href and src in a page, with character references decoded as a browser decodes them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls = []

    def handle_starttag(self, tag, attrs):
        self.urls.extend(value for name, value in attrs if name in {"href", "src", "action", "formaction"} and value)


def link_targets(html):
    parser = _Links()
    parser.feed(html)
    return parser.urls


def runs_script(url):
    """True for a URL a browser would run: it ignores case, leading spaces and tabs or newlines inside."""
    squeezed = "".join(ch for ch in url if ord(ch) > 32).lower()
    return squeezed.startswith(UNSAFE_SCHEMES)


def assert_escaped(html, where=""):
    """The payload shows as text, never as markup."""
    for markup in RAW_MARKUP:
        assert markup not in html, f"unescaped {markup!r} in {where}"
    assert ESCAPED in html or ESCAPED.replace("&quot;", "&#x27;") in html or _escaped_loosely(html), (
        f"the payload's escaped text is missing from {where}"
    )


def _escaped_loosely(html):
    # Django escapes " as &quot;; some admin widgets use &#34;. Either is the safe output.
    return ESCAPED.replace("&quot;", "&#34;") in html
