"""A request's frames in one chunk of CPython's frame stack (portal/stack.py).

The call pattern that hurt Django's template engine, written small: a function that goes 200 frames
deep and comes back, 2,000 times. 200 frames are more than a 16 KiB chunk, so wherever the test
starts, the descent crosses a chunk's edge: on a CPython without gh-142183's fix every crossing maps a
fresh chunk, and touching it is a page fault. Under `run_roomy` the whole descent fits in the
runner's own chunk. Page faults are counted by the kernel (getrusage), not inferred.
"""

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from portal.stack import RoomyStack, run_roomy

ROOT = Path(__file__).resolve().parents[2]
TIMES = 2000
DEPTH = 200


def descend(depth):
    return descend(depth - 1) + 1 if depth else 0


def oscillate(times, depth):
    for _ in range(times):
        descend(depth)
    return times


def faults_during(function, *args):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    function(*args)
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before


@pytest.mark.skipif(
    sys.implementation.name != "cpython" or not (3, 11) <= sys.version_info < (3, 13),
    reason="only CPython 3.11 and 3.12 are known to unmap a chunk on every return (gh-142183)",
)
def test_without_room_each_crossing_faults_in_a_fresh_chunk():
    """The control: the pattern costs at least a page fault per descent on this interpreter."""
    assert faults_during(oscillate, TIMES, DEPTH) >= TIMES


def test_with_room_the_descent_stays_in_one_chunk():
    faults = faults_during(run_roomy, oscillate, TIMES, DEPTH)

    # The runner's chunk is mapped once: its pages fault when first touched, some 16 in all.
    assert faults < TIMES / 20


def test_run_roomy_returns_the_result_and_raises_the_errors():
    assert run_roomy(oscillate, 3, 5) == 3
    assert run_roomy(descend, 10) == 10
    with pytest.raises(RecursionError):
        run_roomy(descend, sys.getrecursionlimit() + 10)


def test_the_wsgi_wrapper_passes_the_call_through():
    calls = []

    def application(environ, start_response):
        calls.append((environ, start_response))
        return [b"ok"]

    environ, start_response = {"PATH_INFO": "/"}, object()
    assert RoomyStack(application)(environ, start_response) == [b"ok"]
    assert calls == [(environ, start_response)]


PROBE = """
import portal.wsgi
from portal.stack import RoomyStack
print(type(portal.wsgi.application).__name__, type(portal.wsgi.application.application).__name__)
"""


def test_the_served_application_runs_in_the_roomy_stack_inside_the_front_door(tmp_path):
    """What gunicorn serves (portal/wsgi.py, in a process of its own): Django runs in the roomy stack; a page
    the front door serves from the cache does not need it and does not pay for it."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "ERFA_TESTING": "1"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.split() == ["FrontDoor", "RoomyStack"]
