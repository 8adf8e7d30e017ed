"""A plan's e-mails: to the manager when it waits for sign-off (and the reminder while it keeps waiting),
and to the team when the manager has signed it off or sent it back.

Each is written in its recipient's language (portal.i18n.preferred_language) and links to the plan on
the network page in that language where there is such a version. Reminders are recorded per waiting
version (SignOffReminder), so a run reminds once per version every REMIND_EVERY, however often it runs.
"""

import logging
from datetime import timedelta

from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import Page

from networks.models.plans import SignOffReminder, State, TeamPlanVersion
from people.contact import clean_header_text
from portal.i18n import preferred_language, reader_page_url
from portal.mail import outgoing_mailer

logger = logging.getLogger(__name__)

REMIND_EVERY = timedelta(days=3)
PLAN_ROUTE = "team_plan"


def network_in(team, language):
    versions = list(Page.objects.live().filter(translation_key=team.network_key).select_related("locale"))
    page = next((page for page in versions if page.locale.language_code == language), None)
    page = page or (versions[0] if versions else None)
    return page.specific if page else None


def plan_url(team, kind, language):
    network = network_in(team, language)
    if network is None:
        return ""
    return reader_page_url(network, language=language, full=True) + network.reverse_subpage(
        PLAN_ROUTE, args=(team.pk, kind)
    )


def _send(version, template, using=None):
    plan, team = version.plan, version.plan.team
    manager = team.manager
    if not manager.is_active or not manager.email:
        return False
    language = preferred_language(manager, default=version.language)
    with translation.override(language):
        context = {
            "manager": manager.get_full_name() or manager.get_username(),
            "team": team.name,
            "kind": plan.get_kind_display(),
            "author": (version.author.get_full_name() or version.author.get_username()) if version.author else "",
            "submitted": version.created,
            "url": plan_url(team, plan.kind, language),
        }
        subject = " ".join(render_to_string(f"networks/teams/email/{template}_subject.txt", context).split())
        body = render_to_string(f"networks/teams/email/{template}.txt", context).strip() + "\n"
    send_mail(subject, body, None, [manager.email], using=using)
    return True


def send_sign_off_request(version):
    """Sent when a team member submits: through the default mailer (queued for the worker in production)."""
    return _send(version, "sign_off_request")


def _name(user):
    return user.get_full_name() or user.get_username()


def decision_recipients(version):
    """The team's members and whoever submitted the version decided on, without the manager who decided."""
    plan = version.plan
    submitted = plan.versions.filter(state=State.WAITING, number__lt=version.number).select_related("author").first()
    people = list(plan.team.members.all())
    if submitted is not None and submitted.author is not None:
        people.append(submitted.author)
    recipients, addresses = [], set()
    for person in people:
        address = (person.email or "").strip().lower()
        if not person.is_active or not address or address in addresses or person.pk == version.author_id:
            continue
        addresses.add(address)
        recipients.append(person)
    return recipients


def send_decision(version):
    """Tell the team that its plan or report was signed off or sent back, each member in their own language.
    Returns the addresses written to. One refused address must not keep the others from hearing."""
    plan, team = version.plan, version.plan.team
    template = "signed_off" if version.state == State.SIGNED_OFF else "sent_back"
    manager = _name(version.author) if version.author else _name(team.manager)
    sent = []
    for person in decision_recipients(version):
        language = preferred_language(person, default=version.language)
        with translation.override(language):
            context = {
                "name": _name(person),
                "manager": manager,
                "team": team.name,
                "kind": plan.get_kind_display(),
                "comment": version.comment,
                "url": plan_url(team, plan.kind, language),
            }
            subject = clean_header_text(render_to_string(f"networks/teams/email/{template}_subject.txt", context))
            body = render_to_string(f"networks/teams/email/{template}.txt", context).strip() + "\n"
        try:
            send_mail(subject[:200], body, None, [person.email])
        except Exception:  # noqa: BLE001 - the decision is committed; a mailer's failure must not undo the answer.
            logger.exception("Could not tell %s about the decision on plan version %s", person.email, version.pk)
            continue
        sent.append(person.email)
    return sent


def waiting_versions():
    return TeamPlanVersion.objects.filter(state=State.WAITING, plan__state=State.WAITING).select_related(
        "plan__team__manager", "author"
    )


def send_sign_off_reminders(now=None):
    """Remind managers of versions waiting since REMIND_EVERY or longer and not reminded in that time."""
    now = now or timezone.now()
    due = now - REMIND_EVERY
    sent = []
    for version in waiting_versions().filter(created__lte=due):
        # Only the newest waiting version of a plan counts; an older submission was superseded.
        if version.plan.versions.filter(number__gt=version.number).exists():
            continue
        if version.reminders.filter(sent__gt=due).exists():
            continue
        try:
            if not _send(version, "sign_off_reminder", using=outgoing_mailer()):
                continue
        except OSError:
            logger.exception("Could not send the sign-off reminder for plan version %s", version.pk)
            continue
        SignOffReminder.objects.create(version=version, recipient=version.plan.team.manager.email, sent=now)
        sent.append(version)
    return sent


@task()
def send_sign_off_reminders_task():
    """The reminders as a background task for `manage.py db_worker` (`send_sign_off_reminders --enqueue`)."""
    return [version.pk for version in send_sign_off_reminders()]
