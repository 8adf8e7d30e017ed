"""The weekly digest to a network's followers: one e-mail per follower per week, for all they follow.

`send_network_digests` (the management command, or its task for `manage.py db_worker`) writes to
every active follower with an e-mail address whose followed networks have news (digests/parts.py)
since their last digest, at most a week back. It is written in the follower's language (their
account setting, else the language of the version they followed), links keep them under their
language prefix (portal.i18n.reader_url), and every network has a one-click unfollow link
(digests/unfollow.py), the whole e-mail one in its List-Unsubscribe headers (RFC 8058).

Idempotent: each sent digest is logged per user and ISO week (NetworkDigestLog), and a second run
in the same week passes over whoever already has theirs. A follower who had nothing new gets no
e-mail and no log, so news later that week still reaches them. Networks the follower may no longer
see (portal.visibility; an e-mail has no session, so password-protected ones never) are left out.
"""

import email.policy
import logging
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone, translation

from digests import parts, unfollow
from digests.models import NetworkDigestLog
from networks.models import NetworkFollow, NetworkPage
from portal.i18n import preferred_language, reader_page_url
from portal.mail import outgoing_mailer
from portal.visibility import visibility_for

logger = logging.getLogger(__name__)

WEEK = timedelta(days=7)


class DigestMessage(EmailMultiAlternatives):
    """Keeps List-Unsubscribe on one line: folding a long URL without spaces makes Python's e-mail
    package write it as RFC 2047 encoded words, which mail clients do not read as a URL (RFC 2369).
    998 characters is RFC 5322's hard limit for a line."""

    def message(self, *, policy=email.policy.default):
        return super().message(policy=policy.clone(max_line_length=998))


def week_of(now):
    year, week, _day = timezone.localdate(now).isocalendar()
    return f"{year}-W{week:02d}"


def recipients():
    return (
        get_user_model()
        .objects.filter(is_active=True, network_follows__isnull=False)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def followed_networks(user, language, visibility):
    """One version per followed network the user may see: in `language` where there is one."""
    follows = list(NetworkFollow.objects.filter(user=user).select_related("network"))
    keys = {follow.network.translation_key for follow in follows}
    visible = visibility.filter(NetworkPage.objects.filter(translation_key__in=keys)).select_related("locale")
    chosen = {}
    for network in visible.order_by("pk"):
        current = chosen.get(network.translation_key)
        if current is None or (network.locale.language_code == language and current.locale.language_code != language):
            chosen[network.translation_key] = network
    return sorted(chosen.values(), key=lambda network: network.title.lower())


def site_root(network):
    parts = urlsplit(network.get_full_url() or settings.WAGTAILADMIN_BASE_URL)
    return f"{parts.scheme}://{parts.netloc}"


def compose(user, now, since):
    """The digest for `user`: (language, [network sections]) — no sections when nothing is new."""
    follows = NetworkFollow.objects.filter(user=user).select_related("network__locale").order_by("created")
    first = follows.first()
    language = preferred_language(user, default=first.network.locale.language_code if first else None)
    visibility = visibility_for(user)
    sections = []
    with translation.override(language):
        for network in followed_networks(user, language, visibility):
            news = []
            for part in parts.network_news(network, since, language):
                items = [item for item in part["items"] if item.page is None or visibility.can_view(item.page)]
                if items:
                    news.append({**part, "items": items})
            if news:
                root = site_root(network)
                sections.append(
                    {
                        "network": network,
                        "url": reader_page_url(network, language=language, full=True),
                        "parts": news,
                        "unfollow_url": root + unfollow.unfollow_path(user, [network.translation_key], language),
                    }
                )
    return language, sections


def send_digest(user, language, sections):
    root = site_root(sections[0]["network"])
    keys = [section["network"].translation_key for section in sections]
    unfollow_all = root + unfollow.unfollow_path(user, keys, language)
    context = {"user": user, "sections": sections, "unfollow_all_url": unfollow_all}
    with translation.override(language):
        subject = " ".join(render_to_string("digests/email/digest_subject.txt", context).split())
        text = render_to_string("digests/email/digest.txt", context).strip() + "\n"
        html = render_to_string("digests/email/digest.html", context)
    message = DigestMessage(
        subject,
        text,
        None,
        [user.email],
        headers={"List-Unsubscribe": f"<{unfollow_all}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.attach_alternative(html, "text/html")
    try:
        # Run by cron or the task worker: straight to the mail server, so a failure is seen here.
        message.send(using=outgoing_mailer())
    except OSError:
        logger.exception("Could not send the network digest to %s", user.email)
        return False
    return True


def send_network_digests(now=None, dry_run=False):
    """Send this week's digests not yet sent. Returns [(user, [networks])] sent (or, dry, due)."""
    now = now or timezone.now()
    week = week_of(now)
    done = set(NetworkDigestLog.objects.filter(week=week).values_list("user_id", flat=True))
    last_sent = dict(NetworkDigestLog.objects.order_by("sent_at").values_list("user_id", "sent_at"))
    sent = []
    for user in recipients():
        if user.pk in done:
            continue
        since = max(now - WEEK, last_sent.get(user.pk, now - WEEK))
        language, sections = compose(user, now, since)
        if not sections:
            continue
        networks = [section["network"] for section in sections]
        if not dry_run:
            if not send_digest(user, language, sections):
                continue
            NetworkDigestLog.objects.get_or_create(
                user=user,
                week=week,
                defaults={"sent_at": now, "networks": [str(network.translation_key) for network in networks]},
            )
        sent.append((user, networks))
    return sent


@task()
def send_network_digests_task():
    """The digests as a background task for `manage.py db_worker` (`send_network_digests --enqueue`)."""
    return [[user.email, len(networks)] for user, networks in send_network_digests()]
