from django import template
from django.db.models import QuerySet

from people.directory import for_cards

register = template.Library()


@register.filter
def person_cards(people):
    """Live, visible profiles ready for the compact card, in a fixed number of queries.

    Takes a queryset (e.g. `page.contact_persons.all`) or a list; a list is only filtered,
    so a view that prefetched it keeps its own query plan.
    """
    if isinstance(people, QuerySet):
        return list(for_cards(people.filter(live=True, hidden_from_directory=False)))
    return [person for person in people or [] if person.live and not person.hidden_from_directory]
