"""The owner answers and hides on the discussion's own page; nothing of it leaks through the page cache."""

import pytest
from django.core import mail

from discussion import rules
from discussion.models import Comment
from portal import compiled
from tests.discussion.conftest import client_of, discussion_url, prefer

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(method, reader):
    return rules.post(reader, method, kind="question", body="Does it work online?")


def test_the_owner_answers_and_the_author_is_told_in_their_language(method, owner, reader, question):
    prefer(reader, "da")
    owner_client = client_of(owner)
    html = owner_client.get(discussion_url(method)).content.decode()
    assert 'name="action" value="answer"' in html and 'value="hide"' in html

    response = owner_client.post(
        discussion_url(method),
        {"action": "answer", "comment": question.pk, f"answer-{question.pk}-body": "Yes, with breakout rooms."},
    )
    assert response.status_code == 302
    assert response["Location"] == f"{discussion_url(method)}#comment-{question.pk}"
    answer = Comment.objects.get(parent=question)
    assert answer.is_answer and answer.author == owner and answer.page_id == method.pk
    [message] = mail.outbox
    assert message.to == ["rut@example.org"]
    assert message.subject == "[Erfa] Dit spørgsmål om »Reflection meeting« er blevet besvaret"
    assert "Yes, with breakout rooms." in message.body
    assert f"/da/discussion/{method.pk}/#comment-{question.pk}" in message.body

    # Everyone sees the answer on the page, marked as the owner's.
    html = client_of(reader).get(method.url).content.decode()
    assert "The owner’s answer" in html and "Yes, with breakout rooms." in html


def test_a_contact_person_of_a_case_study_answers(case_study, contact, reader):
    question = rules.post(reader, case_study, kind="question", body="Which unit?")
    response = client_of(contact).post(
        discussion_url(case_study), {"action": "answer", "comment": question.pk, f"answer-{question.pk}-body": "Ours."}
    )
    assert response.status_code == 302
    assert Comment.objects.get(parent=question).author == contact


def test_an_empty_answer_is_refused_and_the_form_shown_again(method, owner, question):
    response = client_of(owner).post(
        discussion_url(method), {"action": "answer", "comment": question.pk, f"answer-{question.pk}-body": ""}
    )
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not Comment.objects.filter(parent=question).exists()


def test_others_may_neither_answer_nor_hide(method, other_reader, moderator, question):
    other = client_of(other_reader)
    html = other.get(discussion_url(method)).content.decode()
    assert 'value="answer"' not in html and 'value="hide"' not in html
    answer = {"action": "answer", "comment": question.pk, f"answer-{question.pk}-body": "I know!"}
    assert other.post(discussion_url(method), answer).status_code == 403
    assert other.post(discussion_url(method), {"action": "hide", "comment": question.pk}).status_code == 403
    # A moderator hides but does not answer: answers are the owner's.
    assert client_of(moderator).post(discussion_url(method), answer).status_code == 403
    question.refresh_from_db()
    assert not question.hidden and not Comment.objects.filter(parent=question).exists()


def test_hiding_a_comment_of_another_page_is_not_found(method, case_study, owner, reader):
    elsewhere = rules.post(reader, case_study, kind="comment", body="Elsewhere")
    response = client_of(owner).post(discussion_url(method), {"action": "hide", "comment": elsewhere.pk})
    # The owner owns the case study too, but this is the method's discussion.
    assert response.status_code == 404


