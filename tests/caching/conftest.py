"""The scenes the page-cache tests share, and a throwaway Redis."""

import shutil
import socket
import subprocess
import time

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory


@pytest.fixture
def home(site_tree):
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def board_scene(home):
    """A listing and a case study only the Board group may see (a group that needs no second factor)."""
    title = "Board minutes on the harbour merger"
    index = CaseStudyIndexPageFactory(parent=home)
    secret = CaseStudyPageFactory(parent=index, title=title)
    board = Group.objects.create(name="Board")
    PageViewRestriction.objects.create(page=secret, restriction_type="groups").groups.add(board)
    return {"index": index, "secret": secret, "board": board, "title": title}


@pytest.fixture(scope="module")
def redis_url():
    """A Redis of its own on a free loopback port, as production runs with one (REDIS_URL)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [shutil.which("redis-server"), "--bind", "127.0.0.1", "--port", str(port), "--save", ""]
    process = subprocess.Popen([*command, "--appendonly", "no"], stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=30)
