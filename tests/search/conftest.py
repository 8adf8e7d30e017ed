import uuid

import pytest
from wagtail.search.backends import get_search_backend


@pytest.fixture
def opensearch_backend(opensearch_url):
    """Erfa's multilingual OpenSearch backend on the test node, with indexes of its own."""
    prefix = f"erfa_test_{uuid.uuid4().hex[:8]}_"
    backend = get_search_backend("search.backends.opensearch2", URLS=[opensearch_url], INDEX_PREFIX=prefix)
    yield backend
    backend.es.indices.delete(index=f"{prefix}*")


@pytest.fixture
def opensearch_settings(opensearch_backend):
    """Settings that make the multilingual OpenSearch backend the default one."""
    return {
        "default": {
            "BACKEND": "search.backends.opensearch2",
            "URLS": [f"http://{opensearch_backend.hosts[0]['host']}:{opensearch_backend.hosts[0]['port']}"],
            "INDEX_PREFIX": opensearch_backend.index_prefix,
        }
    }


def reindex(backend, *models):
    """Rebuild the engine's indexes for these models from the database, as update_index does."""
    for model in models:
        index = backend.get_index_for_model(model)
        index.reset()
        index.add_model(model)
        backend.add_bulk(model, model.objects.all())
        index.refresh()
