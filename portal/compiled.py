"""Listing queries whose SQL is compiled once per process: the same listing, asked again, only runs.

A listing's query (one version per page in the reader's language, only what the reader may see) is
the same SQL with the same parameters for every reader of one language and permission class, yet
Django builds and compiles it afresh on each request: for a short list that is eight times the cost
of running it (3.3 ms against 0.4 ms for the front page's case studies). `rows(key, build)` builds
and compiles `build()` the first time a thread asks for `key`, and from then on runs the kept SQL,
with the query's own select_related and prefetch_related, so it returns the same model instances.

This keeps code, not data: the rows are read from the database every time, so no change to the
content ever needs to reach it. What it needs is a `key` that names everything the SQL depends on:
the model, the language, the viewer's `visibility_key`, the page or limit it is built for. `build`
must read nothing else (no clock: use `Now()`; no query whose answer ends up in the SQL, unless that
answer is in the key). An empty result known before the database is asked (`pk__in=[]`) is not kept.

Kept per thread, because a compiler belongs to its thread's database connection (gthread and ASGI
workers serve requests in threads), and bounded: the least recently used go first. A kept query holds
its expression tree, some 130 KB on average on the demo site, so MAX_ENTRIES bounds a thread at about 35 MB.
"""

import threading
from collections import OrderedDict

from django.core.exceptions import EmptyResultSet
from django.db.models import QuerySet

MAX_ENTRIES = 256

_local = threading.local()


def _entries():
    entries = getattr(_local, "entries", None)
    if entries is None:
        entries = _local.entries = OrderedDict()
    return entries


def _kept(queryset, params=None, literal=False):
    """A copy of `queryset` whose evaluation reuses one compiler and its SQL, compiled now.

    With `params`, the SQL must take exactly those parameters, in that order (else EmptyResultSet: not
    kept); `rows` then runs it with each call's own. With `literal`, see `rows`.
    """
    compiler = queryset.query.get_compiler(using=queryset.db)
    sql, compiled_params = compiler.as_sql()  # fills the compiler's select and klass_info, which evaluation reads
    if not sql or (params is not None and tuple(compiled_params) != tuple(params)):
        raise EmptyResultSet
    if literal and params is None and compiler.connection.vendor == "postgresql":
        # The values written into the SQL, quoted by psycopg as Django's own `compose_sql` does. Run with
        # no parameters, psycopg still reads `%` as its placeholder sign: a literal one is written `%%`.
        sql, compiled_params = compiler.connection.ops.compose_sql(sql, compiled_params).replace("%", "%%"), ()
    # Django has no public way to hand a compiled query to a queryset; both are plain instance attributes
    # that shadow the methods for this copy only, and a queryset chained from it keeps them (Query.clone
    # copies its __dict__), which is why `rows` only ever evaluates it, never filters it further.
    compiler.as_sql = lambda *args, **kwargs: (sql, compiled_params)
    kept = queryset._chain()
    kept.query.get_compiler = lambda *args, **kwargs: compiler
    kept._erfa_sql = sql
    # A related manager's queryset (page.handbooks) hands its rows the instance it was made from: kept,
    # that would be the first request's page, given to every later request's rows.
    kept._known_related_objects = {}
    return kept


def rows(key, build, params=None, literal=False):
    """list(build()), its SQL compiled the first time this thread asks for `key` (see the module);
    a key of None keeps nothing (a preview's lists, say).

    `params`: for a query whose SQL is the same for many values (a page's ancestors' paths, one SQL per
    depth) and takes exactly these parameters in this order; the kept SQL then runs with each call's
    own. Should the compiled SQL take other parameters than those, nothing is kept.

    `literal`: on PostgreSQL, the kept SQL carries its values itself, as literals, rather than as
    parameters. A prepared statement (portal/settings.py) with parameters gets a plan that must serve
    any value; when PostgreSQL judges that plan much worse than one made for the values at hand, as for
    `path LIKE $1`, whose index it can use only for a known prefix, it plans again on every run. One
    without parameters is planned once per connection. For SQL whose values are fixed by its key, and
    are few: each set of values is a statement of its own.
    """
    if key is None:
        return list(build())
    entries = _entries()
    kept = entries.get(key)
    if kept is None:
        queryset = build()
        if not isinstance(queryset, QuerySet):  # an answer known without a query (no parts): nothing to keep
            return list(queryset)
        try:
            kept = _kept(queryset, params, literal)
        except EmptyResultSet:
            return list(queryset)
        entries[key] = kept
        while len(entries) > MAX_ENTRIES:
            entries.popitem(last=False)
    else:
        entries.move_to_end(key)
        if params is not None:
            sql, params = kept._erfa_sql, tuple(params)
            kept.query.get_compiler().as_sql = lambda *args, **kwargs: (sql, params)
    return _evaluate(kept)


