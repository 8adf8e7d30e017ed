"""A resource person as a vCard 3.0, the version Outlook, Apple Contacts and Google Contacts all import."""

import vobject


def split_name(full_name):
    """Given and family name from the page title: the last word is taken as the family name."""
    parts = full_name.split()
    if len(parts) < 2:
        return full_name.strip(), ""
    return " ".join(parts[:-1]), parts[-1]


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
