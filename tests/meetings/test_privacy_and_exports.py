"""Who sees a series, and a meeting's exports (.docx, PDF, .ics) in the reader's language."""

import io

import pytest
from docx import Document
from icalendar import Calendar
from pypdf import PdfReader

from casestudies.models import LearningDraft
from meetings.models import MeetingSeries
from networks.models import Team
from portal.factories import OrganisationFactory
from tests.meetings.conftest import KEYS, meeting_url, start
from tests.utils import signed_in


def filled(series):
    meeting = series.meetings.get()
    meeting.before = {KEYS["agenda"]: ["Budget"], KEYS["prepare"]: "Read the budget."}
    meeting.after = {KEYS["steps"]: ["Anna books the room"], KEYS["learned"]: "Early agendas help. Ærlig talt."}
    meeting.save()
    return meeting


@pytest.mark.django_db
def test_a_private_series_does_not_exist_for_others(series, people):
    meeting = filled(series)
    cato = signed_in(people["cato"])
    urls = [f"/en/meetings/{series.pk}/", meeting_url(series, meeting), meeting_url(series, meeting, "before/")]
    urls += [meeting_url(series, meeting, f"export.{kind}") for kind in ("docx", "pdf", "ics")]
    # Bo (a participant) fills the page cache first: nothing of it may reach Cato.
    for url in urls:
        assert signed_in(people["bo"]).get(url).status_code == 200, url
    for url in urls:
        assert cato.get(url).status_code == 404, url
    assert (
        cato.post(f"/en/meetings/{series.pk}/", {"action": "add", "title": "X", "date": "2030-01-01"}).status_code
        == 404
    )
    assert "HR office meetings" not in cato.get("/en/meetings/").content.decode()
    anonymous = signed_in(people["bo"])
    anonymous.logout()
    assert anonymous.get(urls[0]).status_code == 302  # to the login


@pytest.mark.django_db
def test_a_shared_series_is_readable_by_every_signed_in_colleague(series, people):
    meeting = filled(series)
    signed_in(people["anna"]).post(f"/en/meetings/{series.pk}/", {"action": "share", "shared": "on"})
    assert MeetingSeries.objects.get().shared
    cato = signed_in(people["cato"])
    page = cato.get(meeting_url(series, meeting)).content.decode()
    assert "Early agendas help." in page
    assert "Fill in the" not in page and "export.docx" not in page  # reading only
    assert cato.get(meeting_url(series, meeting, "before/")).status_code == 403
    assert cato.post(meeting_url(series, meeting, "before/"), {"stamp": ""}).status_code == 403
    assert cato.get(meeting_url(series, meeting, "export.pdf")).status_code == 404  # exports: participants only


@pytest.mark.django_db
def test_a_teams_members_take_part(pair, people):
    team = Team.objects.create(
        organisation=OrganisationFactory(name="Personale"), name="HR office", manager=people["dora"]
    )
    team.members.set([people["cato"], people["bo"], people["dora"]])
    response = start(signed_in(people["bo"]), pair, team=team.pk)
    assert response.status_code == 302
    series = MeetingSeries.objects.get()
    assert signed_in(people["cato"]).get(f"/en/meetings/{series.pk}/").status_code == 200
    assert signed_in(people["anna"]).get(f"/en/meetings/{series.pk}/").status_code == 404
    # Only a team one belongs to or manages can be chosen.
    other = Team.objects.create(organisation=team.organisation, name="Payroll", manager=people["dora"])
    response = start(signed_in(people["anna"]), pair, team=other.pk)
    assert response.status_code == 200 and MeetingSeries.objects.count() == 1


@pytest.mark.django_db
def test_exports_open_and_carry_the_fields(series, people):
    meeting = filled(series)
    anna = signed_in(people["anna"])

    response = anna.get(meeting_url(series, meeting, "export.docx"))
    assert response["Content-Disposition"] == 'attachment; filename="2030-03-20-office-meeting-week-12.docx"'
    paragraphs = [paragraph.text for paragraph in Document(io.BytesIO(response.content)).paragraphs]
    for text in (
        "Office meeting, week 12",
        "Before the meeting",
        "Agenda",
        "Budget",
        "What we learned",
        "Early agendas help. Ærlig talt.",
    ):
        assert text in paragraphs

    response = anna.get(meeting_url(series, meeting, "export.pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    for words in (
        "Office meeting, week 12",
        "What to prepare",
        "Read the budget.",
        "Anna books the room",
        "Ærlig talt.",
    ):
        assert words in text

    response = anna.get(meeting_url(series, meeting, "export.ics", "sv"))
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Office meeting, week 12"
    assert event.decoded("DTSTART").isoformat() == "2030-03-20"
    assert f"/sv/meetings/{series.pk}/{meeting.pk}/" in str(event["URL"])
    assert response.has_header("Cache-Control") and "no-cache" in response["Cache-Control"]

    # In Swedish, the field labels are the template's Swedish ones.
    response = anna.get(meeting_url(series, meeting, "export.docx", "sv"))
    paragraphs = [paragraph.text for paragraph in Document(io.BytesIO(response.content)).paragraphs]
    assert "Dagordning" in paragraphs and "Vad vi lärde oss" in paragraphs
    assert anna.get(meeting_url(series, meeting, "export.odt")).status_code == 404


@pytest.mark.django_db
def test_share_what_we_learned_starts_a_learning_draft(series, people):
    meeting = filled(series)
    anna = signed_in(people["anna"])
    assert "Share what we learned" in anna.get(meeting_url(series, meeting)).content.decode()
    response = anna.post(meeting_url(series, meeting, "share/"))
    assert response.status_code == 302 and "/meetings/" not in response["Location"]
    edit = anna.get(response["Location"])
    assert edit.status_code == 200 and "Early agendas help." in edit.content.decode()
    # Others in a shared series may read, not share.
    assert signed_in(people["cato"]).post(meeting_url(series, meeting, "share/")).status_code == 404
    assert signed_in(people["cato"]).get(meeting_url(series, meeting, "share/")).status_code == 404
    # The button's address opened as a link leads to the meeting and starts no draft.
    drafts = LearningDraft.objects.count()
    response = anna.get(meeting_url(series, meeting, "share/"))
    assert response.status_code == 302 and response["Location"] == meeting_url(series, meeting)
    assert LearningDraft.objects.count() == drafts
