"""Translatable snippets that every content area tags its pages with."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A knowledge area, such as "welfare technology" or "structured knowledge sharing"."""

    name = models.CharField(_("name"), max_length=80)
    description = models.TextField(
        _("description"), blank=True, max_length=300, help_text=_("One or two sentences on what the topic covers.")
    )

    panels = [FieldPanel("name"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """A workplace that takes part in networks: a municipal unit, a company, an association…"""

    class Kind(models.TextChoices):
        MUNICIPAL_UNIT = "municipal_unit", _("Municipal unit")
        REGIONAL_BODY = "regional_body", _("Regional or county body")
        STATE_AGENCY = "state_agency", _("State agency")
        COMPANY = "company", _("Company")
        ASSOCIATION = "association", _("Association or foundation")
        EDUCATION = "education", _("School or university")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MUNICIPAL_UNIT)
    region = models.CharField(
        _("municipality or region"), max_length=100, blank=True, help_text=_("For example “Tromsø” or “Skåne”.")
    )
    website = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("region"), FieldPanel("website")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("region"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name
