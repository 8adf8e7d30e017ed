import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from methods.models import (
    MethodHandbook,
    MethodIndexPage,
    MethodPage,
    MethodRating,
    ShareableTemplateFile,
    ShareableTemplateIndexPage,
    ShareableTemplatePage,
)
from portal.factories import UserFactory


class MethodIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MethodIndexPage

    title = "Methods"
    slug = "methods"


class MethodPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MethodPage

    title = factory.Sequence(lambda n: f"Reflection meeting {n}")
    summary = "A structured conversation after a demanding situation."
    description = "<p>Colleagues look back on a situation together and agree what to keep.</p>"
    motives_for_organisation = factory.LazyFunction(lambda: [("motive", "Fewer repeated mistakes")])
    motives_for_employees = factory.LazyFunction(lambda: [("motive", "Support from colleagues")])
    steps = factory.LazyFunction(
        lambda: [
            (
                "step",
                {"title": "Describe what happened", "what_to_do": "<p>Each person tells.</p>", "time_needed": "15 min"},
            ),
            ("step", {"title": "Agree what to keep", "what_to_do": "<p>Write it down.</p>", "time_needed": "10 min"}),
        ]
    )
    facilitator_role = "Keeps time and makes sure everyone is heard."
    participants_role = "Bring one situation from the past month."
    group_size = "4–8 people"
    duration = "45 minutes"
    category = "methodology"
    cost = "free"


class MethodHandbookFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MethodHandbook

    page = factory.SubFactory(MethodPageFactory)
    title = "Handbook"
    link = "https://example.org/handbook"


class MethodRatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MethodRating

    user = factory.SubFactory(UserFactory)
    method_key = factory.LazyAttribute(lambda rating: rating.method.translation_key)
    score = 4

    class Params:
        method = None


class DocumentFactory(factory.django.DjangoModelFactory):
    """A Wagtail document with a small text file, or any `file=ContentFile(..., name=...)`."""

    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Template file {n}")
    file = factory.LazyFunction(lambda: ContentFile(b"Agenda\n\n1. Check-in\n2. What went well?\n", name="agenda.txt"))


class ShareableTemplateIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ShareableTemplateIndexPage

    title = "Templates"
    slug = "templates"


class ShareableTemplatePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ShareableTemplatePage

    title = factory.Sequence(lambda n: f"Meeting agenda {n}")
    summary = "An agenda for the first meeting after a home visit."
    purpose = "<p>Helps the team prepare the meeting.</p>"
    when_to_use = "before_meeting"
    file_format = "text_document"
    language = "en"
    version_note = "Version 1"
    licence = "Free to reuse and adapt; please name Erfa."


class ShareableTemplateFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShareableTemplateFile

    page = factory.SubFactory(ShareableTemplatePageFactory)
    document = factory.SubFactory(DocumentFactory)
    label = ""
