"""Where "Share a learning" is offered and found: its URLs, a link at the end of method and network
pages, on gatherings, and "My contributions" on the account page. Called from CaseStudiesConfig.ready().

The links at the end of a method or network page are the same for every signed-in reader (they name
the page, not the reader), so they may be cached with the page (portal/page_parts.py).
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

SHARE_LABEL = _("Share a learning")


def share_url(**links):
    return f"{reverse('share_learning')}?{urlencode(links)}" if links else reverse("share_learning")


def _page_link(param):
    def context(request, page, context):
        if not request.user.is_authenticated:
            return None
        return {"share_url": share_url(**{param: page.pk})}

    return context


def _gathering_link(request, network, gathering):
    if not request.user.is_authenticated:
        return None
    return (SHARE_LABEL, share_url(gathering=gathering.translation_key))


def _contributions_context(request):
    return {"contributions_url": reverse("learning_contributions"), "share_url": share_url()}


def register_learning():
    from accounts import account_page
    from caching.page_cache import register_quiet_model
    from casestudies.learning.urls import urlpatterns
    from casestudies.models import LearningDraft
    from methods.models import MethodPage
    from networks.gathering_links import register_gathering_link
    from networks.models import NetworkPage
    from portal import front_end_urls
    from portal.page_parts import PagePart, register_page_part

    front_end_urls.register(*urlpatterns)
    # A draft is shown only on its author's own, never-cached pages; its submission creates a page, which
    # Wagtail's own signals announce to the page cache.
    register_quiet_model(LearningDraft)
    register_quiet_model(LearningDraft.co_authors.through)
    for key, model, param in (
        ("share-learning-method", MethodPage, "method"),
        ("share-learning-network", NetworkPage, "network"),
    ):
        register_page_part(
            PagePart(
                key=key,
                template="casestudies/learning/share_part.html",
                order=50,
                applies=lambda page, model=model: isinstance(page, model),
                context=_page_link(param),
            )
        )
    register_gathering_link(_gathering_link)
    account_page.register(
        account_page.Section(
            key="contributions",
            title=_("My contributions"),
            template="casestudies/learning/account_section.html",
            order=20,
            context=_contributions_context,
        )
    )
