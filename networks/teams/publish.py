"""“Publish as a network update”: a signed-off final report becomes a draft update under the network.

Sign-off shares a report with the network; anything that becomes public content on the portal still
goes through Communications' review: the update is created as a draft, owned by whoever asked, and
submitted to the page's workflow (moderation/workflow.py assigns "Communications review" to every
locale's home page, so it covers the network's updates).
"""

from django.utils import translation
from django.utils.html import escape
from django.utils.text import slugify

from networks.models.plans import Kind, TeamPlan
from networks.models.update import NetworkUpdatePage
from networks.teams import flow


def may_publish(access, team, plan):
    if plan.kind != Kind.REPORT or flow.shared_version(plan) is None:
        return False
    return access.is_member(team) or access.is_manager(team)


def _paragraphs(text):
    return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())


def publish_as_update(network, plan, user):
    version = flow.shared_version(plan)
    same_language = network.get_translations(inclusive=True).live().filter(locale__language_code=version.language)
    parent = same_language.specific().first() or network
    with translation.override(version.language):
        title = f"{plan.get_kind_display()}: {plan.team.name}"
        body = []
        for name in plan.fields:
            heading = str(TeamPlan._meta.get_field(name).verbose_name).capitalize()
            body.append(("paragraph", f"<h2>{escape(heading)}</h2>{_paragraphs(version.content.get(name, ''))}"))
    update = NetworkUpdatePage(
        title=title,
        slug=slugify(f"{title}-{plan.pk}-{version.number}")[:250],
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
    return update
