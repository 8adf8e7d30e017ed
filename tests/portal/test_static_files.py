"""Production's static files storage: content-named URLs from the manifest, worked out once per process."""

import json

import pytest

from portal.static_files import MAX_KNOWN_URLS, StaticFilesStorage


@pytest.fixture
def storage(tmp_path, settings):
    settings.DEBUG = False
    (tmp_path / "staticfiles.json").write_text(
        json.dumps({"version": "1.1", "hash": "x", "paths": {"portal/erfa.css": "portal/erfa.0123abcd.css"}})
    )
    return StaticFilesStorage(location=str(tmp_path), base_url="/static/")


def test_a_file_gets_its_content_named_url_every_time(storage):
    assert storage.url("portal/erfa.css") == "/static/portal/erfa.0123abcd.css"
    assert storage.url("portal/erfa.css") == "/static/portal/erfa.0123abcd.css"
    assert storage.url("portal/erfa.css#top") == "/static/portal/erfa.0123abcd.css#top"


def test_a_file_missing_from_the_manifest_is_an_error_each_time(storage):
    for _attempt in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("portal/missing.css")


def test_the_urls_kept_are_bounded(storage):
    storage.hashed_files.update({f"file{n}.css": f"file{n}.abc.css" for n in range(MAX_KNOWN_URLS + 10)})
    for n in range(MAX_KNOWN_URLS + 10):
        assert storage.url(f"file{n}.css") == f"/static/file{n}.abc.css"
    assert len(storage._known_urls) == MAX_KNOWN_URLS
