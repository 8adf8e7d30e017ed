"""Who may do what in a page's discussion, and the writes themselves.

Who: any signed-in reader who may view the page posts a question or comment (the intranet signs
everyone in, portal/middleware.py). The page's content owner and its listed contact persons (the
profiles the page names in `contact_relations`, else `contact_person_fields`, linked to an account)
answer, and hide or show again; Communications moderates every page too, but answers are the owner's.

Every write here saves a Comment, and every save bumps the page cache's generation
(caching/page_cache.py `_on_write`): the page is rendered afresh for every class of reader.
"""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone, translation

from casestudies.models import CaseStudyPage
from discussion.models import Comment
from methods.models import MethodPage
from people.models import ResourcePersonPage
from people.permissions import names_as_contact
from portal import compiled, roles
from portal.languages import base_code
from portal.visibility import visibility_for

# As many as a lively reader may write in an hour; more is a script or a quarrel.
RATE_LIMIT = 10
RATE_WINDOW = timedelta(hours=1)
PAGE_MODELS = (CaseStudyPage, MethodPage)


def applies(page):
    return isinstance(page, PAGE_MODELS)


def contact_relations(page):
    return list(getattr(page, "contact_relations", None) or page.contact_person_fields)


def answers_for_page(user, page):
    """Whether `user` is the page's owner or a listed contact person: they answer and moderate."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return names_as_contact(page, user, contact_relations(page))


def is_moderator(user):
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=roles.COMMUNICATIONS).exists()


def moderates(user, page):
    return answers_for_page(user, page) or is_moderator(user)


def may_read(request_or_user, page):
    return page.live and visibility_for(request_or_user).can_view(page)


def answerer_profiles(page):
    """The profiles of the page's owner and contact persons that have an active account."""
    condition = Q()
    for relation in contact_relations(page):
        field = page._meta.get_field(relation)
        if field.many_to_many:
            condition |= Q(pk__in=getattr(page, relation).values("pk"))
        else:
            condition |= Q(pk=getattr(page, f"{relation}_id"))
    return (
        ResourcePersonPage.objects.filter(condition, user__isnull=False, user__is_active=True)
        .select_related("user", "locale")
        .order_by("pk")
    )


def reader_language():
    return base_code(translation.get_language()) or "en"


def is_rate_limited(user, now=None):
    since = (now or timezone.now()) - RATE_WINDOW
    return Comment.objects.filter(author=user, created__gte=since).count() >= RATE_LIMIT


def post(user, page, *, kind, body):
    return Comment.objects.create(page=page, author=user, kind=kind, body=body, language=reader_language())


def answer(user, comment, *, body):
    return Comment.objects.create(
        page_id=comment.page_id,
        parent=comment,
        is_answer=True,
        kind=comment.kind,
        author=user,
        body=body,
        language=reader_language(),
    )


def set_hidden(comment, hidden, by):
    comment.state = Comment.State.HIDDEN if hidden else Comment.State.VISIBLE
    comment.hidden_by = by if hidden else None
    comment.hidden_at = timezone.now() if hidden else None
    comment.save(update_fields=["state", "hidden_by", "hidden_at"])


def threads(page, user=None, moderates=False):
    """The page's questions and comments, each with its answers, as `user` may see them.

    One query whatever their number: an answer belongs to its question's page, so the page's rows are
    the threads and their answers, with their authors; an answer shows under a thread the reader sees.
    Without a user: what every reader sees (the cached page).
    """
    if user is None:
        mode, params = "visible", [page.pk, Comment.State.VISIBLE]
    elif moderates:
        mode, params = "all", [page.pk]
    else:
        mode, params = "seen", [page.pk, Comment.State.VISIBLE, user.pk]

    def build():
        rows = Comment.objects.of_page(page).select_related("author", "hidden_by")
        return rows.visible() if user is None else rows.seen_by(user, moderates)

    # Read on every view of every page that ends in a discussion: one SQL per way of reading, built and
    # compiled once per process and run with this page's and reader's values (portal.compiled).
    threads, answers = [], {}
    for row in compiled.rows(("comment-threads", mode), build, params=params):
        if row.parent_id is None:
            threads.append(row)
        else:
            answers.setdefault(row.parent_id, []).append(row)
    for thread in threads:
        thread.shown_answers = answers.get(thread.pk, [])
    return threads
