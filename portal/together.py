"""The short lists a page shows beside its own fields, read in one UNION ALL query instead of one each.

A case study names its network, methods, templates, organisations, topics and content owner: six
small lists of different models, six round trips, each compiled by the ORM. `fetch_together` reads
them in one statement, whatever their models and however many rows each has, so a page's query count
stays the same with 3 related pages or 30.

Each part is an ordinary queryset (with its visibility and language filters, portal.visibility and
portal.i18n) and the model fields the page shows. Every part keeps its own order: a row number over
its own ordering is taken inside its SELECT, so titles sort by the database's collation as before. The
columns travel as text, the one type every part can share, and come back as model instances through
the fields' own conversion (Model.from_db): a field not read is deferred, so a template that asks for
it costs a query (seen by the query-count tests), never a wrong value.

A part that is not a queryset (a preview's in-memory relation, see modelcluster) is returned as a list.
"""

from dataclasses import dataclass
from datetime import UTC

from django.db import models
from django.db.models import F, IntegerField, TextField, Value, Window
from django.db.models.functions import Cast, RowNumber
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from portal import compiled

_PART, _RANK = "erfa_part", "erfa_rank"


@dataclass(frozen=True)
class Part:
    rows: object  # a queryset, or an in-memory list
    fields: tuple = ()  # model field names; the primary keys are always read


def _column_names(model, fields):
    """The attnames to read: the primary keys (a page's and its parents'), then `fields`."""
    names = [model._meta.pk.attname]
    names += [parent._meta.pk.attname for parent in model._meta.all_parents]
    for name in fields:
        attname = model._meta.get_field(name).attname
        if attname not in names:
            names.append(attname)
    return names


_NO_VALUE = Value(None, TextField())


def _as_text(model, attname):
    # Text columns go as they are (varchar and text share a UNION); the others are cast.
    field = next(field for field in model._meta.concrete_fields if field.attname == attname)
    if isinstance(field, models.CharField | models.TextField):
        return F(attname)
    return Cast(F(attname), TextField())


def _to_python(field, value):
    """A column's text (never NULL: _fetch keeps None as it is) as the field's value."""
    if isinstance(field, models.BooleanField):
        # PostgreSQL casts booleans to "true"/"false", SQLite stores 1/0.
        return value in ("true", "t", "1", "True")
    if isinstance(field, models.DateTimeField):
        # Both databases give UTC here (PostgreSQL with its offset, SQLite without one); to_python would
        # read a naive value in the site's time zone instead.
        moment = parse_datetime(value)
        return moment if moment is None or timezone.is_aware(moment) else timezone.make_aware(moment, UTC)
    return field.to_python(value)


def fetch_together(kept_as=None, **parts):
    """{name: [instances]} for each `name=Part(queryset, fields)`, from one query.

    With `kept_as`, a key naming everything the parts' SQL depends on (the page and what it points at,
    the language, the reader's portal.visibility key: see portal.page_keys), the combined query
    is compiled once per process (portal.compiled); the names of the parts are added to the key here.
    """
    return _fetch(kept_as, lambda: parts)


def kept_together(kept_as, build_parts):
    """fetch_together(kept_as, **build_parts()), where the parts are built only the first time this
    process meets `kept_as`: building a page's dozen querysets costs about as much as running them.
    With `kept_as` None (a preview) they are built every time."""
    return _fetch(kept_as, build_parts)


# kept_as: (the parts given as lists, the shapes of the others), for kept_together. Plain data, shared by
# every thread; bounded like portal.compiled's kept queries.
_layouts = {}


def _layout(parts):
    lists, shapes = {}, []
    for name, part in parts.items():
        rows = part.rows
        if not isinstance(rows, models.QuerySet):
            lists[name] = list(rows or [])
            continue
        if rows.query.distinct or rows.query.is_sliced:
            # Rows are numbered inside each part, before DISTINCT or a slice would apply.
            raise ValueError(f"fetch_together: the part {name!r} is DISTINCT or sliced.")
        model = rows.model
        columns = _column_names(model, part.fields)
        shapes.append((name, model, columns, rows.db, _reader(model, columns)))
    return lists, shapes


def _fetch(kept_as, build_parts):
    layout = _layouts.get(kept_as) if kept_as is not None else None
    built = []
    if layout is None:
        built.append(build_parts())
        layout = _layout(built[0])
        # A part given as a list with rows in it (a preview's in-memory relation) is data: never kept.
        if kept_as is not None and not any(layout[0].values()):
            if len(_layouts) >= compiled.MAX_ENTRIES * 4:
                _layouts.clear()
            _layouts[kept_as] = layout
    lists, shapes = layout
    results = {name: list(rows) for name, rows in lists.items()}
    results.update({name: [] for name, *_shape in shapes})
    if not shapes:
        return results
    key = None if kept_as is None else ("together", kept_as, tuple(name for name, *_shape in shapes))
    rows = compiled.rows(key, lambda: _combined(built[0] if built else build_parts(), shapes))
    for part_index, _rank, *values in sorted(rows, key=lambda row: (row[0], row[1])):
        name, model, _columns, db, (attnames, picks) = shapes[part_index]
        row = []
        for slot, convert in picks:
            value = values[slot]
            row.append(value if value is None or convert is None else convert(value))
        results[name].append(model.from_db(db, attnames, row))
    return results


def _reader(model, columns):
    """How a part's text columns become from_db's arguments: its fields in the model's order (from_db
    reads a partial row in that order), each with its column's slot and the conversion it needs."""
    slot_of = {attname: slot for slot, attname in enumerate(columns)}
    fields = [field for field in model._meta.concrete_fields if field.attname in slot_of]
    return [field.attname for field in fields], [(slot_of[field.attname], _converter(field)) for field in fields]


def _converter(field):
    """A function from the column's text to the field's value, or None where the text is the value."""
    if type(field).to_python in _TEXT_AS_IT_IS:
        return None
    # Keys and numbers, the most common columns after text, straight through int(); a relation's column
    # holds the value of the field it points at.
    target = field.target_field if field.is_relation and field.many_to_one else field
    if isinstance(target, models.IntegerField) and type(target).to_python is models.IntegerField.to_python:
        return int
    return lambda value: _to_python(field, value)


_TEXT_AS_IT_IS = {models.CharField.to_python, models.TextField.to_python}


def _combined(parts, shapes):
    """The parts' querysets as one UNION ALL, each row (part, rank, columns as text...)."""
    queries = []
    width = max(len(columns) for _name, _model, columns, *_rest in shapes)
    for index, (name, model, columns, *_rest) in enumerate(shapes):
        rows = parts[name].rows
        ordering = list(rows.query.order_by) or list(model._meta.ordering) or ["pk"]
        annotations = {
            _PART: Value(index, output_field=IntegerField()),
            _RANK: Window(RowNumber(), order_by=ordering),
        }
        for slot in range(width):
            annotations[f"erfa_c{slot}"] = _as_text(model, columns[slot]) if slot < len(columns) else _NO_VALUE
        queries.append(
            rows.order_by()
            .prefetch_related(None)
            .annotate(**annotations)
            .values_list(_PART, _RANK, *[f"erfa_c{slot}" for slot in range(width)])
        )
    first, *rest = queries
    # No ORDER BY on the whole either: the first model's default ordering names a column not selected.
    return (first.union(*rest, all=True) if rest else first).order_by()
