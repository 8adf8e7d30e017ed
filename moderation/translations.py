"""Translations in moderation: who submits them for review, and none goes live incomplete by accident.

- may_submit_for_review: anyone who may edit a translation may submit it into the page's workflow
  (the "Submit translation for review" button in the page's menu and in the translation editor).
- confirm_before_publishing_incomplete: wagtail-localize publishes a translation with missing
  segments filled in from the source language (its editor's "Publish" POSTs the page's edit form
  with action=publish), so one click could put a Norwegian page live with Swedish paragraphs. This
  `before_edit_page` hook runs before wagtail-localize's own and answers such a POST with a
  confirmation page listing the untranslated segments; publishing goes ahead only when the POST
  carries CONFIRM_FIELD ("Publish anyway").

Submitting a translation for review is not stopped: it publishes nothing, and the submit page lists
the same segments, so the translator sees them and the reviewer decides."""

from django.core.exceptions import FieldDoesNotExist
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import strip_tags

from portal.i18n import synced_translation

CONFIRM_FIELD = "erfa-publish-incomplete"


def may_submit_for_review(page, user):
    """A translation `user` may edit that has changes to review and is not under review already."""
    if page.workflow_in_progress or (page.live and not page.has_unpublished_changes):
        return False
    return page.permissions_for_user(user).can_edit() and synced_translation(page) is not None


def field_label(model, path):
    """The field a segment belongs to, by its verbose name ("body.<block id>.text" is in "body")."""
    name = path.split(".", 1)[0]
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    # An inline panel's rows (a network's facilitators, say) are a relation, named by the related model.
    return str(getattr(field, "verbose_name", None) or field.related_model._meta.verbose_name_plural)


def untranslated_segments(translation, model):
    """[{"field": …, "text": …}] for each source segment without a (valid) translation, in page order."""
    segments = (
        translation.source.stringsegment_set.all()
        .order_by("order")
        .select_related("context", "string")
        .annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
    )
    return [{"field": field_label(model, s.context.path), "text": strip_tags(s.string.data)} for s in segments]


def confirm_before_publishing_incomplete(request, page):
    """The before_edit_page hook: a confirmation page instead of publishing an incomplete translation."""
    if request.method != "POST" or request.POST.get("action") != "publish" or request.POST.get(CONFIRM_FIELD):
        return None
    if not page.permissions_for_user(request.user).can_publish():
        return None  # wagtail-localize refuses the POST itself
    translation = synced_translation(page)
    if translation is None:
        return None
    missing = untranslated_segments(translation, page.specific_class)
    if not missing:
        return None
    return TemplateResponse(
        request,
        "moderation/confirm_incomplete_translation.html",
        {
            "page": page,
            "target_language": translation.target_locale.get_display_name(),
            "segments": missing,
            "confirm_field": CONFIRM_FIELD,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        },
    )
