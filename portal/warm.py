"""A served process's start: load what every request needs, then keep it out of the garbage collector's way.

A worker holds some 250,000 long-lived objects (modules, classes, functions, Wagtail's and Django's
registries). Python's cyclic collector walks all of them on every full collection, which a busy
worker triggers every few dozen requests: measured at 150-180 ms on this project's 2-core machine,
a pause that landed on whichever request was running (bench/search.py's p95 doubled). Frozen after
start-up, they are left alone; a full collection then walks only what requests create.
"""

import gc

from django.urls import get_resolver


def settle():
    """Import every view now rather than at the first request, then freeze what is loaded.

    Called by portal/wsgi.py once the application is built (and by the benchmarks that time requests
    in their own process, so they measure what a served process pays).
    """
    get_resolver().url_patterns  # noqa: B018 - evaluating the URLconf imports every app's views.
    gc.collect()  # Garbage left from start-up goes now, not into the frozen generation.
    gc.freeze()
