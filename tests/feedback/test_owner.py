"""Feedback reaching the content owner: the e-mail, the dashboard panel, resolving, and the reminders."""

from datetime import date, timedelta

from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from feedback.models import Report, UsefulVote
from people.review_reminders import send_review_reminders
from tests.feedback.conftest import client_for


def choose_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def report_on(page, reader, comment, capture):
    with translation.override("en"), capture(execute=True):
        url = reverse("feedback_report", args=[page.pk])
    with capture(execute=True):
        response = client_for(reader).post(url, {"comment": comment})
    assert response.status_code == 302
    return Report.objects.get(comment=comment)


def test_the_owner_is_mailed_each_report_in_their_language(
    agenda, owner_user, readers, mailoutbox, django_capture_on_commit_callbacks
):
    choose_language(owner_user, "sv")
    report = report_on(agenda, readers[0], "Step 3 names an office that closed.", django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [owner_user.email]
    assert "Step 3 names an office that closed." in mail.body
    assert "Elin Sand" in mail.body
    assert f"/admin/pages/{agenda.pk}/edit/" in mail.body
    assert "/sv/" in mail.body  # the page's link keeps the owner's language
    # In Swedish, the owner's language (needs the catalogues: the lead applies tr-feedback.json).
    assert "En läsare" in mail.subject or "rapporterar" in mail.body
    assert "is outdated or wrong" not in mail.body
    report.refresh_from_db()
    assert report.notified_at is not None


def test_a_page_without_an_owner_mails_nobody(library, readers, mailoutbox, django_capture_on_commit_callbacks):
    from methods.factories import ShareableTemplatePageFactory

    page = ShareableTemplatePageFactory(parent=library, title="Nobody's agenda")
    report_on(page, readers[0], "Nobody owns this page.", django_capture_on_commit_callbacks)
    assert mailoutbox == []
    assert Report.objects.get().is_open


def test_the_dashboard_panel_shows_feedback_to_the_owner_and_moderators_only(
    agenda, owner_user, other_writer, communications_user, readers
):
    Report.objects.create(page=agenda, user=readers[0], language="en", comment="The form link is broken.")
    UsefulVote.objects.create(page=agenda, user=readers[0], language="en", useful=False)
    UsefulVote.objects.create(page=agenda, user=readers[1], language="en", useful=True)
    for user in (owner_user, communications_user):
        html = client_for(user).get(reverse("wagtailadmin_home")).content.decode()
        assert 'id="reader-feedback' in html, user
        assert "The form link is broken." in html
        assert "HR meeting agenda" in html
        assert reverse("feedback_resolve_report", args=[Report.objects.get().pk]) in html
    html = client_for(other_writer).get(reverse("wagtailadmin_home")).content.decode()
    assert "The form link is broken." not in html
    assert 'id="reader-feedback' not in html


def test_the_owner_resolves_a_report_and_another_writer_may_not(
    agenda, owner_user, other_writer, communications_user, readers
):
    report = Report.objects.create(page=agenda, user=readers[0], language="en", comment="Wrong date.")
    url = reverse("feedback_resolve_report", args=[report.pk])
    response = client_for(other_writer).post(url)
    assert response.status_code in (302, 403)
    report.refresh_from_db()
    assert report.is_open and report.resolved_by is None
    # A reader without the admin cannot either.
    client_for(readers[0]).post(url)
    report.refresh_from_db()
    assert report.is_open
    assert client_for(owner_user).get(url).status_code == 405
    response = client_for(owner_user).post(url, {"next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    report.refresh_from_db()
    assert report.state == Report.State.RESOLVED and report.resolved_by == owner_user and report.resolved_at
    html = client_for(owner_user).get(reverse("wagtailadmin_home")).content.decode()
    assert "Wrong date." not in html


def test_moderators_may_resolve_any_report(agenda, communications_user, readers):
    report = Report.objects.create(page=agenda, user=readers[0], language="en", comment="Wrong date.")
    client_for(communications_user).post(reverse("feedback_resolve_report", args=[report.pk]))
    report.refresh_from_db()
    assert report.resolved_by == communications_user


def test_open_reports_bring_a_page_into_the_reminders_and_are_listed(agenda, owner_user, readers, mailoutbox):
    owner_user.email = "signe@example.org"
    owner_user.save()
    assert send_review_reminders() == []  # reviewed today, no reports: nothing to remind
    report = Report.objects.create(page=agenda, user=readers[0], language="en", comment="The phone number changed.")
    sent = send_review_reminders()
    assert [(email, [page.pk for page in pages]) for email, pages in sent] == [("signe@example.org", [agenda.pk])]
    body = mailoutbox[0].body
    assert "HR meeting agenda" in body
    assert "1 open report from readers:" in body
    assert "The phone number changed." in body
    # Resolved: a week later nothing brings it back.
    report.resolve(owner_user)
    assert send_review_reminders(now=_in_days(8)) == []


def _in_days(days):
    from django.utils import timezone

    return timezone.now() + timedelta(days=days)


def test_overdue_pages_list_their_open_reports_too(library, owner, owner_user, readers, mailoutbox):
    from methods.factories import ShareableTemplatePageFactory

    owner_user.email = "signe@example.org"
    owner_user.save()
    old = ShareableTemplatePageFactory(
        parent=library, title="Old agenda", content_owner=owner, last_reviewed=date(2020, 1, 1)
    )
    Report.objects.create(page=old, user=readers[0], language="en", comment="Refers to the old law.")
    Report.objects.create(page=old, user=readers[1], language="en", comment="Second report.")
    send_review_reminders()
    assert "2 open reports from readers:" in mailoutbox[0].body
    assert "Refers to the old law." in mailoutbox[0].body
