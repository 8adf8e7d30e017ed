"""A page's discussion on a route of its own: /<lang>/discussion/<page id>/.

The case study or method page shows what every reader sees (the visible questions and answers, and the
form to ask), and the page cache shares it per permission class. What differs per reader lives here,
never cached: the owner's and contact persons' "Answer" and "Hide" buttons, Communications' "Hide",
and a reader's own hidden comment with its note. Every form of the discussion posts here; a success
redirects (to the page after a new question, here after an answer or a hide), an error re-renders this
page with the text kept. The rules are in discussion/rules.py, the e-mails in discussion/notify.py.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from discussion import notify, rules
from discussion.forms import AnswerForm, CommentForm
from discussion.models import Comment
from portal.i18n import reader_page_url
from portal.numbers import whole_number


class Discussion:
    """One reader's view of one page's discussion."""

    def __init__(self, request, page):
        self.request = request
        self.page = page
        self.answerer = rules.answers_for_page(request.user, page)
        self.moderator = self.answerer or rules.is_moderator(request.user)

    @property
    def url(self):
        return reverse("discussion:page", args=[self.page.pk])

    def thread(self, pk, answers_too=False):
        rows = Comment.objects.of_page(self.page)
        rows = rows if answers_too else rows.threads()
        comment = rows.filter(pk=whole_number(pk, default=0)).select_related("author").first()
        if comment is None:
            raise Http404
        return comment

    def post(self):
        form = CommentForm(self.request.POST)
        if not form.is_valid():
            return {"comment_form": form}, 400
        if rules.is_rate_limited(self.request.user):
            form.add_error(
                None,
                _(
                    "You have written %(count)s questions and comments in the last hour, which is as many as "
                    "Erfa allows. Your text is kept below: please send it a little later."
                )
                % {"count": rules.RATE_LIMIT},
            )
            return {"comment_form": form}, 429
        comment = rules.post(self.request.user, self.page, **form.cleaned_data)
        notify.notify_answerers(comment, self.page)
        messages.success(self.request, _("Thank you: your text is published and the page’s owner is told."))
        return HttpResponseRedirect(reader_page_url(self.page, self.request) + f"#comment-{comment.pk}")

    def answer(self):
        if not self.answerer:
            raise PermissionDenied
        comment = self.thread(self.request.POST.get("comment", ""))
        form = AnswerForm(self.request.POST, prefix=f"answer-{comment.pk}")
        if not form.is_valid():
            return {comment.pk: form}, 400
        answer = rules.answer(self.request.user, comment, **form.cleaned_data)
        notify.notify_author(answer, comment, self.page)
        messages.success(self.request, _("Your answer is published."))
        return HttpResponseRedirect(self.url + f"#comment-{comment.pk}")

    def hide(self):
        if not self.moderator:
            raise PermissionDenied
        comment = self.thread(self.request.POST.get("comment", ""), answers_too=True)
        hide = self.request.POST.get("action") == "hide"
        rules.set_hidden(comment, hide, self.request.user)
        messages.success(self.request, _("The text is hidden.") if hide else _("The text is shown again."))
        return HttpResponseRedirect(self.url + f"#comment-{comment.pk}")

    def context(self, forms):
        threads = rules.threads(self.page, self.request.user, self.moderator)
        if self.answerer:
            for thread in threads:
                thread.answer_form = forms.get(thread.pk) or AnswerForm(prefix=f"answer-{thread.pk}")
        return {
            "page": self.page,
            # The language switcher leads to the discussion of each version of the page (portal.i18n).
            "page_view": "discussion:page",
            "page_url": reader_page_url(self.page, self.request),
            "discussion_url": self.url,
            "threads": threads,
            "comment_form": forms.get("comment_form") or CommentForm(),
            "answerer": self.answerer,
            "moderator": self.moderator,
        }


@never_cache
def page_discussion(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not rules.applies(page) or not rules.may_read(request, page):
        raise Http404
    discussion = Discussion(request, page)
    forms, status = {}, 200
    if request.method == "POST":
        handler = {
            "post": discussion.post,
            "answer": discussion.answer,
            "hide": discussion.hide,
            "show": discussion.hide,
        }.get(request.POST.get("action", ""))
        if handler is None:
            return HttpResponseRedirect(discussion.url)
        result = handler()
        if isinstance(result, HttpResponseRedirect):
            return result
        forms, status = result
    return TemplateResponse(request, "discussion/discussion.html", discussion.context(forms), status=status)
