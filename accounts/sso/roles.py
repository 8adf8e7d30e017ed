"""Erfa's roles from the provider's groups claim (OIDC_ROLE_MAP), refreshed at every sign-in.

Only the roles the mapping names are managed: a user leaves such a role when no group of theirs gives it
any more, and keeps any other group an administrator gave them in Erfa.
"""

from django.conf import settings
from django.contrib.auth.models import Group


def provider_groups(claims):
    value = claims.get(settings.OIDC_GROUPS_CLAIM) or []
    if isinstance(value, str):  # Some providers send a single group as a string.
        value = [value]
    return {str(group) for group in value}


def refresh(user, claims):
    """Give `user` the roles their groups map to, and take away the managed roles they no longer map to."""
    role_map = settings.OIDC_ROLE_MAP
    managed = set(role_map.values())
    wanted = {role_map[group] for group in provider_groups(claims) if group in role_map}
    current = set(user.groups.filter(name__in=managed).values_list("name", flat=True))
    if stale := current - wanted:
        user.groups.remove(*Group.objects.filter(name__in=stale))
    if missing := wanted - current:
        user.groups.add(*(Group.objects.get_or_create(name=name)[0] for name in sorted(missing)))
