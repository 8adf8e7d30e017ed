import uuid

import pytest
from wagtail.search.backends import get_search_backend

from home.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def opensearch_backend(opensearch_url):
    prefix = f"erfa_test_{uuid.uuid4().hex[:8]}_"
    backend = get_search_backend("wagtail.search.backends.opensearch2", URLS=[opensearch_url], INDEX_PREFIX=prefix)
    yield backend
    backend.es.indices.delete(index=f"{prefix}*")


def test_a_page_indexed_through_wagtail_is_found_again(site_tree, opensearch_backend):
    home = HomePage.objects.get(locale__language_code="en")
    home.intro = "<p>Our spokespersons carry the reflection questions back to every work group.</p>"
    home.save_revision().publish()

    index = opensearch_backend.get_index_for_model(HomePage)
    index.reset()
    index.add_model(HomePage)
    opensearch_backend.add(home)
    index.refresh()

    results = opensearch_backend.search("spokespersons", HomePage)
    assert [page.pk for page in results] == [home.pk]
    assert list(opensearch_backend.search("gardening", HomePage)) == []
    # The node really holds the document: ask it directly, not through Wagtail.
    assert opensearch_backend.es.count(index=index.name)["count"] == 1
