"""Topics as one vocabulary: shown in the reader's language, matched across languages.

A listing in Swedish may show pages written in Norwegian (not yet translated), tagged with Norwegian
topics. Its topic filter still offers each topic once, in Swedish where a translation exists and as
written otherwise, and choosing it finds pages tagged with any translation of that topic.
"""

from portal.i18n import localized_pages
from portal.models import Topic


def topics_in_language(topic_ids, locale_id):
    """The topics behind `topic_ids` (ids in any language), once per translation group, by name."""
    groups = Topic.objects.filter(pk__in=topic_ids).values("translation_key")
    return localized_pages(Topic.objects.filter(translation_key__in=groups), locale_id).order_by("name")


def tagged_with(pages, topic):
    """The pages tagged with `topic` (a Topic or its id) or with any of its translations."""
    groups = Topic.objects.filter(pk=getattr(topic, "pk", topic)).values("translation_key")
    return pages.filter(pk__in=pages.model.objects.filter(topics__translation_key__in=groups).values("pk"))
