"""What a result shows: type, summary, a highlighted snippet, language and date."""

import re
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import CharField, DateField, F, IntegerField, TextField, Value
from django.db.models.functions import Cast, Coalesce
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from wagtail.images import get_image_model

from people.renditions import AVATAR_SPECS
from portal import compiled, fragments
from portal.i18n import reader_path_url
from portal.renditions import prefetch_renditions

SNIPPET_LENGTH = 240
LANGUAGE_NAMES = dict(settings.LANGUAGES)
# Tags that begin or end a block or a line: the words on either side are separate words, so each becomes a
# space ("…till nästa gång.</p><p>Dagordningar…" is not "gång.Dagordningar"). One linear pass.
BLOCK_TAG = re.compile(
    r"<(?:/?(?:p|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|div|section|article|aside|header|footer|figure|figcaption"
    r"|pre|table|thead|tbody|tr|td|th|caption)|br|hr|img|embed)(?=[\s/>])[^<>]*>",
    re.IGNORECASE,
)


def plain_text(html):
    """The words of ``html`` without its tags, a space where a block or line ends, single spaces."""
    return " ".join(strip_tags(BLOCK_TAG.sub(" ", html or "")).split())


def stem_prefix(term):
    """A term's first letters, so that "nätverken" also marks "nätverk" and "meetings" marks "meeting"."""
    return term[: max(4, len(term) - 3)] if len(term) > 4 else term


