"""A resource person as a vCard 3.0, the version Outlook, Apple Contacts and Google Contacts all import."""

import vobject

# Surname particles in Dutch, German and Scandinavian names: they belong to the family name, so
# "Sanne de Wit" files under "de Wit" and "Karin af Klint" under "af Klint".
PARTICLES = {
    "de",
    "den",
    "der",
    "het",
    "'t",
    "ten",
    "ter",
    "te",
    "van",
    "von",
    "af",
    "zu",
    "da",
    "di",
    "du",
    "la",
    "le",
}


def split_name(full_name):
    """Given and family name from the page title: the last word, with any particles before it."""
    parts = full_name.split()
    if len(parts) < 2:
        return full_name.strip(), ""
    start = len(parts) - 1
    # Particles before the last word join the family name, but the first word always stays a given name.
    while start > 1 and parts[start - 1].lower().replace("’", "'") in PARTICLES:
        start -= 1
    return " ".join(parts[:start]), " ".join(parts[start:])


def person_vcard(person, profile_url):
    card = vobject.vCard()
    given, family = split_name(person.title)
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    card.add("fn").value = person.title
    if person.organisation_id and person.organisation:
        organisation = [person.organisation.name] + ([person.unit] if person.unit else [])
        card.add("org").value = organisation
    if person.job_title:
        card.add("title").value = person.job_title
    if person.email:
        email = card.add("email")
        email.value = person.email
        email.type_param = ["INTERNET", "WORK"]
    if person.phone:
        phone = card.add("tel")
        phone.value = person.phone
        phone.type_param = ["WORK", "VOICE"]
    card.add("url").value = profile_url
    return card.serialize()
