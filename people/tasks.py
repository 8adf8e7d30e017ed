"""Background work for the people app.

The retry is a `django.tasks.Task` (Django's own task API), built explicitly rather than with a
`@task` decorator: the decorator takes its class from whichever backend is configured at import
time, and under the `django_tasks` backport's ImmediateBackend that is the backport's Task, which
the django_tasks_db worker refuses ("does not point to a Task"). Built like this, the same object
is accepted by the database backend in production and by the tests' override of it.
"""

from django.tasks.base import Task


def retry_contact_message(message_id):
    from people.contact import deliver

    message = deliver(message_id)
    return message.status if message is not None else None


# The Task replaces the function under the same name, so the worker finds it by its dotted path.
retry_contact_message = Task(func=retry_contact_message)
