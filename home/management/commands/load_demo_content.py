from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from home.demo.loader import DemoLoader
from home.demo.search import search_index_once
from home.models import HomePage


class Command(BaseCommand):
    help = (
        "Load the demo knowledge bank: networks, people, methods, templates and case studies in their "
        "original languages, each with an English translation. Safe to run again: what exists is kept."
    )

    def handle(self, *args, **options):
        if not HomePage.objects.filter(locale__language_code="en").exists() or Locale.objects.count() < 5:
            raise CommandError("The site is not set up yet. Run `manage.py setup_site` first.")
        with search_index_once(), transaction.atomic():
            loader = DemoLoader()
            created = loader.run()
        for line in loader.missing:
            self.stderr.write(f"Untranslated segment: {line}")
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded ({created} items and translations added)."))
        else:
            self.stdout.write("Demo content is already loaded; nothing was added.")
