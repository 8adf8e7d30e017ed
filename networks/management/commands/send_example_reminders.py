from datetime import datetime, time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from networks.example_reminders import send_example_reminders, send_example_reminders_task


class Command(BaseCommand):
    help = (
        "E-mail each network facilitator the examples that some member unit has not anchored after the "
        "network's chosen number of weeks. Each example is named to a facilitator once, so running it again "
        "sends nothing new. Run it daily or weekly from cron, or pass --enqueue to hand the work to the task "
        "worker (manage.py db_worker)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List who would get a digest; send nothing.")
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue the digests as a background task instead of sending now."
        )
        parser.add_argument("--today", help="Act as if today were this date (YYYY-MM-DD); for checking schedules.")

    def handle(self, *args, dry_run=False, enqueue=False, today=None, **options):
        if enqueue and (dry_run or today):
            raise CommandError("--enqueue cannot be combined with --dry-run or --today.")
        if enqueue:
            result = send_example_reminders_task.enqueue()
            self.stdout.write(f"Queued example reminders as task {result.id}.")
            return
        now = None
        if today:
            try:
                day = datetime.strptime(today, "%Y-%m-%d").date()
            except ValueError as error:
                raise CommandError(f"--today must be a date written YYYY-MM-DD; {today!r} is not.") from error
            now = timezone.make_aware(datetime.combine(day, time(12)))
        sent = send_example_reminders(now=now, dry_run=dry_run)
        verb = "Would remind" if dry_run else "Reminded"
        for email, examples in sent:
            self.stdout.write(f"{verb} {email} of {len(examples)} example(s): " + ", ".join(e.title for e in examples))
        if not sent:
            self.stdout.write("No example reminders due.")
