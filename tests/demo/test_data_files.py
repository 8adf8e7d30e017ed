"""The demo's data files parse, and every text names languages the portal has."""

import re
from pathlib import Path

import pytest
import yaml

from demo.content import CONTENT
from portal.languages import CODES, DEFAULT_LANGUAGE

LANGUAGE_KEY = re.compile(r"^[a-z]{2,3}$")
FILES = sorted(CONTENT.rglob("*.yaml"))


def texts(value):
    """Every mapping keyed by language codes (a text with its translations) inside a data file."""
    if isinstance(value, dict):
        if value and all(LANGUAGE_KEY.match(key) for key in value):
            yield value
        else:
            for item in value.values():
                yield from texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from texts(item)


def test_there_is_a_file_per_item():
    folders = {path.parent.name for path in FILES}
    assert folders == {"taxonomy", "people", "methods", "shareable-templates", "networks", "case-studies"}
    assert len([path for path in FILES if path.parent.name == "people"]) == 20


@pytest.mark.parametrize("path", FILES, ids=lambda path: str(path.relative_to(CONTENT)))
def test_data_file_parses_and_names_existing_locales(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and data
    if path.stem == "organisations":
        # Proper nouns, named the same in every language.
        assert all(item["locale"] in CODES for item in data.values())
        return
    found = list(texts(data))
    assert found, "no text with its translations"
    if path.parent.name == "taxonomy":
        # Written in English and translated into every other language.
        assert all(set(text) == set(CODES) for text in found), path.stem
        return
    # An item: written in its own language, with its rendering in every other language beside every text.
    assert data["locale"] in CODES and data["locale"] != DEFAULT_LANGUAGE
    for text in found:
        assert set(text) == set(CODES), text
        assert all(isinstance(value, str) and value.strip() for value in text.values()), text


@pytest.mark.parametrize("path", [path for path in FILES if path.parent.name != "taxonomy"], ids=lambda path: path.stem)
def test_generated_files_have_a_name_and_title_per_language(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for file in data.get("generated_files", ()):
        names = file["name"]
        assert set(names) == set(CODES) and len(set(names.values())) == len(CODES), names
        suffixes = {Path(name).suffix for name in names.values()}
        assert len(suffixes) == 1, names
        assert len(set(file["title"].values())) == len(CODES), file["title"]
        if suffixes == {".pdf"}:
            # The PDF's built-in font covers Latin-1 only.
            for text in texts(data["document"]):
                for value in text.values():
                    value.encode("latin-1")


def test_generated_file_titles_are_unique():
    """The loader finds a generated file again by its title."""
    titles = [
        title
        for path in FILES
        for file in yaml.safe_load(path.read_text(encoding="utf-8")).get("generated_files", ())
        for title in file["title"].values()
    ]
    assert len(titles) == len(set(titles))
