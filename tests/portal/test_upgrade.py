"""A database made by the previous release (the state `make run` left) migrates forward without loss.

The test database is at the newest migrations. The test steps back to the previous release's
migrations of the apps that changed, writes data the way that release stored it (free-text formats,
the old field names in revisions), and migrates forward again.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.models import Revision

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from casestudies.models import CaseStudyPage
from home.models import HomePage
from methods.factories import ShareableTemplateIndexPageFactory, ShareableTemplatePageFactory
from methods.models import ShareableTemplatePage

# The leaf migrations of the apps that changed, as the previous release shipped them.
PREVIOUS_RELEASE = [("methods", "0001_initial"), ("casestudies", "0001_initial")]

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def test_a_previous_release_database_migrates_forward_without_loss(site_tree):
    home = HomePage.objects.get(locale__language_code="en")
    library = ShareableTemplateIndexPageFactory(parent=home)
    word = ShareableTemplatePageFactory(parent=library, title="Agenda")
    pdf = ShareableTemplatePageFactory(parent=library, title="Guide")
    case = CaseStudyPageFactory(parent=CaseStudyIndexPageFactory(parent=home), title="Home visits")
    case.shareable_templates_used.add(word)
    case.save_revision().publish()

    try:
        check_upgrade(word, pdf, library, case)
    finally:
        migrate(latest())  # whatever happened, leave the schema as the other tests expect it


def check_upgrade(word, pdf, library, case):
    old = migrate(PREVIOUS_RELEASE)
    # As the previous release stored them: free-text formats, in the rows and in a revision.
    old_template = old.get_model("methods", "ShareableTemplatePage")
    old_template.objects.filter(pk=word.pk).update(file_format="Word og OpenDocument")
    old_template.objects.filter(pk=pdf.pk).update(file_format="PDF (utskrift)")
    assert old.get_model("methods", "TemplateLibraryPage").objects.filter(pk=library.pk).exists()
    revision_model = old.get_model("wagtailcore", "Revision")
    template_revision = revision_model.objects.create(
        content_type_id=word.content_type_id,
        base_content_type_id=word.content_type_id,
        object_id=str(word.pk),
        content={"title": "Agenda", "file_format": "Word og OpenDocument"},
        created_at=timezone.now(),
    )
    case_revision = revision_model.objects.filter(object_id=str(case.pk)).latest("pk")
    assert case_revision.content["templates_used"] == [word.pk]

    migrate(latest())
    assert ShareableTemplatePage.objects.get(pk=word.pk).file_format == "text_document"
    assert ShareableTemplatePage.objects.get(pk=pdf.pk).file_format == "pdf"
    assert list(CaseStudyPage.objects.get(pk=case.pk).shareable_templates_used.all()) == [word]
    template_revision.refresh_from_db()
    assert template_revision.content["file_format"] == "text_document"
    case_revision.refresh_from_db()
    assert case_revision.content["shareable_templates_used"] == [word.pk]
    assert "templates_used" not in case_revision.content
    # A draft published after the upgrade keeps its links.
    assert list(Revision.objects.get(pk=case_revision.pk).as_object().shareable_templates_used.all()) == [word]
