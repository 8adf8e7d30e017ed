"""Every listing puts its results before its filters in the page's source (issue 14).

Phones show the results on their first screen, and keyboard and screen-reader users reach them first; the
filters follow in a panel that folds on small screens. The browser test (tests/browser/test_layout.py)
measures where they land; this one reads the order in the HTML of every index page type.
"""

import pytest

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from methods.factories import (
    MethodIndexPageFactory,
    MethodPageFactory,
    ShareableTemplateIndexPageFactory,
    ShareableTemplatePageFactory,
)
from networks.factories import NetworkIndexPageFactory, NetworkPageFactory
from people.factories import ResourcePersonIndexPageFactory, ResourcePersonPageFactory

pytestmark = pytest.mark.django_db

LISTINGS = [
    (CaseStudyIndexPageFactory, CaseStudyPageFactory, "Sort by"),
    (MethodIndexPageFactory, MethodPageFactory, "Filter and sort"),
    (NetworkIndexPageFactory, NetworkPageFactory, "Sort by"),
    (ResourcePersonIndexPageFactory, ResourcePersonPageFactory, "Language spoken"),
    (ShareableTemplateIndexPageFactory, ShareableTemplatePageFactory, "Filter and sort"),
]


@pytest.mark.parametrize(("index_factory", "page_factory", "filter_label"), LISTINGS)
def test_results_come_before_the_filters(index_factory, page_factory, filter_label, site_tree, employee_client):
    home = HomePage.objects.get(locale__language_code="en")
    index = index_factory(parent=home)
    page_factory(parent=index, title="The listed page")

    html = employee_client.get(index.url).content.decode()

    result = html.index(">The listed page<")
    link = html.index('<a class="filters-jump" href="#filters-content">Filters</a>')
    panel = html.index('<details class="filters-panel">')
    # The "Filters" link sits above the results and leads into the panel, which holds the filter form.
    assert link < result < panel < html.index(filter_label) < html.index("</details>", panel)
    assert 'id="filters-content"' in html[panel:]
