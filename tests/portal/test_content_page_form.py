"""The admin form of every content page offers choices in the page's own language."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale

from casestudies.factories import CaseStudyIndexPageFactory
from home.models import HomePage
from methods.factories import ShareableTemplateIndexPageFactory
from portal.factories import OrganisationFactory, TopicFactory
from tests.utils import login_with_second_factor

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, site_tree):
    login_with_second_factor(client, get_user_model().objects.create_superuser("ada", "ada@example.org", "x"))
    return client


def home(code):
    return HomePage.objects.get(locale__language_code=code)


def labels(html, name):
    """The labels of the checkboxes for the field `name` on an admin form."""
    found = re.findall(rf'<input type="checkbox" name="{name}" value="\d+"[^>]*>\s*([^<]+?)\s*</label>', html)
    return sorted(set(found))


def test_a_swedish_case_study_offers_swedish_topics_and_organisations_only(admin_client):
    sweden, norway = Locale.objects.get(language_code="sv"), Locale.objects.get(language_code="nb")
    TopicFactory(name="Ledarskap", locale=sweden)
    TopicFactory(name="Ledelse", locale=norway)
    OrganisationFactory(name="Norrviks kommun", locale=sweden)
    OrganisationFactory(name="Fjordvik kommune", locale=norway)
    index = CaseStudyIndexPageFactory(parent=home("sv"), slug="fall")
    html = admin_client.get(reverse("wagtailadmin_pages:add", args=["casestudies", "casestudypage", index.pk])).content
    html = html.decode()
    assert labels(html, "topics") == ["Ledarskap"]
    assert labels(html, "organisations") == ["Norrviks kommun"]


def test_a_case_study_offers_published_templates_and_those_it_already_names(admin_client):
    from casestudies.factories import CaseStudyPageFactory
    from methods.factories import ShareableTemplatePageFactory

    library = ShareableTemplateIndexPageFactory(parent=home("sv"), slug="mallar")
    published = ShareableTemplatePageFactory(parent=library, title="Mall före mötet")
    draft = ShareableTemplatePageFactory(parent=library, title="Mall som ingen skickat in")
    draft.unpublish()
    named = ShareableTemplatePageFactory(parent=library, title="Mall som drogs tillbaka")
    index = CaseStudyIndexPageFactory(parent=home("sv"), slug="fall")
    html = admin_client.get(reverse("wagtailadmin_pages:add", args=["casestudies", "casestudypage", index.pk]))
    assert labels(html.content.decode(), "shareable_templates_used") == sorted([named.title, published.title])
    # A case study that already names a template keeps it on offer after the template is unpublished.
    case = CaseStudyPageFactory(parent=index, shareable_templates_used=[named])
    named.unpublish()
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[case.pk])).content.decode()
    assert labels(html, "shareable_templates_used") == sorted([named.title, published.title])
    assert draft.title not in html


def test_a_new_norwegian_template_starts_with_norwegian_files(admin_client):
    library = ShareableTemplateIndexPageFactory(parent=home("nb"), slug="maler")
    url = reverse("wagtailadmin_pages:add", args=["methods", "shareabletemplatepage", library.pk])
    html = admin_client.get(url).content.decode()
    assert re.search(r'<option value="nb"\s+selected>', html)


def test_an_unchanged_date_with_a_callable_default_is_not_a_change(site_tree):
    """Wagtail renders no hidden "initial-date" input: the form compares with the page's own value.

    Counted as changed, every editor's decision saved a revision, and with re-approval on edit an
    approval from the editor started the review over instead of publishing the network update.
    """
    from datetime import date

    from networks.factories import NetworkIndexPageFactory, NetworkPageFactory, NetworkUpdatePageFactory

    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home("en")))
    update = NetworkUpdatePageFactory(parent=network, date=date(2026, 1, 5))
    user = get_user_model().objects.create_superuser("ada", "ada@example.org", "x")
    form_class = update.get_edit_handler().get_form_class()

    def form(posted_date):
        return form_class({"date": posted_date}, instance=update, for_user=user, parent_page=network)

    assert not form("2026-01-05")["date"]._has_changed()
    assert form("2026-01-06")["date"]._has_changed()


def test_the_last_review_cannot_be_later_than_today(site_tree):
    """A date still to come would tell readers the page was reviewed on a day that has not happened; an earlier
    one, even before the page was first published, is a real review (of the draft, or where it was before)."""
    from datetime import timedelta

    from django.utils import timezone

    library = ShareableTemplateIndexPageFactory(parent=home("en"), slug="templates")
    user = get_user_model().objects.create_superuser("ada", "ada@example.org", "x")
    form_class = library.get_edit_handler().get_form_class()

    def errors(reviewed):
        posted = {"title": library.title, "slug": library.slug, "last_reviewed": reviewed.isoformat()}
        form = form_class(posted, instance=library, for_user=user, parent_page=home("en"))
        form.is_valid()
        return form.errors.get("last_reviewed")

    today = timezone.localdate()
    assert errors(today + timedelta(days=1)) == ["The last review cannot be later than today."]
    assert errors(today) is None
    assert errors(today - timedelta(days=400)) is None
