"""Pages that belong to a network, from the apps above networks: an extension point.

networks sits below case studies, so a network page never asks for "case_studies" by name. A higher
app registers in its AppConfig.ready() a section with `register_network_section(key, heading,
provider)`; provider(network) returns the live pages to list under `heading` on the network's page.
Only those the reader may see are listed (portal.visibility), checked here for every section.
"""

from dataclasses import dataclass
from typing import Any

from portal.visibility import visible_to


@dataclass(frozen=True)
class NetworkSection:
    key: str
    heading: Any  # a lazily translated string
    provider: Any


_sections = {}


def register_network_section(key, heading, provider):
    _sections[key] = NetworkSection(key, heading, provider)


def network_sections(network, viewer=None):
    """The registered sections that have pages for this network and the viewer: [{"key", "heading", "pages"}]."""
    if not network.pk:
        return []
    sections = []
    for section in _sections.values():
        pages = list(visible_to(section.provider(network), viewer))
        if pages:
            sections.append({"key": section.key, "heading": section.heading, "pages": pages})
    return sections
