"""Translating demo items the way an editor would: through wagtail-localize's translation memory.

For each source segment we store a StringTranslation with the text a lookup gives, then let
wagtail-localize build (or update) the target page or snippet from them.
"""

from html import unescape

from django.db.models import ForeignKey
from modelcluster.models import get_all_child_relations
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from demo.publishing import publish


def translate(instance, locales, lookup, missing=None, finish=None):
    """Translate `instance` into each of `locales`; `lookup(code)(source_text)` gives the text in the
    language `code`, or None. Returns the translations by language code.

    Segments the lookup does not know keep their source text and are reported in `missing`.
    Pages are saved as a draft and then published here, not by wagtail-localize: it defers
    publishing to the end of the transaction, after the page links below have been fixed.
    `finish(target)` may change a target page further before it is published.
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    targets = {}
    for locale in locales:
        code = locale.language_code
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        store_string_translations(instance, segments, locale, lookup(code), missing)
        if not isinstance(instance, Page):
            translation.save_target(publish=True)
            targets[code] = instance.get_translation(locale)
            continue
        translation.save_target(publish=False)
        target = instance.get_translation(locale).specific
        localize_page_links(target)
        if finish is not None:
            finish(target)
        publish(target)
        targets[code] = target
    return targets


def store_string_translations(instance, segments, locale, lookup, missing):
    """A manual StringTranslation per segment: what an editor typing the text in would leave."""
    texts = {}
    for segment in segments:
        text = lookup(segment.string.data)
        if text is None:
            text = unescape(segment.string.data)
            if missing is not None:
                missing.append(f"{type(instance).__name__} {instance.pk} {segment.context.path} ({locale}): {text}")
        texts[segment.string_id, segment.context_id] = StringValue.from_plaintext(text).data
    existing = StringTranslation.objects.filter(
        locale=locale,
        translation_of__in={string for string, _context in texts},
        context__in={context for _string, context in texts},
    )
    changed = []
    for row in existing:
        data = texts.pop((row.translation_of_id, row.context_id), None)
        if data is not None and (row.data, row.translation_type) != (data, StringTranslation.TRANSLATION_TYPE_MANUAL):
            row.data, row.translation_type = data, StringTranslation.TRANSLATION_TYPE_MANUAL
            changed.append(row)
    StringTranslation.objects.bulk_update(changed, ["data", "translation_type"])
    # Plain text made into HTML here is always valid: no need for save()'s check of translated HTML.
    StringTranslation.objects.bulk_create(
        StringTranslation(
            translation_of_id=string,
            context_id=context,
            locale=locale,
            data=data,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        )
        for (string, context), data in texts.items()
    )


def localize_page_links(page):
    """Point foreign keys to pages (on the page and its inline rows) at the page's own locale.

    wagtail-localize copies page foreign keys unchanged, so an English network would otherwise
    name its Norwegian facilitator's profile. Pages with no translation yet are left as they are.
    """
    localize_row_links(page, page.locale)
    for relation in get_all_child_relations(type(page)):
        manager = getattr(page, relation.get_accessor_name())
        rows = list(manager.all())
        for row in rows:
            localize_row_links(row, page.locale)
        # modelcluster keeps the rows in memory; the page's next revision saves them.
        manager.set(rows)


def localize_row_links(row, locale):
    for field in row._meta.concrete_fields:
        if not isinstance(field, ForeignKey) or not issubclass(field.related_model, Page):
            continue
        if field.remote_field.parent_link or field.name == "page":
            continue
        linked = getattr(row, field.name)
        if linked is None or linked.locale_id == locale.pk:
            continue
        localized = linked.get_translation_or_none(locale)
        if localized is not None:
            setattr(row, field.name, localized)
