from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.highlights import home_highlights


class HomePage(Page):
    """The front page of one language version of the portal."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("A few sentences that welcome employees and say what they can find here."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "networks.NetworkIndexPage",
        "people.ResourcePersonIndexPage",
        "casestudies.CaseStudyIndexPage",
        "methods.MethodIndexPage",
        "methods.ShareableTemplateIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_highlights(self))
        return context

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            if not path_components:
                raise
            return self.route_in_other_languages(request, path_components)

    def route_in_other_languages(self, request, path_components):
        """Find a page that is missing in this language in the other language trees.

        A reader who follows a link to /sv/… for a page that exists only in English
        gets the English page, with a notice, rather than a 404. English is tried
        first, then the other languages in the site's order.
        """
        order = [code for code, _name in settings.LANGUAGES]
        homes = sorted(
            HomePage.objects.live()
            .filter(translation_key=self.translation_key)
            .exclude(pk=self.pk)
            .select_related("locale"),
            key=lambda home: (
                order.index(home.locale.language_code) if home.locale.language_code in order else len(order)
            ),
        )
        for home in homes:
            try:
                result = super(HomePage, home).route(request, path_components)
            except Http404:
                continue
            own = result[0].get_translation_or_none(self.locale)
            if own is not None and own.live:
                return own.specific.route(request, [])
            return result
        raise Http404
