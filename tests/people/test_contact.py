import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from people import contact
from people.models import ContactMessage

pytestmark = pytest.mark.django_db

BROKEN_MAIL = {"default": {"BACKEND": "tests.people.mail_backends.BrokenSMTPBackend"}}


def message_url(person):
    return f"{person.url}message/"


def post_message(client, person, **fields):
    data = {"subject": "Reflection meetings", "body": "Could you tell me how you started them?"}
    data.update(fields)
    return client.post(message_url(person), data)


def test_message_is_saved_and_emailed_with_reply_to_the_sender(person, employee, employee_client, mailoutbox):
    response = post_message(employee_client, person)
    assert response.status_code == 302
    assert response["Location"] == person.url + "#main"

    saved = ContactMessage.objects.get()
    assert (saved.sender, saved.recipient, saved.status, saved.attempts) == (employee, person, "sent", 1)
    assert saved.subject == "Reflection meetings"
    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == ["sigrid.lunde@example.org"]
    assert email.reply_to == [f"{employee.get_full_name()} <{employee.email}>"]
    assert email.subject == "[Erfa] Reflection meetings"
    assert "Could you tell me how you started them?" in email.body

    page = employee_client.get(person.url).content.decode()
    assert "Your message has been sent to Sigrid Lunde." in page


def test_send_me_a_copy(person, employee, employee_client, mailoutbox):
    post_message(employee_client, person, send_copy="on")
    assert [email.to for email in mailoutbox] == [["sigrid.lunde@example.org"], [employee.email]]
    assert "Copy of your message to Sigrid Lunde" in mailoutbox[1].subject


def test_newlines_in_the_subject_never_reach_the_headers(person, employee_client, mailoutbox):
    post_message(employee_client, person, subject="Hello\r\nBcc: victim@example.com\nX-Injected: yes\x1b\u2028end")
    email = mailoutbox[0]
    raw = email.message().as_string()
    assert email.subject == "[Erfa] Hello Bcc: victim@example.com X-Injected: yes end"
    assert email.bcc == []
    assert not re.search(r"^(Bcc|X-Injected):", raw, flags=re.MULTILINE)
    assert ContactMessage.objects.get().subject == "Hello Bcc: victim@example.com X-Injected: yes end"


def test_validation_errors_keep_what_was_typed(person, employee_client, mailoutbox):
    response = post_message(employee_client, person, subject="", body="Short")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Short</textarea>" in html
    assert "This field is required." in html
    # The limits are told before and plainly after (not Django's "has at least 10 characters (it has 5)").
    assert "From 10 to 5,000 characters." in html
    assert "Please write a little more: a message needs at least 10 characters." in html
    assert "Ensure this value" not in html
    assert ContactMessage.objects.count() == 0
    assert mailoutbox == []
    # On a phone the form is far down a long profile: the answer opens at the form, which says what happened.
    form = html.split('<form method="post" action="', 1)[1].split("</form>", 1)[0]
    assert form.startswith(f'{person.url}message/#send-message"')
    summary = "Please correct the marked fields. Your message has not been sent yet."
    assert f'<div class="form-errors" role="alert"><p>{summary}</p></div>' in form


def test_the_owner_is_offered_no_form_to_write_to_themselves(person, employee, employee_client):
    assert 'id="send-message"' in employee_client.get(person.url).content.decode()
    person.user = employee
    person.save_revision().publish()
    html = employee_client.get(person.url).content.decode()
    assert 'id="send-message"' not in html and f"{person.url}message/" not in html
    assert 'href="mailto:sigrid.lunde@example.org"' in html  # their card, as colleagues see it


def test_recipient_address_is_not_in_the_form(person, employee_client):
    html = employee_client.get(person.url).content.decode()
    form = html.split('id="send-message"', 1)[1].split("</form>", 1)[0]
    assert "sigrid.lunde@example.org" not in form
    # Only the contact card shows it: the mailto link and its text.
    assert html.count("sigrid.lunde@example.org") == 2


def test_rate_limit_keeps_the_text_and_sends_nothing_more(person, employee_client, mailoutbox):
    for number in range(contact.RATE_LIMIT):
        assert post_message(employee_client, person, subject=f"Question {number}").status_code == 302
    response = post_message(employee_client, person, subject="One more", body="Please keep this text for me.")
    html = response.content.decode()
    assert response.status_code == 429
    assert "You have sent 10 messages in the last hour" in html
    assert 'value="One more"' in html
    assert "Please keep this text for me.</textarea>" in html
    assert ContactMessage.objects.count() == contact.RATE_LIMIT
    assert len(mailoutbox) == contact.RATE_LIMIT


def test_rate_limit_counts_only_the_last_hour(person, employee, employee_client, mailoutbox):
    for number in range(contact.RATE_LIMIT):
        post_message(employee_client, person, subject=f"Question {number}")
    ContactMessage.objects.update(created=timezone.now() - timedelta(hours=1, minutes=1))
    assert post_message(employee_client, person).status_code == 302


def test_only_post_sends(person, employee_client, mailoutbox):
    assert employee_client.get(message_url(person)).status_code == 302
    assert mailoutbox == []


@override_settings(MAILERS=BROKEN_MAIL)
def test_failed_sending_keeps_the_message_and_the_retry_delivers_it(person, employee_client):
    response = post_message(employee_client, person, send_copy="on")
    assert response.status_code == 302
    page = employee_client.get(person.url).content.decode()
    assert "will deliver it as soon as it can" in page

    saved = ContactMessage.objects.get()
    assert saved.status == ContactMessage.Status.PENDING
    assert saved.attempts == 1
    assert "SMTPServerDisconnected" in saved.last_error
    assert saved.next_attempt_at > timezone.now()

    out = io.StringIO()
    call_command("undelivered_messages", stdout=out)
    assert f"#{saved.pk}" in out.getvalue()
    assert "SMTPServerDisconnected" in out.getvalue()

    # Not due yet: the scheduled retry leaves it alone.
    assert contact.retry_due() == []

    # The mail server is back, and the retry is due.
    mail.outbox = []
    with override_settings(MAILERS={"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}):
        contact.retry_due(now=saved.next_attempt_at)
        saved.refresh_from_db()
        assert (saved.status, saved.attempts, saved.last_error) == ("sent", 2, "")
        assert [email.to for email in mail.outbox] == [["sigrid.lunde@example.org"], [saved.sender_email]]
        out = io.StringIO()
        call_command("undelivered_messages", stdout=out)
        assert out.getvalue().strip() == "No undelivered messages."


@override_settings(MAILERS=BROKEN_MAIL)
def test_retries_back_off_and_give_up_without_losing_the_message(person, employee):
    message = contact.send_message(sender=employee, recipient=person, subject="Hi", body="A question for you.")
    delays = []
    while message.status == ContactMessage.Status.PENDING:
        delays.append(message.next_attempt_at)
        contact.retry_due(now=message.next_attempt_at)
        message.refresh_from_db()
    assert message.status == ContactMessage.Status.FAILED
    assert message.attempts == contact.MAX_ATTEMPTS
    gaps = [later - earlier for earlier, later in zip(delays, delays[1:], strict=False)]
    assert gaps == sorted(gaps)
    assert ContactMessage.objects.filter(pk=message.pk).exists()

    with override_settings(MAILERS={"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}):
        mail.outbox = []
        out = io.StringIO()
        call_command("undelivered_messages", "--retry", stdout=out)
        message.refresh_from_db()
        assert message.status == ContactMessage.Status.SENT
        assert len(mail.outbox) == 1
