from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = _("People")

    def ready(self):
        from accounts.sso import profiles as sso_profiles
        from caching.page_cache import register_quiet_model, register_variant
        from people import signals  # noqa: F401 - connects the receivers.
        from people.models import ContactMessage, ResourcePersonPage
        from people.sso_profiles import link_profile_by_email
        from portal.visibility import register_unlisted

        # Signing in through the identity provider links the user to their profile by e-mail (accounts/sso/).
        sso_profiles.register(link_profile_by_email)

        # A message sent to a person is shown on no page: sending one keeps the cached pages.
        register_quiet_model(ContactMessage)

        # A profile shows its owner "Edit your profile" and review prompts: cached apart for them.
        register_variant(
            ResourcePersonPage,
            "profile-owner",
            lambda page: page.user_id,
            lambda owner, request: owner == request.user.pk,
        )

        # "Hidden from the directory" keeps a profile out of every listing of people: the directory,
        # search and autocomplete (with the engine down too), contact cards and a network's facilitators
        # and spokespersons. The profile itself still opens from its address, so old links and e-mails
        # work, but nowhere offers the person to be found or asked: being listed as a network's
        # facilitator or a case study's contact is an invitation to contact them, which is what the
        # person (or Communications) turned off.
        register_unlisted(ResourcePersonPage, "hidden_from_directory")
