from django.core.management.base import BaseCommand
from django.utils import timezone

from people.contact import retry_due
from people.models import ContactMessage


class Command(BaseCommand):
    help = (
        "List contact messages that have not been delivered yet (waiting for a retry, or given up). "
        "With --retry, try to deliver them now."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--retry", action="store_true", help="Try to deliver every undelivered message now, even if not yet due."
        )

    def handle(self, *args, retry=False, **options):
        undelivered = ContactMessage.objects.exclude(status=ContactMessage.Status.SENT).order_by("created")
        if retry:
            # Given-up messages get another round of attempts when someone asks for it explicitly.
            undelivered.filter(status=ContactMessage.Status.FAILED).update(
                status=ContactMessage.Status.PENDING, attempts=0
            )
            undelivered.filter(status=ContactMessage.Status.PENDING).update(next_attempt_at=timezone.now())
            retry_due()
        messages = list(undelivered)
        if not messages:
            self.stdout.write("No undelivered messages.")
            return
        self.stdout.write(f"{len(messages)} undelivered message(s):")
        for message in messages:
            next_attempt = message.next_attempt_at.isoformat(timespec="minutes") if message.next_attempt_at else "-"
            error = message.last_error.splitlines()[0] if message.last_error else "-"
            self.stdout.write(
                f"#{message.pk}  {message.created.isoformat(timespec='minutes')}  {message.get_status_display()}  "
                f"attempts={message.attempts}  next={next_attempt}  "
                f"from={message.sender_name}  to={message.recipient_name}  "
                f"subject={message.subject!r}  error={error}"
            )
