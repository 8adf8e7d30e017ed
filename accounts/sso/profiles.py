"""An extension point: the apps above accounts link a signed-in user to what is theirs.

accounts sits below people, so it cannot look for the user's resource-person profile itself. people registers
a linker in its AppConfig.ready(); each sign-in through the provider calls every linker with the user, whose
e-mail address the provider has just confirmed.
"""

_linkers = []


def register(linker):
    if linker not in _linkers:
        _linkers.append(linker)


def link(user):
    for linker in _linkers:
        linker(user)
