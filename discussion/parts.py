"""The discussion at the end of a case study or method page (a portal.page_parts part).

Rendered into the page the cache shares per permission class, so it holds only what every reader of
the page sees: the visible questions and comments with their visible answers, the form to ask, and a
link to the discussion's own page where the owner answers and hides and an author finds their hidden
text (discussion/views.py). Three queries whatever the number of comments.
"""

from django.urls import reverse

from discussion import rules
from discussion.forms import CommentForm


def context(request, page, page_context):
    if request is None or not request.user.is_authenticated:
        return None
    return {
        "threads": rules.threads(page),
        "comment_form": CommentForm(),
        "discussion_url": reverse("discussion:page", args=[page.pk]),
    }
