"""A team's progress plan or final report: drafting, the sign-off step, its history, old versions, exports.

Outsiders (signed in, may see the network) read only the last signed-off version; drafts and waiting
versions reach only the team, its manager and the network's facilitators (networks/teams/access.py).
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState

from caching.personal import personal
from networks.models.plans import Kind, State, shown_actions
from networks.teams import flow, publish
from networks.teams.exports import EXPORTS
from networks.teams.forms import DecisionForm, PlanForm
from networks.teams.pages import (
    EXPORT_ROUTE,
    PLAN_ROUTE,
    TEAM_ROUTE,
    VERSION_ROUTE,
    access_for,
    respond,
    team_of,
    url,
)
from portal.i18n import reader_page_url
from portal.languages import base_code


def _load(network, request, team_id, kind):
    if flow.kind_or_none(kind) is None:
        raise Http404
    access = access_for(network, request)
    if access is None:
        return None, None, None
    team = team_of(network, team_id)
    return access, team, flow.plan_of(team, kind, base_code(get_language()))


def plan_page(network, request, team_id, kind):
    access, team, plan = _load(network, request, team_id, kind)
    if access is None:
        return redirect_to_login(request.get_full_path())
    here = url(network, request, PLAN_ROUTE, team.pk, kind)
    # The forms post to their own anchors (#draft, #sign-off); a browser keeps that anchor across the
    # redirect unless it gets another, and the message saying what happened is at the top of #main.
    done = here + "#main"
    may_draft = access.may_draft(team) and plan.state != State.WAITING
    may_decide = access.may_sign_off(team) and plan.state == State.WAITING
    form = PlanForm(plan=plan) if may_draft else None
    decision = DecisionForm() if may_decide else None
    if request.method == "POST":
        action = request.POST.get("action")
        if action in ("save", "submit"):
            if not may_draft:
                raise PermissionDenied
            form = PlanForm(request.POST, plan=plan)
            if form.is_valid() and (action == "save" or form.complete_for_sign_off()):
                if action == "submit":
                    flow.submit(plan, request.user, form.content(), base_code(get_language()))
                    messages.success(request, _("Submitted. The manager has been asked to sign it off."))
                else:
                    flow.save_draft(plan, form.content(), request.user, base_code(get_language()))
                    messages.success(request, _("The draft is saved."))
                return HttpResponseRedirect(done)
        elif action in ("sign_off", "send_back"):
            if not may_decide:
                raise PermissionDenied
            decision = DecisionForm(request.POST, sending_back=action == "send_back")
            if decision.is_valid():
                comment = decision.cleaned_data["comment"]
                if action == "sign_off":
                    flow.sign_off(plan, request.user, comment)
                    messages.success(request, _("Signed off. It is now shared with the network."))
                else:
                    flow.send_back(plan, request.user, comment)
                    messages.success(request, _("Sent back to the team with your comment."))
                return HttpResponseRedirect(done)
        elif action == "publish":
            if not publish.may_publish(access, team, plan):
                raise PermissionDenied
            update, created = publish.publish_as_update(network, plan, request.user)
            if created:
                messages.success(
                    request,
                    _("A draft network update “%(title)s” was created and sent to Communications for review.")
                    % {"title": update.title},
                )
            else:
                # A second click or a stale tab: the update exists, so say so instead of making another.
                already = _("This report was already sent as a network update: “%(title)s”.")
                messages.info(request, already % {"title": update.title})
            return HttpResponseRedirect(done)
        else:
            raise PermissionDenied
    insider = access.is_insider(team)
    shown = (plan.versions.first() if insider else flow.shared_version(plan)) if plan.pk else None
    if shown is None and not insider:
        raise Http404
    publication = publication_of(request, plan, insider)
    history = [
        {"version": version, "url": url(network, request, VERSION_ROUTE, team.pk, kind, version.number)}
        for version in (plan.versions.select_related("author") if plan.pk else [])
        if insider or version.state == State.SIGNED_OFF
    ]
    return respond(
        request,
        "networks/teams/plan.html",
        network,
        {
            "team": team,
            "plan": plan,
            "saved_plan": plan if plan.pk else None,
            "shown": shown,
            "actions": shown_actions(shown.content, get_language()) if shown else [],
            "history": history,
            "insider": insider,
            "here": here,
            "form": form,
            "decision": decision,
            "may_publish": publication is None and publish.may_publish(access, team, plan),
            "publication": publication,
            "team_url": url(network, request, TEAM_ROUTE, team.pk),
            "exports": export_links(network, request, team, kind, shown),
        },
    )


def publication_of(request, plan, insider):
    """The network update made from the signed-off report, for those who may see it, or None:
    {"update", "url", "needs_changes", "withdrawn", "comment"}.

    A published update is public content: every reader sees it, linked. One still in review is the
    team's business: only insiders hear of it, linked to the admin's editor only for those who may edit it.
    When Communications sends it back, the team and its manager hear so here, with the reviewer's comment:
    Wagtail's own e-mail reaches only whoever asked for the update."""
    if not plan.pk or plan.kind != Kind.REPORT:
        return None
    update = publish.update_of(plan, base_code(get_language()))
    if update is None or not (update.live or insider):
        return None
    needs_changes, withdrawn, comment = False, False, ""
    if update.live:
        link = reader_page_url(update, request)
    else:
        may_edit = update.permissions_for_user(request.user).can_edit()
        link = reverse("wagtailadmin_pages:edit", args=(update.pk,)) if may_edit else ""
        # One query: the active workflow state joined with the task state it stopped at, which keeps the
        # reviewer's comment; the base TaskState's get_comment() reads that column without fetching the
        # specific task state. (Wagtail's prefetch_workflow_states() finds nothing on a queryset of one
        # page type that is not .specific(), so it would save no query here.)
        state = update.current_workflow_state
        # No review under way for an update that is not live: whoever asked for it withdrew it from review.
        withdrawn = state is None
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            needs_changes = True
            comment = state.current_task_state.get_comment() if state.current_task_state else ""
    return {"update": update, "url": link, "needs_changes": needs_changes, "withdrawn": withdrawn, "comment": comment}


