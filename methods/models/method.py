"""Methods: how a workplace runs a way of working, why, and what it takes."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from methods.choices import CATEGORY_CHOICES, COST_CHOICES, DEFAULT_SORT, METHOD_SORTS
from methods.documents import file_extension
from methods.forms import MethodFilterForm, RatingForm
from methods.models.rating import MethodRating
from people.review_footer import content_owner_part, keep_content_owner
from portal import card_lists, compiled, fragments
from portal.i18n import reader_page_url, reader_versions
from portal.listing import Choices, sort_ordering
from portal.models import ContentPageMixin, IndexPage, card_image_field
from portal.page_keys import page_key
from portal.together import Part, kept_together
from portal.visibility import visible_to
from portal.vocabulary import tagged_with, topics_in_language

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4", "document-link"]


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    what_to_do = blocks.RichTextBlock(label=_("what to do"), features=["bold", "italic", "link", "ol", "ul"])
    time_needed = blocks.CharBlock(
        label=_("time needed"), max_length=60, required=False, help_text=_("For example “45 minutes” or “two weeks”.")
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "methods/blocks/step.html"


def motive_stream():
    return StreamField(
        [("motive", blocks.CharBlock(label=_("Motive"), max_length=200, icon="pick"))],
        blank=True,
    )


class MethodIndexPage(IndexPage):
    """All methods of one language version, to filter by topic and category."""

    subpage_types = ["methods.MethodPage"]
    listing_model = "methods.MethodPage"
    filter_form_class = MethodFilterForm
    listing_context_name = "methods"
    share_filter_options = True

    class Meta:
        verbose_name = _("method index")
        verbose_name_plural = _("method indexes")

    def card_pages(self, methods, viewer=None):
        return (
            super()
            .card_pages(methods, viewer)
            .select_related("image")
            .annotate(
                rating_average=MethodRating.objects.average_subquery(),
                rating_count=MethodRating.objects.count_subquery(),
            )
        )

    def filter_form_kwargs(self, methods, viewer=None):
        # The topics the listed methods are tagged with, each once in the reader's language (portal.vocabulary).
        def parts():
            return {"topic": Choices(topics_in_language(methods.values("topics"), self.locale_id), "name")}

        return {"options": self.filter_choices(viewer, parts)}

    def filter_pages(self, methods, filters, viewer=None):
        if filters.get("topic"):
            methods = tagged_with(methods, filters["topic"])
        if filters.get("category"):
            methods = methods.filter(category=filters["category"])
        if filters.get("sort") == "rating":
            methods = methods.annotate(rating_average=MethodRating.objects.average_subquery())
        return methods.order_by(*sort_ordering(METHOD_SORTS, filters.get("sort"), DEFAULT_SORT))


class MethodPage(RoutablePageMixin, ContentPageMixin, Page):
    """A method: why to use it, the steps, the roles and what it costs."""

    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    motives_for_organisation = motive_stream()
    motives_for_employees = motive_stream()
    steps = StreamField([("step", StepBlock())], blank=True, verbose_name=_("Steps"))
    facilitator_role = models.TextField(
        _("facilitator's role"), blank=True, help_text=_("What the person leading the method does and prepares.")
    )
    participants_role = models.TextField(
        _("participants' role"), blank=True, help_text=_("What is expected of those who take part.")
    )
    group_size = models.CharField(
        _("group size"), max_length=80, blank=True, help_text=_("For example “6–8 workplaces” or “3–12 people”.")
    )
    duration = models.CharField(
        _("duration"), max_length=80, blank=True, help_text=_("For example “one afternoon” or “six months”.")
    )
    image = card_image_field()
    category = models.CharField(_("category"), max_length=30, choices=CATEGORY_CHOICES, default="methodology")
    cost = models.CharField(_("cost"), max_length=10, choices=COST_CHOICES, default="free")
    cost_note = models.CharField(
        _("cost note"),
        max_length=200,
        blank=True,
        help_text=_("For a paid method: what it costs and what is included, for example a course fee per person."),
    )

    parent_page_types = ["methods.MethodIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("image"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel(
                    "motives_for_organisation",
                    heading=_("For the organisation"),
                    help_text=_("Short reasons, one per item, why an organisation would use the method."),
                ),
                FieldPanel(
                    "motives_for_employees",
                    heading=_("For employees"),
                    help_text=_("Short reasons, one per item, what the method gives the people who take part."),
                ),
            ],
            heading=_("Why use it"),
        ),
        FieldPanel("steps", help_text=_("The steps in the order they are carried out.")),
    ]
    details_panels = [
        MultiFieldPanel([FieldPanel("facilitator_role"), FieldPanel("participants_role")], heading=_("Roles")),
        FieldRowPanel([FieldPanel("group_size"), FieldPanel("duration")], heading=_("Format")),
        FieldPanel("category"),
        MultiFieldPanel([FieldPanel("cost"), FieldPanel("cost_note")], heading=_("Cost")),
        InlinePanel(
            "handbooks",
            heading=_("Handbooks and material"),
            label=_("Handbook"),
            help_text=_("Where the method is described in full: an uploaded document, a web link, or both."),
        ),
    ]
    edit_handler = ContentPageMixin.tabs(content=content_panels, details=details_panels)

    search_fields = (
        Page.search_fields
        + ContentPageMixin.content_search_fields
        + [
            index.SearchField("description"),
            index.SearchField("motives_for_organisation"),
            index.SearchField("motives_for_employees"),
            index.SearchField("steps"),
            index.SearchField("facilitator_role"),
            index.SearchField("participants_role"),
            index.FilterField("category"),
            index.FilterField("cost"),
        ]
    )
    override_translatable_fields = ContentPageMixin.content_synchronized_fields + [
        SynchronizedField("image"),
        SynchronizedField("category"),
        SynchronizedField("cost"),
    ]

    class Meta:
        verbose_name = _("method")
        verbose_name_plural = _("methods")

    def rating_summary(self, user=None):
        """{"average", "count", "user_score"} over the votes of every language version."""
        return MethodRating.objects.summary(self.translation_key, user)

    def related_shareable_templates(self, viewer=None):
        # Templates for any version of this method that the reader may see, each in the reader's best
        # version (one query): a Danish template for the English method belongs on the Swedish method's page too.
        templates = self.shareable_templates.model.objects.filter(related_method__translation_key=self.translation_key)
        return visible_to(reader_versions(templates), viewer).order_by("title")

    def related_case_studies(self, viewer=None):
        """The case studies that used this method and that the reader may see."""
        return visible_to(self.case_studies.all(), viewer)

    def related_lists(self, viewer):
        """The short lists in one query (portal.together), and the handbooks."""
        # Compiled once per process for this page, language and reader class (portal.compiled).
        kept_as = page_key("method-lists", self, viewer)
        lists = kept_together(
            kept_as,
            lambda: {
                "templates": Part(self.related_shareable_templates(viewer), ("title", "summary", "url_path")),
                "case_studies": Part(self.related_case_studies(viewer), ("title", "url_path")),
                "topics": Part(self.topics.all(), ("name",)),
                "owner": content_owner_part(self),
            },
        )
        lists["handbooks"] = compiled.rows(
            kept_as and (*kept_as, "handbooks"), lambda: self.handbooks.select_related("document")
        )
        # The contact cards show photo, organisation and topics. The photos' renditions come from Wagtail's
        # rendition cache: prefetched into the shared lists, they would be kept without those made later.
        contacts_key = kept_as and (*kept_as, "contacts")
        lists["contact_people"] = compiled.rows(
            contacts_key, lambda: visible_to(self.contact_people, viewer).select_related("photo", "organisation")
        )
        # Their cards' topics with SQL kept under the same key, rather than prefetched (built) on every view.
        card_lists.attach(lists["contact_people"], (card_lists.CardList("card_topics", "topics"),), contacts_key)
        return lists

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["rating"] = rating = self.rating_summary(request.user)
        context["user_score"] = rating["user_score"]
        context.setdefault("rating_form", RatingForm(initial={"score": rating["user_score"]}))
        # The same for every reader of one permission class and language (portal.fragments): building these
        # queries costs more CPU than rendering the page.
        lists = fragments.for_page(self, request, "method-lists", lambda: self.related_lists(request))
        keep_content_owner(self, lists["owner"])
        context["handbooks"] = lists["handbooks"]
        context["related_shareable_templates"] = lists["templates"]
        context["case_studies"] = lists["case_studies"]
        context["method_topics"] = lists["topics"]
        context["contact_people"] = lists["contact_people"]
        context["rate_url"] = reader_page_url(self, request) + self.reverse_subpage("rate")
        return context

    @path("rate/")
    def rate(self, request):
        """Record the signed-in reader's score; an invalid score re-shows the page with the error."""
        if request.method != "POST":
            # A bookmarked or reloaded address of the form goes to the method, not to an empty 405.
            return redirect(reader_page_url(self, request) + "#rating")
        if not request.user.is_authenticated:
            raise PermissionDenied
        form = RatingForm(request.POST)
        if form.is_valid():
            try:
                MethodRating.rate(request.user, self, form.cleaned_data["score"])
            except ValidationError as error:
                form.add_error("score", error)
        if form.errors:
            context = self.get_context(request)
            context["rating_form"] = form
            return TemplateResponse(request, self.get_template(request), context, status=400)
        # Shown inside the rating section (templates/methods/method_page.html), where #rating brings the reader.
        messages.success(request, _("Thank you. Your rating has been saved."), extra_tags="rating")
        return redirect(reader_page_url(self, request) + "#rating")


class MethodHandbook(Orderable):
    """Where to get the full method: an uploaded handbook, a link to one, or both."""

    page = ParentalKey(MethodPage, on_delete=models.CASCADE, related_name="handbooks")
    title = models.CharField(_("title"), max_length=200)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link = models.URLField(_("link"), blank=True, help_text=_("A web page where the handbook can be read or ordered."))

    panels = [FieldPanel("title"), FieldPanel("document"), FieldPanel("link")]

    class Meta(Orderable.Meta):
        verbose_name = _("handbook")
        verbose_name_plural = _("handbooks")

    def __str__(self):
        return self.title

    @property
    def document_extension(self):
        return file_extension(self.document) if self.document else ""

    def clean(self):
        super().clean()
        if not self.document_id and not self.link:
            raise ValidationError(_("Add a document, a link, or both."))
