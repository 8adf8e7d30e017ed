from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Compile the project's .po catalogues into .mo files. Unlike compilemessages it needs "
        "no GNU gettext on the machine, so `make run` works on a bare system."
    )

    def handle(self, *args, **options):
        catalogues = sorted(
            po for locale_dir in settings.LOCALE_PATHS for po in Path(locale_dir).glob("*/LC_MESSAGES/*.po")
        )
        if not catalogues:
            raise CommandError(f"No .po files found under {', '.join(map(str, settings.LOCALE_PATHS))}.")
        for po_path in catalogues:
            try:
                catalogue = polib.pofile(str(po_path))
            except (OSError, ValueError) as error:
                raise CommandError(f"Cannot read {po_path}: {error}") from error
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            catalogue.save_as_mofile(str(mo_path))
            self.stdout.write(f"Compiled {po_path.relative_to(settings.BASE_DIR)}")
