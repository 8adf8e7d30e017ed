"""Index each demo object once, after loading, instead of on every one of its many saves."""

from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from modelsearch.tasks import insert_or_update_object_task


@contextmanager
def search_index_once():
    """Hold back search-index updates while the block runs, then queue one per saved object.

    A page is saved five or six times on its way to a published translation; indexing it each
    time made the loader several times slower. Objects are queued after the block has finished,
    so call this outside the loader's transaction.
    """
    models = [model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)]
    saved = {}

    def remember(instance, raw=False, **kwargs):
        if not raw:
            saved[(instance._meta.app_label, instance._meta.model_name, str(instance.pk))] = True

    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.connect(remember, sender=model, weak=False, dispatch_uid=f"erfa-demo-{model._meta.label}")
    try:
        yield
    finally:
        for model in models:
            post_save.disconnect(remember, sender=model, dispatch_uid=f"erfa-demo-{model._meta.label}")
            post_save.connect(post_save_signal_handler, sender=model)
    for app_label, model_name, pk in saved:
        insert_or_update_object_task.enqueue(app_label, model_name, pk)
