"""Which pages a search may show: live ones outside any view restriction.

Wagtail's ``.public()`` adds one ``path LIKE`` clause per restricted page, which
an engine's clause limit cannot take on a large site (wagtail#14108). Here the
restricted subtrees are folded into one regular expression over ``path``,
applied in the database to the engine's hits: one clause, however many private
pages there are.
"""

import re

from wagtail.models import Page, PageViewRestriction


def restricted_paths():
    """The tree paths of restricted pages, without those inside another restricted subtree."""
    kept = []
    for path in sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))):
        if not kept or not path.startswith(kept[-1]):
            kept.append(path)
    return kept


def restricted_path_pattern():
    paths = restricted_paths()
    if not paths:
        return None
    return "^(?:" + "|".join(re.escape(path) for path in paths) + ")"


def visible_pages(pages=None, pattern=None):
    """Live pages that no privacy setting (password, login or groups) hides."""
    pages = (Page.objects.all() if pages is None else pages).live()
    pattern = restricted_path_pattern() if pattern is None else pattern
    return pages.exclude(path__regex=pattern) if pattern else pages