def _evaluate(kept):
    """list(kept) without copying its query, which evaluation only reads.

    Django's own copy (QuerySet._chain) clones the whole expression tree first: for portal.together's
    UNION of two dozen parts, a third of a millisecond, more than running it. A copy of the queryset
    object sharing the kept Query is enough; its own result cache leaves the kept one empty.
    """
    runner = object.__new__(type(kept))
    runner.__dict__.update(kept.__dict__)
    runner._result_cache = None
    runner._prefetch_done = False
    return list(runner)


class _KeptOnEvaluation:
    """Mixed into a queryset's own class by `evaluated_kept`: evaluated as it is, it reads through `rows`;
    its query is built only when something needs it (its SQL not kept yet, or a queryset chained from it)."""

    _kept_key = None  # a queryset chained from this one is built by Django's _clone without it: ordinary

    @property
    def query(self):
        if self._query is None:
            # Built now, as `build()` builds it: its query, hints and prefetches become this queryset's.
            built = self._kept_build()
            for name, value in built.__dict__.items():
                if name not in ("_result_cache", "_prefetch_done"):
                    self.__dict__[name] = value
        return QuerySet.query.fget(self)

    @query.setter
    def query(self, value):
        QuerySet.query.fset(self, value)

    def _fetch_all(self):
        # Django's QuerySet evaluates (iteration, len, bool) through _fetch_all, which fills
        # _result_cache; rows() has already run the prefetches on the rows it returns.
        if self._result_cache is None and self._kept_key is not None:
            self._result_cache = rows(self._kept_key, self._kept_build, self._kept_params)
            self._prefetch_done = True
        super()._fetch_all()

    def all(self):
        # The same SQL, so still kept: a form's ModelChoiceField takes its queryset as `queryset.all()`.
        if self._kept_key is None:
            return super().all()
        return evaluated_kept(self._kept_key, self.model, self._kept_build, self._kept_params)

    def iterator(self, chunk_size=None):
        # ModelChoiceIterator lists a field's choices through iterator(), which skips _fetch_all.
        if self._kept_key is None:
            return super().iterator(chunk_size)
        self._fetch_all()
        return iter(self._result_cache)


_kept_classes = {}


def evaluated_kept(key, model, build, params=None):
    """A queryset of `model` whose own evaluation runs the SQL of `build()` kept under `key` (see `rows`,
    and its `params`), and which calls `build` only when that SQL is not kept yet.

    For a queryset that a caller outside Erfa evaluates, such as Wagtail's check of a page's view
    restrictions on every page it serves, but that must stay a queryset for the callers that chain it
    (the admin orders the same restrictions): `all()` keeps it, and anything else chained from it (filter,
    get, order_by, count, exists) is an ordinary queryset, built from `build()` as usual. A view that
    only evaluates it builds no queryset: building one costs more than running its kept SQL.
    """
    if key is None:
        return build()
    cls = _kept_classes.get(model)
    if cls is None:
        base = type(model._default_manager.get_queryset())
        cls = _kept_classes[model] = type(f"Kept{base.__name__}", (_KeptOnEvaluation, base), {})
    kept = cls(model=model, using=None)
    kept._query = None  # built by the `query` property, when asked
    kept._kept_key, kept._kept_build, kept._kept_params = key, build, params
    return kept


def is_kept(key):
    """Whether this thread keeps the SQL of `key` (so `rows` will not call its `build`)."""
    return key is not None and key in _entries()


def forget():
    """Drop this thread's kept queries (tests that change what a key's SQL would be)."""
    _entries().clear()

