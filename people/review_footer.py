"""The content owner the review footer names (templates/portal/includes/review_footer.html), read as a
part of a page's combined query (portal.together) instead of a query of its own.

The footer shows the owner while their profile is live, whatever the listings' rules: the person to
ask about a page is named on it. Only what the footer shows is read.
"""

from portal.together import Part

FOOTER_FIELDS = ("title", "job_title", "live", "url_path", "locale")


def content_owner_part(page):
    if not page.content_owner_id:
        return Part([])
    model = type(page)._meta.get_field("content_owner").related_model
    return Part(model.objects.filter(pk=page.content_owner_id), FOOTER_FIELDS)


def keep_content_owner(page, found):
    """Hand the owner read with the page's other lists to the page, so the footer asks no more."""
    if found:
        page.content_owner = found[0]
