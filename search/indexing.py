"""Search indexing through the task worker, never in the request.

The search backends run with AUTO_UPDATE off (portal/settings.py), and Wagtail's own signal handlers
are taken off (`connect`). Instead, every save or deletion of an indexed model (pages, documents,
images, snippets) queues one `update_search_index` task. Publishing, unpublishing, moving and
deleting a page all save or delete its row, so Wagtail's page_published, page_unpublished and
page_deleted are covered by the same two signals without a second, duplicate task.

In production the task is a row for django_tasks_db, taken by `manage.py db_worker`: an editor's
publish never waits for OpenSearch, and a search cluster that is briefly away holds no web worker
(a failed update is a FAILED task result; `manage.py update_index` rebuilds everything). With the
immediate backend (development, tests) the task runs inside the save, as AUTO_UPDATE did.

The task reads the object again when it runs: what is indexed is the row as committed, not as it
was when the request queued the update, so out-of-order tasks still leave the latest state.
"""

import logging

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from django.tasks import task
from modelsearch import index
from modelsearch.backends import get_search_backend

from caching.readers import invalidate

logger = logging.getLogger(__name__)


# Set by connect() once Wagtail's own index handlers are off: from then on this module keeps every
# backend up to date, also one configured later with AUTO_UPDATE on (a test's override), which nothing
# else would update.
_wagtail_handlers_off = False


def worker_backend_names():
    """The backends this module keeps up to date: those with AUTO_UPDATE off (all, once Wagtail's handlers
    are off). Reads settings only."""
    from modelsearch.backends import get_app_config

    config = get_app_config().get_search_backend_config()
    return [name for name, params in config.items() if _wagtail_handlers_off or params.get("AUTO_UPDATE") is False]


def worker_backends():
    return [(name, get_search_backend(name)) for name in worker_backend_names()]


# Ahead of e-mails and Wagtail's own background work in the worker's queue: an editor expects a
# published page in search within seconds, and a busy worker would otherwise take it in turn.
@task(priority=50)
def update_search_index(app_label, model_name, pk):
    """Put the object's current state into each worker-indexed backend, or take it out if it is gone."""
    model = apps.get_model(app_label, model_name)
    instance = model._default_manager.filter(pk=pk).first()
    indexed = index.get_indexed_instance(instance) if instance is not None else None
    for name, backend in worker_backends():
        try:
            if indexed is not None:
                backend.add(indexed)
            else:
                # Deleted, or no longer among the model's indexed objects: an unsaved instance carries
                # the model and primary key, which is all a backend needs to find the document.
                backend.delete(model(pk=pk))
            refresh(backend, model)
        except Exception:
            # Logged and raised: the task's result says FAILED, and `manage.py update_index` repairs the index.
            logger.exception("Could not update %s.%s %s in the '%s' search backend", app_label, model_name, pk, name)
            raise
    # Search pages kept by the page cache were answered from the index as it was: they go now that it
    # has changed (the change that queued this task dropped them too, but before the index had it).
    invalidate()


def refresh(backend, model):
    """Make the change searchable now, not at the index's next periodic refresh (OpenSearch: every second).

    An editor who publishes and then searches expects to find the page; one refresh per saved object
    costs a small request, which suits an intranet's rate of edits (`update_index` rebuilds in bulk,
    without it). The database backends' indexes have nothing to refresh (their refresh does nothing).
    """
    backend.get_index_for_model(model).refresh()


def _queue(instance, **kwargs):
    if kwargs.get("raw"):  # fixtures: loaddata indexes nothing, as Wagtail's handlers do
        return
    update_search_index.enqueue(instance._meta.app_label, instance._meta.model_name, str(instance.pk))


def connect():
    """Queue an index update on every save and deletion of an indexed model (SearchConfig.ready).

    When every backend is kept up to date here, modelsearch's own handlers are taken off: each would
    still write a task row in the editor's request (and the worker would run it), only to find no
    backend to update. They are connected by wagtail.search's ready(), which runs first (it heads
    INSTALLED_APPS for that reason).
    """
    from modelsearch.backends import get_app_config
    from modelsearch.signal_handlers import post_delete_signal_handler, post_save_signal_handler

    global _wagtail_handlers_off  # noqa: PLW0603 - decided once, when the apps are ready
    names = worker_backend_names()
    if not names:  # no backend instantiated here: some query the database when made
        return
    replaces_wagtail = set(names) == set(get_app_config().get_search_backend_config())
    _wagtail_handlers_off = replaces_wagtail
    for model in index.get_indexed_models():
        if replaces_wagtail:
            post_save.disconnect(post_save_signal_handler, sender=model)
            post_delete.disconnect(post_delete_signal_handler, sender=model)
        if getattr(model, "search_auto_update", True):
            post_save.connect(_queue, sender=model, dispatch_uid=f"erfa-search-index-save-{model._meta.label}")
            post_delete.connect(_queue, sender=model, dispatch_uid=f"erfa-search-index-delete-{model._meta.label}")
