"""What a profile links to in the content areas above people: an extension point.

people sits below networks, methods and case studies, so it never asks them by name. Each of those
apps registers what it knows about a person in its AppConfig.ready():

- `register_network_roles(provider)`: provider(person, viewer) yields (network page, role) pairs for
  the networks the viewer may see (portal.visibility, in the provider's own query), for the
  profile's "Networks" list;
- `register_profile_section(key, heading, provider)`: provider(person) returns the live pages to list
  under `heading` on the profile (the person's case studies, the templates they share, ...);
- `register_directory_networks(options, members)`: the directory's network filter; options(locale_id)
  returns the networks to choose from, members(network_id) a Q over profiles.

The sections' pages are checked here against the reader (portal.visibility), once for every app: a
page the reader may not see is never named on a profile.

A provider that breaks (say, a renamed relation) raises where it is registered, instead of a lookup by
name quietly finding nothing.
"""

from dataclasses import dataclass
from typing import Any

from portal.visibility import visible_to


@dataclass(frozen=True)
class ProfileSection:
    key: str
    heading: Any  # a lazily translated string
    provider: Any


@dataclass(frozen=True)
class DirectoryNetworks:
    options: Any
    members: Any


_network_role_providers = []
_profile_sections = {}
_directory_networks = []


def register_network_roles(provider):
    if provider not in _network_role_providers:
        _network_role_providers.append(provider)


def register_profile_section(key, heading, provider):
    _profile_sections[key] = ProfileSection(key, heading, provider)


def register_directory_networks(options, members):
    _directory_networks[:] = [DirectoryNetworks(options, members)]


def networks_with_roles(person, viewer=None):
    """Each network the person takes part in that the viewer may see, once, with their roles there, by title."""
    found = {}
    for provider in _network_role_providers:
        for network, role in provider(person, viewer):
            entry = found.setdefault(network.pk, {"network": network, "roles": []})
            if role not in entry["roles"]:
                entry["roles"].append(role)
    return sorted(found.values(), key=lambda entry: entry["network"].title.lower())


def profile_sections(person, viewer=None):
    """The registered sections that have something for this person and the viewer: [{"key", "heading", "pages"}]."""
    sections = []
    for section in _profile_sections.values():
        pages = list(visible_to(section.provider(person), viewer))
        if pages:
            sections.append({"key": section.key, "heading": section.heading, "pages": pages})
    return sections


def directory_networks():
    """The directory's network filter, or None while no app provides networks."""
    return _directory_networks[0] if _directory_networks else None
