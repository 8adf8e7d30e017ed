"""Review reminders as a background task for `manage.py db_worker` (`send_review_reminders --enqueue`)."""

from django.tasks import task


@task()
def send_review_reminders():
    from portal.moderation.reminders import send_review_reminders as send

    return [[email, [page.pk for page in pages]] for email, pages in send()]
