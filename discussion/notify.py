"""The discussion's e-mails: to the page's owner and contacts on a new question, to its author on an answer.

Each is written in its recipient's language (the one they chose for Erfa's e-mails, else the language of
their profile or of what they wrote) and links to the discussion under that language's prefix. Nobody
is told about a page they may not view (portal.visibility). In a request the default mailer only queues
the message for the task worker (portal/mail.py); a failure to queue is logged, never lost text: the
comment is saved before any e-mail is tried.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from discussion import rules
from people.contact import clean_header_text, recipient_language
from portal.i18n import preferred_language
from portal.visibility import visibility_for

logger = logging.getLogger(__name__)


def discussion_url(page, language, anchor=""):
    with translation.override(language):
        path = reverse("discussion:page", args=[page.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path + (f"#comment-{anchor}" if anchor else "")


def _send(address, language, template, context):
    with translation.override(language):
        subject = clean_header_text(render_to_string(f"discussion/email/{template}_subject.txt", context))
        body = render_to_string(f"discussion/email/{template}.txt", context).strip() + "\n"
    try:
        send_mail(subject[:200], body, None, [address])
    except Exception:  # noqa: BLE001 - the comment is saved; a mail server's failure must not lose it.
        logger.exception("Could not send the discussion e-mail %s to %s", template, address)
        return False
    return True


def notify_answerers(comment, page):
    """Tell the page's owner and contact persons about a new question or comment. Returns the addresses."""
    sent = []
    for profile in rules.answerer_profiles(page):
        user = profile.user
        address = (profile.email or user.email).strip()
        if not address or user.pk == comment.author_id or address.lower() in sent:
            continue
        if not visibility_for(user).can_view(page):
            continue
        language = recipient_language(profile)
        context = {
            "name": profile.title,
            "comment": comment,
            "author": comment.author_name(),
            "page_title": page.title,
            "url": discussion_url(page, language, comment.pk),
        }
        if _send(address, language, "new_comment", context):
            sent.append(address.lower())
    return sent


def notify_author(answer, comment, page):
    """Tell the question's author that it was answered. Returns the address, or None."""
    author = comment.author
    if author.pk == answer.author_id or not author.is_active or not author.email:
        return None
    if not visibility_for(author).can_view(page):
        return None
    language = preferred_language(author, default=comment.language)
    context = {
        "name": author.get_full_name() or author.get_username(),
        "comment": comment,
        "answer": answer,
        "answerer": answer.author_name(),
        "page_title": page.title,
        "url": discussion_url(page, language, comment.pk),
    }
    return author.email if _send(author.email, language, "answered", context) else None
