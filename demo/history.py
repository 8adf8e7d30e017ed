"""When the demo's pages were last reviewed and published, so that what a reader sees agrees with itself.

An item's data file says how long ago it was last reviewed (`reviewed_months_ago`). Two rules hold for
every page the loader builds (index pages, profiles, methods, templates, networks, network updates and
case studies) and for each of their translations, which share the original's review date:

- A review never comes before what the page reports as done: a network update is reviewed on or after
  its `date`, a case study on or after its `period_end`; and never after today.
- A page was last published on the day of its last review, as Communications publishes after review,
  and first published then too, or earlier if a page under it was (a directory is there before its
  oldest profile). Its footer's "Last reviewed" is never earlier than the page itself, and search shows
  the day of the review as the page's date.

Wagtail stamps each publication with the moment the loader ran; `settle` moves those stamps back to the
review day, as demo/examples.py does with the moment an example was recorded.
"""

from collections import defaultdict
from datetime import date, datetime, time

from dateutil.relativedelta import relativedelta
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Min
from django.utils import timezone
from wagtail.models import Page, Revision

# The fields in which an item's data dates what it reports as done: its review cannot come earlier.
REPORTED_DATES = ("date", "period_end")
# The time of day (local time) a demo page was published on the day of its review.
PUBLISHED_AT = time(10)
STAMPS = ("first_published_at", "last_published_at")


def last_review(data, today=None):
    """The day an item was last reviewed: `reviewed_months_ago` months ago, within the rules above."""
    today = today or date.today()
    review = today - relativedelta(months=data["reviewed_months_ago"])
    reported = [as_date(data[key]) for key in REPORTED_DATES if data.get(key)]
    return min(max([review, *reported]), today)


def as_date(value):
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def settle(originals):
    """Each page of `originals`, and each of its translations, dated by its last review (see above) if a run
    of the loader published it later than that; how many pages were dated."""
    keys = defaultdict(set)
    for page in originals:
        keys[type(page)].add(page.translation_key)
    fields = (*STAMPS, "last_reviewed", "path", "depth")
    pages = [
        page
        for model, translation_keys in keys.items()
        for page in model.objects.filter(translation_key__in=translation_keys).only(*fields)
    ]
    # The deepest first: a page's first publication follows those of the pages under it.
    pages.sort(key=lambda page: page.depth, reverse=True)
    return sum(settle_page(page) for page in pages)


def settle_page(page):
    reviewed, published = page.last_reviewed, page.first_published_at
    if reviewed is None or published is None or timezone.localdate(published) <= reviewed:
        return False
    last = min(timezone.make_aware(datetime.combine(reviewed, PUBLISHED_AT)), timezone.now())
    under = Page.objects.child_of(page).aggregate(first=Min("first_published_at"))["first"]
    stamps = {"first_published_at": min(last, under) if under else last, "last_published_at": last}
    Page.objects.filter(pk=page.pk).update(**stamps)
    # A revision keeps the stamps it was saved with, and the admin's editor starts from the latest one:
    # left as they were, the next publication from the editor would put the loader's moment back.
    written = {key: DjangoJSONEncoder().default(value) for key, value in stamps.items()}
    for revision in Revision.page_revisions.filter(object_id=str(page.pk)).only("content"):
        if any(revision.content.get(key) for key in STAMPS):
            content = {**revision.content, **{key: written[key] for key in STAMPS if revision.content.get(key)}}
            Revision.objects.filter(pk=revision.pk).update(content=content)
    return True
