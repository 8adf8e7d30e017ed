"""Which real errors count as the engine being out (degraded page) and which are bugs (an error page).

Every error here is raised by the real PostgreSQL server or OpenSearch node, not built by hand.
"""

import opensearchpy
import pytest
from django.db import DatabaseError, connection, transaction

from search.outage import is_engine_outage

pytestmark = pytest.mark.django_db


def database_error(*statements):
    with pytest.raises(DatabaseError) as caught, transaction.atomic(), connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    return caught.value


def test_a_statement_the_database_cancels_for_taking_too_long_is_an_outage():
    error = database_error("SET LOCAL statement_timeout = 1", "SELECT pg_sleep(1)")
    assert is_engine_outage(error)


def test_a_bad_query_or_a_program_limit_in_the_database_is_a_bug():
    assert not is_engine_outage(database_error("SELECT * FROM no_such_table"))
    # An OperationalError too (SQLSTATE 54000), but one that trying again will not cure.
    assert not is_engine_outage(database_error("SELECT repeat('x', 2000000000)"))


def test_a_closed_engine_port_is_an_outage(closed_port):
    client = opensearchpy.OpenSearch([f"http://127.0.0.1:{closed_port}"], timeout=1, max_retries=0)
    with pytest.raises(opensearchpy.TransportError) as caught:
        client.info()
    assert is_engine_outage(caught.value)


def test_a_query_the_engine_rejects_is_a_bug(opensearch_url):
    client = opensearchpy.OpenSearch([opensearch_url], timeout=10)
    with pytest.raises(opensearchpy.TransportError) as caught:
        client.search(index="*", body={"query": {"no_such_query": {}}})
    assert caught.value.status_code == 400
    assert not is_engine_outage(caught.value)


def test_a_programming_error_is_no_outage():
    with pytest.raises(TypeError) as caught:
        sorted([1, "a"])
    assert not is_engine_outage(caught.value)
