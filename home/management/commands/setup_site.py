from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale, Page, Site

from home.content import HOME_PAGE_CONTENT
from home.models import HomePage


class Command(BaseCommand):
    help = (
        "Create the five locales, a published home page in each and the default site. "
        "Safe to run again: what exists is kept as editors left it."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}
        default_locale = locales[settings.LANGUAGE_CODE]

        root = Page.get_first_root_node()
        if root is None:
            root = Page.add_root(instance=Page(title="Erfa", slug="root", locale=default_locale))

        home = HomePage.objects.filter(locale=default_locale).first()
        if home is None:
            # Wagtail's migrations leave a "Welcome to your new Wagtail site!" page in HomePage's place.
            root.get_children().exact_type(Page).filter(slug="home").delete()
            title, intro = HOME_PAGE_CONTENT[default_locale.language_code]
            home = root.add_child(instance=HomePage(title=title, slug="home", intro=intro, locale=default_locale))
            home.save_revision().publish()
            self.stdout.write(f"Created the {default_locale.language_code} home page")

        site = Site.objects.filter(is_default_site=True).first()
        # Absolute links (hreflang, e-mails, calendar files) use the site's address: the configured public one.
        public = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        port = public.port or (443 if public.scheme == "https" else 80)
        address = {"hostname": public.hostname or "localhost", "port": port}
        if site is None:
            Site.objects.create(root_page=home, is_default_site=True, site_name="Erfa", **address)
        elif settings.DEBUG and (site.hostname, site.port) != (address["hostname"], address["port"]):
            # In development the server moves (`make run PORT=8124`) and the site follows it; in production
            # the site's address is the editors' to keep.
            Site.objects.filter(pk=site.pk).update(**address)
            self.stdout.write(f"The default site now answers at {address['hostname']}:{port}")
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.site_name = site.site_name or "Erfa"
            site.save()

        for code, locale in locales.items():
            if code == default_locale.language_code or home.has_translation(locale):
                continue
            translation = home.copy_for_translation(locale)
            translation.title, translation.intro = HOME_PAGE_CONTENT[code]
            translation.save_revision().publish()
            self.stdout.write(f"Created the {code} home page")
