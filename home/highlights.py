"""What the front page puts in front of employees: the sections, what is new and coming up, and the reader's networks.

Each list holds only pages the reader may see (portal.visibility): a case study restricted to
Communications is not announced to everyone on the front page.
"""

from django.core.cache import cache
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Now, Substr
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Page

from casestudies.models import CaseStudyPage
from home.awaiting import awaiting_sign_off
from home.followed import followed_networks
from methods.models import MethodPage, ShareableTemplatePage
from networks.models import Gathering, NetworkPage, NetworkUpdatePage
from portal import compiled, fragments
from portal.i18n import localized_pages, reader_versions
from portal.renditions import prefetch_card_renditions
from portal.visibility import visibility_key, visible_to

RECENT_LIMIT = 3


def sections(home, viewer=None):
    """The sections under the home page, each with its `intro` or `summary`; for a request, kept for
    every reader of its permission class until anything changes (portal.fragments), so no query when warm."""
    if not isinstance(viewer, HttpRequest):
        return read_sections(home, viewer)
    return fragments.shared(("home-sections", home.pk), lambda: read_sections(home, viewer), viewer)


def read_sections(home, viewer=None):
    """The sections under the home page, each with its `intro` or `summary`, in one query when warm.

    Each section is a page of its own type; reading them as specific pages costs one query per type.
    Their texts are kept in the cache under the published revision, so a new publication of a section
    is read afresh; a page with no published revision (made in code) is always read.
    """
    key = ("home-sections", home.path, visibility_key(viewer))
    pages = compiled.rows(key, lambda: visible_to(home.get_children(), viewer).order_by("path"))
    keys = {page.pk: f"erfa:section-texts:{page.pk}:{page.live_revision_id}" for page in pages if page.live_revision_id}
    texts = cache.get_many(list(keys.values()))
    missing = [page.pk for page in pages if keys.get(page.pk) not in texts]
    if missing:
        fresh = {}
        for specific in Page.objects.filter(pk__in=missing).specific():
            fresh[specific.pk] = {"intro": getattr(specific, "intro", ""), "summary": getattr(specific, "summary", "")}
        cache.set_many({keys[pk]: found for pk, found in fresh.items() if pk in keys}, timeout=None)
        texts.update({keys.get(pk, pk): found for pk, found in fresh.items()})
    for page in pages:
        for name, value in texts.get(keys.get(page.pk, page.pk), {}).items():
            setattr(page, name, value)
    return pages


# What a front-page card shows of a page (templates/home/includes/recent_pages.html): its link, title,
# summary and language. A case study's or method's other texts are long, and a card reads none of them.
CARD_FIELDS = ("title", "path", "depth", "url_path", "translation_key", "live", "first_published_at", "summary")


def recent(model, locale, limit=RECENT_LIMIT, viewer=None):
    """The newest live pages of `model` the viewer may see, one version each, in the reader's language if any."""
    pages = visible_to(localized_pages(model.objects.live(), locale, english_next=True), viewer)
    pages = pages.select_related("locale").only(*CARD_FIELDS, "locale__language_code")
    return pages.order_by("-first_published_at")[:limit]


def with_images(pages):
    """The card images, read with the list. Their renditions are read on each view (home_highlights):
    prefetched into the shared fragment, they would be frozen there without the ones made later, and
    every reader would then look each picture's rendition up in the database."""
    return pages.select_related("image").only(*CARD_FIELDS, "locale__language_code", "image")


def recent_case_studies(locale, limit=RECENT_LIMIT, viewer=None):
    return with_images(recent(CaseStudyPage, locale, limit, viewer))


def recent_methods(locale, limit=RECENT_LIMIT, viewer=None):
    return with_images(recent(MethodPage, locale, limit, viewer))


def recent_templates(locale, limit=RECENT_LIMIT, viewer=None):
    return recent(ShareableTemplatePage, locale, limit, viewer)


