"""What networks tell the people app about a person (registered into people/links.py by NetworksConfig)."""

from django.db.models import Q
from django.utils.translation import gettext as _

from networks.models import NetworkFacilitator, NetworkMember, NetworkPage, NetworkSpokesperson
from portal.visibility import visible_to


def network_roles(person, viewer=None):
    """(network, role) for each network the viewer may see that the person facilitates, speaks for, or
    works at a member of. Live and not restricted for the viewer: checked in each query (portal.visibility)."""
    networks = visible_to(NetworkPage.objects.all(), viewer)
    for row in NetworkFacilitator.objects.filter(person=person, page__in=networks).select_related("page"):
        yield row.page, row.role_title or _("facilitator")
    for row in NetworkSpokesperson.objects.filter(person=person, page__in=networks).select_related(
        "page", "organisation"
    ):
        if row.organisation is not None:
            yield row.page, _("spokesperson for %(organisation)s") % {"organisation": row.organisation.name}
        else:
            yield row.page, _("spokesperson")
    if person.organisation_id:
        for row in NetworkMember.objects.filter(
            organisation_id=person.organisation_id, page__in=networks
        ).select_related("page", "organisation"):
            yield row.page, _("member, with %(organisation)s") % {"organisation": row.organisation.name}


def directory_options(locale_id):
    return NetworkPage.objects.live().filter(locale_id=locale_id).order_by("title").only("pk", "title")


def directory_members(network_id):
    """Who the directory lists under a network: its facilitators, spokespersons and members' people."""
    return (
        Q(pk__in=NetworkFacilitator.objects.filter(page_id=network_id).values("person_id"))
        | Q(pk__in=NetworkSpokesperson.objects.filter(page_id=network_id).values("person_id"))
        | Q(organisation_id__in=NetworkMember.objects.filter(page_id=network_id).values("organisation_id"))
    )
