"""What networks tell the people app about a person (registered into people/links.py by NetworksConfig)."""

from django.db.models import Q
from django.utils.translation import gettext as _

from networks.models import NetworkFacilitator, NetworkMember, NetworkPage, NetworkSpokesperson
from portal.models import Organisation
from portal.together import Part
from portal.visibility import visible_to


def network_role_parts(person, viewer=None):
    """What network_roles needs, as portal.together parts: the person's facilitator and spokesperson rows,
    their organisation's memberships, and the networks and organisations those name. Only networks the
    viewer may see, live and not restricted for them: checked in each part (portal.visibility)."""
    networks = visible_to(NetworkPage.objects.all(), viewer)
    facilitated = NetworkFacilitator.objects.filter(person=person, page__in=networks)
    spoken_for = NetworkSpokesperson.objects.filter(person=person, page__in=networks)
    memberships = NetworkMember.objects.filter(organisation_id=person.organisation_id, page__in=networks)
    if not person.organisation_id:
        memberships = memberships.none()
    return {
        "facilitated": Part(facilitated, ("page", "role_title")),
        "spoken_for": Part(spoken_for, ("page", "organisation")),
        "memberships": Part(memberships, ("page", "organisation")),
        "networks": Part(
            networks.filter(
                Q(pk__in=facilitated.values("page_id"))
                | Q(pk__in=spoken_for.values("page_id"))
                | Q(pk__in=memberships.values("page_id"))
            ),
            ("title", "url_path"),
        ),
        "organisations": Part(
            Organisation.objects.filter(
                Q(pk__in=spoken_for.values("organisation_id")) | Q(pk__in=memberships.values("organisation_id"))
            ),
            ("name",),
        ),
    }


def network_roles(found):
    """(network, role) for each network the person facilitates, speaks for, or works at a member of,
    from what network_role_parts read."""
    networks = {network.pk: network for network in found["networks"]}
    organisations = {organisation.pk: organisation for organisation in found["organisations"]}
    for row in found["facilitated"]:
        yield networks[row.page_id], row.role_title or _("facilitator")
    for row in found["spoken_for"]:
        organisation = organisations.get(row.organisation_id)
        if organisation is not None:
            yield networks[row.page_id], _("spokesperson for %(organisation)s") % {"organisation": organisation.name}
        else:
            yield networks[row.page_id], _("spokesperson")
    # A facilitator or spokesperson works at a member too: that they are a participant says nothing more.
    has_role = {row.page_id for row in found["facilitated"]} | {row.page_id for row in found["spoken_for"]}
    for row in found["memberships"]:
        organisation = organisations.get(row.organisation_id)
        if organisation is not None and row.page_id not in has_role:
            yield networks[row.page_id], _("member, with %(organisation)s") % {"organisation": organisation.name}


def directory_options(locale_id):
    return NetworkPage.objects.live().filter(locale_id=locale_id).order_by("title").only("pk", "title")


def directory_members(network_id):
    """Who the directory lists under a network: its facilitators, spokespersons and members' people."""
    return (
        Q(pk__in=NetworkFacilitator.objects.filter(page_id=network_id).values("person_id"))
        | Q(pk__in=NetworkSpokesperson.objects.filter(page_id=network_id).values("person_id"))
        | Q(organisation_id__in=NetworkMember.objects.filter(page_id=network_id).values("organisation_id"))
    )