def latest_updates(locale, limit=RECENT_LIMIT, viewer=None):
    """The newest network updates, each with its network (`update.network`) for the card's line: the
    version of the network the reader is shown (portal.i18n.reader_versions), not the one the update
    happens to sit under (an English update under the English network, read on the Danish home page)."""

    def build():
        pages = visible_to(localized_pages(NetworkUpdatePage.objects.live(), locale, english_next=True), viewer)
        # The translation key of the network the update sits under (its parent), in the same query.
        parent = Page.objects.filter(path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen))
        pages = pages.annotate(network_key=Subquery(parent.values("translation_key")[:1]))
        return pages.select_related("locale").order_by("-date", "-first_published_at")[:limit]

    updates = compiled.rows(("home-updates", locale, limit, visibility_key(viewer)), build)
    keys = tuple(sorted({update.network_key for update in updates if update.network_key}))

    def build_networks():
        networks = reader_versions(NetworkPage.objects.filter(translation_key__in=keys), locale)
        return visible_to(networks, viewer).live().select_related("locale")

    # No updates name no networks: nothing to build (an empty `__in` is never kept, see portal.compiled).
    networks = compiled.rows(("update-networks", locale, visibility_key(viewer), keys), build_networks) if keys else []
    by_key = {network.translation_key: network for network in networks}
    for update in updates:
        update.network = by_key.get(update.network_key)
    return updates


def upcoming_gatherings(locale, limit=RECENT_LIMIT, now=None, viewer=None):
    """The next gatherings of live networks, each network in the version the reader is shown.

    Each language version of a network has its own copy of the gatherings, so they are read from one
    version per network: a network not yet translated still shows its gatherings, and only once.
    """
    networks = visible_to(localized_pages(NetworkPage.objects.live(), locale, english_next=True), viewer)
    return (
        Gathering.objects.filter(page__in=networks.values("pk"), start__gte=now or Now())
        .select_related("page", "page__locale")
        .order_by("start")[:limit]
    )


# Gatherings kept beyond the few shown, so that one starting while the list is kept leaves enough.
KEPT_GATHERINGS = 10


def home_highlights(home, viewer=None):
    # The reader's language code joins the locale into each listing: no query of its own.
    locale = get_language()
    if not isinstance(viewer, HttpRequest):
        lists = read_lists(locale, viewer)
    else:
        # The same for every reader of one language and permission class until anything changes
        # (portal.fragments): building these queries costs more CPU than the rest of the page.
        lists = fragments.shared(("home-lists", locale), lambda: read_lists(locale, viewer), viewer)
    now = timezone.now()
    followed = followed_networks(locale, viewer, now)
    # The cards' pictures' renditions as they are now, in one query, not kept with the lists (portal.renditions).
    prefetch_card_renditions(
        [*lists["recent_case_studies"], *lists["recent_methods"], *(network for network, _next in followed)]
    )
    return {
        "sections": sections(home, viewer),
        "recent_case_studies": lists["recent_case_studies"],
        "recent_methods": lists["recent_methods"],
        "recent_templates": lists["recent_templates"],
        "latest_updates": lists["latest_updates"],
        "upcoming_gatherings": [gathering for gathering in lists["gatherings"] if gathering.start >= now][
            :RECENT_LIMIT
        ],
        "followed_networks": followed,
        "awaiting_sign_off": awaiting_sign_off(locale, viewer),
    }


def read_lists(locale, viewer):
    # Each list's SQL depends on the language and what the viewer may see, nothing else: compiled once
    # per process (portal.compiled), so an uncached front page only runs it.
    def kept(name, build):
        return compiled.rows(("home", name, locale, visibility_key(viewer)), build)

    return {
        "recent_case_studies": kept("case-studies", lambda: recent_case_studies(locale, viewer=viewer)),
        "recent_methods": kept("methods", lambda: recent_methods(locale, viewer=viewer)),
        "recent_templates": kept("templates", lambda: recent_templates(locale, viewer=viewer)),
        "latest_updates": latest_updates(locale, viewer=viewer),
        "gatherings": kept("gatherings", lambda: upcoming_gatherings(locale, limit=KEPT_GATHERINGS, viewer=viewer)),
    }
