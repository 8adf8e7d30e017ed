"""The profile's admin form: only administrators choose which account a profile belongs to.

The account link is what lets a resource person edit a profile (people/permissions.py), so choosing
another account would hand the profile to someone else, or take one over. Administrators choose from
every account; anyone else sees only the profile's current account and their own, and a forged choice
of any other is refused with a message that says so.
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from portal.forms import ContentPageForm

ACCOUNT_FIELD = "user"


class ProfileForm(ContentPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get(ACCOUNT_FIELD)
        user = getattr(self, "for_user", None)
        self.chooses_account = field is not None and user is not None and user.is_superuser
        if field is None or self.chooses_account:
            return
        allowed = {self.instance.user_id, getattr(user, "pk", None)} - {None}
        field.queryset = get_user_model().objects.filter(pk__in=allowed)
        field.error_messages["invalid_choice"] = _(
            "You can link a profile only to your own account; an administrator links other accounts."
        )
        field.help_text = _("Your own account. Only an administrator can link this profile to another account.")

    def clean_user(self):
        account = self.cleaned_data.get(ACCOUNT_FIELD)
        if account is None and not self.chooses_account:
            # Unlinking would take the profile from its owner; that, too, is for administrators.
            return self.instance.user
        return account