def test_a_hidden_comment_is_seen_only_by_the_owner_moderators_and_its_author(
    method, owner, reader, other_reader, moderator, question
):
    reader_client, other_client = client_of(reader), client_of(other_reader)
    # Both readers (one permission class) have the page cached with the question on it.
    assert "Does it work online?" in reader_client.get(method.url).content.decode()
    assert "Does it work online?" in other_client.get(method.url).content.decode()
    assert other_client.get(method.url)["X-Page-Cache"] == "hit"

    response = client_of(owner).post(discussion_url(method), {"action": "hide", "comment": question.pk}, follow=True)
    assert "The text is hidden." in response.content.decode()
    question.refresh_from_db()
    assert question.hidden and question.hidden_by == owner

    page = reader_client.get(method.url)
    assert page["X-Page-Cache"] == "miss"  # hiding dropped the cached copy
    assert "Does it work online?" not in page.content.decode()
    page = other_client.get(method.url)
    assert page["X-Page-Cache"] == "hit"  # the new copy, stored from the author's render, shows it to nobody
    assert "Does it work online?" not in page.content.decode()
    assert "Does it work online?" not in other_client.get(discussion_url(method)).content.decode()

    author_view = reader_client.get(discussion_url(method)).content.decode()
    assert "Does it work online?" in author_view
    assert "Hidden by the page’s owner: only you and they see it." in author_view
    assert 'value="show"' not in author_view

    for client in (client_of(owner), client_of(moderator)):
        html = client.get(discussion_url(method)).content.decode()
        assert "Does it work online?" in html and "Hidden: only the page’s owner" in html and 'value="show"' in html


def test_the_owners_buttons_never_reach_the_cached_page(method, owner, reader, question):
    owner_client = client_of(owner)
    # The owner reads the page first, so a copy would be stored from their render.
    assert 'value="hide"' not in owner_client.get(method.url).content.decode()
    html = client_of(reader).get(method.url).content.decode()
    assert 'value="hide"' not in html and 'value="answer"' not in html
    assert "/en/discussion/" in html


def test_a_moderator_shows_a_hidden_text_again(method, moderator, reader, question):
    rules.set_hidden(question, True, moderator)
    client_of(moderator).post(discussion_url(method), {"action": "show", "comment": question.pk})
    question.refresh_from_db()
    assert not question.hidden and question.hidden_by is None
    assert "Does it work online?" in client_of(reader).get(method.url).content.decode()


def test_hidden_comments_stay_out_of_the_api_and_search(method, reader, question, other_reader):
    rules.set_hidden(question, True, reader)
    client = client_of(other_reader)
    for url in (f"/api/v2/pages/{method.pk}/", "/en/search/?q=online"):
        assert "Does it work online?" not in client.get(url).content.decode()


def test_a_new_question_and_an_answer_reach_the_cached_page(method, owner, reader, other_reader):
    other = client_of(other_reader)
    assert "No questions or comments yet." in other.get(method.url).content.decode()
    assert other.get(method.url)["X-Page-Cache"] == "hit"

    client_of(reader).post(discussion_url(method), {"action": "post", "kind": "question", "body": "In Dutch too?"})
    assert "In Dutch too?" in other.get(method.url).content.decode()
    question = Comment.objects.get()
    client_of(owner).post(
        discussion_url(method), {"action": "answer", "comment": question.pk, f"answer-{question.pk}-body": "Soon."}
    )
    html = other.get(method.url).content.decode()
    assert "Soon." in html and "The owner’s answer" in html


def test_threads_are_read_through_one_sql_per_way_of_reading_with_each_pages_and_readers_values(
    method, case_study, owner, reader, other_reader
):
    compiled.forget()
    hidden = rules.post(reader, method, kind="question", body="Hidden later")
    rules.set_hidden(hidden, True, by=owner)
    asked = rules.post(other_reader, case_study, kind="comment", body="We tried it too")
    answered = rules.answer(owner, asked, body="Tell us more")

    assert rules.threads(method) == []
    assert rules.threads(case_study) == [asked]
    assert rules.threads(case_study)[0].shown_answers == [answered]
    assert rules.threads(method, reader) == [hidden]  # its author still sees it
    assert rules.threads(method, other_reader) == []
    assert rules.threads(case_study, reader) == [asked]
    assert rules.threads(method, owner, moderates=True) == [hidden]
    assert rules.threads(case_study, owner, moderates=True) == [asked]
    kept = [key for key in compiled._entries() if key[0] == "comment-threads"]
    assert sorted(kept) == [("comment-threads", "all"), ("comment-threads", "seen"), ("comment-threads", "visible")]

    rules.set_hidden(hidden, False, by=owner)  # the kept SQL reads the rows as they are now
    assert rules.threads(method) == [hidden]
