"""A case study: how one workplace used a method, what came of it and what they learnt."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from casestudies.blocks import WhatWasDoneBlock
from networks.models import NetworkPage
from people.permissions import ContactPermissionTester
from people.review_footer import content_owner_part, keep_content_owner
from portal import card_lists, compiled, fragments
from portal.i18n import reader_versions
from portal.models import ContentPageMixin, card_image_field
from portal.page_keys import page_key
from portal.together import Part, kept_together
from portal.visibility import visible_to

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class CaseStudyPage(ContentPageMixin, Page):
    organisations = ParentalManyToManyField(
        "portal.Organisation",
        blank=True,
        verbose_name=_("organisations"),
        related_name="case_studies",
        help_text=_("The workplaces the case study is about."),
    )
    network = models.ForeignKey(
        "networks.NetworkPage",
        verbose_name=_("network"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_studies",
        help_text=_("The learning network the case study came out of, if any."),
    )
    image = card_image_field()
    context = RichTextField(
        _("context"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("Who the workplace is and what everyday work looks like there."),
    )
    challenge = RichTextField(
        _("challenge"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("The problem or the opportunity that made them try something new."),
    )
    methods_used = ParentalManyToManyField(
        "methods.MethodPage", blank=True, verbose_name=_("methods used"), related_name="case_studies"
    )
    what_was_done = StreamField(
        WhatWasDoneBlock(),
        verbose_name=_("what was done"),
        blank=True,
        help_text=_("How it went, step by step: text, milestones, pictures and quotes from the team."),
    )
    results = RichTextField(
        _("results"), blank=True, features=TEXT_FEATURES, help_text=_("What changed, with numbers where there are any.")
    )
    lesson_what_we_do_best = RichTextField(
        _("what do we do best when this happens?"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("The first reflection question: the ways of working that proved themselves."),
    )
    lesson_what_we_can_learn = RichTextField(
        _("what can we learn?"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("The second reflection question: what others can take from this, looking forward, not back."),
    )
    lesson_what_to_keep_or_develop = RichTextField(
        _("what do we keep or develop?"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("The third reflection question: what the workplace keeps doing or builds on."),
    )
    quote_text = models.TextField(_("quote"), blank=True, max_length=1200)
    quote_role = models.CharField(
        _("role of the person quoted"),
        max_length=120,
        blank=True,
        help_text=_("A role, not a name, for example “Head of the knowledge and support unit”."),
    )
    quote_organisation = models.CharField(_("organisation of the person quoted"), max_length=150, blank=True)
    contact_persons = ParentalManyToManyField(
        "people.ResourcePersonPage",
        blank=True,
        verbose_name=_("contact persons"),
        related_name="case_study_contacts",
        help_text=_("People readers can ask about the case study."),
    )
    shareable_templates_used = ParentalManyToManyField(
        "methods.ShareableTemplatePage", blank=True, verbose_name=_("templates used"), related_name="case_studies"
    )
    period_start = models.DateField(_("start of the period"), null=True, blank=True)
    period_end = models.DateField(
        _("end of the period"), null=True, blank=True, help_text=_("Leave empty while the work is still going on.")
    )

    parent_page_types = ["casestudies.CaseStudyIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("image"),
        FieldPanel("context"),
        FieldPanel("challenge"),
        FieldPanel("what_was_done"),
        FieldPanel("results"),
        MultiFieldPanel(
            [
                HelpPanel(_("Lessons learnt, written as the team's answers to the three reflection questions.")),
                FieldPanel("lesson_what_we_do_best"),
                FieldPanel("lesson_what_we_can_learn"),
                FieldPanel("lesson_what_to_keep_or_develop"),
            ],
            heading=_("Lessons"),
        ),
        MultiFieldPanel(
            [FieldPanel("quote_text"), FieldRowPanel([FieldPanel("quote_role"), FieldPanel("quote_organisation")])],
            heading=_("Quote"),
        ),
    ]
    details_panels = [
        FieldPanel("organisations", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading=_("Period")),
    ]
    relations_panels = [
        FieldPanel("network"),
        FieldPanel("methods_used", widget=forms.CheckboxSelectMultiple),
        FieldPanel("shareable_templates_used", widget=forms.CheckboxSelectMultiple),
        FieldPanel("contact_persons", widget=forms.CheckboxSelectMultiple),
    ]
    edit_handler = ContentPageMixin.tabs(content=content_panels, details=details_panels, relations=relations_panels)

    search_fields = (
        Page.search_fields
        + ContentPageMixin.content_search_fields
        + [
            index.SearchField("context"),
            index.SearchField("challenge"),
            index.SearchField("what_was_done"),
            index.SearchField("results"),
            index.SearchField("lesson_what_we_do_best"),
            index.SearchField("lesson_what_we_can_learn"),
            index.SearchField("lesson_what_to_keep_or_develop"),
            index.SearchField("quote_text"),
            index.RelatedFields("organisations", [index.SearchField("name")]),
            index.RelatedFields("methods_used", [index.SearchField("title")]),
            index.FilterField("network"),
            index.FilterField("period_start"),
        ]
    )
    override_translatable_fields = ContentPageMixin.content_synchronized_fields + [
        SynchronizedField("image"),
        SynchronizedField("period_start"),
        SynchronizedField("period_end"),
    ]

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    # The case study's listed contacts, who may edit it besides its creator (people/permissions.py).
    contact_relations = ["contact_persons", "content_owner"]

    def permissions_for_user(self, user):
        return ContactPermissionTester(user, self)

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})

    # Related pages are read through these helpers so that a deleted or unpublished page simply
    # drops out. `.filter(live=True)` rather than `.live()`: in preview the relations are
    # modelcluster's in-memory querysets, which know filter() but not Wagtail's shortcuts. Each comes
    # in the reader's best version (portal.i18n.reader_versions): the title listed is the title of the
    # page its link opens. And only pages the reader may see (portal.visibility): a method restricted to
    # a group is not named to others, nor a contact hidden from the directory.
    def live_network(self, viewer=None):
        return self.network_versions(viewer).first() if self.network_id else None

    def network_versions(self, viewer=None):
        return visible_to(reader_versions(NetworkPage.objects.filter(pk=self.network_id)), viewer)

    def live_methods(self, viewer=None):
        return visible_to(reader_versions(self.methods_used.all()), viewer).order_by("title")

    def live_shareable_templates(self, viewer=None):
        return visible_to(reader_versions(self.shareable_templates_used.all()), viewer).order_by("title")

    def live_contact_persons(self, viewer=None):
        # The person card shows photo, organisation and topics (its `card_topics`, portal.card_lists). The
        # photos' renditions come from Wagtail's rendition cache: prefetched into the shared lists, they
        # would be kept without those made later.
        return (
            visible_to(reader_versions(self.contact_persons.all()), viewer)
            .select_related("photo", "organisation")
            .order_by("title")
        )

    def related_lists(self, viewer):
        """The short lists in one query (portal.together), and the contact cards."""
        # Compiled once per process for this page, language and reader class (portal.compiled).
        kept_as = page_key("case-study-lists", self, viewer)
        lists = kept_together(
            kept_as,
            lambda: {
                "network": Part(self.network_versions(viewer) if self.network_id else [], ("title", "url_path")),
                "methods": Part(self.live_methods(viewer), ("title", "summary", "url_path")),
                "templates": Part(self.live_shareable_templates(viewer), ("title", "file_format", "url_path")),
                "organisations": Part(self.organisations.all(), ("name",)),
                "topics": Part(self.topics.all(), ("name",)),
                "owner": content_owner_part(self),
            },
        )
        contacts_key = kept_as and (*kept_as, "contacts")
        lists["contact_persons"] = compiled.rows(contacts_key, lambda: self.live_contact_persons(viewer))
        # Their cards' topics with SQL kept under the same key, rather than prefetched (built) on every view.
        card_lists.attach(lists["contact_persons"], (card_lists.CardList("card_topics", "topics"),), contacts_key)
        return lists

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The same for every reader of one permission class and language (portal.fragments): building these
        # queries costs more CPU than rendering the page.
        lists = fragments.for_page(self, request, "case-study-lists", lambda: self.related_lists(request))
        keep_content_owner(self, lists["owner"])
        context.update(
            network=next(iter(lists["network"]), None),
            methods=lists["methods"],
            shareable_templates_used=lists["templates"],
            contact_persons=lists["contact_persons"],
            case_study_organisations=lists["organisations"],
            case_study_topics=lists["topics"],
        )
        return context
