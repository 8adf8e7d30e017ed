from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MethodsConfig(AppConfig):
    name = "methods"
    verbose_name = _("Methods and templates")

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.documents import get_document_model
        from wagtail.signals import page_published

        from caching.page_cache import register_variant
        from methods import preview
        from methods.models import MethodPage, MethodRating, ShareableTemplatePage
        from people.links import register_profile_section
        from portal.i18n import reader_versions, register_translatable_parameter

        # Listings filter by ?method=: the language switcher names the method's translation.
        register_translatable_parameter("method", MethodPage)

        # A method page shows the reader's own score: cached per score (one small query per hit).
        register_variant(
            MethodPage,
            "method-score",
            lambda page: page.translation_key,
            lambda key, request: MethodRating.objects.summary(key, request.user)["user_score"],
        )

        # Template previews are made when a file is saved or its page published, not when a page is viewed.
        post_save.connect(preview.on_document_saved, sender=get_document_model(), dispatch_uid="erfa_preview_saved")
        page_published.connect(
            preview.on_template_published, sender=ShareableTemplatePage, dispatch_uid="erfa_preview_published"
        )

        # A profile lists the shareable templates the person publishes (as any language version of
        # their profile), each in the reader's best version.
        register_profile_section(
            "shareable-templates",
            _("Templates"),
            lambda person: (
                reader_versions(ShareableTemplatePage.objects.filter(publisher__translation_key=person.translation_key))
                .live()
                .order_by("title")
            ),
        )
