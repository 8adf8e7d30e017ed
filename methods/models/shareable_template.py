"""Shareable templates: files a workplace can reuse, such as agendas and reflection guides."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from methods.choices import (
    DEFAULT_SORT,
    FILE_FORMAT_CHOICES,
    LANGUAGE_CHOICES,
    SHAREABLE_TEMPLATE_SORTS,
    WHEN_TO_USE_CHOICES,
)
from methods.documents import file_extension, validate_shareable_template_document
from methods.forms import ShareableTemplateFilterForm
from methods.meeting_pair import MeetingPairBlock, is_pair, pair_fields
from methods.models.download import TemplateDownload
from methods.models.method import MethodPage
from methods.preview import document_preview
from people.models import ResourcePersonPage
from people.permissions import ContactPermissionTester
from people.review_footer import content_owner_part, keep_content_owner
from portal.i18n import reader_page_url, reader_title, reader_versions
from portal.listing import Choices, sort_ordering
from portal.models import ContentPageMixin, IndexPage
from portal.page_keys import page_key
from portal.roles import RESOURCE_PERSONS
from portal.together import Part, fetch_together
from portal.visibility import listed_subquery, visible_to
from portal.vocabulary import tagged_with, topics_in_language


class ShareableTemplateIndexPage(IndexPage):
    """All shareable templates of one language version."""

    subpage_types = ["methods.ShareableTemplatePage"]
    # Resource persons share templates and edit their own (ShareableTemplatePage.permissions_for_user);
    # Communications publish them (portal/roles.py).
    role_page_permissions = {RESOURCE_PERSONS: ["add_page"]}
    listing_model = "methods.ShareableTemplatePage"
    filter_form_class = ShareableTemplateFilterForm
    listing_context_name = "shareable_templates"
    share_filter_options = True

    class Meta:
        verbose_name = _("template library")
        verbose_name_plural = _("template libraries")

    def formats_and_languages(self, templates):
        """The file formats and languages the listed templates have, in one query: a filter offers no
        choice that finds nothing."""
        pairs = list(templates.values_list("file_format", "language").distinct().order_by())
        return sorted({form for form, _language in pairs if form}), {language for _form, language in pairs if language}

    def filter_form_kwargs(self, templates, viewer=None):
        return {
            "options": self.filter_choices(
                viewer,
                lambda: {
                    "topic": Choices(topics_in_language(templates.values("topics"), self.locale_id), "name"),
                    # The methods the listed templates use, in the reader's language (IndexPage.pages_named).
                    "method": Choices(
                        self.pages_named(MethodPage, templates.values("related_method__translation_key"), viewer),
                        "title",
                    ),
                },
            ),
            **dict(zip(("formats", "languages"), self.formats_and_languages(templates), strict=True)),
        }

    def card_pages(self, templates, viewer=None):
        return (
            super()
            .card_pages(templates, viewer)
            # Whether the card may name its method, and by the title of the reader's version of it, in the
            # query that fetches the cards.
            .annotate(
                related_method_listed=listed_subquery(MethodPage, viewer, "related_method_id"),
                related_method_title=reader_title(self.locale_id, "related_method"),
            )
        )

    def filter_pages(self, templates, filters, viewer=None):
        if filters.get("topic"):
            templates = tagged_with(templates, filters["topic"])
        if filters.get("format"):
            templates = templates.filter(file_format=filters["format"])
        if filters.get("language"):
            templates = templates.filter(language=filters["language"])
        if filters.get("method"):
            # Any language version of the chosen method: a template names the version it was written with.
            versions = Page.objects.filter(pk=filters["method"]).values("translation_key")
            templates = templates.filter(related_method__translation_key__in=versions)
        return templates.order_by(*sort_ordering(SHAREABLE_TEMPLATE_SORTS, filters.get("sort"), DEFAULT_SORT))


class ShareableTemplatePage(RoutablePageMixin, ContentPageMixin, Page):
    """A template to reuse, with its files, a preview and a download count."""

    purpose = RichTextField(
        _("what it is for"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("What the template helps with, and how to fill it in."),
    )
    when_to_use = models.CharField(_("when to use it"), max_length=20, choices=WHEN_TO_USE_CHOICES, default="other")
    file_format = models.CharField(
        _("format"),
        max_length=20,
        choices=FILE_FORMAT_CHOICES,
        blank=True,
        help_text=_("What kind of file readers get. Used as a filter."),
    )
    language = models.CharField(
        _("language of the files"),
        max_length=5,
        choices=LANGUAGE_CHOICES,
        default="en",
        help_text=_("The language the files are written in, which may differ from this page's language."),
    )
    publisher = models.ForeignKey(
        "people.ResourcePersonPage",
        verbose_name=_("publisher"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="published_shareable_templates",
        help_text=_("Who made or shares the template, and can answer questions about it."),
    )
    related_method = models.ForeignKey(
        "methods.MethodPage",
        verbose_name=_("related method"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="shareable_templates",
        help_text=_("The method this template belongs to, if any. The method's page then lists it."),
    )
    version_note = models.CharField(
        _("version note"), max_length=200, blank=True, help_text=_("For example “Version 2, March 2025: shorter”.")
    )
    licence = models.TextField(
        _("licence or terms of reuse"),
        blank=True,
        help_text=_("Who may reuse or change the template, and whether the source must be named."),
    )
    meeting_pair = StreamField(
        MeetingPairBlock(),
        verbose_name=_("before/after meeting pair"),
        blank=True,
        help_text=_(
            "Fields of a “before” and an “after” form, filled in online for each meeting of a series. "
            "With at least one field in each, readers can start a meeting series from this template."
        ),
    )
    # Counted across all language versions, so every translation shows the same total.
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)

    parent_page_types = ["methods.ShareableTemplateIndexPage"]
    # A new template's files are assumed to be in the page's language until the editor says otherwise.
    locale_default_fields = ["language"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("purpose"),
        FieldPanel("when_to_use"),
        InlinePanel(
            "files",
            heading=_("Files"),
            label=_("File"),
            min_num=0,
            help_text=_("Word, OpenDocument, spreadsheet, presentation, PDF, text or Markdown files."),
        ),
        FieldPanel("meeting_pair"),
    ]
    details_panels = [
        FieldRowPanel([FieldPanel("file_format"), FieldPanel("language")], heading=_("Format")),
        MultiFieldPanel([FieldPanel("version_note"), FieldPanel("licence")], heading=_("Version and reuse")),
    ]
    relations_panels = [FieldPanel("publisher"), FieldPanel("related_method")]
    edit_handler = ContentPageMixin.tabs(content=content_panels, details=details_panels, relations=relations_panels)

    search_fields = (
        Page.search_fields
        + ContentPageMixin.content_search_fields
        + [
            index.SearchField("purpose"),
            index.SearchField("licence"),
            index.RelatedFields("files", [index.SearchField("label")]),
            index.FilterField("when_to_use"),
            index.FilterField("language"),
            index.FilterField("file_format"),
        ]
    )
    override_translatable_fields = ContentPageMixin.content_synchronized_fields + [
        SynchronizedField("file_format"),
        SynchronizedField("language"),
        SynchronizedField("when_to_use"),
        SynchronizedField("download_count"),
    ]

    class Meta:
        verbose_name = _("shareable template")
        verbose_name_plural = _("shareable templates")

    def with_content_json(self, content):
        # The count lives on the page row, not in revisions: publishing an older revision must not reset it.
        page = super().with_content_json(content)
        if self.pk:
            live_count = ShareableTemplatePage.objects.filter(pk=self.pk).values_list("download_count", flat=True)
            page.download_count = live_count.first() or 0
        return page

    def meeting_fields(self):
        return pair_fields(self.meeting_pair)

    @property
    def is_meeting_pair(self):
        """Marked as a before/after pair: it has fields in both forms (methods/meeting_pair.py)."""
        return is_pair(self.meeting_fields())

    def file_entries(self, request=None):
        """Each file with its download link and preview text (None when the format or the file allows none)."""
        page_url = reader_page_url(self, request)
        # A preview is not the published page: link straight to the file, so previews count no downloads.
        preview = getattr(request, "is_preview", False)
        entries = []
        for template_file in self.files.select_related("document"):
            document = template_file.document
            if document is None:
                continue
            entries.append(
                {
                    "file": template_file,
                    "document": document,
                    "download_url": document.url
                    if preview
                    else page_url + self.reverse_subpage("download", args=[template_file.pk]),
                    "extension": file_extension(document),
                    "preview": document_preview(document),
                    # Only the published page's button counts a download (a form that posts).
                    "counts": not preview,
                }
            )
        return entries

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["file_entries"] = self.file_entries(request)
        # The publisher and the method in the reader's best version, the one their links open, if the
        # reader may see it (portal.visibility).
        # Both, and the footer's content owner, in one query (portal.together).
        lists = fetch_together(
            kept_as=page_key("template-lists", self, request),
            publisher=Part(
                self.reader_versions_of(ResourcePersonPage, self.publisher_id, request), ("title", "url_path")
            ),
            method=Part(self.reader_versions_of(MethodPage, self.related_method_id, request), ("title", "url_path")),
            owner=content_owner_part(self),
        )
        keep_content_owner(self, lists["owner"])
        context["publisher_version"] = next(iter(lists["publisher"]), None)
        context["method_version"] = next(iter(lists["method"]), None)
        return context

    contact_person_fields = ["publisher", "content_owner"]
    # Who counts as the template's listed contact, and so may edit it (people/permissions.py).
    contact_relations = contact_person_fields

    def permissions_for_user(self, user):
        return ContactPermissionTester(user, self)

    @classmethod
    def reader_version(cls, model, pk, viewer=None):
        return cls.reader_versions_of(model, pk, viewer).first() if pk else None

    @staticmethod
    def reader_versions_of(model, pk, viewer=None):
        return visible_to(reader_versions(model.objects.filter(pk=pk)), viewer) if pk else []

    @path("download/<int:file_id>/")
    def download(self, request, file_id):
        """Hand over to Wagtail's document view, which applies its privacy rules; count a POST.

        The page's download button posts here with a CSRF token, so another site cannot add to the count,
        and each reader counts once a day (methods/models/download.py). A plain GET, from an old link
        or a bookmark, gets the file without counting.
        """
        template_file = self.files.select_related("document").filter(pk=file_id).first()
        if template_file is None or template_file.document is None:
            raise Http404
        if request.method == "POST":
            TemplateDownload.objects.count_once(self, request.user)
        return redirect(template_file.document.url)


class ShareableTemplateFile(Orderable):
    page = ParentalKey(ShareableTemplatePage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    label = models.CharField(
        _("label"),
        max_length=120,
        blank=True,
        help_text=_("Shown on the download button instead of the document's title, for example “Agenda (Word)”."),
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("template file")
        verbose_name_plural = _("template files")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        if self.label:
            return self.label
        return self.document.title if self.document else ""

    def clean(self):
        super().clean()
        if self.document is not None:
            try:
                validate_shareable_template_document(self.document)
            except ValidationError as error:
                raise ValidationError({"document": error}) from error