def export_links(network, request, team, kind, version):
    if version is None:
        return []
    return [
        {"format": name.upper(), "url": url(network, request, EXPORT_ROUTE, team.pk, kind, version.number, name)}
        for name in EXPORTS
    ]


def _version(network, request, team_id, kind, number):
    access, team, plan = _load(network, request, team_id, kind)
    if access is None:
        return None, None
    version = plan.versions.filter(number=number).first() if plan.pk else None
    # An outsider gets the same answer for a draft as for a version that does not exist.
    if version is None or not access.may_view_version(team, version):
        raise Http404
    return team, version


def version_page(network, request, team_id, kind, number):
    team, version = _version(network, request, team_id, kind, number)
    if version is None:
        return redirect_to_login(request.get_full_path())
    return respond(
        request,
        "networks/teams/version.html",
        network,
        {
            "team": team,
            "plan": version.plan,
            "shown": version,
            "actions": shown_actions(version.content, get_language()),
            "plan_url": url(network, request, PLAN_ROUTE, team.pk, kind),
            "exports": export_links(network, request, team, kind, version),
        },
    )


def export(network, request, team_id, kind, number, file_format):
    if file_format not in EXPORTS:
        raise Http404
    team, version = _version(network, request, team_id, kind, number)
    if version is None:
        return redirect_to_login(request.get_full_path())
    content_type, build = EXPORTS[file_format]
    response = HttpResponse(build(version), content_type=content_type)
    name = f"{slugify(team.name) or 'team'}-{Kind(kind).label}-v{version.number}"
    response["Content-Disposition"] = content_disposition_header(True, f"{slugify(name)}.{file_format}")
    personal(response)
    return response
