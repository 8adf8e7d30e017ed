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
    if value is None:
        return None
    if isinstance(field, models.BooleanField):
        # PostgreSQL casts booleans to "true"/"false", SQLite stores 1/0.
        return value in ("true", "t", "1", "True")
    if isinstance(field, models.DateTimeField):
        # Both databases give UTC here (PostgreSQL with its offset, SQLite without one); to_python would
        # read a naive value in the site's time zone instead.
        moment = parse_datetime(value)
        return moment if moment is None or timezone.is_aware(moment) else timezone.make_aware(moment, UTC)
    return field.to_python(value)


def fetch_together(**parts):
    """{name: [instances]} for each `name=Part(queryset, fields)`, from one query."""
    results, queries, shapes = {}, [], []
    for name, part in parts.items():
        rows = part.rows
        if not isinstance(rows, models.QuerySet):
            results[name] = list(rows or [])
            continue
        if rows.query.distinct or rows.query.is_sliced:
            # Rows are numbered inside each part, before DISTINCT or a slice would apply.
            raise ValueError(f"fetch_together: the part {name!r} is DISTINCT or sliced.")
        results[name] = []
        model = rows.model
        shapes.append((name, model, _column_names(model, part.fields), rows.db))
    if not shapes:
        return results
    width = max(len(columns) for _name, _model, columns, _db in shapes)
    for index, (name, model, columns, _db) in enumerate(shapes):
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
    combined = (first.union(*rest, all=True) if rest else first).order_by()
    for part_index, _rank, *values in sorted(combined, key=lambda row: (row[0], row[1])):
        name, model, columns, db = shapes[part_index]
        by_attname = dict(zip(columns, values, strict=False))
        fields = [field for field in model._meta.concrete_fields if field.attname in by_attname]
        instance = model.from_db(
            db, [field.attname for field in fields], [_to_python(field, by_attname[field.attname]) for field in fields]
        )
        results[name].append(instance)
    return results
