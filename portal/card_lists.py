"""The short lists a page of listing cards shows (topics, organisations, methods), read with SQL kept
under the cards' own key.

Django's prefetch_related builds and compiles its query on every evaluation, even when the cards' own
query is kept (portal.compiled): on the case-study index its three prefetches cost 2.4 ms a view, more
than running all of the page's other queries. A page of cards is a fixed set of ids, which the cards' key
names (IndexPage.page_cards), so each list's query for that page is the same SQL every time: kept under
the cards' key and the list's name, it only runs. Each card gets a plain list, as Prefetch(to_attr=...)
gives one, in the related model's own order unless `narrow` orders it.
"""

from dataclasses import dataclass

from portal import compiled


@dataclass(frozen=True)
class CardList:
    """`attribute` on each card: the objects of the card's many-to-many `field`.

    `narrow(rows, target, viewer)` may filter, annotate and order the through model's rows, which name
    the related object as `target` (for instance, only the methods the reader may see). Annotations are
    copied onto the related objects, as a Prefetch queryset's annotations would be.
    """

    attribute: str
    field: str
    narrow: object = None


def attach(cards, card_lists, key, viewer=None):
    """Give every card in `cards` (instances of one model) each list in `card_lists`, one query per list.

    `key` names everything the lists' SQL depends on besides the list (the cards' ids, the reader's
    language and visibility: IndexPage.listing_key); None reads without keeping (a preview).
    """
    if not cards:
        return
    ids = [card.pk for card in cards]
    model = type(cards[0])
    for card_list in card_lists:
        field = model._meta.get_field(card_list.field)
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()

        def build(card_list=card_list, field=field, source=source, target=target):
            through = field.remote_field.through
            rows = through._default_manager.filter(**{f"{source}__in": ids}).select_related(target)
            if card_list.narrow is not None:
                return card_list.narrow(rows, target, viewer)
            ordering = field.related_model._meta.ordering or ["pk"]
            # The related model's own order, as a prefetch would give it, through the row's relation.
            order = [f"-{target}__{name[1:]}" if name.startswith("-") else f"{target}__{name}" for name in ordering]
            return rows.order_by(*order, f"{target}_id")

        rows = compiled.rows(None if key is None else (*key, "card-list", card_list.attribute), build)
        lists = {pk: [] for pk in ids}
        own = {field.attname for field in rows[0]._meta.concrete_fields} if rows else set()
        for row in rows:
            related = getattr(row, target)
            # What the query added to the row (narrow's annotations) belongs to the related object.
            for name in [name for name in row.__dict__ if name not in own and not name.startswith("_")]:
                setattr(related, name, getattr(row, name))
            lists[getattr(row, f"{source}_id")].append(related)
        for card in cards:
            setattr(card, card_list.attribute, lists[card.pk])

