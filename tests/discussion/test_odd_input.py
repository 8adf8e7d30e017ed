"""Ids that only look like numbers are no comment of the page: not found, as a wrong id is, never a 500."""

import pytest

from discussion import rules
from tests.discussion.conftest import client_of, discussion_url

pytestmark = pytest.mark.django_db

ODD_IDS = ["abc", "²", "٣", "①", "1.5", "1\x00", "1" * 5000]


@pytest.mark.parametrize("action", ["answer", "hide", "show"])
def test_an_odd_comment_id_is_not_found(method, owner, reader, action):
    question = rules.post(reader, method, kind="question", body="Does it work online?")
    owner_client = client_of(owner)
    for pk in ODD_IDS:
        response = owner_client.post(
            discussion_url(method), {"action": action, "comment": pk, f"answer-{question.pk}-body": "Yes."}
        )
        assert response.status_code == 404, (action, pk[:10])


@pytest.mark.parametrize("parameter", ["topic", "organisation", "network", "method", "page"])
def test_the_discussion_page_answers_odd_numbers_in_its_query(method, reader_client, parameter):
    for number in ODD_IDS:
        response = reader_client.get(discussion_url(method), {parameter: number})
        assert response.status_code == 200, (parameter, number[:10])
