"""Fields every content page shares: a summary for listings, topics, and who keeps it up to date."""

from datetime import date

from dateutil.relativedelta import relativedelta
from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.forms import ContentPageForm
from portal.models.restrictions import ViewRestrictionsMixin

# The content owner is a resource person's profile. Like AUTH_USER_MODEL, the model is named by a
# setting: portal sits below the people app and never names its models itself.
CONTENT_OWNER_MODEL = settings.ERFA_CONTENT_OWNER_MODEL


def card_image_field():
    """The optional picture a page type shows on the cards that list it: one definition for every type that has one.

    A function rather than a mixin, so that each page type places the field where its panels want it.
    """
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A picture for the cards that list this page. Shown small and cropped to a wide rectangle."),
    )


class ContentPageMixin(ViewRestrictionsMixin, models.Model):
    summary = models.TextField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("Plain text, at most 300 characters. Shown in listings and search results."),
    )
    topics = ParentalManyToManyField("portal.Topic", blank=True, verbose_name=_("topics"), related_name="+")
    content_owner = models.ForeignKey(
        CONTENT_OWNER_MODEL,
        verbose_name=_("content owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The person readers can ask about this page, and who is reminded to review it."),
    )
    last_reviewed = models.DateField(
        _("last reviewed"), null=True, blank=True, help_text=_("When the content owner last checked this page.")
    )
    review_interval_months = models.PositiveSmallIntegerField(
        _("review interval (months)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("How often the page should be checked."),
    )

    # Choices in the page's own language, language fields starting at it (portal/forms.py).
    base_form_class = ContentPageForm

    ownership_panels = [
        FieldPanel("summary"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("content_owner"), FieldPanel("last_reviewed"), FieldPanel("review_interval_months")],
            heading=_("Ownership and review"),
        ),
    ]
    content_search_fields = [
        index.SearchField("summary"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("locale_id"),
    ]
    # Dates and intervals are facts, not words: they are copied to translations, never translated.
    content_synchronized_fields = [SynchronizedField("last_reviewed"), SynchronizedField("review_interval_months")]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.localize_many_to_many()
        return super().save(*args, **kwargs)

    def save_revision(self, *args, **kwargs):
        self.localize_many_to_many()
        return super().save_revision(*args, **kwargs)

    def with_content_json(self, content):
        """The page as a revision stored it, keeping the later of the two review dates.

        "Last reviewed" only moves forward: a profile owner's one-click confirmation writes it to the
        live rows, and publishing a draft saved before that must not put the older date back.
        """
        page = super().with_content_json(content)
        if self.last_reviewed and (page.last_reviewed is None or page.last_reviewed < self.last_reviewed):
            page.last_reviewed = self.last_reviewed
        return page

    def localize_many_to_many(self):
        """Point many-to-many links at the page's own language where a translation exists.

        wagtail-localize copies many-to-many values unchanged into a translation, so a
        Swedish page's English version would otherwise list Swedish topics and people.
        Items with no translation in this locale are kept as they are.
        """
        if not self.locale_id:
            return
        for field in self._meta.get_fields():
            if not isinstance(field, ParentalManyToManyField):
                continue
            related_model = field.related_model
            if not hasattr(related_model, "translation_key"):
                continue
            current = list(getattr(self, field.name).all())
            foreign = [item for item in current if item.locale_id != self.locale_id]
            if not foreign:
                continue
            translations = {
                item.translation_key: item
                for item in related_model.objects.filter(
                    translation_key__in=[item.translation_key for item in foreign], locale_id=self.locale_id
                )
            }
            localized = [
                item if item.locale_id == self.locale_id else translations.get(item.translation_key, item)
                for item in current
            ]
            getattr(self, field.name).set(localized)

    contact_person_fields = ["content_owner"]

    @property
    def contact_people(self):
        """Whom a reader should ask about this page, as a queryset the contact cards can optimise.

        Page types name further people in `contact_person_fields` (foreign keys to profiles).
        """
        ids = [getattr(self, f"{name}_id") for name in self.contact_person_fields]
        profile_model = self._meta.get_field("content_owner").related_model
        return profile_model.objects.filter(pk__in=[pk for pk in ids if pk]).order_by("title")

    @property
    def review_due(self):
        if self.last_reviewed is None:
            return None
        return self.last_reviewed + relativedelta(months=self.review_interval_months)

    def is_review_overdue(self, today=None):
        due = self.review_due
        return due is None or due <= (today or date.today())

    @classmethod
    def tabs(cls, content, details=(), relations=()):
        """The admin's tabs: Content, Details, Relations, Promote, Summary and review, Settings."""
        tabs = [ObjectList(content, heading=_("Content"))]
        if details:
            tabs.append(ObjectList(details, heading=_("Details")))
        if relations:
            tabs.append(ObjectList(relations, heading=_("Relations")))
        tabs += [
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(cls.ownership_panels, heading=_("Summary and review")),
            ObjectList(Page.settings_panels, heading=_("Settings"), classname="settings"),
        ]
        return TabbedInterface(tabs)
