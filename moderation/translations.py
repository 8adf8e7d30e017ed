"""Translations in moderation: who submits them for review, and none goes live incomplete by accident.

- may_submit_for_review: anyone who may edit a translation may submit it into the page's workflow
  (the "Submit translation for review" button in the page's menu and in the translation editor).
- save_translation_draft: wagtail-localize's translation editor keeps each edit as a StringTranslation
  or SegmentOverride and writes none of them to the page until its "Publish" (Translation.save_target),
  which only publishers have. What a translator submits is written as a draft revision first
  (has_changes_to_review tells whether there is anything new to write), so the review sees, and its
  approval publishes, the translation as it stands in the editor; the live page is not touched.
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
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail_localize.models import SegmentOverride, StringTranslation, TranslationLog

from portal.i18n import synced_translation

CONFIRM_FIELD = "erfa-publish-incomplete"


def may_submit_from_editor(page, user):
    """A synced translation `user` may edit that is not under review: the translation editor offers to submit it.

    Its edits are saved as they are typed, without reloading the page, so the way to submit stands there
    before the first edit; the submit view says so when there is nothing new to review.
    """
    if page.workflow_in_progress or not page.permissions_for_user(user).can_edit():
        return False
    return synced_translation(page) is not None


def may_submit_for_review(page, user):
    """A translation `user` may edit that has changes to review and is not under review already."""
    if page.workflow_in_progress or not page.permissions_for_user(user).can_edit():
        return False
    translation = synced_translation(page)
    return translation is not None and has_changes_to_review(page, translation)


def has_changes_to_review(page, translation):
    """Whether a review of `page`, the target of the synced `translation`, would see anything new.

    A draft not yet published counts, and so do edits in the translation editor (or a source update
    synced into it) since the page's latest revision: wagtail-localize keeps those apart from the page.
    An edit that only removes a translation leaves no date behind, and is not seen here.
    """
    since = page.latest_revision_created_at
    if not page.live or page.has_unpublished_changes or since is None:
        return True
    if translation.source.last_updated_at > since:
        return True
    edited_since = {
        "locale_id": translation.target_locale_id,
        "context__object_id": translation.source.object_id,
        "updated_at__gt": since,
    }
    return StringTranslation.objects.filter(**edited_since).exists() or (
        SegmentOverride.objects.filter(**edited_since).exists()
    )


def save_translation_draft(translation, user):
    """A draft revision of the translation's target page with the text the translation editor holds now.

    wagtail-localize's own ephemeral translated instance (what its preview shows) is saved as a revision
    only: Wagtail's save_revision writes the draft and leaves the live page's content as it is (the
    library's save_target(publish=False) would save the content onto the page row, live or not). Source
    text stands in for what is not translated yet, as in wagtail-localize's "Publish". The slug is made
    valid and unique as wagtail-localize makes it. Raises ValidationError when the page does not validate.
    """
    page = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    page.slug = find_available_slug(page.get_parent(), slugify(page.slug), ignore_page_id=page.pk)
    revision = page.save_revision(user=user, log_action=True)
    TranslationLog.objects.create(source=translation.source, locale=translation.target_locale, revision=revision)
    return revision


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
