"""Reading the data files under content/: one YAML file per item, its file name being its key.

A text is either a plain string, the same in every language (names, places, facts), or a mapping
from each language code to its text: the item's own language (its `locale`) is the source, the
others its translations.
"""

from html import escape, unescape
from pathlib import Path

import yaml

from portal.languages import CODES

CONTENT = Path(__file__).parent / "content"


def read(path):
    return yaml.safe_load(Path(CONTENT, path).read_text(encoding="utf-8"))


def items(folder):
    """key -> data for each file in a folder."""
    return {path.stem: read(path) for path in sorted((CONTENT / folder).glob("*.yaml"))}


def is_text(value):
    return isinstance(value, dict) and bool(value) and set(value) <= set(CODES)


def localized(value, code):
    """The data with each text in language `code`."""
    if is_text(value):
        return value[code]
    if isinstance(value, dict):
        return {key: localized(item, code) for key, item in value.items()}
    if isinstance(value, list):
        return [localized(item, code) for item in value]
    return value


def rich(paragraphs):
    """Rich-text HTML with one paragraph per text."""
    return "".join(f"<p>{escape(paragraph, quote=False)}</p>" for paragraph in paragraphs)


def normalise(source_text):
    """The key a segment is looked up by: entities decoded, whitespace collapsed."""
    return " ".join(unescape(source_text).split())


class Phrasebook:
    """Source text -> its rendering in each language, gathered from the data files.

    The loader hands `lookup(code)` to wagtail-localize as the translation of each source segment.
    """

    def __init__(self):
        self.entries = {code: {} for code in CODES}
        self.same = set()

    def add(self, value, source):
        if is_text(value):
            for code, target in value.items():
                self.entries[code].setdefault(normalise(value[source]), target)
        elif isinstance(value, str):
            self.same.add(normalise(value))
        elif isinstance(value, dict | list):
            for item in value.values() if isinstance(value, dict) else value:
                self.add(item, source)

    def lookup(self, code):
        def find(source_text):
            key = normalise(source_text)
            return self.entries[code].get(key, key if key in self.same else None)

        return find
