"""The front-end pages of a shared learning: /<lang>/share/, /<lang>/share/<id>/, its autosave and
/<lang>/contributions/. All of them show the reader's own drafts: never cached, for no one else.

Thin: the rules are in drafts.py, the page in submission.py, the e-mail in invitations.py.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from casestudies.learning import drafts
from casestudies.learning.forms import InviteForm, LearningForm, visible_methods, visible_networks
from casestudies.learning.invitations import invite
from casestudies.learning.submission import NoCaseStudyIndex, submit
from casestudies.models import LearningDraft
from networks.models import Gathering
from portal.languages import base_code

FORM_TEMPLATE = "casestudies/learning/share.html"


def _language():
    return base_code(translation.get_language()) or "en"


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _initial_from_query(request):
    """?method=, ?network=, ?gathering=, ?example= from an entry point; anything unknown is ignored."""
    initial = {}
    for name, choices in (("method", visible_methods), ("network", visible_networks)):
        pk = _int(request.GET.get(name))
        if pk is not None:
            # The entry point names the version it showed; the choice is the reader's version of that page.
            visible = choices(request)
            same_page = visible.model.objects.filter(pk=pk).values("translation_key")
            choice = visible.filter(translation_key__in=same_page).first()
            if choice is not None:
                initial[name] = choice.pk
    if request.GET.get("gathering"):
        initial["gathering"] = request.GET["gathering"][:40]
        if "network" not in initial:
            # A gathering's "share what you learned" names the gathering only; its network goes with it.
            network = _network_of_gathering(request, initial["gathering"])
            if network is not None:
                initial["network"] = network
    example = _int(request.GET.get("example"))
    if example is not None:
        initial["example"] = example
    return initial


def _network_of_gathering(request, key):
    """The reader's visible version of the network that holds the gathering `key`, by its pk; or None."""
    try:
        holders = Gathering.objects.filter(translation_key=key).values("page__translation_key")
        return visible_networks(request).filter(translation_key__in=holders).values_list("pk", flat=True).first()
    except (ValueError, ValidationError):
        return None


def _render(request, form, draft, status=200, invite_form=None):
    state = drafts.status_of(draft) if draft is not None and draft.pk else None
    context = {
        "form": form,
        "draft": draft if draft is not None and draft.pk else None,
        "state": state,
        "is_author": draft is None or draft.author_id == request.user.pk,
        "invite_form": invite_form or (InviteForm(draft=draft) if draft is not None and draft.pk else None),
        "co_authors": list(draft.co_authors.order_by("first_name", "username")) if draft and draft.pk else [],
        "submitted": _submitted(form, draft) if state is not None and not state.editable else [],
    }
    return render(request, FORM_TEMPLATE, context, status=status)


def _submitted(form, draft):
    """(field, value) for each answer of a learning in review, as its author reads it back."""
    rows = []
    for name in ("title", "workplace", "activity", "date", "best", "learn", "keep_and_develop", "method", "network"):
        value = getattr(draft, name, None)
        if name == "date" and value:
            value = formats.date_format(value, "DATE_FORMAT")
        elif name in ("method", "network") and value is not None:
            value = value.title
        rows.append((form[name], value))
    return rows


@never_cache
@login_required
def share(request):
    if request.method == "POST":
        return _post(request, None)
    return _render(request, LearningForm(initial=_initial_from_query(request), request=request), None)


@never_cache
@login_required
def edit(request, pk):
    draft = drafts.draft_for(request.user, pk)
    if request.method == "POST":
        if request.POST.get("action") == "invite":
            return _invite(request, draft)
        if not drafts.status_of(draft).editable:
            messages.error(request, _("This learning is in review and cannot be changed now."))
            return redirect("learning_contributions")
        return _post(request, draft)
    return _render(request, LearningForm(instance=draft, request=request), draft)


