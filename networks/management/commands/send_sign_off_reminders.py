from django.core.management.base import BaseCommand

from networks.teams.mail import REMIND_EVERY, send_sign_off_reminders, send_sign_off_reminders_task


class Command(BaseCommand):
    help = (
        "E-mail team managers about progress plans and final reports waiting for their sign-off. Each "
        f"waiting version is reminded at most once every {REMIND_EVERY.days} days, so running it daily "
        "(or twice) is safe. Pass --enqueue to hand the work to the task worker (manage.py db_worker)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue the reminders as a background task instead of sending now."
        )

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            result = send_sign_off_reminders_task.enqueue()
            self.stdout.write(f"Queued sign-off reminders as task {result.id}.")
            return
        sent = send_sign_off_reminders()
        for version in sent:
            self.stdout.write(f"Reminded {version.plan.team.manager.email} about {version.plan}.")
        if not sent:
            self.stdout.write("No reminders due.")
