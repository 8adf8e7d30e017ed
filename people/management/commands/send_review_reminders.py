from datetime import datetime, time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from people.review_reminders import REMIND_EVERY, send_review_reminders, send_review_reminders_task


def parse_day(value):
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError as error:
        raise CommandError(f"--today must be a date written YYYY-MM-DD, e.g. 2026-03-01; {value!r} is not.") from error


class Command(BaseCommand):
    help = (
        "E-mail content owners about live pages past their review date. Every overdue page not reminded "
        f"in the last {REMIND_EVERY.days} days is included, so a run after a pause catches up and a "
        "second run the same day sends nothing. Run it daily from cron, or pass --enqueue to hand the "
        "work to the task worker (manage.py db_worker)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List who would be reminded; send nothing.")
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue the reminders as a background task instead of sending now."
        )
        parser.add_argument("--today", help="Act as if today were this date (YYYY-MM-DD); for checking schedules.")

    def handle(self, *args, dry_run=False, enqueue=False, today=None, **options):
        if enqueue and (dry_run or today):
            raise CommandError("--enqueue cannot be combined with --dry-run or --today.")
        if enqueue:
            result = send_review_reminders_task.enqueue()
            self.stdout.write(f"Queued review reminders as task {result.id}.")
            return
        now = None
        if today:
            now = timezone.make_aware(datetime.combine(parse_day(today), time(12)))
        sent = send_review_reminders(now=now, dry_run=dry_run)
        verb = "Would remind" if dry_run else "Reminded"
        for email, pages in sent:
            self.stdout.write(f"{verb} {email} about {len(pages)} page(s): " + ", ".join(p.title for p in pages))
        if not sent:
            self.stdout.write("No reminders due.")
