"""Pages that belong to a network, from the apps above networks: an extension point.

networks sits below case studies, so a network page never asks for "case_studies" by name. A higher
app registers in its AppConfig.ready() a section with `register_network_section(key, heading,
provider)`; provider(network) returns the live pages to list under `heading` on the network's page
(content pages: their title and summary are shown). Only those the reader may see are listed
(portal.visibility), checked here for every section. The sections are read with the page's other
lists, in one query (portal.together).
"""

from dataclasses import dataclass
from typing import Any

from portal.together import Part
from portal.visibility import visible_to

SECTION_FIELDS = ("title", "url_path", "summary")


@dataclass(frozen=True)
class NetworkSection:
    key: str
    heading: Any  # a lazily translated string
    provider: Any


_sections = {}


def register_network_section(key, heading, provider):
    _sections[key] = NetworkSection(key, heading, provider)


def network_section_parts(network, viewer=None):
    """{part name: Part} of every registered section, for portal.together.fetch_together."""
    if not network.pk:
        return {}
    return {
        f"section-{section.key}": Part(visible_to(section.provider(network), viewer), SECTION_FIELDS)
        for section in _sections.values()
    }


def network_sections(found):
    """The sections that have pages for this network and the viewer: [{"key", "heading", "pages"}]."""
    return [
        {"key": section.key, "heading": section.heading, "pages": pages}
        for section in _sections.values()
        if (pages := found.get(f"section-{section.key}"))
    ]
