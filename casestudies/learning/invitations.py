"""Inviting a colleague to add to a learning before it is submitted, and telling them by e-mail in their language."""

import logging

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from portal.i18n import preferred_language

logger = logging.getLogger(__name__)


def invite(draft, colleague, request):
    """Give `colleague` access to `draft` and e-mail them the link, under their own language's prefix."""
    draft.co_authors.add(colleague)
    if not colleague.email:
        return False
    language = preferred_language(colleague, draft.language)
    author = draft.author
    context = {
        "author_name": author.get_full_name() or author.get_username(),
        "colleague_name": colleague.get_full_name() or colleague.get_username(),
        "title": draft.title,
        "edit_url": request.build_absolute_uri(draft.get_edit_url(language)),
    }
    with translation.override(language):
        subject = " ".join(render_to_string("casestudies/learning/email/invitation_subject.txt", context).split())
        body = render_to_string("casestudies/learning/email/invitation.txt", context).strip() + "\n"
    try:
        send_mail(subject, body, None, [colleague.email])
    except OSError:
        # The invitation stands (they see the draft in My contributions) even when the mail server fails.
        logger.exception("Could not send the learning invitation to %s", colleague.email)
        return False
    return True
