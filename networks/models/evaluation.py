"""The closing evaluation: what each member of an ended network says about it, one answer per person.

An answer belongs to the network across its languages (its translation key), so a member who answers
on the Swedish page and later opens the Norwegian one edits the same answer. The free texts keep the
language they were written in, so readers of other languages see them with a language marker.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

SCALE = range(1, 6)


class NetworkEvaluation(models.Model):
    network = models.ForeignKey(
        "networks.NetworkPage",
        verbose_name=_("network"),
        on_delete=models.CASCADE,
        related_name="evaluations",
        help_text=_("The language version the answer was given on."),
    )
    network_key = models.UUIDField(_("network translation key"), db_index=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="network_evaluations"
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    what_worked = models.TextField(_("what worked"), blank=True)
    what_to_change = models.TextField(_("what to change"), blank=True)
    would_join_again = models.PositiveSmallIntegerField(
        _("would join again"), validators=[MinValueValidator(SCALE.start), MaxValueValidator(SCALE.stop - 1)]
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("network evaluation")
        verbose_name_plural = _("network evaluations")
        constraints = [models.UniqueConstraint(fields=["user", "network_key"], name="one_evaluation_per_network")]
        ordering = ["created"]

    def __str__(self):
        return f"{self.user} → {self.network}: {self.would_join_again}"

    def save(self, *args, **kwargs):
        self.network_key = self.network.translation_key
        super().save(*args, **kwargs)
