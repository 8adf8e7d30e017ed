"""Which pages a search may show a viewer: the portal's one visibility rule (portal.visibility).

The engine ranks whatever matches; the database then keeps the hits the viewer may see, in the
engine's mode and in the degraded mode alike: live, under no restriction the viewer fails, and no
people hidden from the directory. The restrictions are one clause of the hits' query, however many
private pages there are (Wagtail's ``.public()`` adds one per restricted page, wagtail#14108).
"""

from wagtail.models import Page

from portal.visibility import visible_to


def visible_pages(pages=None, viewer=None):
    """Live pages of `pages` (all pages by default) that `viewer` (a request, a user or None) may see."""
    return visible_to(Page.objects.all() if pages is None else pages, viewer)
