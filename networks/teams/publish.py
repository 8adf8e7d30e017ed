"""“Publish as a network update”: a signed-off final report becomes a draft update under the network.

Sign-off shares a report with the network; anything that becomes public content on the portal still
goes through Communications' review: the update is created as a draft, owned by whoever asked, and
submitted to the page's workflow (moderation/workflow.py assigns "Communications review" to every
locale's home page, so it covers the network's updates).

One update per signed-off version. The update's translation key is derived from the version, so the
update and its translations are found again without a column pointing back: Communications may change
its title or slug in review, never its translation key, and a deleted update frees the version again.
"""

import uuid

from django.db import transaction
from django.utils import translation
from django.utils.html import escape
from django.utils.text import slugify

from networks.models.plans import Kind, TeamPlan
from networks.models.update import NetworkUpdatePage
from networks.teams import flow

# The namespace of the updates' translation keys; fixed, so a version's key is the same on every run.
UPDATE_KEYS = uuid.UUID("6f1c1f52-4d1e-4a8e-9a57-3f0e2b7d9c41")


def may_publish(access, team, plan):
    """Whether this reader may ask for the update: a member or the manager, of a signed-off report."""
    if plan.kind != Kind.REPORT or flow.shared_version(plan) is None:
        return False
    return access.is_member(team) or access.is_manager(team)


def update_key(version):
    return uuid.uuid5(UPDATE_KEYS, f"team-plan-version:{version.pk}")


def _slug(title, plan, version):
    # The plan and version numbers end the slug whatever the title's length: they keep it unique.
    return f"{slugify(title)[:230]}-{plan.pk}-{version.number}"


def _parent(network, version):
    same_language = network.get_translations(inclusive=True).live().filter(locale__language_code=version.language)
    return same_language.specific().first() or network


def update_of(plan, language=None):
    """The network update made from the plan's signed-off version, or None: a live one first, in
    `language` where it is translated, else the draft in review."""
    version = flow.shared_version(plan)
    if version is None or plan.kind != Kind.REPORT:
        return None
    updates = list(NetworkUpdatePage.objects.filter(translation_key=update_key(version)).select_related("locale"))
    if not updates:
        # Made before its key was derived from the version: found by the slug it was given then.
        legacy = NetworkUpdatePage.objects.filter(slug=_slug(_title(plan, version), plan, version))
        updates = list(legacy.select_related("locale")[:1])
    if not updates:
        return None
    return min(updates, key=lambda page: (not page.live, page.locale.language_code != language, page.pk))


def _title(plan, version):
    with translation.override(version.language):
        return f"{plan.get_kind_display()}: {plan.team.name}"


def _paragraphs(text):
    return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())


@transaction.atomic
def publish_as_update(network, plan, user):
    """(update, created): the update made from the signed-off version, made now unless it already exists.

    Locking the plan makes a second request (a double click, a stale tab) wait for the first and then
    find its update, instead of making a second one or failing on the taken slug."""
    plan = TeamPlan.objects.select_for_update().get(pk=plan.pk)
    version = flow.shared_version(plan)
    parent = _parent(network, version)
    title = _title(plan, version)
    slug = _slug(title, plan, version)
    existing = update_of(plan)
    if existing is not None:
        return existing, False
    with translation.override(version.language):
        body = []
        for name in plan.fields:
            text = _paragraphs(version.content.get(name, ""))
            if not text:  # a heading with nothing under it (a report without results) is left out
                continue
            heading = str(TeamPlan._meta.get_field(name).verbose_name).capitalize()
            body.append(("paragraph", f"<h2>{escape(heading)}</h2>{text}"))
    update = NetworkUpdatePage(
        title=title,
        slug=slug,
        translation_key=update_key(version),
        kind=NetworkUpdatePage.Kind.REPORT,
        summary=(version.content.get("results", "").strip().splitlines() or [""])[0][:300],
        body=body,
        owner=user,
        live=False,
    )
    parent.add_child(instance=update)
    update.save_revision(user=user, log_action=True)
    workflow = update.get_workflow()
    if workflow is not None:
        workflow.start(update, user)
    return update, True
