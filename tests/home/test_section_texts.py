"""The front page's section texts come from the cache, and a new publication of a section shows at once."""

import pytest

from home.models import HomePage
from methods.factories import MethodIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(site_tree):
    return HomePage.objects.get(locale__language_code="en")


def publish_intro(page, text):
    page.intro = f"<p>{text}</p>"
    page.save_revision().publish()


def test_a_republished_section_intro_shows_on_the_front_page(employee_client, home):
    methods = MethodIndexPageFactory(parent=home, title="Methods")
    publish_intro(methods, "Ways of working we have tried")
    assert "Ways of working we have tried" in employee_client.get("/en/").content.decode()
    assert "Ways of working we have tried" in employee_client.get("/en/").content.decode()

    publish_intro(methods, "Methods that other teams found useful")

    html = employee_client.get("/en/").content.decode()
    assert "Methods that other teams found useful" in html
    assert "Ways of working we have tried" not in html
