from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from wagtail.models import Locale

from demo.loader import DemoLoader
from demo.tasks import each_task_once
from home.models import HomePage
from portal.languages import CODES, DEFAULT_LANGUAGE


class Command(BaseCommand):
    help = (
        "Load the demo knowledge bank from demo/content/: networks, people, methods, shareable templates and "
        "case studies in all five languages: each written in its original language and translated through "
        "wagtail-localize. Safe to run again: what exists is kept."
    )

    def handle(self, *args, **options):
        site_ready = HomePage.objects.filter(locale__language_code=DEFAULT_LANGUAGE).exists()
        if not site_ready or Locale.objects.filter(language_code__in=CODES).count() < len(CODES):
            raise CommandError("The site is not set up yet. Run `manage.py setup_site` first.")
        with transaction.atomic(), each_task_once():
            loader = DemoLoader()
            created = loader.run()
        if created and connection.vendor == "postgresql":
            # Thousands of rows arrived at once: without fresh statistics PostgreSQL plans the first
            # page views as if the tables were empty (nested loops taking seconds), until autovacuum runs.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        for line in loader.missing:
            self.stderr.write(f"Untranslated segment: {line}")
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded ({created} items and translations added)."))
        else:
            self.stdout.write("Demo content is already loaded; nothing was added.")
