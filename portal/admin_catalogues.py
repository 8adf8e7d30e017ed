"""Erfa's own catalogues for the admin strings Wagtail and wagtail-localize ship untranslated.

Wagtail's Norwegian and Danish catalogues cover only part of the admin, so an editor working in
Danish met a mostly English admin. Erfa keeps the missing translations in
portal/wagtail_locale/<language>/LC_MESSAGES/{django,djangojs}.po. That folder is in LOCALE_PATHS,
so Django loads it before the apps' own catalogues, for the server side and for the admin's
JavaScript catalogue alike.

The English catalogues Wagtail ships are the source: every message in them is an admin string.
A message belongs in Erfa's catalogue only while Wagtail's own translation for it is missing, fuzzy
or broken, so Wagtail's translators keep the last word wherever they have one. Broken means the
translation lost a placeholder, a bracket, an HTML tag or a space of the source: Wagtail's Swedish
menu badge read "(2 nya objekt i denna meny", without its closing parenthesis, and its Dutch
dashboard "26 Afbeeldingen aangemaakt inErfa". A translation that copies the English source unchanged
is missing too.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings

from portal.languages import TRANSLATION_TARGETS

DOMAINS = ("django", "djangojs")
CATALOGUE_DIR = Path(__file__).resolve().parent / "wagtail_locale"
# Every one of Erfa's languages has two plural forms: one, and everything else.
PLURAL_FORMS = "nplurals=2; plural=(n != 1);"


PLACEHOLDER = re.compile(r"%\([A-Za-z0-9_]+\)[sdfi]|%[sdif]|\{[A-Za-z0-9_]*\}")
TAG_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")
WORD = re.compile(r"[^\W\d_]{3,}")
GLUED = re.compile(rf"(?<=[^\W_])({PLACEHOLDER.pattern})|({PLACEHOLDER.pattern})(?=[^\W_])")


def key(entry):
    return (entry.msgctxt or "", entry.msgid)


def admin_apps():
    """The installed apps whose strings make up the admin: Wagtail's and wagtail-localize's."""
    return [config for config in apps.get_app_configs() if config.name.split(".")[0] in ("wagtail", "wagtail_localize")]


def app_catalogue(config, language, domain):
    path = Path(config.path) / "locale" / language / "LC_MESSAGES" / f"{domain}.po"
    return polib.pofile(str(path)) if path.exists() else None


def source_entries(domain):
    """Each admin message once, from the English catalogues of the installed Wagtail apps, in app order."""
    entries = {}
    for config in admin_apps():
        catalogue = app_catalogue(config, "en", domain)
        for entry in catalogue or ():
            if not entry.obsolete:
                entries.setdefault(key(entry), (config, entry))
    return entries


def translated_keys(catalogue):
    return {key(entry) for entry in catalogue or () if entry.translated() and not entry.obsolete}


def faults(source, translation):
    """What `translation` lost or added of `source`'s placeholders, brackets, HTML tags and spaces (empty if none)."""
    found = []
    if sorted(PLACEHOLDER.findall(translation)) != sorted(PLACEHOLDER.findall(source)):
        found.append("placeholders")
    for opening, closing in ("()", "[]"):
        if source.count(opening) - source.count(closing) != translation.count(opening) - translation.count(closing):
            found.append(opening + closing)
    if sorted(TAG_NAME.findall(source)) != sorted(TAG_NAME.findall(translation)):
        found.append("tags")
    # Wagtail joins some messages to what follows or precedes them ("Translate with " + a machine
    # translator's name), and a placeholder touching a word runs the two together ("aangemaakt inErfa").
    lost_edge = (source[:1].isspace() and not translation[:1].isspace()) or (
        source[-1:].isspace() and not translation[-1:].isspace()
    )
    if lost_edge or glued_placeholders(translation) - glued_placeholders(source):
        found.append("spacing")
    return found


def glued_placeholders(text):
    """The placeholders in `text` with a letter or digit right before or after them."""
    return {match.group(1) for match in GLUED.finditer(text)} | {match.group(2) for match in GLUED.finditer(text)}


def entry_faults(entry):
    """faults() of each of the entry's forms; a singular form may spell out the number instead of its placeholder."""
    if not entry.msgid_plural:
        return faults(entry.msgid, entry.msgstr)
    allowed = set(PLACEHOLDER.findall(entry.msgid)) | set(PLACEHOLDER.findall(entry.msgid_plural))
    found = []
    for index, text in sorted(entry.msgstr_plural.items()):
        source = entry.msgid if str(index) == "0" else entry.msgid_plural
        if not set(PLACEHOLDER.findall(text)) <= allowed:
            found.append("placeholders")
        found += [fault for fault in faults(source, text) if fault != "placeholders"]
    return found


def copied_english(entry):
    """Whether a translation is the English source copied unchanged: Wagtail's Swedish workflow history
    read "Initial Revision", its Danish image form "Alt text". Two or more words, so that a word the
    language shares with English ("Status %(status)s" in Swedish) counts as translated; "Wagtail" is a name."""
    if entry.msgid_plural or entry.msgstr != entry.msgid:
        return False
    words = [word for word in WORD.findall(PLACEHOLDER.sub(" ", entry.msgid)) if word != "Wagtail"]
    return len(words) >= 2


