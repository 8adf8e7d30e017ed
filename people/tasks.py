"""Background work for the people app, on Django's task framework (see TASKS in portal/settings.py)."""

from django.tasks import task


@task()
def retry_contact_message(message_id):
    """Try again to e-mail a saved contact message; contact.deliver schedules the next try if this one fails."""
    from people.contact import deliver  # contact.py enqueues this task, so it is imported when the task runs.

    message = deliver(message_id)
    return message.status if message is not None else None
