from django.core.management.base import BaseCommand, CommandError

from digests.mail import send_network_digests, send_network_digests_task


class Command(BaseCommand):
    help = (
        "E-mail each follower of a network one weekly digest of the news in every network they follow "
        "(new updates, gatherings in the next two weeks, and the parts other apps add). A follower who "
        "already got this week's digest, or has nothing new, gets nothing, so running it again is safe. "
        "Run it weekly from cron, or pass --enqueue to hand the work to the task worker (manage.py db_worker)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List who would get a digest; send nothing.")
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue the digests as a background task instead of sending now."
        )

    def handle(self, *args, dry_run=False, enqueue=False, **options):
        if enqueue and dry_run:
            raise CommandError("--enqueue cannot be combined with --dry-run.")
        if enqueue:
            result = send_network_digests_task.enqueue()
            self.stdout.write(f"Queued network digests as task {result.id}.")
            return
        sent = send_network_digests(dry_run=dry_run)
        verb = "Would send" if dry_run else "Sent"
        for user, networks in sent:
            self.stdout.write(
                f"{verb} {user.email} a digest of {len(networks)} network(s): " + ", ".join(n.title for n in networks)
            )
        if not sent:
            self.stdout.write("No digests due.")
