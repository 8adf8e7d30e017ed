from django.core.management.base import BaseCommand, CommandError

from moderation.permissions import RoleSetupError, apply_roles


class Command(BaseCommand):
    help = (
        "Create or update Erfa's role groups so that their permissions are exactly those declared in "
        "portal/roles.py (and by the page models), remove Wagtail's default groups (moving their members "
        'to a role), and assign the "Communications review" workflow to every locale\'s home page. '
        "Safe to run again; pages created later get their grants by themselves."
    )

    def handle(self, *args, **options):
        try:
            apply_roles(report=self.stdout.write)
        except RoleSetupError as error:
            raise CommandError(str(error)) from error
