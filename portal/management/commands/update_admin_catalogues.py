from django.core.management.base import BaseCommand, CommandError

from portal import admin_catalogues


class Command(BaseCommand):
    help = (
        "Bring Erfa's catalogues of Wagtail admin strings (portal/wagtail_locale/) in line with the installed "
        "Wagtail: add the messages Wagtail leaves untranslated, keep Erfa's translations, drop what Wagtail now "
        "translates itself. Then print the admin coverage per language. `make messages` runs it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Only print the coverage; fail when a language is under --minimum."
        )
        parser.add_argument("--minimum", type=float, default=97.0, help="The least coverage --check accepts, in %%.")

    def handle(self, *args, check=False, minimum=97.0, **options):
        if not admin_catalogues.is_in_locale_paths():
            raise CommandError(f"{admin_catalogues.CATALOGUE_DIR} is not in LOCALE_PATHS, so Django would not load it.")
        if not check:
            for language, domain, (kept, added, dropped) in admin_catalogues.update_all():
                self.stdout.write(f"{language} {domain}.po: {kept} kept, {added} to translate, {dropped} dropped")
        short = []
        for language in admin_catalogues.TRANSLATION_TARGETS:
            result = admin_catalogues.coverage(language)
            self.stdout.write(
                f"{language}: {result.percent:.1f}% of {result.total} admin strings translated "
                f"({result.by_wagtail} by Wagtail, {result.by_erfa} by Erfa)"
            )
            if result.percent < minimum:
                short.append(language)
        if check and short:
            raise CommandError(f"Under {minimum}%: {', '.join(short)}. Translate portal/wagtail_locale/ and run again.")
