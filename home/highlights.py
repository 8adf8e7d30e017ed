"""What the front page puts in front of employees: the sections, new case studies and methods, and what is coming up.

Each list holds only pages the reader may see (portal.visibility): a case study restricted to
Communications is not announced to everyone on the front page.
"""

from django.utils import timezone
from wagtail.models import Locale

from casestudies.models import CaseStudyPage
from methods.models import MethodPage
from networks.models import Gathering, NetworkPage
from portal.i18n import localized_pages
from portal.visibility import visible_to

RECENT_LIMIT = 3


def sections(home, viewer=None):
    return visible_to(home.get_children(), viewer).specific().order_by("path")


def recent_case_studies(locale, limit=RECENT_LIMIT, viewer=None):
    pages = visible_to(localized_pages(CaseStudyPage.objects.live(), locale, english_next=True), viewer)
    return pages.select_related("locale").order_by("-first_published_at")[:limit]


def recent_methods(locale, limit=RECENT_LIMIT, viewer=None):
    pages = visible_to(localized_pages(MethodPage.objects.live(), locale, english_next=True), viewer)
    return pages.select_related("locale").order_by("-first_published_at")[:limit]


def upcoming_gatherings(locale, limit=RECENT_LIMIT, now=None, viewer=None):
    """The next gatherings of live networks, each network in the version the reader is shown.

    Each language version of a network has its own copy of the gatherings, so they are read from one
    version per network: a network not yet translated still shows its gatherings, and only once.
    """
    networks = visible_to(localized_pages(NetworkPage.objects.live(), locale, english_next=True), viewer)
    return (
        Gathering.objects.filter(page__in=networks.values("pk"), start__gte=now or timezone.now())
        .select_related("page")
        .order_by("start")[:limit]
    )


def home_highlights(home, viewer=None):
    locale = Locale.get_active()
    return {
        "sections": sections(home, viewer),
        "recent_case_studies": recent_case_studies(locale, viewer=viewer),
        "recent_methods": recent_methods(locale, viewer=viewer),
        "upcoming_gatherings": upcoming_gatherings(locale, viewer=viewer),
    }
