"""A result's text parts say something new: the snippet does not repeat the title or the summary shown
above it, and the header's search box keeps a query only on the site search page."""

import re

import pytest

from home.models import HomePage
from methods.factories import MethodIndexPageFactory, MethodPageFactory
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(site_tree):
    return HomePage.objects.get(locale__language_code="en")


def result_item(html, title):
    """The <li> of the result whose heading links ``title``."""
    for item in re.findall(r"<li>\s*<h2 class=\"search-results__title\".*?</li>", html, re.S):
        if f">{title}</a>" in item:
            return item
    raise AssertionError(f"no result {title!r}")


def snippet_of(item):
    found = re.search(r'<p class="search-results__snippet"[^>]*>(.*?)</p>', item, re.S)
    return found.group(1) if found else None


def test_the_snippet_shows_matching_text_beyond_the_title_and_summary(employee_client, home):
    methods = MethodIndexPageFactory(parent=home)
    page = MethodPageFactory(
        parent=methods,
        title="Reflection round",
        summary="A short reflection after each home visit.",
        description="<p>Sit in a circle; everyone names one moment of reflection from the week.</p>",
    )
    page.save_revision().publish()
    html = employee_client.get("/en/search/", {"q": "reflection"}).content.decode()
    item = result_item(html, "Reflection round")
    assert item.count("A short reflection after each home visit.") == 1  # the summary, shown once
    snippet = snippet_of(item)
    assert snippet is not None
    assert "<mark>reflection</mark> from the week" in snippet
    assert "Reflection round" not in snippet
    assert "home visit" not in snippet


def test_no_snippet_when_only_the_title_and_summary_match(employee_client, home):
    methods = MethodIndexPageFactory(parent=home)
    page = MethodPageFactory(
        parent=methods,
        title="Reflection round",
        summary="A short reflection after each home visit.",
        description="<p>Sit in a circle and take turns.</p>",
    )
    page.save_revision().publish()
    html = employee_client.get("/en/search/", {"q": "reflection"}).content.decode()
    item = result_item(html, "Reflection round")
    assert snippet_of(item) is None
    assert item.count("A short reflection after each home visit.") == 1


def test_without_a_summary_the_snippet_still_describes_the_page(employee_client, home):
    methods = MethodIndexPageFactory(parent=home)
    page = MethodPageFactory(
        parent=methods, title="Reflection round", summary="", description="<p>Sit in a circle and reflect.</p>"
    )
    page.save_revision().publish()
    html = employee_client.get("/en/search/", {"q": "reflection"}).content.decode()
    snippet = snippet_of(result_item(html, "Reflection round"))
    assert snippet == "Sit in a circle and <mark>reflect</mark>."


def header_search_value(html):
    field = re.search(r'<input id="site-search-q"[^>]*>', html).group(0)
    return re.search(r'value="([^"]*)"', field).group(1)


def test_the_header_search_box_keeps_the_query_only_on_the_search_page(employee_client, home):
    directory = ResourcePersonIndexPageFactory(parent=home)
    ResourcePersonPageFactory(parent=directory, title="Sigrid Lunde").save_revision().publish()
    directory_html = employee_client.get(directory.url, {"q": "sigrid"}).content.decode()
    assert 'value="sigrid"' in directory_html  # the directory's own box keeps its query
    assert header_search_value(directory_html) == ""

    search_html = employee_client.get("/en/search/", {"q": "sigrid"}).content.decode()
    assert header_search_value(search_html) == "sigrid"


def test_a_long_texts_excerpt_starts_and_ends_on_whole_words():
    from search.results import SNIPPET_LENGTH, highlight

    text = " ".join(["kunskapsdelning"] * 20) + " vi reflekterar tillsammans " + " ".join(["arbetsplatsen"] * 30)
    excerpt = highlight(text, ["reflektion"])
    inner = excerpt.removeprefix("…").removesuffix("…")
    assert excerpt.startswith("…") and excerpt.endswith("…")
    words = set(re.sub(r"</?mark>", "", inner).split())
    assert words <= {"kunskapsdelning", "vi", "reflekterar", "tillsammans", "arbetsplatsen"}, words
    assert "<mark>reflekterar</mark>" in inner and len(inner) <= SNIPPET_LENGTH + len("<mark></mark>")


def test_paragraphs_list_items_and_line_breaks_are_separate_words_in_the_snippet(employee_client, home):
    methods = MethodIndexPageFactory(parent=home)
    page = MethodPageFactory(
        parent=methods,
        title="Before- and after-meetings",
        summary="",
        description=(
            "<p>After the meeting you sum up what you take to the next one.</p>"
            "<p>Agendas and minutes are shared widely:</p>"
            "<ul><li>by e-mail</li><li>on the notice board</li></ul>"
            "<h3>Follow-up</h3><p>Questions first<br/>then comments.</p>"
        ),
    )
    page.save_revision().publish()
    html = employee_client.get("/en/search/", {"q": "agendas"}).content.decode()
    snippet = snippet_of(result_item(html, "Before- and after-meetings"))
    assert snippet == (
        "After the meeting you sum up what you take to the next one. <mark>Agendas</mark> and minutes are shared "
        "widely: by e-mail on the notice board Follow-up Questions first then comments."
    )
