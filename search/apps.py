from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The search page, its autocomplete, facets, query log and report: above every content app it searches."""

    name = "search"
    verbose_name = _("Search")