def _post(request, draft):
    submitting = request.POST.get("action") == "submit"
    if draft is None:
        if drafts.new_draft_limited(request.user):
            form = LearningForm(request.POST, request=request)
            form.add_error(None, _("You have started many learnings in the last hour. Please try again later."))
            return _render(request, form, None, status=429)
        draft = LearningDraft(author=request.user, language=_language())
    form = LearningForm(request.POST, instance=draft, request=request)
    if not form.is_valid():
        return _render(request, form, draft, status=400)
    if draft.pk is None and not draft.has_writing():
        # Nothing written yet: no empty "Untitled learning" for the contributions list. To submit, the
        # required fields are marked as for any submission.
        form = LearningForm(request.POST, instance=draft, request=request, submitting=submitting)
        form.is_valid()
        form.add_error(None, _("Nothing is saved yet: write your learning first."))
        return _render(request, form, None, status=400)
    draft = form.save()
    if not submitting:
        messages.success(request, _("Your draft is saved."))
        return redirect(draft.get_edit_url(_language()))
    # The text is saved above whatever happens next: a failed submission loses nothing.
    if draft.author_id != request.user.pk:
        form.add_error(None, _("Only the author can submit the learning. Your changes are saved."))
        return _render(request, form, draft, status=403)
    form = LearningForm(request.POST, instance=draft, request=request, submitting=True)
    if not form.is_valid():
        form.add_error(None, _("Your text is saved as a draft. Fill in the marked fields to submit it."))
        return _render(request, form, draft, status=400)
    if drafts.submit_limited(request.user):
        form.add_error(
            None, _("You have submitted many learnings in the last hour. Your text is saved; please submit it later.")
        )
        return _render(request, form, draft, status=429)
    try:
        submit(draft, request.user)
    except NoCaseStudyIndex:
        form.add_error(
            None, _("Learnings cannot be submitted yet: the site has no case study section. Your text is saved.")
        )
        return _render(request, form, draft, status=503)
    messages.success(request, _("Thank you! Your learning is submitted for review."))
    return redirect("learning_contributions")


@never_cache
@login_required
def delete(request, pk):
    """GET asks "delete this draft?"; POST deletes it (LearningDraft.may_be_deleted_by: its author, never submitted)."""
    draft = drafts.draft_for(request.user, pk)
    if not draft.may_be_deleted_by(request.user):
        messages.error(request, _("Only its author can delete a learning, and only before it is submitted."))
        return redirect("learning_contributions")
    if request.method == "POST":
        title = str(draft)
        draft.delete()
        messages.success(request, _("The draft ‘%(title)s’ is deleted.") % {"title": title})
        return redirect("learning_contributions")
    return render(request, "casestudies/learning/delete.html", {"draft": draft})


def _invite(request, draft):
    if draft.author_id != request.user.pk:
        messages.error(request, _("Only the author can invite colleagues."))
        return redirect(draft.get_edit_url(_language()))
    invite_form = InviteForm(request.POST, draft=draft)
    if drafts.invite_limited(request.user):
        invite_form.add_error(None, _("You have invited many colleagues in the last hour. Please try again later."))
        return _render(request, LearningForm(instance=draft, request=request), draft, 429, invite_form)
    if not invite_form.is_valid():
        return _render(request, LearningForm(instance=draft, request=request), draft, 400, invite_form)
    colleague = invite_form.cleaned_data["colleague"]
    invite(draft, colleague, request)
    name = colleague.get_full_name() or colleague.get_username()
    messages.success(request, _("%(name)s is invited and can now add to the learning.") % {"name": name})
    return redirect(draft.get_edit_url(_language()))


@never_cache
@login_required
@require_POST
def autosave(request, pk=None):
    """The form's fields, saved as they are (JavaScript posts them a few seconds after typing stops)."""
    if drafts.autosave_limited(request.user):
        return JsonResponse({"saved": False, "message": _("Not saved: too many saves. Use “Save draft”.")}, status=429)
    if pk is None:
        if drafts.new_draft_limited(request.user):
            return JsonResponse({"saved": False, "message": _("Not saved: too many new learnings.")}, status=429)
        draft = LearningDraft(author=request.user, language=_language())
    else:
        draft = drafts.draft_for(request.user, pk)
        if not drafts.status_of(draft).editable:
            return JsonResponse({"saved": False, "message": _("Not saved: the learning is in review.")}, status=409)
    form = LearningForm(request.POST, instance=draft, request=request)
    if not form.is_valid():
        errors = {name: [str(error) for error in errors] for name, errors in form.errors.items()}
        return JsonResponse(
            {"saved": False, "message": _("Not saved: please check the marked fields."), "errors": errors}, status=400
        )
    if draft.pk is None and not draft.has_writing():
        # A method picked or a letter typed and deleted is not yet a learning: autosave keeps to the rule of
        # "Save draft" (above) and makes no empty "Untitled learning"; the status stays quiet.
        return JsonResponse({"saved": False, "message": ""})
    draft = form.save()
    time = formats.time_format(timezone.localtime(draft.updated), "TIME_FORMAT")
    return JsonResponse(
        {
            "saved": True,
            "id": draft.pk,
            "edit_url": draft.get_edit_url(_language()),
            "autosave_url": draft.get_autosave_url(_language()),
            "message": _("Saved at %(time)s") % {"time": time},
        }
    )


@never_cache
@login_required
def contributions(request):
    rows = drafts.statuses(
        LearningDraft.objects.editable_by(request.user)
        .select_related("author", "case_study")
        .order_by("-updated", "-pk")
    )
    return render(request, "casestudies/learning/contributions.html", {"rows": rows})