# Wagtail translations that pass the rules above yet say the wrong thing, found by Erfa's readers: counted as
# missing, so that Erfa's catalogue gives the right words. (language, msgid): what is wrong.
MISTRANSLATED = {
    ("da", "Page '%(page_title)s' has been submitted for moderation."): "“blivet” for “blevet”",
    ("nl", "Copied for translation"): "“Gekopiëerd” for “Gekopieerd”",
    ("nl", "Error 404"): "English “Error” (one word and a number, so not caught as copied); Dutch says “Fout”",
    ("nl", "Copied for translation from %(title)s (%(locale)s)"): "“Gekopiëerd” for “Gekopieerd”",
    ("sv", "No locked pages found."): "“upplåsta” means unlocked",
    ("sv", "Workflow state"): "“Arbetsflöde status”, a compound split in two",
    ("sv", "Workflow states"): "“Arbetsflöde status”, singular and split",
    ("sv", "Task states"): "“Uppgift status”, singular and split",
    ("sv", "Add collection"): "“Addera”, not Swedish for adding a thing",
    ("sv", "Add site"): "“Addera sajt”",
    ("sv", "Download PO file"): "“PO fil” for “PO-fil”",
    ("sv", "Download PO file and input translations offline"): "“PO fil” for “PO-fil”",
    ("sv", "Upload PO file"): "“PO fil” for “PO-fil”",
    ("sv", "Actions"): "“Handlingar” (documents) in the translation editor, where Wagtail's Swedish says “Åtgärder”",
    ("sv", "Translated manually on {date}"): "“på” before a date, where Swedish says “den”",
    ("sv", "Machine translated on {date}"): "“på” before a date, where Swedish says “den”",
    ("sv", "Translated with {tool_name} on {date}"): "“på” before a date, where Swedish says “den”",
    (
        "sv",
        "The data model for '{model_name}' has been changed since the last translation sync. If any new fields "
        "have been added recently, these may not be visible until the next translation sync.",
    ): "“överssättningsynkronisering”, misspelt",
}


def usable_keys(catalogue, language=None):
    """The messages a Wagtail catalogue translates faithfully; Erfa's catalogue holds the rest."""
    broken = {
        key(entry)
        for entry in catalogue or ()
        if entry.translated()
        and (entry_faults(entry) or copied_english(entry) or (language, entry.msgid) in MISTRANSLATED)
    }
    return translated_keys(catalogue) - broken


def erfa_catalogue_path(language, domain):
    return CATALOGUE_DIR / language / "LC_MESSAGES" / f"{domain}.po"


def erfa_catalogue(language, domain):
    path = erfa_catalogue_path(language, domain)
    return polib.pofile(str(path)) if path.exists() else polib.POFile()


@dataclass
class Coverage:
    language: str
    total: int
    by_wagtail: int
    by_erfa: int

    @property
    def translated(self):
        return self.by_wagtail + self.by_erfa

    @property
    def percent(self):
        return 100 * self.translated / self.total if self.total else 100.0


def coverage(language):
    """How many admin messages a reader of `language` sees translated, and by whose catalogue."""
    total = by_wagtail = by_erfa = 0
    for domain in DOMAINS:
        ours = translated_keys(erfa_catalogue(language, domain))
        wagtail_cache = {}
        for message_key, (config, _entry) in source_entries(domain).items():
            total += 1
            if config.name not in wagtail_cache:
                wagtail_cache[config.name] = usable_keys(app_catalogue(config, language, domain), language)
            if message_key in wagtail_cache[config.name]:
                by_wagtail += 1
            elif message_key in ours:
                by_erfa += 1
    return Coverage(language, total, by_wagtail, by_erfa)


def untranslated_by_wagtail(language, domain):
    """The admin messages Wagtail leaves untranslated (or broken) in `language`: what Erfa's catalogue must hold."""
    wagtail_cache = {}
    for message_key, (config, source) in source_entries(domain).items():
        if config.name not in wagtail_cache:
            wagtail_cache[config.name] = usable_keys(app_catalogue(config, language, domain), language)
        if message_key not in wagtail_cache[config.name]:
            yield message_key, config, source


def update(language, domain):
    """Rewrite Erfa's catalogue: one entry per message Wagtail leaves untranslated, keeping our translations.

    Returns (kept, added, dropped) counts.
    """
    existing = {key(entry): entry for entry in erfa_catalogue(language, domain)}
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.metadata = {
        "Project-Id-Version": "Erfa (Wagtail admin strings)",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS,
    }
    kept = added = 0
    for message_key, config, source in untranslated_by_wagtail(language, domain):
        entry = polib.POEntry(
            msgctxt=source.msgctxt,
            msgid=source.msgid,
            msgid_plural=source.msgid_plural,
            occurrences=[(f"{config.name}:{path}", line) for path, line in source.occurrences[:3]],
            flags=[flag for flag in source.flags if flag != "fuzzy"],
        )
        ours = existing.get(message_key)
        if ours is not None and ours.translated():
            entry.msgstr = ours.msgstr
            entry.msgstr_plural = ours.msgstr_plural
            kept += 1
        else:
            entry.msgstr = ""
            entry.msgstr_plural = {0: "", 1: ""} if source.msgid_plural else {}
            added += 1
        catalogue.append(entry)
    dropped = sum(1 for message_key, entry in existing.items() if entry.translated()) - kept
    path = erfa_catalogue_path(language, domain)
    path.parent.mkdir(parents=True, exist_ok=True)
    catalogue.save(str(path))
    return kept, added, dropped


def update_all():
    for language in TRANSLATION_TARGETS:
        for domain in DOMAINS:
            yield language, domain, update(language, domain)


def is_in_locale_paths():
    return any(Path(path).resolve() == CATALOGUE_DIR for path in settings.LOCALE_PATHS)
