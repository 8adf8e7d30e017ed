"""Background work for the people app, on Django's task framework (see TASKS in portal/settings.py).

The retry task lives beside the delivery it retries (people/contact.py); it is named here as well so
that retries queued by an earlier release, under this module's path, still run.
"""

from people.contact import retry_contact_message

__all__ = ["retry_contact_message"]
