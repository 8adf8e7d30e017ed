"""Readers post questions and comments on case studies and methods; the owner and contacts are told."""

import pytest
from django.core import mail

from discussion import rules
from discussion.models import Comment
from tests.discussion.conftest import client_of, discussion_url, prefer

pytestmark = pytest.mark.django_db


def test_the_form_is_at_the_end_of_method_and_case_study_pages(method, case_study, reader_client):
    for page in (method, case_study):
        html = reader_client.get(page.url).content.decode()
        assert '<h2 id="discussion-heading">Questions and comments</h2>' in html
        assert f'action="{discussion_url(page)}"' in html
        assert "No questions or comments yet." in html


def test_a_reader_posts_a_question_stored_with_page_author_and_language(method, reader, reader_client):
    response = reader_client.post(
        discussion_url(method), {"action": "post", "kind": "question", "body": "How long does it take?"}
    )
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{method.url}#comment-{comment.pk}"
    assert (comment.page_id, comment.author, comment.language, comment.kind) == (method.pk, reader, "en", "question")
    assert comment.state == Comment.State.VISIBLE
    html = reader_client.get(response["Location"]).content.decode()
    assert "Thank you: your text is published" in html
    assert '<p lang="en" class="discussion-comment__body">How long does it take?</p>' in html


def test_the_language_stored_is_the_readers(method, reader_client):
    reader_client.post(discussion_url(method, "sv"), {"action": "post", "kind": "comment", "body": "Bra metod"})
    comment = Comment.objects.get()
    assert comment.language == "sv"
    # On the English page it carries its language.
    html = reader_client.get(method.url).content.decode()
    assert '<p lang="sv" class="discussion-comment__body">Bra metod</p>' in html
    assert '<span class="language-marker" lang="sv">(Svenska)</span>' in html


def test_the_owner_is_told_in_the_owners_language(method, owner, reader_client):
    prefer(owner, "sv")
    reader_client.post(discussion_url(method), {"action": "post", "kind": "question", "body": "Who facilitates?"})
    [message] = mail.outbox
    assert message.to == ["olle.berg@example.org"]
    assert message.subject == "[Erfa] En ny fråga om ”Reflection meeting”"
    assert "Who facilitates?" in message.body
    assert f"/sv/discussion/{method.pk}/#comment-" in message.body


def test_the_owner_and_the_contact_persons_of_a_case_study_are_told(case_study, owner, contact, reader_client):
    prefer(contact, "nb")
    reader_client.post(discussion_url(case_study), {"action": "post", "kind": "comment", "body": "We do this too."})
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"olle.berg@example.org", "karin.lind@example.org"}
    assert by_address["olle.berg@example.org"].subject == "[Erfa] A new comment on “Reflection after customer meetings”"
    assert "/en/discussion/" in by_address["olle.berg@example.org"].body
    assert "/nb/discussion/" in by_address["karin.lind@example.org"].body


def test_the_owner_writing_is_not_told_about_their_own_text(method, owner):
    client_of(owner).post(discussion_url(method), {"action": "post", "kind": "comment", "body": "Updated in May."})
    assert Comment.objects.count() == 1
    assert mail.outbox == []


def test_bad_input_keeps_the_text(method, reader_client):
    too_long = "x" * 2001
    response = reader_client.post(discussion_url(method), {"action": "post", "kind": "rant", "body": too_long})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Select a valid choice." in html
    assert f">\n{too_long}</textarea>" in html or f">{too_long}</textarea>" in html
    assert not Comment.objects.exists()

    empty = reader_client.post(discussion_url(method), {"action": "post", "kind": "question", "body": "   "})
    assert empty.status_code == 400
    assert "This field is required." in empty.content.decode()


def test_posting_is_rate_limited_and_the_text_kept(method, reader, reader_client):
    for number in range(rules.RATE_LIMIT):
        rules.post(reader, method, kind="comment", body=f"Comment {number}")
    response = reader_client.post(discussion_url(method), {"action": "post", "kind": "question", "body": "One more?"})
    html = response.content.decode()
    assert response.status_code == 429
    assert f"You have written {rules.RATE_LIMIT} questions and comments in the last hour" in html
    assert "One more?</textarea>" in html
    assert Comment.objects.count() == rules.RATE_LIMIT


def test_unknown_pages_actions_and_ids_fall_back_sanely(method, home, reader_client):
    assert reader_client.get("/en/discussion/999999/").status_code == 404
    # Not a case study or method: no discussion.
    assert reader_client.get(discussion_url(home)).status_code == 404
    assert reader_client.post(discussion_url(method), {"action": "nonsense"}).status_code == 302
    assert reader_client.post(discussion_url(method), {"action": "hide", "comment": "abc"}).status_code == 403


def test_a_page_the_reader_may_not_view_has_no_discussion(method, reader_client, moderator):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(page=method, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name="Communications"))
    assert reader_client.get(discussion_url(method)).status_code == 404
    response = reader_client.post(discussion_url(method), {"action": "post", "kind": "question", "body": "?"})
    assert response.status_code == 404
    assert not Comment.objects.exists()


def test_comments_are_per_language_version(method, reader, reader_client):
    swedish = method.copy_for_translation(_locale("sv"), copy_parents=True)
    swedish.save_revision().publish()
    rules.post(reader, method, kind="comment", body="An English comment")
    html = reader_client.get(swedish.url).content.decode()
    assert "An English comment" not in html
    assert "An English comment" in reader_client.get(method.url).content.decode()


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


def test_the_language_switcher_leads_to_the_discussion_of_each_version(method, reader_client):
    """Switching language on a discussion stays in the discussion: the other version's, not its page."""
    swedish = method.copy_for_translation(_locale("sv"), copy_parents=True)
    swedish.save_revision().publish()
    for page, other, code in ((method, swedish, "sv"), (swedish, method, "en")):
        html = reader_client.get(discussion_url(page, page.locale.language_code)).content.decode()
        switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
        assert f'href="{discussion_url(other, code)}" lang="{code}"' in switcher
        assert 'href="/nb/' not in switcher  # no Norwegian version: offered as unavailable, not linked
