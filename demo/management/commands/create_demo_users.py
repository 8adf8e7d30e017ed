import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts import two_factor
from portal.roles import COMMUNICATIONS, EMPLOYEES, NETWORK_FACILITATORS, RESOURCE_PERSONS

# Fictional people; example.org is reserved for documentation and never delivers mail.
DEMO_USERS = [
    # username, first name, last name, group (None for a superuser)
    ("employee", "Elin", "Dahlgren", EMPLOYEES),
    # Manages a team in the Norrvik network and signs off its plans (demo/teams.py).
    ("manager", "Mattias", "Rönnqvist", EMPLOYEES),
    ("resource", "Rune", "Aasvik", RESOURCE_PERSONS),
    ("facilitator", "Frida", "Holmquist", NETWORK_FACILITATORS),
    ("spokesperson", "Johan", "Berglund", EMPLOYEES),  # speaks for Solgläntan in the Norrvik network (demo/examples.py)
    ("communications", "Kaja", "Verhoef", COMMUNICATIONS),
    ("admin", "Anders", "Bech", None),
]


class Command(BaseCommand):
    help = (
        "Create one demo user per role and print each new user's password once, and for Communications and "
        "the administrator the secret of their authenticator app (two-factor authentication). "
        "Existing users are left as they are. Refuses to run with DJANGO_DEBUG off "
        "unless --allow-production is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Create the demo users even though DJANGO_DEBUG is off.",
        )

    @transaction.atomic
    def handle(self, *args, allow_production=False, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "Demo users have well-known names and belong on development machines only. "
                "Set DJANGO_DEBUG=1, or pass --allow-production if you really mean it."
            )
        User = get_user_model()
        created_rows = []
        authenticators = []
        for username, first_name, last_name, group_name in DEMO_USERS:
            if User.objects.filter(username=username).exists():
                continue
            password = secrets.token_urlsafe(9)
            user = User.objects.create_user(
                username=username,
                email=f"{username}@example.org",
                password=password,
                first_name=first_name,
                last_name=last_name,
                is_staff=group_name is None,
                is_superuser=group_name is None,
            )
            if group_name is not None:
                try:
                    user.groups.add(Group.objects.get(name=group_name))
                except Group.DoesNotExist as error:
                    raise CommandError("Role groups are missing. Run `manage.py setup_roles` first.") from error
            created_rows.append((username, password, group_name or "Administrators"))
            if two_factor.requires_two_factor(user):
                # The admin asks these roles for a code from an authenticator app (accounts/two_factor.py).
                device = two_factor.pending_totp_device(user)
                two_factor.enrol_confirmed(user, device)
                authenticators.append((username, two_factor.base32_secret(device), device.config_url))

        if not created_rows:
            self.stdout.write("Demo users already exist; their passwords are unchanged.")
            return
        secrets_by_user = {username: secret for username, secret, _uri in authenticators}
        self.stdout.write(self.style.SUCCESS("Demo users created. Their passwords are shown only now:"))
        for username, password, role in created_rows:
            secret = secrets_by_user.get(username)
            authenticator = f"  authenticator secret: {secret}" if secret else ""
            self.stdout.write(f"  {username:<16} {password:<16} {role:<22}{authenticator}".rstrip())
        if authenticators:
            self.stdout.write("")
            self.stdout.write(
                "The admin also asks these users for a code from an authenticator app. Type the secret into the "
                "app, or open the otpauth:// link on the phone (or make a QR code of it):"
            )
            for username, _secret, uri in authenticators:
                self.stdout.write(f"  {username:<16} {uri}")
