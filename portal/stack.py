"""Run each request's Python frames in one block of memory: a workaround for CPython gh-142183.

Since 3.11, CPython keeps a thread's Python frames on a stack of memory chunks, 16 KiB each by
default. When the first frame in a chunk returns, the chunk goes back to the system (munmap), and the
next call over its edge maps a new one (mmap). The 3.13 and 3.14 releases since March 2026 keep one
chunk back (gh-142183); 3.12 and older, and earlier 3.13 releases, do not. Code that keeps calling
back and forth over a chunk's edge then pays a system call pair and fresh zeroed pages on every
crossing.

Django's template engine does exactly that: a page's render goes down and up through nested nodes
thousands of times. Where the edge falls depends on how deep the server's own frames are, so it is
a matter of luck. Under gunicorn, measured with strace on this project's pages:
- the people directory mapped and unmapped a chunk 888 times per request, the method index 598 times;
- that was 3-4 ms of system time on a 7-12 ms page;
- the same code in a plain Python loop, its frames at another depth, paid 0.55 ms of system time in all.

`RoomyStack` wraps Django's WSGI application (settings.WSGI_WRAPPERS), inside the page cache's front
door: a page served from the cache there goes no deeper than a few frames, and the wrapper would cost it
some 20 microseconds, a twentieth of such a request. It calls the application from a frame too big
for any standard chunk. CPython then maps a chunk of its own for that frame,
rounded up to 64 KiB, and about 40 KiB are left over. Every page type measured fits in less than
23 KiB, so a request's frames stay in one chunk, mapped once per request: strace counted one mapping
per request on all of them.

On a CPython that keeps a chunk back, or on one without a frame stack, the wrapper costs one large
frame per request (about 20 microseconds) and changes nothing else. tests/portal/test_stack.py shows the
effect: the same call pattern pays a page fault per crossing without the wrapper, and with it only
the faults of the runner's own chunk, mapped once.
"""

import sys

# Local variables in the runner's frame. CPython sizes a new chunk as a power of two times 16 KiB,
# big enough for the frame plus 1,000 spare slots: 3,100 slots (24 KiB) plus 1,000 need more than
# 32 KiB, so the chunk is 64 KiB and about 40 KiB of it is free for the request.
FRAME_SLOTS = 3100


def _runner(slots):
    """A function `run(app, *args)` that calls `app(*args)` from a frame with `slots` local variables.

    The locals are never assigned (the branch never runs), but the compiler gives every one of them a
    slot in the frame. A chained assignment keeps the frame's value stack at a few slots.
    """
    names = " = ".join(f"_{number}" for number in range(slots))
    source = f"def run(app, *args):\n    if app is None:\n        {names} = None\n    return app(*args)\n"
    namespace = {}
    exec(compile(source, f"<{__name__} runner>", "exec"), namespace)  # noqa: S102 - fixed source, built above.
    return namespace["run"]


# Only CPython 3.11 and later keep frames in chunks; elsewhere the runner would only cost time.
_run = _runner(FRAME_SLOTS) if sys.implementation.name == "cpython" and sys.version_info >= (3, 11) else None


def run_roomy(function, *args):
    """Call `function(*args)` with room for its frames in one chunk of CPython's frame stack."""
    if _run is None:
        return function(*args)
    return _run(function, *args)


class RoomyStack:
    """WSGI wrapper: the application runs with room for its frames (see the module's docstring)."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        return run_roomy(self.application, environ, start_response)
