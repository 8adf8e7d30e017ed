from django import template
from django.db.models import QuerySet
from wagtail.images.models import Filter
from wagtail.images.shortcuts import get_rendition_or_not_found

from people.directory import for_cards
from people.renditions import AVATAR_SPECS
from portal.markup import html
from portal.visibility import visibility_for

register = template.Library()


@register.simple_tag(takes_context=True)
def person_cards(context, people):
    """`{% person_cards persons as cards %}`: the profiles the reader may see listed, ready for the compact
    card, in a fixed number of queries.

    Live, not hidden from the directory and not under a view restriction the reader does not pass
    (portal.visibility). Takes a queryset (e.g. `page.contact_persons.all`) or a list; a list is only
    checked, so a view that prefetched it keeps its own query plan.
    """
    visibility = visibility_for(context.get("request"))
    if isinstance(people, QuerySet):
        return list(for_cards(visibility.filter(people)))
    return [person for person in people or [] if visibility.allows(person)]


@register.simple_tag
def card_topics(person):
    """`{% card_topics person as topics %}`: the first three topics a person card shows. Where the cards'
    lists were read with them (portal.card_lists), `person.card_topics`; else the person's topics, which
    the card's query prefetches (people.directory.for_cards)."""
    topics = getattr(person, "card_topics", None)
    return list(person.topics.all() if topics is None else topics)[:3]


# One Filter per size for the whole process: Wagtail's {% image %} makes and parses a new one on every
# render, which cost a page of a dozen avatars more than finding their renditions.
_AVATAR_FILTERS = {large: Filter(spec=spec) for large, spec in AVATAR_SPECS.items()}
_AVATAR_CLASSES = {False: "avatar", True: "avatar avatar--large person-card__photo"}
_INITIALS_CLASSES = {
    False: "avatar avatar--initials",
    True: "avatar avatar--initials avatar--large person-card__photo person-card__photo--empty",
}


@register.simple_tag
def avatar(person, large=False):
    """`{% avatar person %}` (2.5rem, for lists and results), `{% avatar person large=True %}` (4rem, for
    person cards): a person's photo, or their initials where there is none. Every list that names people
    shows one. Decorative: the name is always written beside it, so the photo has empty alt text and the
    initials are hidden from screen readers."""
    large = bool(large)
    if person.photo:
        # Through Wagtail: the image's prefetched renditions, else its rendition cache, else the database,
        # after which Wagtail keeps it in that cache, so the next view of cards that are not prefetched
        # (a page's kept contact cards) reads it from Redis instead of the database. The write Wagtail
        # makes after every call is skipped while it is the same (caching.redis_backend.RenditionsCache).
        rendition = get_rendition_or_not_found(person.photo, _AVATAR_FILTERS[large])
        return html(
            '<img src="{}" width="{}" height="{}" alt="" class="{}" loading="lazy">',
            rendition.url,
            rendition.width,
            rendition.height,
            _AVATAR_CLASSES[large],
        )
    words = person.title.split()
    initials = "".join(word[:1].upper() for word in (words[:1] + words[1:][-1:]))
    return html('<span class="{}" aria-hidden="true">{}</span>', _INITIALS_CLASSES[large], initials)

