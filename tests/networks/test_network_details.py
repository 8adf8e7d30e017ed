"""Details of the network page a reader meets: a facilitator's role sits in their card, the calendar is a
download whose events list each agenda item on its own line, and documents are download buttons."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile
from icalendar import Calendar
from wagtail.documents import get_document_model
from wagtail.models import Collection

from networks.factories import GatheringFactory, NetworkDocumentFactory, NetworkFacilitatorFactory
from people.factories import ResourcePersonPageFactory

pytestmark = pytest.mark.django_db


def section(html, heading_id):
    start = html.index(f'<section aria-labelledby="{heading_id}">')
    return html[start : html.index("</section>", start)]


def test_a_facilitators_role_is_inside_their_card_under_the_name(network, directory, employee_client):
    NetworkFacilitatorFactory(
        page=network, person=ResourcePersonPageFactory(parent=directory, title="Lise Berg"), role_title="Course leader"
    )
    NetworkFacilitatorFactory(
        page=network, person=ResourcePersonPageFactory(parent=directory, title="Per Holm"), role_title=""
    )
    html = employee_client.get(network.url).content.decode()
    facilitators = section(html, "facilitators")
    cards = re.findall(r"<li>\s*(<article class=\"person-card\">.*?</article>)\s*</li>", facilitators, re.S)
    assert len(cards) == 2
    for name, role in (("Lise Berg", "Course leader"), ("Per Holm", "Facilitator")):
        card = next(card for card in cards if f">{name}</a>" in card)
        assert re.search(rf">{name}</a></h3>\s*<p class=\"person-card__label\">{role}</p>", card), card
    # Nothing loose between a card and the end of its item, so no label runs into the next heading.
    assert not re.search(r"</article>\s*<p", facilitators)


def test_each_agenda_item_is_its_own_line_in_the_calendar(network, employee_client):
    oslo = ZoneInfo("Europe/Oslo")
    GatheringFactory(
        page=network,
        title="Kick-off",
        start=datetime(2030, 3, 4, 9, 0, tzinfo=oslo),
        end=datetime(2030, 3, 4, 15, 30, tzinfo=oslo),
        agenda="<p>Welcome &amp; coffee</p><ul><li>Team presentations</li><li>Reflection round</li></ul>"
        "<ol><li>Lunch</li><li>Plan the <b>next</b> gathering</li></ol>",
        assignment="<p>Write down one example.</p><p>Bring it along.</p>",
    )
    response = employee_client.get(network.url + "calendar/")
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    agenda, assignment = str(event["description"]).split("\n\n")
    assert agenda.split("\n") == [
        "Welcome & coffee",
        "- Team presentations",
        "- Reflection round",
        "1. Lunch",
        "2. Plan the next gathering",
    ]
    assert assignment == "Before the next gathering: Write down one example.\nBring it along."


def test_the_calendar_is_a_download_button_and_an_attachment(network, employee_client):
    GatheringFactory(page=network, title="Kick-off")
    html = employee_client.get(network.url).content.decode()
    calendar_url = network.url + "calendar/"
    assert re.search(
        rf'<a class="button button--download" href="{re.escape(calendar_url)}" download type="text/calendar">'
        r"Add the gatherings to your calendar</a> <span class=\"meta download-format\">\(iCalendar, \.ics\)</span>",
        html,
    )
    response = employee_client.get(calendar_url)
    assert response["Content-Disposition"] == f'attachment; filename="{network.slug}-gatherings.ics"'
    # Named in the reader's language: a Swedish reader saves "…-traffar.ics", not "…-gatherings.ics".
    swedish = employee_client.get(calendar_url.replace("/en/", "/sv/", 1))
    assert swedish["Content-Disposition"] == f'attachment; filename="{network.slug}-traffar.ics"'


def test_a_network_document_is_a_download_button_with_its_format(network, employee_client):
    # A transactional test run before this one flushes the root collection the migration made.
    Collection.get_first_root_node() or Collection.add_root(name="Root")
    document = get_document_model().objects.create(
        title="Final report", file=ContentFile(b"%PDF-1.4 report", name="final-report.pdf"), file_size=15
    )
    NetworkDocumentFactory(page=network, title="Final report", document=document)
    html = employee_client.get(network.url).content.decode()
    documents = section(html, "documents")
    assert re.search(
        rf'<a class="button button--download" href="{re.escape(document.url)}" download>Final report</a>'
        r' <span class="meta download-format">\(PDF, 15\xa0bytes\)</span>',
        documents,
    )
    assert employee_client.get(document.url)["Content-Disposition"].startswith("attachment;")
