"""Links on a gathering's page from the apps above networks: an extension point.

networks sits below the apps that act on a gathering (sharing a learning from it, say), so its
gathering page names none of them. A higher app registers `provider(request, network, gathering)`
in its AppConfig.ready(); it returns (label, url) or None. The gathering page is personal (never
cached), so a link may depend on the reader.
"""

_providers = []


def register_gathering_link(provider):
    if provider not in _providers:
        _providers.append(provider)


def gathering_links(request, network, gathering):
    links = (provider(request, network, gathering) for provider in _providers)
    return [link for link in links if link]
