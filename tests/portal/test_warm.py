"""portal.warm: a served process freezes what it loaded at start, so full garbage collections stay short."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import gc, sys
import portal.wsgi
print(gc.get_freeze_count())
print(int("search.views" in sys.modules and "people.models.directory_routes" in sys.modules))
print(len(gc.get_objects()))
"""


def test_a_served_process_has_its_views_loaded_and_its_start_up_frozen(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "ERFA_TESTING": "1"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True
    )
    frozen, views_loaded, left_to_walk = result.stdout.split()
    # Django, Wagtail and Erfa at rest are well over 100,000 objects; all of them are frozen.
    assert int(frozen) > 100_000
    assert views_loaded == "1"
    # A full collection walks only what was made since: a handful, not the quarter million.
    assert int(left_to_walk) < int(frozen) / 100
