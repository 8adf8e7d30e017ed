"""Bilingual text: each demo string is written once in its original language and once in English.

The English half never reaches a page directly. It fills a phrasebook that the loader hands to
wagtail-localize as the translation of the matching source segment.
"""

from dataclasses import dataclass
from html import escape, unescape


@dataclass(frozen=True)
class Tx:
    """One piece of text: `src` in the item's original language, `en` its English rendering."""

    src: str
    en: str

    def __str__(self):
        return self.src


@dataclass(frozen=True)
class Bullets:
    """A bulleted list inside rich text; each item becomes one translation segment."""

    items: tuple


def bullets(*items):
    return Bullets(tuple(items))


def same(text):
    """A proper noun or fact that reads the same in English."""
    return Tx(text, text)


def render_rich(blocks, language="src"):
    """Rich-text HTML from a sequence of paragraphs (Tx) and bullet lists (Bullets)."""
    html = []
    for block in blocks:
        if isinstance(block, Bullets):
            items = "".join(f"<li>{escape(getattr(item, language), quote=False)}</li>" for item in block.items)
            html.append(f"<ul>{items}</ul>")
        else:
            html.append(f"<p>{escape(getattr(block, language), quote=False)}</p>")
    return "".join(html)


def normalise(text):
    """The key a segment is looked up by: entities decoded, whitespace collapsed."""
    return " ".join(unescape(text).split())


class Phrasebook:
    """Source text -> English, collected from every Tx the loader writes into a page or snippet."""

    def __init__(self):
        self.entries = {}

    def add(self, value):
        if isinstance(value, Tx):
            self.entries.setdefault(normalise(value.src), value.en)
        elif isinstance(value, Bullets):
            for item in value.items:
                self.add(item)
        elif isinstance(value, dict):
            for item in value.values():
                self.add(item)
        elif isinstance(value, list | tuple):
            for item in value:
                self.add(item)

    def english(self, source_text):
        return self.entries.get(normalise(source_text))
