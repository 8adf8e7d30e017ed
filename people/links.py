"""What a profile links to in the content areas above people: an extension point.

people sits below networks, methods and case studies, so it never asks them by name. Each of those
apps registers what it knows about a person in its AppConfig.ready():

- `register_network_roles(parts, roles)`: parts(person, viewer) returns the querysets to read
  (portal.together parts, checked against the viewer in their own queries, portal.visibility), and
  roles(found) yields (network page, role) pairs from what was read, for the profile's "Networks" list;
- `register_profile_section(key, heading, provider)`: provider(person) returns the live pages to list
  under `heading` on the profile (the person's case studies, the templates they share, ...);
- `register_directory_networks(options, members)`: the directory's network filter; options(locale_id)
  returns the networks to choose from, members(network_id) a Q over profiles.

All of it, with the profile's own short lists, is read in one query (`profile_lists`, portal.together).
The sections' pages are checked here against the reader (portal.visibility), once for every app: a
page the reader may not see is never named on a profile.

A provider that breaks (say, a renamed relation) raises where it is registered, instead of a lookup by
name quietly finding nothing.
"""

from dataclasses import dataclass
from typing import Any

from portal.together import Part, kept_together
from portal.visibility import visible_to


@dataclass(frozen=True)
class ProfileSection:
    key: str
    heading: Any  # a lazily translated string
    provider: Any


@dataclass(frozen=True)
class NetworkRoles:
    parts: Any
    roles: Any


@dataclass(frozen=True)
class DirectoryNetworks:
    options: Any
    members: Any


_network_role_providers = []
_profile_sections = {}
_directory_networks = []


def register_network_roles(parts, roles):
    provider = NetworkRoles(parts, roles)
    if provider not in _network_role_providers:
        _network_role_providers.append(provider)


def register_profile_section(key, heading, provider):
    _profile_sections[key] = ProfileSection(key, heading, provider)


def register_directory_networks(options, members):
    _directory_networks[:] = [DirectoryNetworks(options, members)]


def profile_lists(person, viewer=None, kept_as=None, own_parts=dict):
    """What a profile lists, from one query: {"networks", "profile_sections"} and each of `own_parts`.

    networks: each network the person takes part in that the viewer may see, once, with their roles
    there, by title: [{"network", "roles"}]. profile_sections: the registered sections that have
    something for this person and the viewer: [{"key", "heading", "pages"}]. `own_parts` are the
    profile's own lists (portal.together parts), returned under their names. `kept_as`: see
    portal.together.kept_together (the parts are built only when it is first met).
    """

    def build_parts():
        parts = {f"own-{name}": part for name, part in own_parts().items()}
        for index, provider in enumerate(_network_role_providers):
            parts.update({f"roles-{index}-{name}": part for name, part in provider.parts(person, viewer).items()})
        for section in _profile_sections.values():
            parts[f"section-{section.key}"] = Part(visible_to(section.provider(person), viewer), ("title", "url_path"))
        return parts

    found = kept_together(kept_as, build_parts)
    networks = {}
    for index, provider in enumerate(_network_role_providers):
        prefix = f"roles-{index}-"
        mine = {name.removeprefix(prefix): rows for name, rows in found.items() if name.startswith(prefix)}
        for network, role in provider.roles(mine):
            entry = networks.setdefault(network.pk, {"network": network, "roles": []})
            if role not in entry["roles"]:
                entry["roles"].append(role)
    lists = {name.removeprefix("own-"): rows for name, rows in found.items() if name.startswith("own-")}
    lists["networks"] = sorted(networks.values(), key=lambda entry: entry["network"].title.lower())
    lists["profile_sections"] = [
        {"key": section.key, "heading": section.heading, "pages": pages}
        for section in _profile_sections.values()
        if (pages := found[f"section-{section.key}"])
    ]
    return lists


def directory_networks():
    """The directory's network filter, or None while no app provides networks."""
    return _directory_networks[0] if _directory_networks else None
