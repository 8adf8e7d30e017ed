"""Submitting a shared learning: it becomes a draft case study in the author's language, in review.

Done here, not through the admin: the author is an employee who may have no admin access at all. The
page is created (or, after "changes requested", its draft revision updated) as the author, who owns
it, and the Communications review starts or resumes as Wagtail's own "Submit" does
(wagtail/admin/views/pages/edit.py, submit_action).
"""

from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import format_html, linebreaks
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale, WorkflowState

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, LearningDraft
from networks.models import Gathering
from people.models import ResourcePersonPage
from portal.models import Organisation


class NoCaseStudyIndex(Exception):
    """The author's language has no case-study index to put the learning under."""


def index_for(language):
    locale = Locale.objects.filter(language_code=language).first()
    index = CaseStudyIndexPage.objects.filter(locale=locale).order_by("path").first() if locale else None
    if index is None:
        index = CaseStudyIndexPage.objects.filter(locale=Locale.get_default()).order_by("path").first()
    if index is None:
        raise NoCaseStudyIndex
    return index


def _in_locale(page, locale):
    """The version of a linked page in the case study's language, when there is one."""
    if page is None:
        return None
    return page.get_translation_or_none(locale) or page


def _unique_slug(parent, title):
    base = slugify(title, allow_unicode=True)[:70] or "learning"
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _context_html(draft):
    """The context section: workplace, activity and date, and the gathering or example it came from."""
    lines = []
    if draft.workplace:
        lines.append(format_html("<p><b>{}</b> {}</p>", _("Workplace:"), draft.workplace))
    if draft.activity:
        lines.append(format_html("<p><b>{}</b> {}</p>", _("Activity:"), draft.activity))
    if draft.date:
        lines.append(format_html("<p><b>{}</b> {}</p>", _("Date:"), draft.date.isoformat()))
    if draft.gathering_key:
        gathering = Gathering.objects.filter(translation_key=draft.gathering_key).order_by("pk").first()
        if gathering is not None:
            lines.append(format_html("<p><b>{}</b> {}</p>", _("Gathering:"), gathering.title))
    if draft.example_id:
        lines.append(format_html("<p><b>{}</b> {}</p>", _("Anchored example:"), draft.example.example.title))
    return "".join(lines)


def _as_editor_stores(field_name, html):
    """`html` as the admin's rich-text editor stores it (paragraphs with their block keys).

    Otherwise a reviewer who opens the page and approves from the editor changes it without typing a
    word (the editor normalises the HTML), and the review setting asks for approval of that edit again.
    """
    widget = CaseStudyPage._meta.get_field(field_name).formfield().widget
    return widget.value_from_datadict({field_name: widget.format_value(html)}, {}, field_name)


def _fill(page, draft, locale):
    with translation.override(draft.language):
        page.title = draft.title
        page.context = _as_editor_stores("context", _context_html(draft))
    page.summary = draft.activity[:300]
    page.period_start = draft.date
    for field_name, text in (
        ("lesson_what_we_do_best", draft.best),
        ("lesson_what_we_can_learn", draft.learn),
        ("lesson_what_to_keep_or_develop", draft.keep_and_develop),
    ):
        setattr(page, field_name, _as_editor_stores(field_name, linebreaks(text, autoescape=True)))
    page.network = _in_locale(draft.network, locale)
    method = _in_locale(draft.method, locale)
    page.methods_used = [method] if method else []
    organisation = (
        Organisation.objects.filter(name__iexact=draft.workplace.strip()).first() if draft.workplace else None
    )
    page.organisations = [organisation] if organisation else []
    profiles = ResourcePersonPage.objects.filter(user=draft.author)
    page.content_owner = profiles.filter(locale=locale).first() or profiles.order_by("pk").first()


@transaction.atomic
def submit(draft, user):
    """Create or update the draft's case study and put it into review. Returns the page."""
    draft = LearningDraft.objects.select_for_update().get(pk=draft.pk)
    if draft.case_study_id:
        page = draft.case_study.specific.get_latest_revision_as_object()
        locale = page.locale
        _fill(page, draft, locale)
        page.save_revision(user=user, log_action=True)
    else:
        index = index_for(draft.language)
        locale = index.locale
        page = CaseStudyPage(live=False, owner=draft.author, locale=locale)
        _fill(page, draft, locale)
        page.slug = _unique_slug(index, draft.title)
        index.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
    page = CaseStudyPage.objects.get(pk=page.pk)
    workflow_state = page.current_workflow_state
    if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        workflow_state.resume(user)
    elif workflow_state is None or workflow_state.status != WorkflowState.STATUS_IN_PROGRESS:
        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, user)
    draft.case_study = page
    draft.state = LearningDraft.State.SUBMITTED
    draft.submitted_at = timezone.now()
    draft.save(update_fields=["case_study", "state", "submitted_at", "updated"])
    return page
