"""A meeting as .docx or PDF for the office's archive, and as .ics for a calendar, in the reader's language.

The same way as a team plan's exports (networks/teams/exports.py): python-docx, and fpdf2 with its
DejaVu Sans font so that every letter survives.
"""

import io
from datetime import timedelta

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from docx import Document as DocxDocument
from fpdf import FPDF
from icalendar import Calendar, Event

from methods.meeting_pair import AFTER, BEFORE, LIST
from networks.teams.exports import _pdf_font as pdf_font


def slug(text):
    return slugify(text)[:60] or "meeting"


def outline(meeting, fields):
    """{"title", "meta": [lines], "sections": [(heading, [(label, lines, is_list)])]} in the active language."""
    series = meeting.series
    sections = []
    for part, heading in ((BEFORE, _("Before the meeting")), (AFTER, _("After the meeting"))):
        answers = meeting.answers(part)
        entries = []
        if part == BEFORE and series.carried_keys():
            entries.append((_("Next steps from last meeting"), meeting.next_steps_from_last(), True))
        for field in fields:
            if field["part"] != part:
                continue
            value = answers.get(field["key"])
            if field["kind"] == LIST:
                entries.append((field["label"], list(value or []), True))
            else:
                entries.append((field["label"], [line for line in (value or "").splitlines() if line.strip()], False))
        sections.append((heading, entries))
    return {
        "title": meeting.title,
        "meta": [f"{_('Meeting series')}: {series.title}", f"{_('Date')}: {date_format(meeting.date, 'DATE_FORMAT')}"],
        "sections": sections,
    }


def docx_bytes(meeting, fields, request=None):
    data = outline(meeting, fields)
    document = DocxDocument()
    document.add_heading(data["title"], level=1)
    for line in data["meta"]:
        document.add_paragraph(line)
    for heading, entries in data["sections"]:
        document.add_heading(heading, level=2)
        for label, lines, is_list in entries:
            document.add_heading(label, level=3)
            for line in lines:
                document.add_paragraph(line, style="List Bullet" if is_list else None)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(meeting, fields, request=None):
    data = outline(meeting, fields)
    pdf = FPDF(format="A4")
    family, text = pdf_font(pdf)
    pdf.set_title(text(data["title"]))
    pdf.add_page()

    def write(line, style="", size=11, height=6, space=0):
        if space:
            pdf.ln(space)
        pdf.set_font(family, style=style, size=size)
        pdf.multi_cell(0, height, text(line), new_x="LMARGIN", new_y="NEXT")

    write(data["title"], "B", 16, 9)
    for line in data["meta"]:
        write(line, size=10)
    for heading, entries in data["sections"]:
        write(heading, "B", 14, 8, space=5)
        for label, lines, is_list in entries:
            write(label, "B", 12, 7, space=2)
            for line in lines:
                write(f"- {line}" if is_list else line)
    return bytes(pdf.output())


def ics_bytes(meeting, fields, request=None):
    """The meeting as an all-day event, linking back to its page in the reader's language."""
    calendar = Calendar()
    calendar.add("prodid", "-//Erfa//Meeting series//EN")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"erfa-meeting-{meeting.pk}")
    event.add("summary", meeting.title)
    event.add("dtstart", meeting.date)
    event.add("dtend", meeting.date + timedelta(days=1))
    url = reverse("meetings:meeting", args=[meeting.series_id, meeting.pk])
    if request is not None:
        url = request.build_absolute_uri(url)
    event.add("url", url)
    event.add("description", f"{_('Meeting series')}: {meeting.series.title}\n{url}")
    calendar.add_component(event)
    return calendar.to_ical()


EXPORTS = {
    "pdf": ("application/pdf", pdf_bytes),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx_bytes),
    "ics": ("text/calendar; charset=utf-8", ics_bytes),
}
