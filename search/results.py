"""What a result shows: type, summary, a highlighted snippet, language and date."""

import re
from functools import cache

from django.conf import settings
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from wagtail.models import Page

from portal.i18n import reader_path_url

SNIPPET_LENGTH = 240
LANGUAGE_NAMES = dict(settings.LANGUAGES)


def stem_prefix(term):
    """A term's first letters, so that "nätverken" also marks "nätverk" and "meetings" marks "meeting"."""
    return term[: max(4, len(term) - 3)] if len(term) > 4 else term


def highlight(text, terms, length=SNIPPET_LENGTH):
    """An escaped excerpt of ``text`` around the first match, with the matching words in <mark>."""
    text = " ".join(strip_tags(text or "").split())
    if not text:
        return ""
    prefixes = sorted({stem_prefix(term) for term in terms}, key=len, reverse=True)
    if not prefixes:
        return escape(text[:length]) + ("…" if len(text) > length else "")
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in prefixes) + r")\w*", re.IGNORECASE)
    first = pattern.search(text)
    start = max(0, first.start() - length // 3) if first else 0
    excerpt = text[start : start + length]
    parts, last = [], 0
    for match in pattern.finditer(excerpt):
        parts.append(escape(excerpt[last : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    parts.append(escape(excerpt[last:]))
    prefix = "…" if start else ""
    suffix = "…" if start + length < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)  # noqa: S308 - every piece of text is escaped above.


def page_text(page):
    """The text a snippet is cut from: the title, summary and the page's main text fields."""
    parts = [page.title]
    for name in ("summary", "search_description", "intro", "purpose", "description", "ask_me_about", "bio"):
        value = getattr(page, name, None)
        if value:
            parts.append(strip_tags(str(value)))
    for name in ("context", "challenge", "results"):
        value = getattr(page, name, None)
        # Only plain and rich text: rendering a StreamField could fetch embeds.
        if isinstance(value, str) and value:
            parts.append(strip_tags(str(value)))
    return " ".join(parts)


def page_date(page):
    return getattr(page, "date", None) or page.last_published_at or page.latest_revision_created_at


@cache
def specific_paths():
    """{page model: the select_related path from Page down to it}, for every concrete page model.

    Each page model's table joins its parent's by a one-to-one link, so one query with a LEFT JOIN
    per page model reads a page of results of any mix of types, where ``.specific()`` runs one
    query per type. The models are only known once every app is loaded, hence the cache.
    """
    paths = {}

    def walk(model, prefix):
        for relation in model._meta.related_objects:
            child = relation.related_model
            if relation.one_to_one and relation.parent_link and issubclass(child, model):
                path = prefix + relation.name
                paths[child] = path
                walk(child, path + "__")

    walk(Page, "")
    return paths


def as_specific(page):
    """The specific page read along with ``page`` (see specific_paths), or the plain page."""
    specific = page
    path = specific_paths().get(page.specific_class)
    for step in path.split("__") if path else ():
        specific = getattr(specific, step)
    # The parent's related objects (the locale) are cached on the plain page only.
    specific._state.fields_cache.setdefault("locale", page.locale)
    return specific


def result_items(ids, terms, request=None, language=None):
    """The specific pages for one page of results, in rank order, ready for the template, in one query.

    Each links under the reader's ``language`` prefix: a page without a version in that
    language opens inside the reader's interface, with the fallback notice. The link is made
    from the page's url_path (as in listings read with values()), so no site lookup is needed.
    """
    pages = Page.objects.filter(pk__in=ids).select_related("locale", *specific_paths().values())
    by_pk = {page.pk: page for page in pages}
    items = []
    for pk in ids:
        page = by_pk.get(pk)
        if page is None:
            continue
        page = as_specific(page)
        code = page.locale.language_code
        items.append(
            {
                "page": page,
                "url": reader_path_url(page.url_path, code, language),
                "type": page._meta.verbose_name,
                "summary": getattr(page, "summary", "") or page.search_description,
                "snippet": highlight(page_text(page), terms),
                "language": code,
                "language_name": LANGUAGE_NAMES.get(code, code),
                "date": page_date(page),
            }
        )
    return items
