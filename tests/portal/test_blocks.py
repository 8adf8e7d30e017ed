"""The shared quote, figure and document blocks render in every stream that offers them."""

import importlib

import pytest
import wagtail_factories

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from networks.factories import NetworkIndexPageFactory, NetworkPageFactory, NetworkUpdatePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(site_tree):
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def image(db):
    return wagtail_factories.ImageFactory(title="Team photo")


def figure(image, alt_text="Nurses around a table", caption="The spring meeting"):
    return {"image": {"image": image.pk, "decorative": not alt_text, "alt_text": alt_text}, "caption": caption}


def test_case_study_story_renders_every_block(home, image, employee_client):
    index = CaseStudyIndexPageFactory(parent=home)
    page = CaseStudyPageFactory(parent=index)
    page.what_was_done = [
        {"type": "paragraph", "value": "<p>Forty employees trained.</p>"},
        {"type": "milestone", "value": {"title": "First round", "when": "Spring 2023", "description": "<p>Go.</p>"}},
        {"type": "image", "value": figure(image)},
        {"type": "quote", "value": {"text": "We all stand on the same ground now.", "attribution": "Adviser"}},
    ]
    page.save_revision().publish()
    html = employee_client.get(page.url).content.decode()
    assert "Forty employees trained." in html
    assert "First round" in html
    assert 'alt="Nurses around a table"' in html and "<figcaption>The spring meeting</figcaption>" in html
    assert "<blockquote><p>We all stand on the same ground now.</p></blockquote>" in html
    assert "<figcaption>— Adviser</figcaption>" in html


def test_network_update_renders_every_block(home, image, employee_client):
    document = wagtail_factories.DocumentFactory(title="Meeting notes")
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home))
    update = NetworkUpdatePageFactory(parent=network)
    update.body = [
        {"type": "paragraph", "value": "<p>The teams presented.</p>"},
        {"type": "image", "value": figure(image)},
        {"type": "image", "value": figure(image, alt_text="", caption="")},
        {"type": "quote", "value": {"text": "We learnt a lot.", "attribution": "Nurse, Ålesund"}},
        {"type": "document", "value": {"document": document.pk, "title": ""}},
    ]
    update.save_revision().publish()
    html = employee_client.get(update.url).content.decode()
    assert "The teams presented." in html
    assert 'alt="Nurses around a table"' in html and 'alt=""' in html  # the second picture is decorative
    assert "<blockquote><p>We learnt a lot.</p></blockquote>" in html
    assert f'<a class="button button--download" href="{document.url}" download>Meeting notes</a>' in html


def test_stored_network_images_keep_their_alt_text_and_caption():
    """The data migration that moved network updates onto the shared figure block."""
    migration = importlib.import_module("networks.migrations.0002_update_figures_use_shared_blocks")
    convert = migration.figure_from_chooser_value
    assert convert({"image": 7, "alt_text": "A map", "caption": "Where we met"}) == {
        "image": {"image": 7, "decorative": False, "alt_text": "A map"},
        "caption": "Where we met",
    }
    assert convert({"image": 7, "alt_text": "", "caption": ""})["image"]["decorative"] is True
    already = {"image": {"image": 7, "decorative": False, "alt_text": "A map"}, "caption": ""}
    assert convert(already) == already
