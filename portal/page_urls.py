"""A page's URL as Wagtail gives it (Page.get_url, get_full_url), without a reverse() per link.

Wagtail finds a page's site among the sites' root paths (kept on the request), then reverses its serving
URL inside `translation.override(language)`. Switching the language twice and reversing cost some 25 µs
a link, and a page draws 15 to 30 links (cards, the language switcher, the hreflang links): 0.5 to 0.9 ms
of a view. The reversed part before the page's own path ("/sv/") is the same for every page of one
language, so it is reversed once per language; the page's path below its site's root follows, checked
against Wagtail's serving pattern and quoted as reverse() quotes it. Whatever is unusual (a page under
several sites, a path Wagtail would not reverse, an active language that is not one of the site's) goes
through Wagtail's own methods, which the tests compare this with.
"""

import re
from functools import lru_cache
from urllib.parse import quote

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.translation import get_language, override
from wagtail.models import Site

_LANGUAGES = frozenset(code for code, _name in settings.LANGUAGES)


def page_url(page, request, full=False):
    """`page.get_full_url(request)` with `full`, else `page.get_url(request)`; `request` is an HttpRequest."""
    roots = _site_root_paths(request)
    possible = [root for root in roots if page.url_path.startswith(root.root_path)]
    language = get_language()
    if len({root.site_id for root in possible}) != 1 or language not in _LANGUAGES:
        return page.get_full_url(request) if full else page.get_url(request)
    site_id, root_path, root_url, page_language = possible[0]
    below_root = page.url_path[len(root_path) :]
    if not _served().match(below_root):
        return page.get_full_url(request) if full else page.get_url(request)
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    path = _serving_prefix(page_language, get_script_prefix(), urlconf) + quote(below_root, safe=_SAFE)
    if full:
        return root_url + path
    current = Site.find_for_request(request)
    if (current is not None and current.pk == site_id) or len({root.site_id for root in roots}) == 1:
        return path
    return root_url + path


# What reverse() leaves unquoted (django.urls.resolvers.URLResolver._reverse_with_prefix).
_SAFE = RFC3986_SUBDELIMS + "/~:@"


@lru_cache(maxsize=1)
def _served():
    """Wagtail's serving pattern (read when first needed: wagtail.urls imports its views' models)."""
    from wagtail.urls import serve_pattern

    return re.compile(serve_pattern)


@lru_cache(maxsize=128)
def _serving_prefix(language, script_prefix, urlconf):
    """Wagtail's serving URL of a page at its site's root in `language`: "/sv/" (under the script prefix
    and URLconf the arguments name, so that each has its own)."""
    with override(language):
        return reverse("wagtail_serve", args=("",), urlconf=urlconf)


def _site_root_paths(request):
    # Where Wagtail keeps them for the request (Page._get_site_root_paths): read once, shared with it.
    try:
        return request._wagtail_cached_site_root_paths
    except AttributeError:
        request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
        return request._wagtail_cached_site_root_paths
