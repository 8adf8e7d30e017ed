"""Parts shown at the end of a content page, from the apps above: an extension point.

portal sits below every content app, so the end of a content page (after its body, before the review
footer) names none of them. A higher app registers a part in its AppConfig.ready() with
`register_page_part(PagePart(...))`: `applies(page)` says on which pages it appears, and
`context(request, page, context)` returns the part's template context, or None to leave it out. The
tag `{% page_parts %}` (in `portal/includes/page_end.html`, which every content page includes) renders
the parts in order.

The page cache shares a rendered page within a permission class (caching/page_cache.py): a part
that differs per reader beyond that class (their own answer, their own draft) must not be rendered
into the page; it links to, or posts to, a route of its own instead.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.html import format_html_join


@dataclass(frozen=True)
class PagePart:
    key: str
    template: str
    order: int = 100
    applies: Callable = field(default=lambda page: True)
    context: Callable = field(default=lambda request, page, context: {})


_parts = {}


def register_page_part(part):
    _parts[part.key] = part


def page_parts():
    return sorted(_parts.values(), key=lambda part: (part.order, part.key))


def render_page_parts(request, page, context):
    """The HTML of every part that applies to `page` and has something to show (each part's template escapes)."""
    rendered = []
    for part in page_parts():
        if page is None or not part.applies(page):
            continue
        part_context = part.context(request, page, context)
        if part_context is None:
            continue
        rendered.append(render_to_string(part.template, {"page": page, **part_context}, request=request))
    return format_html_join("", "{}", ((html,) for html in rendered))
