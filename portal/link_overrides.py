"""A translation's links stay web addresses: translators change them outside the rich text editor.

wagtail-localize offers each link in rich text, and each URL field, as an "overridable segment": the
translator may give the translation another address. That value goes into the translated page as it
is, past the URL check Wagtail's rich text editor applies on save (CVE-2021-29434), so a `javascript:`
address would run in the browser of whoever previews, reviews or reads the translation. An override of
a link that is not a web, mail or phone address is replaced by the source's own address when saved.
"""

import html
import json
import re

from wagtail.whitelist import check_url

# What the source value of a link segment looks like; other overridable segments are left alone.
LINK = re.compile(r"^\s*(?:(?:https?|ftp|mailto|tel):|/|#)", re.IGNORECASE)


def is_safe_link(value):
    """Wagtail's own test for link URLs, after decoding character references a browser would decode."""
    return isinstance(value, str) and check_url(html.unescape(value)) is not None


def keep_overridden_links_safe(sender, instance, **kwargs):
    """pre_save of wagtail-localize's SegmentOverride."""
    from wagtail_localize.models import OverridableSegment

    source = (
        OverridableSegment.objects.filter(context_id=instance.context_id)
        .order_by("-pk")
        .values_list("data_json", flat=True)
        .first()
    )
    if source is None:
        return
    original = json.loads(source)
    if isinstance(original, str) and LINK.match(original) and not is_safe_link(json.loads(instance.data_json)):
        instance.data_json = source
