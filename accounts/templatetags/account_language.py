"""The language Erfa writes to an account in, for the e-mails Django renders itself (the password reset's)."""

from django import template
from django.utils import translation

from portal.i18n import preferred_language
from portal.languages import base_code

register = template.Library()


@register.simple_tag
def account_language(user):
    """The language of `user`'s account, else the active one: that of the page the form was sent from.

    Django's PasswordResetForm renders its e-mail in the request's language; the templates wrap it in
    {% language %} with this, so that its text and its link's prefix follow the recipient, as Erfa's other e-mails do.
    """
    return preferred_language(user, default=base_code(translation.get_language()))
