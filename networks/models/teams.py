"""Teams: the 3–5 people a member unit sends to a network, with the manager who backs them.

A team belongs to the network as a whole, not to one language version of its page: it names the
network by its translation key, so every language version lists the same teams. Its unit is the
organisation of one of the network's member rows.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

MIN_MEMBERS, MAX_MEMBERS = 3, 5


class TeamQuerySet(models.QuerySet):
    def of_network(self, network):
        return self.filter(network_key=network.translation_key)


class Team(models.Model):
    network_key = models.UUIDField(_("network"), default=uuid.uuid4, db_index=True, editable=False)
    organisation = models.ForeignKey(
        "portal.Organisation", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="network_teams"
    )
    name = models.CharField(_("name"), max_length=150)
    focus_area = models.TextField(_("focus area"), blank=True)
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("manager"), on_delete=models.PROTECT, related_name="managed_teams"
    )
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("members"), related_name="teams")
    created = models.DateTimeField(_("created"), auto_now_add=True)

    objects = TeamQuerySet.as_manager()

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    @staticmethod
    def check_member_count(members):
        """A clear message when a team would have fewer than 3 or more than 5 members."""
        count = len(set(members))
        if not MIN_MEMBERS <= count <= MAX_MEMBERS:
            raise ValidationError(
                _("A team has %(min)s to %(max)s members; you chose %(count)s."),
                params={"min": MIN_MEMBERS, "max": MAX_MEMBERS, "count": count},
                code="member_count",
            )

    def has_member(self, user):
        return bool(getattr(user, "pk", None)) and self.members.filter(pk=user.pk).exists()
