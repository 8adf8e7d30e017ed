from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from people.admin_forms import ProfileForm
from people.choices import SPOKEN_LANGUAGES
from people.models.directory_routes import DirectoryRoutesMixin
from people.models.profile_routes import ProfileRoutesMixin
from portal.models import ContentPageMixin, IndexPage

PHONE_VALIDATOR = RegexValidator(
    r"^\+?[0-9 ()\-]{5,25}$",
    _("Enter a phone number with digits, spaces and an optional leading +, for example +46 8 123 45 67."),
)


class ResourcePersonIndexPage(DirectoryRoutesMixin, IndexPage):
    """The directory of people others can ask: search, filters, A–Z and paging, all in GET parameters.

    The listing is built by the directory route (people/models/directory_routes.py), which adds search
    and A–Z to the filters.
    """

    subpage_types = ["people.ResourcePersonPage"]
    listing_model = "people.ResourcePersonPage"
    listing_context_name = "people"

    class Meta:
        verbose_name = _("resource person directory")
        verbose_name_plural = _("resource person directories")

    def listed_pages(self, viewer=None):
        """Everyone the directory may show the viewer: live, in this directory, not restricted for them, and
        not hidden (people register "hidden from the directory" with portal.visibility, see people/apps.py)."""
        return super().listed_pages(viewer)

    people = listed_pages


class ResourcePersonPage(ProfileRoutesMixin, ContentPageMixin, Page):
    """A resource person's profile: who they are, what to ask them and how to reach them.

    The page title is the person's full name.
    """

    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A friendly portrait. It is shown small, so a head-and-shoulders picture works best."),
    )
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    organisation = models.ForeignKey(
        "portal.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resource_persons",
    )
    unit = models.CharField(_("unit or team"), max_length=120, blank=True)
    ask_me_about = models.TextField(
        _("ask me about"),
        blank=True,
        max_length=500,
        help_text=_("What colleagues can ask you about, in your own words. The topics add the knowledge areas."),
    )
    bio = RichTextField(_("short bio"), blank=True, features=["bold", "italic", "link"])
    email = models.EmailField(_("work e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=25, blank=True, validators=[PHONE_VALIDATOR])
    location = models.CharField(_("office or location"), max_length=150, blank=True)
    # A ForeignKey, not a one-to-one: every translation of the profile points to the same account.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resource_person_profiles",
        help_text=_("The person's own account, so that they can keep this profile up to date."),
    )
    hidden_from_directory = models.BooleanField(
        _("hidden from the directory"),
        default=False,
        help_text=_("The profile still exists, but is left out of the directory and its search."),
    )

    parent_page_types = ["people.ResourcePersonIndexPage"]
    subpage_types = []
    # Only administrators choose the linked account (people/admin_forms.py).
    base_form_class = ProfileForm

    content_panels = Page.content_panels + [
        FieldPanel("photo"),
        FieldPanel("job_title"),
        FieldPanel("organisation"),
        FieldPanel("unit"),
        FieldPanel("ask_me_about"),
        FieldPanel("bio"),
    ]
    details_panels = [
        MultiFieldPanel([FieldPanel("email"), FieldPanel("phone"), FieldPanel("location")], heading=_("Contact")),
        InlinePanel("spoken_languages", heading=_("Languages spoken"), label=_("Language")),
        FieldPanel("user"),
        FieldPanel("hidden_from_directory"),
    ]
    edit_handler = ContentPageMixin.tabs(content=content_panels, details=details_panels)

    # Contact details are deliberately not indexed: search results must never carry them.
    search_fields = (
        Page.search_fields
        + ContentPageMixin.content_search_fields
        + [
            index.SearchField("job_title"),
            index.AutocompleteField("job_title"),
            index.SearchField("ask_me_about"),
            index.SearchField("unit"),
            index.RelatedFields("organisation", [index.SearchField("name")]),
            index.FilterField("hidden_from_directory"),
        ]
    )
    override_translatable_fields = ContentPageMixin.content_synchronized_fields + [
        SynchronizedField("email"),
        SynchronizedField("phone"),
        SynchronizedField("photo"),
        SynchronizedField("user"),
        SynchronizedField("hidden_from_directory"),
        SynchronizedField("spoken_languages"),
    ]

    class Meta:
        verbose_name = _("resource person")
        verbose_name_plural = _("resource persons")

    def language_names(self):
        return [language.get_language_display() for language in self.spoken_languages.all()]

    def is_owned_by(self, user):
        return bool(self.user_id) and getattr(user, "pk", None) == self.user_id

    def permissions_for_user(self, user):
        # Owners edit their own profile (as drafts) and nobody else's; see people/permissions.py.
        from people.permissions import ProfilePermissionTester

        return ProfilePermissionTester(user, self)

    @classmethod
    def get_indexed_objects(cls):
        # Hidden people stay out of every search index, not only the directory's (see people/signals.py).
        return super().get_indexed_objects().filter(hidden_from_directory=False)

    def confirm_details(self, today):
        """The owner's one-click "my details are right": the review date of every language version.

        ContentPageMixin.with_content_json keeps the later of the stored and the revision's date, so a
        draft saved before the confirmation cannot put the old date back when it is published.
        """
        ResourcePersonPage.objects.filter(translation_key=self.translation_key).update(last_reviewed=today)
        self.last_reviewed = today


class SpokenLanguage(Orderable):
    person = ParentalKey(ResourcePersonPage, on_delete=models.CASCADE, related_name="spoken_languages")
    language = models.CharField(_("language"), max_length=5, choices=SPOKEN_LANGUAGES)

    panels = [FieldPanel("language")]

    class Meta(Orderable.Meta):
        verbose_name = _("language spoken")
        verbose_name_plural = _("languages spoken")
        constraints = [models.UniqueConstraint(fields=["person", "language"], name="unique_spoken_language")]

    def __str__(self):
        return self.get_language_display()
