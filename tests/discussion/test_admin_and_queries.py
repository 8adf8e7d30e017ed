"""Communications' list of comments in the admin, and what a page with comments costs to render."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from discussion import rules
from discussion.models import Comment
from tests.discussion.conftest import client_of
from tests.utils import login_with_second_factor

pytestmark = pytest.mark.django_db


def test_communications_list_and_hide_comments_in_the_admin(client, method, reader, moderator):
    question = rules.post(reader, method, kind="question", body="Any templates for this?")
    login_with_second_factor(client, moderator)
    listing = client.get(reverse("discussion_comment:index"))
    assert listing.status_code == 200
    assert "Any templates for this?" in listing.content.decode()

    response = client.post(reverse("discussion_comment:edit", args=[question.pk]), {"state": "hidden"})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.hidden and question.hidden_by == moderator


def test_the_admin_list_is_communications_only(client, method, reader, owner):
    rules.post(reader, method, kind="question", body="Any templates?")
    client.force_login(owner)
    response = client.get(reverse("discussion_comment:index"))
    assert response.status_code in (302, 403)


def _fill(page, author, count, start=0):
    for number in range(start, start + count):
        question = rules.post(author, page, kind="question", body=f"Question {number}")
        rules.answer(author, question, body=f"Answer {number}")


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("page_fixture", ["method", "case_study"])
def test_a_page_with_3_or_30_comments_costs_the_same_queries(
    request, page_fixture, reader, other_reader, django_assert_max_num_queries
):
    page = request.getfixturevalue(page_fixture)
    client = client_of(other_reader)
    _fill(page, reader, 3)
    with_3 = _queries(client, page.url)
    discussion_3 = _queries(client, f"/en/discussion/{page.pk}/")
    _fill(page, reader, 27, start=3)
    assert Comment.objects.count() == 60
    assert _queries(client, page.url) == with_3
    assert _queries(client, f"/en/discussion/{page.pk}/") == discussion_3
    # The part adds two queries to the page (threads, answers); the discussion page is as small.
    with django_assert_max_num_queries(12):
        html = client.get(page.url).content.decode()
    with django_assert_max_num_queries(10):
        client.get(f"/en/discussion/{page.pk}/")
    assert "Question 29" in html and "Answer 29" in html
