"""The feedback part at the end of every content page (portal.page_parts).

The part is the same for every reader of a permission class: the forms only, never the reader's own
vote, so the page cache may share it. The forms post to feedback/views.py.
"""

from functools import lru_cache

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language

from feedback.forms import ReportForm
from portal.models import ContentPageMixin
from portal.page_parts import PagePart

KEY = "feedback"


def applies(page):
    return isinstance(page, ContentPageMixin)


def context(request, page, page_context):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not page.pk:
        return None  # Previews of unsaved pages and anonymous readers get no forms.
    return {
        "feedback_vote_url": reverse("feedback_vote", args=[page.pk]),
        "feedback_report_url": reverse("feedback_report", args=[page.pk]),
        "feedback_fields": report_fields(get_language()),
    }


@lru_cache(maxsize=16)
def report_fields(language):
    """The report form's empty fields, drawn once per language: on every content page, they depend on
    nothing else (a fixed id prefix, no initial value, no choices read from the database), and drawing a
    text area through the form templates cost about a thirtieth of a page."""
    return render_to_string("portal/includes/form_fields.html", {"form": ReportForm()})


PART = PagePart(key=KEY, template="feedback/page_part.html", order=200, applies=applies, context=context)
