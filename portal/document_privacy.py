"""The admin's document chooser offers only documents the chooser may also open.

Wagtail's collection privacy (a view restriction on a collection) governs who gets a document's file;
the chooser lists every document in the collections one may choose from, private ones included, so a
resource person would read the titles of the steering group's private papers there and could put a link
on a page that neither they nor most readers can open. Here the chooser leaves out documents whose
collection's restrictions the user does not pass, except in collections they may change (Communications,
who keep the library). Images differ on purpose: portal/media.py sends a private image to its choosers.
"""

from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.permissions import policy_registry


def documents_the_user_may_open(documents, request):
    """`construct_document_chooser_queryset` hook."""
    if request.user.is_superuser:
        return documents
    closed = Q()
    for restriction in CollectionViewRestriction.objects.select_related("collection"):
        if not restriction.accept_request(request):
            # A restriction covers the collection and every collection below it.
            closed |= Q(path__startswith=restriction.collection.path)
    if not closed:
        return documents
    policy = policy_registry.get_by_type(get_document_model())
    kept = policy.collections_user_has_permission_for(request.user, "change")
    # Collection ids rather than a join: the chooser's search filters on the document's own fields.
    hidden = list(Collection.objects.filter(closed).exclude(pk__in=kept.values("pk")).values_list("pk", flat=True))
    return documents.exclude(collection_id__in=hidden) if hidden else documents
