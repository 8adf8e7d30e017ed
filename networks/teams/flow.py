"""The sign-off flow of a plan or report: save a draft, submit, sign off or send back, publish.

Every step keeps a version (networks.models.plans.TeamPlanVersion) with the state it left the plan
in, so the history reads as what happened. Readers outside the team see the last signed-off version.
"""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from networks.models.plans import Kind, State, TeamPlan, TeamPlanVersion


def plan_of(team, kind, language):
    plan = TeamPlan.objects.filter(team=team, kind=kind).first()
    return plan or TeamPlan(team=team, kind=kind, language=language)


@transaction.atomic
def record(plan, state, user, comment=""):
    plan.state = state
    if state == State.SIGNED_OFF:
        plan.signed_off_at = timezone.now()
    plan.save()
    last = plan.versions.aggregate(last=Max("number"))["last"] or 0
    return TeamPlanVersion.objects.create(
        plan=plan,
        number=last + 1,
        state=state,
        language=plan.language,
        content=plan.content(),
        author=user,
        comment=comment,
    )


def _write(plan, content, language):
    for name, value in content.items():
        setattr(plan, name, value)
    plan.language = language


def save_draft(plan, content, user, language):
    _write(plan, content, language)
    return record(plan, State.DRAFT, user)


def submit(plan, user, content=None, language=None):
    """Ask the manager to sign off; with `content`, what the form just sent is the version submitted.

    One version per submission: saving a draft first would add a second entry, the same text a moment
    earlier, to the history the team and manager read.
    """
    if content is not None:
        _write(plan, content, language or plan.language)
    version = record(plan, State.WAITING, user)
    transaction.on_commit(lambda: _notify(version))
    return version


def _notify(version):
    from networks.teams import mail

    mail.send_sign_off_request(version)


def _tell_team(version):
    from networks.teams import mail

    mail.send_decision(version)


def sign_off(plan, user, comment, tell_team=True):
    version = record(plan, State.SIGNED_OFF, user, comment)
    # After the commit, as for submit: a rolled-back decision must not reach anyone's inbox.
    if tell_team:
        transaction.on_commit(lambda: _tell_team(version))
    return version


def send_back(plan, user, comment):
    version = record(plan, State.RETURNED, user, comment)
    transaction.on_commit(lambda: _tell_team(version))
    return version


def waiting_version(plan):
    return plan.versions.filter(state=State.WAITING).first() if plan.state == State.WAITING else None


def shared_version(plan):
    """The version everyone who may see the network reads: the last one signed off."""
    if not plan.pk:
        return None
    return plan.versions.filter(state=State.SIGNED_OFF).first()


def reports_since(network, since):
    """The signed-off plans and reports of `network`'s teams since `since`, newest first (for the digest)."""
    return (
        TeamPlanVersion.objects.filter(
            state=State.SIGNED_OFF, created__gte=since, plan__team__network_key=network.translation_key
        )
        .select_related("plan__team__organisation")
        .order_by("-created")
    )


def kind_or_none(value):
    return value if value in Kind.values else None
