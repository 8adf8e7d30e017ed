"""Linking a user who signs in through the identity provider to their resource-person profile by e-mail.

accounts/sso/ calls this at each sign-in (registered in people's AppConfig.ready()). A profile is linked
only when exactly one person's profile (in any of its languages) has the address the provider confirmed
and no account yet, and the user has no profile: an editor's choice is never overwritten.
"""

from people.models import ResourcePersonPage


def link_profile_by_email(user):
    if not user.email or ResourcePersonPage.objects.filter(user=user).exists():
        return
    keys = set(
        ResourcePersonPage.objects.filter(email__iexact=user.email, user__isnull=True).values_list(
            "translation_key", flat=True
        )
    )
    if len(keys) != 1:
        return
    for page in ResourcePersonPage.objects.filter(translation_key=keys.pop(), user__isnull=True):
        # The live page and its newest revision alike, so that publishing a later draft keeps the link.
        ResourcePersonPage.objects.filter(pk=page.pk).update(user=user)
        if (revision := page.latest_revision) is not None and isinstance(revision.content, dict):
            revision.content["user"] = user.pk
            revision.save(update_fields=["content"])
