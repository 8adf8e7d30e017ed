"""A meeting series from a before/after pair: start, two meetings, next steps carried over, languages."""

import pytest

from meetings.models import Meeting, MeetingSeries
from tests.meetings.conftest import KEYS, meeting_url, start
from tests.utils import signed_in


@pytest.mark.django_db
def test_the_pairs_page_offers_a_series_and_starting_one_makes_the_first_meeting(pair, people):
    anna = signed_in(people["anna"])
    page = anna.get(pair.url).content.decode()
    assert f'href="/en/meetings/start/{pair.pk}/"' in page and "Start a meeting series" in page

    response = start(anna, pair, participants=[people["bo"].pk])
    series = MeetingSeries.objects.get()
    assert response["Location"] == f"/en/meetings/{series.pk}/"
    assert set(series.participants.all()) == {people["anna"], people["bo"]}
    assert [field["key"] for field in series.fields] == list(KEYS.values())
    meeting = series.meetings.get()
    assert (meeting.title, meeting.date.isoformat()) == ("Office meeting, week 12", "2030-03-20")
    overview = anna.get(f"/en/meetings/{series.pk}/").content.decode()
    assert f'href="{meeting_url(series, meeting)}"' in overview and "Bo Holm" in overview


@pytest.mark.django_db
def test_a_template_that_is_no_pair_offers_no_series(pair, people):
    pair.meeting_pair = "[]"
    pair.save_revision().publish()
    anna = signed_in(people["anna"])
    assert "Start a meeting series" not in anna.get(pair.url).content.decode()
    assert anna.get(f"/en/meetings/start/{pair.pk}/").status_code == 404


@pytest.mark.django_db
def test_two_meetings_carry_the_next_steps_over(series, people):
    anna, bo = signed_in(people["anna"]), signed_in(people["bo"])
    first = series.meetings.get()
    before = anna.get(meeting_url(series, first, "before/")).content.decode()
    assert "Next steps from last meeting" not in before  # nothing before the first meeting
    anna.post(
        meeting_url(series, first, "before/"),
        {"stamp": "", KEYS["agenda"]: "Budget\n- Holiday planning\n\n", KEYS["prepare"]: "Read the budget."},
    )
    first.refresh_from_db()
    assert first.before == {KEYS["agenda"]: ["Budget", "Holiday planning"], KEYS["prepare"]: "Read the budget."}
    assert first.before_edited_by == people["anna"]

    bo.post(
        meeting_url(series, first, "after/"),
        {
            "stamp": "",
            KEYS["decisions"]: "Budget approved",
            KEYS["steps"]: "Anna books the room\nBo drafts the rota",
            KEYS["learned"]: "Sending the agenda early gave better questions.",
        },
    )
    shown = anna.get(meeting_url(series, first)).content.decode()
    assert "Last edited by Bo Holm" in shown and "Sending the agenda early gave better questions." in shown

    response = bo.post(
        f"/en/meetings/{series.pk}/", {"action": "add", "title": "Office meeting, week 16", "date": "2030-04-17"}
    )
    second = series.meetings.get(title="Office meeting, week 16")
    assert response["Location"] == meeting_url(series, second, "before/")
    form = anna.get(response["Location"]).content.decode()
    assert "Next steps from last meeting" in form
    assert "Anna books the room\nBo drafts the rota</textarea>" in form
    assert "Anna books the room" in anna.get(meeting_url(series, second)).content.decode()

    # The team strikes what is done; the next meeting keeps what they saved.
    anna.post(
        meeting_url(series, second, "before/"),
        {"stamp": "", "carried_steps": "Bo drafts the rota", KEYS["agenda"]: "Rota"},
    )
    second.refresh_from_db()
    assert second.carried_steps == ["Bo drafts the rota"]
    assert second.next_steps_from_last() == ["Bo drafts the rota"]


@pytest.mark.django_db
def test_labels_come_in_the_readers_language(series, people):
    anna = signed_in(people["anna"])
    meeting = series.meetings.get()
    swedish = anna.get(meeting_url(series, meeting, "before/", "sv")).content.decode()
    english = anna.get(meeting_url(series, meeting, "before/", "en")).content.decode()
    assert "Dagordning" in swedish and "Vad vi förbereder" in swedish and "Agenda" not in swedish
    assert "Agenda" in english and "What to prepare" in english and "Dagordning" not in english
    # A Swedish reader's links stay under /sv/.
    assert f'href="/sv/meetings/{series.pk}/{meeting.pk}/"' in swedish


