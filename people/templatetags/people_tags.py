from django import template
from django.db.models import QuerySet

from people.directory import for_cards
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
