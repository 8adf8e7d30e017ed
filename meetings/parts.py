"""Where meeting series show outside their own pages: a pair's page and the reader's account page.

The part on a template's page is the same for every reader (a link), so the page cache may share it;
the account page is never cached.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.account_page import Section
from meetings.models import MeetingSeries
from methods.models import ShareableTemplatePage
from portal.page_parts import PagePart

SECTION_KEY = "meeting-series"
ACCOUNT_LIMIT = 20


def applies(page):
    return isinstance(page, ShareableTemplatePage) and page.is_meeting_pair


def start_context(request, page, context):
    return {"start_url": reverse("meetings:start", args=[page.pk]), "fields": page.meeting_fields()}


def account_context(request):
    series = MeetingSeries.objects.of_participant(request.user).select_related("team")
    return {"series_list": list(series[:ACCOUNT_LIMIT]), "all_url": reverse("meetings:my_series")}


START_PART = PagePart("meeting-series", "meetings/includes/start_part.html", 50, applies, start_context)
ACCOUNT_SECTION = Section(
    SECTION_KEY, _("My meeting series"), "meetings/includes/account_section.html", 40, account_context
)
