"""Background work the loader causes, done once per object instead of once per save.

Every save of a page, snippet or revision enqueues a search-index and a reference-index update. The
loader saves each page several times (made, translated, linked, published), and with the immediate
task backend of a development machine each update runs at once: most of the loading time. While
loading, tasks are collected instead; afterwards each distinct one (same task, same arguments) is
enqueued once on the configured backends, after everything it reads has been written.
"""

from contextlib import contextmanager

from django.apps import apps
from django.conf import settings
from django.tasks import task_backends
from django.test.utils import override_settings
from wagtail.tasks import update_reference_index_task

COLLECTOR = "django.tasks.backends.dummy.DummyBackend"


@contextmanager
def each_task_once():
    aliases = list(settings.TASKS)
    # The dummy backend only records what is enqueued; Django resets its backends when TASKS changes.
    with override_settings(TASKS={alias: {"BACKEND": COLLECTOR} for alias in aliases}):
        yield
        collected = [result for alias in aliases for result in task_backends[alias].results]
    latest = {}
    for result in collected:
        key = (result.task.module_path, result.task.backend, repr(result.args), repr(sorted(result.kwargs.items())))
        latest.pop(key, None)  # keep the position of the last request: it follows every write it depends on
        latest[key] = result
    for result in latest.values():
        if not _replaced_row(result):
            result.task.enqueue(*result.args, **result.kwargs)


def _replaced_row(result):
    """A reference-index update for a row no longer there: a page's inline rows (a method's handbooks, a
    template's files) are written anew by each later save, so the rows an early save made are gone. The
    page's own update indexes the rows it has now; Wagtail's task, run for a missing row, fails."""
    if result.task.module_path != update_reference_index_task.module_path:
        return False
    app_label, model_name, pk = result.args
    return not apps.get_model(app_label, model_name)._default_manager.filter(pk=pk).exists()
