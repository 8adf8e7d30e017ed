"""What a profile links to in the other content areas, reached only through their related names.

The networks, methods and case-study apps sit above people, so people never imports them: it asks the
profile for `facilitated_networks`, `spokesperson_roles`, `case_study_contacts` and `published_shareable_templates`,
and the organisation for `network_memberships`, and shows nothing where a relation does not exist (yet).
"""

from django.utils.translation import gettext as _

from people.models import ResourcePersonPage


def _related(instance, name):
    """The related manager called `name`, or None when the app that defines it is not installed."""
    if instance is None:
        return None
    return getattr(instance, name, None)


def networks_with_roles(person):
    """Each live network the person takes part in, once, with their roles there."""
    found = {}

    def add(network, role):
        entry = found.setdefault(network.pk, {"network": network, "roles": []})
        if role not in entry["roles"]:
            entry["roles"].append(role)

    facilitated = _related(person, "facilitated_networks")
    if facilitated is not None:
        for row in facilitated.filter(page__live=True).select_related("page"):
            add(row.page, row.role_title or _("facilitator"))
    spokesperson = _related(person, "spokesperson_roles")
    if spokesperson is not None:
        for row in spokesperson.filter(page__live=True).select_related("page", "organisation"):
            if row.organisation_id and row.organisation:
                add(row.page, _("spokesperson for %(organisation)s") % {"organisation": row.organisation.name})
            else:
                add(row.page, _("spokesperson"))
    memberships = _related(person.organisation if person.organisation_id else None, "network_memberships")
    if memberships is not None:
        for row in memberships.filter(page__live=True).select_related("page"):
            add(row.page, _("member, with %(organisation)s") % {"organisation": person.organisation.name})
    return sorted(found.values(), key=lambda entry: entry["network"].title.lower())


def case_studies(person):
    related = _related(person, "case_study_contacts")
    if related is None:
        return []
    return list(related.filter(live=True).order_by("title"))


def shared_templates(person):
    related = _related(person, "published_shareable_templates")
    if related is None:
        return []
    return list(related.filter(live=True).order_by("title"))


def confirm_review(person, today):
    """The owner's one-click "my details are right": set the review date on every translation.

    The date is a synchronised fact, so it is written to the live rows and to each latest revision,
    which keeps a later publish of an older draft from putting the old date back.
    """
    profiles = ResourcePersonPage.objects.filter(translation_key=person.translation_key)
    profiles.update(last_reviewed=today)
    for profile in profiles.select_related("latest_revision"):
        revision = profile.latest_revision
        if revision is not None:
            revision.content["last_reviewed"] = today.isoformat()
            revision.save(update_fields=["content"])
    person.last_reviewed = today
