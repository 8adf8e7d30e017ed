"""The demo's examples carried home: examples from the Norrvik network's past gatherings, partly anchored.

Called from demo/loader.py after the networks are loaded. Safe to run again: examples are found by
their title, anchorings by example and unit. The demo user "spokesperson" (Johan Berglund, who speaks
for Solgläntan) is linked to his profile here, so that he can record his unit's anchoring after `make run`;
Solgläntan has anchored the first example and not yet the others.
"""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from networks.models import Anchoring, Example

NETWORK = "erfarenhetsnatverket-norrvik"
SPOKESPERSON_USER, SPOKESPERSON_PROFILE = "spokesperson", "johan-berglund"

# (gathering number, title, description); written in Swedish at the Swedish network's gatherings.
EXAMPLES = [
    (
        0,
        "När en brukare vägrar ta sin medicin",
        "En brukare med demens vägrade kvällsmedicinen tre kvällar i rad. Personalen provade att byta person, "
        "tid och ordning – och frågade till slut dottern hur mamma brukade ha det hemma.",
    ),
    (
        0,
        "Överlämningen mellan dag och kväll",
        "Viktig information om en ny brukare fastnade i dagpasset. Gruppen beskrev hur en kort stående "
        "överlämning med en enkel checklista gjorde att inget tappades bort.",
    ),
    (
        1,
        "Anhörig som vill vara med i allt",
        "En anhörig ringde flera gånger om dagen. Genom ett planerat samtal varje vecka fick hen insyn, "
        "och personalen fick arbetsro.",
    ),
]

# (example number, organisation key, days after the gathering, what the group said, language)
ANCHORINGS = [
    (
        0,
        "solglantan",
        12,
        "Vi gick igenom exemplet på arbetsplatsträffen. Flera kände igen sig; vi skriver nu upp vad som "
        "hjälper varje brukare i genomförandeplanen.",
        "sv",
    ),
    (
        0,
        "hemtjanst-norrvik",
        20,
        "The group recognised the situation from home visits and agreed to ask relatives earlier.",
        "en",
    ),
    (
        1,
        "ekbacken",
        9,
        "Vi har provat den stående överlämningen i två veckor. Kvällspersonalen säger att de känner sig tryggare.",
        "sv",
    ),
]


def load(loader):
    network = loader.networks.get(NETWORK)
    if network is None:
        return
    link_spokesperson(loader)
    gatherings = sorted(network.gatherings.all(), key=lambda gathering: gathering.start)
    recorder = network.facilitators.first().person.user if network.facilitators.exists() else None
    examples = []
    for number, title, description in EXAMPLES:
        if number >= len(gatherings):
            continue
        gathering = gatherings[number]
        example, created = Example.objects.get_or_create(
            network_key=network.translation_key,
            title=title,
            defaults={
                "description": description,
                "gathering_key": gathering.translation_key,
                "language": network.locale.language_code,
                "recorded_by": recorder,
            },
        )
        if created:
            # Recorded at the end of the gathering, not when the demo was loaded.
            Example.objects.filter(pk=example.pk).update(created=gathering.end)
        examples.append((example, gathering))
    for number, organisation, days, said, language in ANCHORINGS:
        if number >= len(examples):
            continue
        example, gathering = examples[number]
        day = timezone.localdate(gathering.end) + timedelta(days=days)
        anchoring, created = Anchoring.objects.get_or_create(
            example=example,
            unit_key=loader.organisations[organisation][network.locale.language_code].translation_key,
            defaults={"taken_up_on": day, "group_said": said, "language": language},
        )
        if created:
            moment = timezone.make_aware(datetime.combine(day, time(15)))
            Anchoring.objects.filter(pk=anchoring.pk).update(recorded=moment)


def link_spokesperson(loader):
    """The demo user "spokesperson" gets Johan Berglund's profile, unless it already belongs to someone."""
    user = get_user_model().objects.filter(username=SPOKESPERSON_USER).first()
    profile = loader.people.get(SPOKESPERSON_PROFILE)
    if user is not None and profile is not None and profile.user_id in (None, user.pk):
        loader.link_user(profile, user)
