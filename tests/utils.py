from django.http import Http404
from wagtail.test.utils import WagtailPageTestCase


class PageTestCase(WagtailPageTestCase):
    """Wagtail's page assertions, taught about Erfa's /en/, /sv/… URL prefixes."""

    def assertPageIsRoutable(self, page, route_path="/", msg=None):  # noqa: N802 - Wagtail's name.
        # Wagtail routes the URL including the language prefix that i18n_patterns adds,
        # which page routing never sees; route the part after the prefix instead.
        path = page.get_url(self.dummy_request)
        prefix = f"/{page.locale.language_code}/"
        if path.startswith(prefix):
            path = path[len(prefix) - 1 :]
        if route_path != "/":
            path = path.rstrip("/") + "/" + route_path.lstrip("/")
        root = page.get_site().root_page.get_translation(page.locale).specific
        try:
            root.route(self.dummy_request, [part for part in path.split("/") if part])
        except Http404 as error:
            raise self.failureException(msg or f"Failed to route to {path!r} for {page!r}") from error
