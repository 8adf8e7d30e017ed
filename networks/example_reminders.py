"""The facilitators' digest of examples not yet anchored: one e-mail per facilitator, in their language.

An example is due once it is older than its network's `anchoring_reminder_weeks` and some member unit
has not anchored it. Each facilitator is told about a due example once: the sent-log
(ExampleReminderSent) makes a second run, or a run after a pause, send nothing twice. A facilitator who
may not open the network (a view restriction they do not pass) is not told, and not logged, so they
hear of it once they may. Run daily or weekly by cron (`manage.py send_example_reminders`), or through
the task worker (`--enqueue`, then `manage.py db_worker`); the pattern of people/review_reminders.py.
"""

import logging
from collections import defaultdict
from datetime import timedelta

from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone, translation

from networks.models import Example, ExampleReminderSent, NetworkFacilitator, NetworkMember, NetworkPage
from people.models import ResourcePersonPage
from portal.i18n import preferred_language, reader_page_url
from portal.mail import outgoing_mailer
from portal.models import Organisation
from portal.visibility import visibility_for

logger = logging.getLogger(__name__)


def _versions_by_key(keys):
    versions = defaultdict(list)
    for page in NetworkPage.objects.live().filter(translation_key__in=keys).select_related("locale").order_by("pk"):
        versions[page.translation_key].append(page)
    return versions


def _units_by_network(keys):
    units = defaultdict(set)
    rows = NetworkMember.objects.filter(page__translation_key__in=keys, organisation__isnull=False)
    for network_key, unit_key in rows.values_list("page__translation_key", "organisation__translation_key"):
        units[network_key].add(unit_key)
    return units


def _facilitators_by_network(keys):
    """{network key: {user: profile language}} of the facilitators with an active account and an address."""
    rows = NetworkFacilitator.objects.filter(page__translation_key__in=keys, person__isnull=False)
    people = defaultdict(set)
    for network_key, person_key in rows.values_list("page__translation_key", "person__translation_key"):
        people[person_key].add(network_key)
    profiles = ResourcePersonPage.objects.filter(
        translation_key__in=people, user__is_active=True, user__isnull=False
    ).select_related("user", "locale")
    found = defaultdict(dict)
    for profile in profiles.order_by("pk"):
        if not profile.user.email:
            continue
        for network_key in people[profile.translation_key]:
            found[network_key].setdefault(profile.user, profile.locale.language_code)
    return found


def due_examples(now):
    """[(network versions, example, missing unit keys)] of examples older than their network's weeks."""
    keys = set(Example.objects.values_list("network_key", flat=True).distinct())
    versions = _versions_by_key(keys)
    units = _units_by_network(keys)
    due = []
    examples = Example.objects.filter(network_key__in=versions).prefetch_related("anchorings").order_by("created")
    for example in examples:
        pages = versions[example.network_key]
        if example.created > now - timedelta(weeks=pages[0].anchoring_reminder_weeks):
            continue
        missing = units[example.network_key] - {anchoring.unit_key for anchoring in example.anchorings.all()}
        if missing:
            due.append((pages, example, missing))
    return due


def _version_for(pages, language, visibility):
    """The network in the recipient's language if they may open it there, else one they may open."""
    viewable = [page for page in pages if visibility.can_view(page)]
    return next((page for page in viewable if page.locale.language_code == language), None) or next(
        iter(viewable), None
    )


def send_example_reminders(now=None, dry_run=False):
    """Send the due digests. Returns [(e-mail, [examples])] that were (or, dry, would be) sent."""
    now = now or timezone.now()
    due = due_examples(now)
    if not due:
        return []
    facilitators = _facilitators_by_network({pages[0].translation_key for pages, _example, _missing in due})
    already = set(
        ExampleReminderSent.objects.filter(example__in=[example for _pages, example, _missing in due]).values_list(
            "example_id", "user_id"
        )
    )
    digests = defaultdict(list)
    languages = {}
    for pages, example, missing in due:
        for user, profile_language in facilitators.get(pages[0].translation_key, {}).items():
            if (example.pk, user.pk) in already:
                continue
            language = languages.setdefault(user, preferred_language(user, default=profile_language))
            network = _version_for(pages, language, visibility_for(user))
            if network is None:
                logger.info("Example %s left out of %s's digest: they may not open its network", example.pk, user)
                continue
            digests[user].append((network, example, missing))

    sent = []
    for user, items in sorted(digests.items(), key=lambda item: item[0].pk):
        examples = [example for _network, example, _missing in items]
        if not dry_run:
            if not send_digest(user, languages[user], items):
                continue
            ExampleReminderSent.objects.bulk_create(
                [ExampleReminderSent(example=example, user=user) for example in examples], ignore_conflicts=True
            )
        sent.append((user.email, examples))
    return sent


def _unit_names(keys, language):
    names = {}
    for organisation in Organisation.objects.filter(translation_key__in=keys).select_related("locale"):
        if organisation.translation_key not in names or organisation.locale.language_code == language:
            names[organisation.translation_key] = organisation.name
    return sorted(names.values(), key=str.casefold)


def send_digest(user, language, items):
    networks = {}
    for network, example, missing in items:
        entry = networks.setdefault(
            network.pk,
            {"title": network.title, "url": reader_page_url(network, language=language, full=True), "examples": []},
        )
        entry["examples"].append(
            {"title": example.title, "recorded": example.created, "missing": _unit_names(missing, language)}
        )
    context = {"name": user.get_full_name() or user.get_username(), "networks": list(networks.values())}
    context["count"] = len(items)
    with translation.override(language):
        subject = " ".join(render_to_string("networks/email/example_reminder_subject.txt", context).split())
        body = render_to_string("networks/email/example_reminder.txt", context).strip() + "\n"
    try:
        # Run by cron or the task worker, never in a request: straight to the server, so a failure is seen here.
        send_mail(subject, body, None, [user.email], using=outgoing_mailer())
    except OSError:
        # Not logged as sent: tried again on the next run.
        logger.exception("Could not send the example digest to %s", user.email)
        return False
    return True


@task()
def send_example_reminders_task():
    """The digest as a background task for `manage.py db_worker` (`send_example_reminders --enqueue`)."""
    return [[email, [example.pk for example in examples]] for email, examples in send_example_reminders()]
