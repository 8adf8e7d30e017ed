"""What the front page puts in front of employees: the sections, new case studies and methods, and what is coming up."""

from django.utils import timezone
from wagtail.models import Locale

from casestudies.models import CaseStudyPage
from methods.models import MethodPage
from networks.models import Gathering, NetworkPage
from portal.i18n import localized_pages

RECENT_LIMIT = 3


def sections(home):
    return home.get_children().live().specific().order_by("path")


def recent_case_studies(locale, limit=RECENT_LIMIT):
    pages = localized_pages(CaseStudyPage.objects.live(), locale, english_next=True)
    return pages.select_related("locale").order_by("-first_published_at")[:limit]


def recent_methods(locale, limit=RECENT_LIMIT):
    pages = localized_pages(MethodPage.objects.live(), locale, english_next=True)
    return pages.select_related("locale").order_by("-first_published_at")[:limit]


def upcoming_gatherings(locale, limit=RECENT_LIMIT, now=None):
    """The next gatherings of live networks, each network in the version the reader is shown.

    Each language version of a network has its own copy of the gatherings, so they are read from one
    version per network: a network not yet translated still shows its gatherings, and only once.
    """
    networks = localized_pages(NetworkPage.objects.live(), locale, english_next=True)
    return (
        Gathering.objects.filter(page__in=networks.values("pk"), start__gte=now or timezone.now())
        .select_related("page")
        .order_by("start")[:limit]
    )


def home_highlights(home):
    locale = Locale.get_active()
    return {
        "sections": sections(home),
        "recent_case_studies": recent_case_studies(locale),
        "recent_methods": recent_methods(locale),
        "upcoming_gatherings": upcoming_gatherings(locale),
    }