def highlight(text, terms, length=SNIPPET_LENGTH):
    """An escaped excerpt of ``text`` around the first match, with the matching words in <mark>."""
    text = plain_text(text)
    if not text:
        return ""
    prefixes = sorted({stem_prefix(term) for term in terms}, key=len, reverse=True)
    if not prefixes:
        return escape(text[:length]) + ("…" if len(text) > length else "")
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in prefixes) + r")\w*", re.IGNORECASE)
    first = pattern.search(text)
    start = max(0, first.start() - length // 3) if first else 0
    end = start + length
    # Whole words at both ends: "…nskap, när alla" read as a typing error.
    if start and not text[start - 1].isspace():
        space = text.find(" ", start, first.start())
        start = space + 1 if space != -1 else start
    if end < len(text) and not text[end].isspace():
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    excerpt = text[start:end]
    parts, last = [], 0
    for match in pattern.finditer(excerpt):
        parts.append(escape(excerpt[last : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    parts.append(escape(excerpt[last:]))
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)  # noqa: S308 - every piece of text is escaped above.


# The fields a snippet is cut from, after the title; a page type has some of them. Only plain and rich
# text: rendering a StreamField could fetch embeds.
TEXT_FIELDS = (
    "summary",
    "search_description",
    "intro",
    "purpose",
    "description",
    "ask_me_about",
    "bio",
    "context",
    "challenge",
    "results",
)
DATES = ("date", "last_published_at", "latest_revision_created_at")
# A result's picture: a person's photo, or the image of a case study, network or method, with what
# finding its rendition needs, read in the same query (a LEFT JOIN in each part that has one).
PICTURE_FIELDS = ("photo", "image")
# A result's thumbnail, unless it is a person's avatar (templates/search/search.html).
THUMBNAIL_SPEC = "fill-192x108"
PICTURE_COLUMNS = (
    "id",
    "file",
    "width",
    "height",
    "focal_point_x",
    "focal_point_y",
    "focal_point_width",
    "focal_point_height",
    "file_hash",
    "collection_id",
    # Wagtail reads the default alt text even when the template gives alt="".
    "title",
    "description",
)
COLUMNS = ("pk", "title", "url_path", "language", *TEXT_FIELDS, *DATES, *(f"picture_{c}" for c in PICTURE_COLUMNS))


@dataclass
class Result:
    """What a result needs of its page: no model instance, so every page type comes from one query."""

    pk: int
    title: str
    url_path: str
    language: str
    texts: dict
    date: object

    @property
    def summary(self):
        return self.texts.get("summary") or self.texts.get("search_description") or ""


def text_column(model, name):
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return Value("", output_field=TextField())
    if isinstance(field, CharField | TextField):
        return Coalesce(F(name), Value(""), output_field=TextField())
    return Value("", output_field=TextField())


def picture_field(model):
    return next((name for name in PICTURE_FIELDS if any(f.name == name for f in model._meta.concrete_fields)), None)


def picture_columns(model):
    name = picture_field(model)
    image_model = get_image_model()
    columns = {}
    for column in PICTURE_COLUMNS:
        if name:
            columns[f"row_picture_{column}"] = F(f"{name}__{column}")
        else:
            # Typed NULLs: PostgreSQL must match each column's type across the UNION's parts.
            field = next(field for field in image_model._meta.concrete_fields if field.attname == column)
            output = IntegerField() if field.is_relation else field.__class__(**_length(field))
            columns[f"row_picture_{column}"] = Cast(Value(None), output_field=output)
    return columns


def _length(field):
    return {"max_length": field.max_length} if getattr(field, "max_length", None) else {}


def picture_of(row):
    """The result's image from its row, as Wagtail's model (no query), or None."""
    if row["picture_id"] is None:
        return None
    model = get_image_model()
    # from_db takes the values in the order of the model's fields.
    names = [field.attname for field in model._meta.concrete_fields if field.attname in PICTURE_COLUMNS]
    return model.from_db(model.objects.db, names, [row[f"picture_{name}"] for name in names])


def rows_of(model, pks):
    """One UNION part: the pages of one type as COLUMNS."""
    try:
        has_date = isinstance(model._meta.get_field("date"), DateField)
    except FieldDoesNotExist:
        has_date = False
    columns = {
        "row_pk": F("pk"),
        "row_title": F("title"),
        "row_url_path": F("url_path"),
        "row_language": F("locale__language_code"),
        **{f"row_{name}": text_column(model, name) for name in TEXT_FIELDS},
        # A typed NULL: PostgreSQL takes a bare NULL in a UNION for text, which a date column then cannot match.
        "row_date": F("date") if has_date else Cast(Value(None), output_field=DateField()),
        "row_last_published_at": F("last_published_at"),
        "row_latest_revision_created_at": F("latest_revision_created_at"),
        **picture_columns(model),
    }
    return model.objects.filter(pk__in=pks).annotate(**columns).values_list(*columns).order_by()


def page_rows(hits):
    """{page id: (model, row)} for the hits, one UNION ALL query with a part per page type.

    Unlike ``.specific()`` (a query per type) or a LEFT JOIN of every page type's table (which
    PostgreSQL's planner misjudges into JIT compiling for seconds), each part joins only its own tables.
    """
    by_type = defaultdict(list)
    for hit in hits:
        by_type[hit.content_type_id].append(hit.pk)
    types, models = {}, {}
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        models.update(dict.fromkeys(pks, model))
        types[model] = tuple(pks)
    if not types:
        return {}

    def build():
        first, *rest = [rows_of(model, pks) for model, pks in types.items()]
        return first.union(*rest, all=True).order_by() if rest else first

    # The SQL names the hits and nothing else: compiled once per process for them (portal.compiled), so
    # a query searched again, or a facet chosen, only runs it.
    rows = compiled.rows(("search-rows", tuple(types.items())), build)
    return {row[0]: (models[row[0]], dict(zip(COLUMNS, row, strict=True))) for row in rows}


def page_text(row, shown=""):
    """The text a snippet is cut from: the page's text fields that the result does not already show.

    The title is the result's heading and ``shown`` its summary line, so neither is repeated.
    """
    shown = plain_text(shown)
    texts = []
    for name in TEXT_FIELDS:
        text = plain_text(row[name])
        if text and text != shown and text != row["title"] and text not in texts:
            texts.append(text)
    return " ".join(texts)


def snippet(row, terms, summary):
    """Highlighted text beyond the title and summary; with a summary shown, only text where a term matches."""
    excerpt = highlight(page_text(row, summary), terms)
    if summary and terms and "<mark>" not in excerpt:
        return ""
    return excerpt


def result_items(hits, terms, request=None, language=None):
    """One page of results (search.service.Hit), in rank order, ready for the template, in one query.

    Each links under the reader's ``language`` prefix: a page without a version in that
    language opens inside the reader's interface, with the fallback notice. The link is made
    from the page's url_path (as in listings read with values()), so no site lookup is needed.

    The rows of a page of hits are kept for the reader's class (portal.fragments) until anything
    changes: the same hits (a query searched again, a later page) read no rows. The hits themselves
    were judged for the reader before; a row is a page's own fields.
    """
    if request is None:
        rows = page_rows(hits)
    else:
        rows = fragments.shared(("search-rows", tuple(hit.pk for hit in hits)), lambda: page_rows(hits), request)
    items = []
    for hit in hits:
        if hit.pk not in rows:
            continue
        model, row = rows[hit.pk]
        code = row["language"]
        page = Result(row["pk"], row["title"], row["url_path"], code, row, row["date"])
        items.append(
            {
                "page": page,
                "url": reader_path_url(row["url_path"], code, language),
                "type": model._meta.verbose_name,
                "summary": page.summary,
                "snippet": snippet(row, terms, page.summary),
                "language": code,
                "language_name": LANGUAGE_NAMES.get(code, code),
                "date": row["date"] or row["last_published_at"] or row["latest_revision_created_at"],
                "picture": picture_of(row),
                "is_person": picture_field(model) == "photo",
            }
        )
        if items[-1]["is_person"]:
            page.photo = items[-1]["picture"]  # What {% avatar %} (people_tags) shows.
    # The pictures' renditions in one query, rather than a rendition-cache round trip each (portal.renditions):
    # a person's small avatar, any other page's thumbnail.
    prefetch_renditions(
        {
            AVATAR_SPECS[False]: [item["picture"] for item in items if item["is_person"]],
            THUMBNAIL_SPEC: [item["picture"] for item in items if not item["is_person"]],
        }
    )
    return items
