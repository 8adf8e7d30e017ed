from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

MAX_LOGGED_QUERY_LENGTH = 200


class SearchQueryDay(models.Model):
    """How often a query was searched on one day in one language, and how often it found nothing.

    One row per day, language and query (not per search) keeps the log small and
    says nothing about who searched.
    """

    date = models.DateField(_("date"), db_index=True)
    language = models.CharField(_("language"), max_length=8)
    query = models.CharField(_("query"), max_length=MAX_LOGGED_QUERY_LENGTH)
    hits = models.PositiveIntegerField(_("searches"), default=0)
    zero_result_hits = models.PositiveIntegerField(_("searches without results"), default=0)

    class Meta:
        verbose_name = _("search query")
        verbose_name_plural = _("search queries")
        # The constraint keeps the name it was created with in the home app: renaming it gains nothing.
        constraints = [
            models.UniqueConstraint(fields=["date", "language", "query"], name="home_search_query_day_unique")
        ]

    def __str__(self):
        return f"{self.query} ({self.language}, {self.date})"

    @staticmethod
    def normalise(query):
        """The query as it is stored: lower-cased, with single spaces, at most MAX_LOGGED_QUERY_LENGTH long."""
        return " ".join(query.lower().split())[:MAX_LOGGED_QUERY_LENGTH]

    @classmethod
    def add(cls, day, language, query, searches, without_results):
        """Add counts to the day's row of a (normalised) query (search/query_log.py collects them)."""
        key = {"date": day, "language": language, "query": query}
        counts = {"hits": F("hits") + searches, "zero_result_hits": F("zero_result_hits") + without_results}
        # One UPDATE for a query already searched that day (the usual case); the row is made only once.
        if not cls.objects.filter(**key).update(**counts):
            row, _created = cls.objects.get_or_create(**key)
            cls.objects.filter(pk=row.pk).update(**counts)
