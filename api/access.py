"""What an API client may read: the front end's rules, for the user behind the token or the session.

Pages follow portal.visibility (live, no view restriction the user fails, not unlisted: people hidden
from the directory). A page behind a password is never served here, even to a session that passed it
on the front end: an API answer is not the place a password form protects. Documents and images
follow Wagtail's collection privacy the same way: a collection whose restriction the user fails (or
any password restriction) closes it and every collection below it. Each rule is one clause in the
listing's own query, so a listing's query count does not grow with restrictions or items.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import BaseViewRestriction, CollectionViewRestriction

from portal.visibility import Visibility


def visibility(request):
    """The front end's Visibility of the API client: their user, and no passed page password."""
    return Visibility(request.user)


def visible_pages(pages, request):
    return visibility(request).filter(pages)


def failed_collection_restrictions(user):
    """The collection restrictions `user` does not pass (Wagtail's accept_request, passwords never)."""
    failed = Q(restriction_type=BaseViewRestriction.PASSWORD)
    if user is None or not user.is_authenticated:
        failed |= Q(restriction_type__in=[BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS])
    elif not user.is_superuser:
        member = CollectionViewRestriction.groups.through.objects.filter(
            collectionviewrestriction_id=OuterRef("pk"), group__user=user.pk
        )
        failed |= Q(restriction_type=BaseViewRestriction.GROUPS) & ~Exists(member)
    return CollectionViewRestriction.objects.filter(failed)


def in_open_collections(items, request):
    """Documents or images outside every collection the client may not open (a restriction above counts)."""
    above = failed_collection_restrictions(request.user).filter(
        collection__path=Substr(OuterRef("collection__path"), 1, Length("collection__path"))
    )
    return items.exclude(Exists(above))
