"""The editor's action menu as a review sees it (the construct_page_action_menu hook).

- While a page waits for review, Wagtail locks it for its author, so their menu held only "Cancel
  workflow", which became the big primary button. The cancel action now comes last, named for what it
  does ("Withdraw from review"), and an author whose page is locked in review gets their next step as
  the primary action instead: the list of their pages in review.
- "Convert to alias page" (wagtail-localize) replaces a translation by the source page's published
  content at once, past the review: it is offered only to those who may publish the page
  (moderation/aliases.py). So is "Start Synced translation", which ties a translation to its source
  again: how a page's translations are kept is Communications' decision.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.action_menu import ActionMenuItem, CancelWorkflowMenuItem

from moderation.aliases import (
    CONVERT_TO_ALIAS_ACTION,
    RESTART_TRANSLATION_ACTION,
    may_convert_to_alias,
    may_stop_or_restart_syncing,
)

CANCEL_WORKFLOW = "action-cancel-workflow"
# Items that do something for the author: when none is left, their next step leads the menu.
PASSIVE_ITEMS = {"action-page-locked", CANCEL_WORKFLOW}


class WithdrawFromReviewMenuItem(CancelWorkflowMenuItem):
    """Wagtail's "Cancel workflow", named for what it does to the author's page."""

    label = _("Withdraw from review")


class MyPagesInReviewMenuItem(ActionMenuItem):
    """The author's next step while their page waits for review: where its review stands."""

    name = "erfa-my-pages-in-review"
    label = _("Waiting for review: my pages in review")
    icon_name = "list-ul"

    def get_url(self, parent_context):
        return reverse("erfa_my_pages_in_review")


def arrange_review_actions(menu_items, request, context):
    page = context.get("page")
    if page is None:
        return
    if not may_convert_to_alias(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != CONVERT_TO_ALIAS_ACTION]
    if not may_stop_or_restart_syncing(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != RESTART_TRANSLATION_ACTION]
    cancel = [item for item in menu_items if item.name == CANCEL_WORKFLOW]
    if not cancel:
        return
    menu_items[:] = [item for item in menu_items if item.name != CANCEL_WORKFLOW]
    if all(item.name in PASSIVE_ITEMS for item in menu_items):
        menu_items.insert(0, MyPagesInReviewMenuItem())
    menu_items.append(WithdrawFromReviewMenuItem(order=cancel[0].order))
