"""Votes and reports from a content page's own forms: stored, limited, and kept on bad input."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from feedback import rules
from feedback.models import Report, UsefulVote
from tests.feedback.conftest import client_for

# A template page as a signed-in employee reads it, with the feedback part (measured: see the test).
QUERY_BUDGET = 9


def vote_url(page, language="en"):
    with translation.override(language):
        return reverse("feedback_vote", args=[page.pk])


def report_url(page, language="en"):
    with translation.override(language):
        return reverse("feedback_report", args=[page.pk])


def test_the_page_offers_both_forms_pointing_at_the_feedback_views(agenda, readers):
    response = client_for(readers[0]).get(agenda.url)
    html = response.content.decode()
    assert 'id="page-feedback"' in html
    assert f'action="/en/feedback/{agenda.pk}/useful/"' in html
    assert f'action="/en/feedback/{agenda.pk}/report/"' in html
    assert 'name="useful" value="yes"' in html and 'name="useful" value="no"' in html
    assert "<textarea" in html and 'maxlength="2000"' in html


def test_one_vote_per_reader_and_page_which_the_reader_may_change(agenda, readers):
    client = client_for(readers[0])
    response = client.post(vote_url(agenda, "sv"), {"useful": "yes"})
    assert response.status_code == 302
    assert response["Location"].startswith("/sv/") and response["Location"].endswith("#page-feedback")
    client.post(vote_url(agenda, "sv"), {"useful": "no"})
    vote = UsefulVote.objects.get()
    assert (vote.page_id, vote.user, vote.useful, vote.language) == (agenda.pk, readers[0], False, "sv")
    client_for(readers[1]).post(vote_url(agenda), {"useful": "yes"})
    assert UsefulVote.objects.count() == 2


def test_a_report_is_stored_with_page_language_reader_and_state(agenda, readers, django_capture_on_commit_callbacks):
    client = client_for(readers[0])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(report_url(agenda, "nb"), {"comment": "  The phone number is wrong.  "}, follow=True)
    report = Report.objects.get()
    assert (report.page_id, report.user, report.language, report.comment) == (
        agenda.pk,
        readers[0],
        "nb",
        "The phone number is wrong.",
    )
    assert report.state == Report.State.OPEN and report.resolved_by is None and report.created is not None
    assert response.redirect_chain[-1][0].startswith("/nb/")


def test_bad_input_keeps_the_comment_and_says_what_is_wrong(agenda, readers):
    client = client_for(readers[0])
    response = client.post(report_url(agenda), {"comment": "bad"})
    assert response.status_code == 400
    html = response.content.decode()
    assert re.search(r">\s*bad</textarea>", html)
    assert "errorlist" in html
    too_long = "x" * 2001
    response = client.post(report_url(agenda), {"comment": too_long})
    assert response.status_code == 400
    assert too_long in response.content.decode()
    response = client.post(report_url(agenda), {})
    assert response.status_code == 400
    assert "Please say what is outdated or wrong." in response.content.decode()
    assert Report.objects.count() == 0
    # The form's own page, reached without JavaScript, is the reader's and never cached.
    response = client.get(report_url(agenda))
    assert response.status_code == 200 and "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize("value", ["", "maybe", "1"])
def test_a_vote_that_is_neither_yes_nor_no_is_refused_without_an_error_page(agenda, readers, value):
    response = client_for(readers[0]).post(vote_url(agenda), {"useful": value}, follow=True)
    assert response.status_code == 200
    assert "Please answer yes or no." in response.content.decode()
    assert UsefulVote.objects.count() == 0


def test_unknown_pages_pages_without_feedback_and_get_votes_are_refused(agenda, home, readers):
    client = client_for(readers[0])
    assert client.post(reverse("feedback_vote", args=[999999]), {"useful": "yes"}).status_code == 404
    assert client.post(vote_url(home), {"useful": "yes"}).status_code == 404
    # The form's address opened as a link leads to the page's question and records nothing.
    response = client.get(vote_url(agenda))
    assert response.status_code == 302 and response["Location"] == agenda.url + "#page-feedback"
    assert not UsefulVote.objects.exists()
    assert client.get(reverse("feedback_vote", args=[999999])).status_code == 404
    agenda.unpublish()
    assert client.post(report_url(agenda), {"comment": "Outdated phone number"}).status_code == 404


def test_signed_out_readers_are_sent_to_sign_in(agenda, client):
    response = client.post(vote_url(agenda), {"useful": "yes"})
    assert response.status_code == 302 and "login" in response["Location"]
    assert UsefulVote.objects.count() == 0


def test_reports_are_rate_limited_and_keep_the_text(agenda, readers):
    client = client_for(readers[0])
    Report.objects.bulk_create(
        Report(page=agenda, user=readers[0], language="en", comment=f"Report {n}")
        for n in range(rules.REPORT_RATE_LIMIT)
    )
    response = client.post(report_url(agenda), {"comment": "One report too many"})
    assert response.status_code == 429
    assert re.search(r">\s*One report too many</textarea>", response.content.decode())
    assert Report.objects.count() == rules.REPORT_RATE_LIMIT
    # Another reader is not held back by the first one's reports.
    assert client_for(readers[1]).post(report_url(agenda), {"comment": "Outdated agenda"}).status_code == 302


def test_votes_are_rate_limited(agenda, readers, library):
    from methods.factories import ShareableTemplatePageFactory

    client = client_for(readers[0])
    pages = [ShareableTemplatePageFactory(parent=library) for _ in range(3)]
    UsefulVote.objects.bulk_create(UsefulVote(page=page, user=readers[0], language="en", useful=True) for page in pages)
    rules_limit = rules.VOTE_RATE_LIMIT
    try:
        rules.VOTE_RATE_LIMIT = 3
        response = client.post(vote_url(agenda), {"useful": "no"}, follow=True)
    finally:
        rules.VOTE_RATE_LIMIT = rules_limit
    assert "Please try again a little later." in response.content.decode()
    assert not UsefulVote.objects.filter(page=agenda).exists()


def feedback_part(html):
    part = re.search(r'<section class="page-feedback".*?</section>', html, re.S)[0]
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", part)


def test_the_cached_page_never_shows_a_reader_their_own_vote(agenda, readers, settings):
    settings.PAGE_CACHE = True
    first, second = client_for(readers[0]), client_for(readers[1])
    first.post(vote_url(agenda), {"useful": "no"})
    first.post(report_url(agenda), {"comment": "The date in step 2 is wrong."})
    assert "Thank you" in first.get(agenda.url).content.decode()  # the messages: a page never cached
    page_for_second = second.get(agenda.url)
    page_for_first = first.get(agenda.url)
    # Shared within the permission class, so the part must hold nothing personal.
    assert page_for_first.get("X-Page-Cache") == "hit"
    assert feedback_part(page_for_first.content.decode()) == feedback_part(page_for_second.content.decode())
    assert "The date in step 2 is wrong." not in page_for_second.content.decode()
    assert "Jonas" in page_for_second.content.decode() and "Elin" not in page_for_second.content.decode()
    assert "Elin" in page_for_first.content.decode() and "Jonas" not in page_for_first.content.decode()


def test_the_page_with_its_feedback_part_keeps_its_query_budget(agenda, readers, django_assert_max_num_queries):
    client = client_for(readers[0])
    client.get(agenda.url)
    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(agenda.url)
    assert 'id="page-feedback"' in response.content.decode()


def test_the_feedback_part_adds_no_query_to_the_page(agenda, readers, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from portal import page_parts

    client = client_for(readers[0])
    client.get(agenda.url)
    with CaptureQueriesContext(connection) as with_part:
        assert 'id="page-feedback"' in client.get(agenda.url).content.decode()
    monkeypatch.delitem(page_parts._parts, "feedback")
    with CaptureQueriesContext(connection) as without_part:
        assert 'id="page-feedback"' not in client.get(agenda.url).content.decode()
    assert len(with_part) == len(without_part)


def test_the_part_and_its_messages_are_in_the_readers_language(agenda, readers):
    # Needs the catalogues with tr-feedback.json applied.
    client = client_for(readers[0])
    html = client.get(f"/sv{agenda.url}").content.decode()
    assert "Var det här användbart?" in html and "Rapportera något inaktuellt eller fel" in html
    response = client.post(vote_url(agenda, "sv"), {"useful": "yes"}, follow=True)
    assert "Tack för ditt svar." in response.content.decode()


def test_the_report_fields_are_in_each_readers_language_and_the_same_on_every_page(agenda, readers):
    """The empty report fields are drawn once per language (feedback/page_part.report_fields): a Swedish
    page after an English one, and the English one again, each shows its own language's label and help."""
    client = client_for(readers[0])

    def fields(url):
        html = client.get(url).content.decode()
        report = re.search(r'<details class="page-feedback__report">.*?</details>', html, re.S).group(0)
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", report)  # masked anew on each response

    english = fields(agenda.url)
    swedish = fields(agenda.url.replace("/en/", "/sv/", 1))
    assert 'id="feedback-comment"' in english and "What is outdated or wrong?" in english
    with translation.override("sv"):
        label = translation.gettext("What is outdated or wrong?")
    assert label != "What is outdated or wrong?" and label in swedish
    assert "What is outdated or wrong?" not in swedish
    assert fields(agenda.url) == english
