"""A page's title as the recipient of a moderation or reminder e-mail knows it.

E-mails are rendered with the recipient's language active (Wagtail's notifications and
people/review_reminders.py both do so). A page under review may be another language's version;
its title is shown from the version in the recipient's language when one exists, next to the
language of the version the e-mail is about.
"""

from django.utils import translation
from wagtail.models import Page


def title_for_reader(page, language=None):
    language = language or translation.get_language() or ""
    if page.locale.language_code == language:
        return page.get_admin_display_title()
    version = Page.objects.filter(translation_key=page.translation_key, locale__language_code=language).first()
    return (version or page).get_admin_display_title()
