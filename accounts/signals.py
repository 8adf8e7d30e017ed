"""What a reader is told about their own session."""

from django.contrib import messages
from django.contrib.auth.signals import user_logged_out
from django.dispatch import receiver
from django.utils.translation import gettext


@receiver(user_logged_out, dispatch_uid="erfa_logged_out_message")
def say_logged_out(sender, request, user, **kwargs):
    # Sent before the session is flushed; the messages middleware stores the message with the
    # response, so the login page the reader lands on shows it (in the language of this request).
    if request is not None and hasattr(request, "_messages"):
        messages.info(request, gettext("You have been logged out."))
