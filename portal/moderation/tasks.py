"""Review reminders as a background task for `manage.py db_worker`.

Built as `django.tasks.base.Task(func=...)`, like people/tasks.py and for the same reason: the
`@task` decorator would bind to whichever backend is configured at import time, and the
django_tasks_db worker refuses the backport's Task class.
"""

from django.tasks.base import Task


def send_review_reminders():
    from portal.moderation.reminders import send_review_reminders as send

    return [[email, [page.pk for page in pages]] for email, pages in send()]


# The Task replaces the function under the same name, so the worker finds it by its dotted path.
send_review_reminders = Task(func=send_review_reminders)
