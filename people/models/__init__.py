"""People: the resource-person directory, profiles, and the messages colleagues send them."""

from people.models.contact import ContactMessage
from people.models.pages import (
    PHONE_VALIDATOR,
    SPOKEN_LANGUAGES,
    ResourcePersonIndexPage,
    ResourcePersonPage,
    SpokenLanguage,
)

__all__ = [
    "PHONE_VALIDATOR",
    "SPOKEN_LANGUAGES",
    "ContactMessage",
    "ResourcePersonIndexPage",
    "ResourcePersonPage",
    "SpokenLanguage",
]
