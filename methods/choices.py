"""The fixed choices of the methods app, shared by its models and its forms (which import neither way)."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from portal import languages

CATEGORY_CHOICES = [
    ("work_organisation", _("Work organisation")),
    ("methodology", _("Methodology")),
    ("competence_development", _("Competence development")),
    ("quality_improvement", _("Quality improvement")),
    ("collaboration", _("Collaboration")),
]
COST_CHOICES = [("free", _("Free")), ("paid", _("Paid"))]

WHEN_TO_USE_CHOICES = [
    ("before_meeting", _("Before a meeting")),
    ("during_meeting", _("During a meeting")),
    ("after_meeting", _("After a meeting")),
    ("reflection", _("For reflection")),
    ("planning", _("For planning")),
    ("other", _("Other")),
]
# What kind of file a reader gets, whatever the program: the filter on the template library.
FILE_FORMAT_CHOICES = [
    ("text_document", _("Text document (Word, OpenDocument)")),
    ("spreadsheet", _("Spreadsheet")),
    ("presentation", _("Presentation")),
    ("pdf", _("PDF")),
    ("plain_text", _("Plain text or Markdown")),
]
# The portal's five content languages, named in the reader's language.
LANGUAGE_CHOICES = languages.CHOICES

MIN_SCORE = 1
MAX_SCORE = 5
SCORE_ERROR = _("Choose a score from 1 to 5.")

# Each sort: its label and its ordering; the title breaks ties so pages never shuffle between requests.
METHOD_SORTS = {
    "title": (_("Title"), ["title"]),
    "rating": (_("Highest rated"), [F("rating_average").desc(nulls_last=True), "title"]),
    "newest": (_("Newest"), [F("first_published_at").desc(nulls_last=True), "title"]),
}
SHAREABLE_TEMPLATE_SORTS = {
    "title": (_("Title"), ["title"]),
    "downloads": (_("Most downloaded"), ["-download_count", "title"]),
    "newest": (_("Newest"), [F("first_published_at").desc(nulls_last=True), "title"]),
}
DEFAULT_SORT = "title"
