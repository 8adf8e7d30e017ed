"""The ordered rows a network page holds: who leads it, who takes part, when they meet, what they hoped for."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin

from people.models import ResourcePersonPage

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class NetworkInline(TranslatableMixin, Orderable):
    """Translatable rows, so that wagtail-localize offers their words for translation with the page.

    Wagtail takes the row's locale from the page it belongs to.
    """

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True


class NetworkFacilitator(NetworkInline):
    page = ParentalKey("networks.NetworkPage", on_delete=models.CASCADE, related_name="facilitators")
    # SET_NULL: removing a profile must leave the network page intact; the empty row is simply not shown.
    person = models.ForeignKey(
        "people.ResourcePersonPage",
        verbose_name=_("person"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="facilitated_networks",
    )
    role_title = models.CharField(
        _("role"),
        max_length=100,
        blank=True,
        help_text=_("For example “course leader” or “process facilitator”. Leave empty for “facilitator”."),
    )

    panels = [FieldPanel("person"), FieldPanel("role_title")]

    @classmethod
    def facilitates(cls, user, network):
        """Whether the user's profile (in any language) facilitates this network (in any language)."""
        if network is None or not getattr(user, "pk", None):
            return False
        profiles = ResourcePersonPage.objects.filter(user=user)
        return cls.objects.filter(
            page__translation_key=network.translation_key,
            person__translation_key__in=profiles.values("translation_key"),
        ).exists()

    class Meta(NetworkInline.Meta):
        verbose_name = _("facilitator")
        verbose_name_plural = _("facilitators")


class NetworkMember(NetworkInline):
    page = ParentalKey("networks.NetworkPage", on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey(
        "portal.Organisation",
        verbose_name=_("organisation"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="network_memberships",
    )
    team = models.CharField(
        _("team or work group"),
        max_length=150,
        blank=True,
        help_text=_("The team or work group the organisation sends to the gatherings, for example “Home care North”."),
    )

    panels = [FieldPanel("organisation"), FieldPanel("team")]

    class Meta(NetworkInline.Meta):
        verbose_name = _("member")
        verbose_name_plural = _("members")


class NetworkSpokesperson(NetworkInline):
    page = ParentalKey("networks.NetworkPage", on_delete=models.CASCADE, related_name="spokespersons")
    person = models.ForeignKey(
        "people.ResourcePersonPage",
        verbose_name=_("person"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="spokesperson_roles",
    )
    organisation = models.ForeignKey(
        "portal.Organisation",
        verbose_name=_("speaks for"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The member organisation whose team this person represents at the gatherings."),
    )

    panels = [FieldPanel("person"), FieldPanel("organisation")]

    class Meta(NetworkInline.Meta):
        verbose_name = _("spokesperson")
        verbose_name_plural = _("spokespersons")


class Gathering(NetworkInline):
    page = ParentalKey("networks.NetworkPage", on_delete=models.CASCADE, related_name="gatherings")
    title = models.CharField(_("title"), max_length=150)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    place = models.CharField(
        _("place"), max_length=200, blank=True, help_text=_("Address or venue. Leave empty for an online gathering.")
    )
    online_link = models.URLField(
        _("online link"), blank=True, help_text=_("The video meeting link, if people can join online.")
    )
    agenda = RichTextField(_("agenda"), blank=True, features=RICH_TEXT_FEATURES)
    assignment = RichTextField(
        _("assignment before the next gathering"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What each team does at its own workplace before the next gathering."),
    )
    minutes = RichTextField(
        _("minutes"),
        blank=True,
        features=RICH_TEXT_FEATURES + ["h3"],
        help_text=_("What was said and decided. Shown on the gathering's page once it has ended."),
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        MultiFieldPanel([FieldPanel("place"), FieldPanel("online_link")], heading=_("Where")),
        FieldPanel("agenda"),
        FieldPanel("assignment"),
        FieldPanel("minutes"),
    ]

    class Meta(NetworkInline.Meta):
        verbose_name = _("gathering")
        verbose_name_plural = _("gatherings")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("A gathering must end after it starts.")})


class NetworkExpectation(NetworkInline):
    page = ParentalKey("networks.NetworkPage", on_delete=models.CASCADE, related_name="expectations")
    phrase = models.CharField(
        _("phrase"), max_length=60, help_text=_("A short phrase in the participants’ words, like “learn from others”.")
    )
    weight = models.PositiveSmallIntegerField(
        _("weight"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("How many participants said it. Larger numbers show the phrase larger in the word cloud."),
    )

    panels = [FieldRowPanel([FieldPanel("phrase"), FieldPanel("weight")])]

    class Meta(NetworkInline.Meta):
        verbose_name = _("expectation")
        verbose_name_plural = _("expectations")

    def __str__(self):
        return self.phrase


class NetworkDocument(NetworkInline):
    class Kind(models.TextChoices):
        PROGRESS_PLAN = "progress_plan", _("Progress plan")
        FINAL_REPORT = "final_report", _("Final report")
        AGENDA = "agenda", _("Agenda")
        MINUTES = "minutes", _("Minutes")
        OTHER = "other", _("Other")

    page = ParentalKey("networks.NetworkPage", on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(
        _("title"), max_length=150, blank=True, help_text=_("Leave empty to use the document’s own title.")
    )

    panels = [FieldPanel("document"), FieldPanel("kind"), FieldPanel("title")]

    class Meta(NetworkInline.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    @property
    def display_title(self):
        if self.title:
            return self.title
        return self.document.title if self.document else ""
