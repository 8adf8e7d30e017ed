"""Keys for a page's own lists kept as compiled queries (portal.compiled): what their SQL is built from."""

from django.db.models import ForeignKey
from django.utils.translation import get_language

from portal.visibility import visibility_key


def page_key(name, page, viewer, *extra):
    """A key for a page's own lists, or None (nothing kept) for a preview or a page not saved.

    A page's lists name it in their SQL by what it points at: its primary key, path, language version
    and foreign keys (its network, its content owner), all in the key, so that a page moved or saved
    with another network has new SQL. Beside them the reader's language and visibility (their SQL's
    other inputs), and `extra`: anything else the caller's SQL is built from (a network that has ended).
    """
    if page is None or not page.pk or getattr(viewer, "is_preview", False):
        return None
    fields = page._meta.concrete_fields
    pointers = tuple(getattr(page, field.attname) for field in fields if isinstance(field, ForeignKey))
    reader = (get_language(), visibility_key(viewer))
    return (name, type(page), page.pk, page.path, page.translation_key, pointers, reader, extra)
