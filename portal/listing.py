"""The one way an index page lists its pages: forgiving filters, a sort, and pages of PAGE_SIZE.

Every parameter comes from a link someone may have typed, shortened or kept for years, so a value
that does not fit (an unknown topic, a mistyped sort, a page past the end, a number too large for
the database) is dropped: the reader still gets the list, never an error page.
"""

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from django import forms
from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import Count, Model, QuerySet, Value, Window
from django.utils.functional import SimpleLazyObject

from portal import compiled
from portal.numbers import whole_number

PAGE_SIZE = 12

# Databases store ids as signed 64-bit integers; SQLite raises OverflowError for anything larger.
_LARGEST_ID = 2**63 - 1
_LARGEST_PAGE = 10**6


def _is_integer_field(field):
    if isinstance(field, forms.ModelChoiceField | forms.IntegerField):
        return True
    return isinstance(field, forms.TypedChoiceField) and field.coerce is int


def _out_of_range(value):
    try:
        return abs(int(value)) > _LARGEST_ID
    except (TypeError, ValueError):
        return False


def bind_filters(form_class, data, **form_kwargs):
    """The filter form bound to the valid values only, and those values as a dict.

    Invalid values are dropped, not reported: the returned form is bound to what was kept,
    so it shows no error messages and its selects show the filters that apply.
    """
    probe = form_class(data={}, **form_kwargs)
    usable = {
        name: data.get(name)
        for name, field in probe.fields.items()
        if data.get(name) is not None and not (_is_integer_field(field) and _out_of_range(data.get(name)))
    }
    form = form_class(data=usable, **form_kwargs)
    form.is_valid()
    filters = {name: value for name, value in form.cleaned_data.items() if value not in (None, "")}
    kept = {name: usable[name] for name in filters}
    form = form_class(data=kept, **form_kwargs)
    form.is_valid()
    return form, filters


def sort_choices(sorts):
    """A sort field's choices. Each index page's sorts map a key to (label, ordering)."""
    return [(key, label) for key, (label, _ordering) in sorts.items()]


def sort_ordering(sorts, sort, default):
    """The ordering of `sort`, or of `default` for an empty or unknown one."""
    return sorts.get(sort, sorts[default])[1]


class Choices(NamedTuple):
    """One filter's choices for `filter_choices`: the rows that offer them, the field that labels each
    and the one that identifies it (a field's name or an expression)."""

    rows: QuerySet
    label: str
    value: object = "pk"


def filter_choices(key, parts):
    """Several filters' choices read in one query: {parameter: [(value, label), …]}, each by label.

    `parts()` maps each filter's query parameter to its `Choices`; it is called only when the SQL is
    compiled, once per `key` (portal.compiled; a key of None keeps nothing), as the choices of a
    listing are the same SQL for every reader of its class. Plain values, which may be kept for them.
    SQLite refuses ORDER BY inside a UNION, so each part drops its model's ordering and the rows are
    sorted here.
    """

    def union():
        first, *rest = [
            choices.rows.values_list(Value(param), choices.value, choices.label).order_by()
            for param, choices in parts().items()
        ]
        return first.union(*rest, all=True).order_by() if rest else first

    options = {}
    # Its values written into the SQL (portal.compiled): as parameters, the listing's path prefixes made
    # PostgreSQL plan it again on every view, 1.2 ms of its CPU on the method index.
    for param, value, label in sorted(compiled.rows(key, union, literal=True), key=lambda row: row[2].casefold()):
        options.setdefault(param, []).append((value, label))
    return options


def paginate(items, page_number, per_page=PAGE_SIZE, cards=None, key=None):
    """The requested page, or the first one when the number is not a page that exists.

    `cards`, if given, fetches the page's rows by their ids (`cards(ids)`, in any order) with what the
    cards show (joins, annotations, prefetches, see IndexPage.page_cards): the query that finds and
    counts them carries none of that, and the one that fetches them none of the listing's filters.
    """
    counted = _counted_page(items, page_number, per_page, cards, key)
    if counted is not None:
        return counted
    paginator = Paginator(items.values_list("pk", flat=True) if cards else items, per_page)
    try:
        page = paginator.page(page_number or 1)
    except InvalidPage:
        page = paginator.page(1)
    if cards:
        page.object_list = _in_order(list(page.object_list), cards)
    return page


