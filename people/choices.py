"""Choices the people app's models and forms share (forms import these, never the models)."""

from django.utils.translation import gettext_lazy as _

# Languages a resource person can be asked in. Erfa's five, plus those common in Nordic and Dutch workplaces.
SPOKEN_LANGUAGES = [
    ("en", _("English")),
    ("sv", _("Swedish")),
    ("nb", _("Norwegian")),
    ("da", _("Danish")),
    ("nl", _("Dutch")),
    ("fi", _("Finnish")),
    ("de", _("German")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("pl", _("Polish")),
    ("ar", _("Arabic")),
    ("so", _("Somali")),
    ("se", _("Northern Sami")),
]