@pytest.mark.django_db
def test_bad_input_keeps_the_text(series, people, pair):
    anna = signed_in(people["anna"])
    meeting = series.meetings.get()
    long_text = "Too long. " * 600
    response = anna.post(
        meeting_url(series, meeting, "before/"), {"stamp": "", KEYS["agenda"]: "Keep me", KEYS["prepare"]: long_text}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Keep me</textarea>" in page and "Please correct the marked fields" in page
    meeting.refresh_from_db()
    assert meeting.before == {}

    response = start(anna, pair, title="Legal network", first_date="not a date")
    assert response.status_code == 200
    assert 'value="Legal network"' in response.content.decode()
    assert MeetingSeries.objects.count() == 1

    response = anna.post(f"/en/meetings/{series.pk}/", {"action": "add", "title": "Week 20", "date": ""})
    assert response.status_code == 200 and 'value="Week 20"' in response.content.decode()
    assert series.meetings.count() == 1


@pytest.mark.django_db
def test_a_save_over_someone_elses_newer_save_keeps_both_texts(series, people):
    anna, bo = signed_in(people["anna"]), signed_in(people["bo"])
    meeting = series.meetings.get()
    bo.post(meeting_url(series, meeting, "before/"), {"stamp": "", KEYS["agenda"]: "Bo's agenda"})
    # Anna opened the form before Bo saved: her stamp is the empty one.
    response = anna.post(meeting_url(series, meeting, "before/"), {"stamp": "", KEYS["agenda"]: "Anna's agenda"})
    page = response.content.decode()
    assert response.status_code == 200 and "Someone saved this form while you were writing" in page
    # Her text kept in the field (Django's form templates through Jinja2 write the apostrophe as &#39;).
    assert "Anna&#39;s agenda</textarea>" in page and "<li>Bo&#x27;s agenda</li>" in page
    meeting.refresh_from_db()
    assert meeting.before[KEYS["agenda"]] == ["Bo's agenda"]
    stamp = meeting.before_edited_at.isoformat()
    assert f'value="{stamp}"' in page  # saving again now goes through
    anna.post(meeting_url(series, meeting, "before/"), {"stamp": stamp, KEYS["agenda"]: "Anna's agenda"})
    meeting.refresh_from_db()
    assert meeting.before[KEYS["agenda"]] == ["Anna's agenda"]


@pytest.mark.django_db
def test_the_account_page_lists_my_series(series, people):
    page = signed_in(people["anna"]).get("/en/account/").content.decode()
    assert "My meeting series" in page and f'href="/en/meetings/{series.pk}/"' in page
    other = signed_in(people["cato"]).get("/en/account/").content.decode()
    assert "HR office meetings" not in other


@pytest.mark.django_db
def test_starting_series_is_rate_limited(pair, people):
    anna = signed_in(people["anna"])
    for _ in range(10):
        assert start(anna, pair).status_code == 302
    response = start(anna, pair)
    assert response.status_code == 200 and "Please try again later" in response.content.decode()
    assert MeetingSeries.objects.count() == 10


@pytest.mark.django_db
def test_pages_cost_a_fixed_number_of_queries(series, people, django_assert_max_num_queries):
    anna = signed_in(people["anna"])
    meeting = series.meetings.get()
    for n in range(5):
        Meeting.objects.create(series=series, title=f"Meeting {n}", date=f"2030-05-0{n + 1}")
    anna.get(meeting_url(series, meeting))  # warm the site and locale caches
    with django_assert_max_num_queries(14):
        assert anna.get(f"/en/meetings/{series.pk}/").status_code == 200
    with django_assert_max_num_queries(14):
        assert anna.get(meeting_url(series, meeting)).status_code == 200
    with django_assert_max_num_queries(14):
        assert anna.get(meeting_url(series, meeting, "before/")).status_code == 200
    with django_assert_max_num_queries(12):
        assert anna.get("/en/meetings/").status_code == 200


@pytest.mark.django_db
def test_the_interface_speaks_the_readers_language(series, people):
    """The interface's own words in Swedish (from the catalogues, applied at merge) beside the content's."""
    anna = signed_in(people["anna"])
    first = series.meetings.get()
    second = Meeting.objects.create(series=series, title="Week 16", date="2030-04-17")
    first.after = {KEYS["steps"]: ["Anna books the room"]}
    first.save()
    swedish = anna.get(meeting_url(series, second, "before/", "sv")).content.decode()
    assert "Nästa steg från förra mötet" in swedish and "Före mötet" in swedish and "Spara" in swedish
    english = anna.get(meeting_url(series, second, "before/", "en")).content.decode()
    assert "Next steps from last meeting" in english and "Nästa steg från förra mötet" not in english
    assert "Mina mötesserier" in anna.get("/sv/account/").content.decode()