def _in_order(ids, cards):
    found = {item.pk: item for item in cards(ids)}
    return [found[pk] for pk in ids if pk in found]


def _counted_page(items, page_number, per_page, cards, key):
    """The page and the total from one pass over the filtered items, or None to take Django's way.

    Django's paginator counts in one query and fetches the page in another, so every filter (the
    directory's free-text search over thousands of profiles, the visibility rules) runs twice.
    Here one query finds the page's ids together with the total (COUNT(*) OVER ()), and a second
    fetches just those rows: by id alone through `cards`, or else still through the listing's own
    queryset. A page past the end finds no rows and no total, and falls back to Django's way.
    """
    number = whole_number(page_number or 1)
    # Anything but a plain page number of sane size (an offset must fit the database) goes Django's way.
    if number is None or not 1 <= number <= _LARGEST_PAGE:
        return None
    bottom = (number - 1) * per_page
    # With `key` (what the listing's SQL is built from, filters aside), compiled once per process; once
    # kept, `items` (perhaps a `deferred` queryset) is not built at all.
    counted_key = key and (*key, "counted", bottom, per_page)
    if not compiled.is_kept(counted_key) and not _countable(items):
        return None
    rows = compiled.rows(
        counted_key,
        lambda: items.annotate(listing_total=Window(Count("pk"))).values_list("pk", "listing_total")[
            bottom : bottom + per_page
        ],
        # Its values in the SQL, as filter_choices' are: the directory's was planned again on every view.
        literal=True,
    )
    if not rows and number > 1:
        return None
    paginator = _CountedPaginator(items, per_page, rows[0][1] if rows else 0)
    if not rows:
        return Page([], 1, paginator)
    ids = [pk for pk, _total in rows]
    # The ids passed every filter already: the rows are fetched by id alone, through `cards` when given.
    return Page(_in_order(ids, cards or (lambda ids: items.filter(pk__in=ids))), number, paginator)


def _countable(items):
    """Whether one query can find a page of `items` with their total: a window counts the rows before
    DISTINCT; sliced sets are already small; a UNION or rows of values cannot be fetched again by id."""
    if not isinstance(items, QuerySet):
        return False
    query = items.query
    return not (query.distinct or query.is_sliced or query.combinator or query.values_select)


class _CountedPaginator(Paginator):
    """Django's paginator over items already counted (`_counted_page`'s query did), which it neither
    counts again nor looks at: a kept listing's items are never built (see `deferred`)."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.count = count  # Paginator.count is a cached property: this answers it.

    def _check_object_list_is_ordered(self):
        # The listing's query orders its items (filter_pages ends with its sort); asking would build them.
        pass


def deferred(build):
    """The queryset `build()`, built when first used: an index passes its listed pages this way, so a view
    whose listing, filter choices and page of results all run kept SQL (portal.compiled) builds none of
    their querysets, which costs more CPU than running them."""
    return SimpleLazyObject(build)


def _frozen(value):
    """A filter's value as part of a key: model instances by their pk, lists and dicts as tuples."""
    if isinstance(value, Model):
        return (type(value), value.pk)
    if isinstance(value, dict):
        return tuple(sorted((name, _frozen(item)) for name, item in value.items()))
    if isinstance(value, list | tuple | set | frozenset | QuerySet):
        return tuple(_frozen(item) for item in value)
    return value if isinstance(value, str | int | float | bool | type(None) | Decimal | date) else repr(value)


class Listing:
    """One index page's list as a reader asked for it.

    `apply(items, filters)` narrows and sorts the items with the valid filters; the sort is a
    filter like the others, and only the others make the list count as filtered.
    """

    def __init__(self, data, form_class, items, apply, form_kwargs=None, per_page=PAGE_SIZE, cards=None, key=None):
        """`key`, if given, names everything `items`' SQL is built from (portal.compiled): the valid
        filters are added to it, and the query that finds the page of results is compiled once per process."""
        self.form, self.filters = bind_filters(form_class, data, **(form_kwargs or {}))
        # Filtered when first used: not at all when the page of results' SQL is kept (see `deferred`).
        self.items = deferred(lambda: apply(items, self.filters))
        key = key and (*key, _frozen(self.filters))
        self.page = paginate(self.items, data.get("page"), per_page, cards, key)

    @property
    def is_filtered(self):
        return any(name != "sort" for name in self.filters)
