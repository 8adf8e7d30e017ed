"""The demo network's gatherings as people live them: sign-ups with expectations, attendance, comments, minutes.

For the Norrvik network (demo/content/networks/erfarenhetsnatverket-norrvik.yaml): its two past gatherings
have sign-ups whose expectations feed the word cloud, and recorded attendance; the next one has sign-ups
and comments on its agenda; the second has minutes (in every language) and a comment on them.
Participants are a few fictional colleagues without a password (they cannot sign in), plus the demo users.
Every step looks for what a previous run made first, so a second run adds nothing.
"""

from django.contrib.auth import get_user_model
from django.utils import timezone

from demo.publishing import publish
from networks import gatherings as rules
from networks.models import GatheringAttendance, GatheringComment, GatheringResponse
from portal.i18n import page_translations

NETWORK = "erfarenhetsnatverket-norrvik"
FACILITATOR = "facilitator"

# username, first name, last name, language they write in
PARTICIPANTS = [
    ("demo-astrid", "Astrid", "Lundqvist", "sv"),
    ("demo-bjorn", "Björn", "Sandberg", "sv"),
    ("demo-ingrid", "Ingrid", "Haugen", "nb"),
    ("demo-mette", "Mette", "Kjær", "da"),
    ("demo-sanne", "Sanne", "de Vries", "nl"),
    ("employee", None, None, "en"),
]

EXPECTATIONS = {
    "sv": "Jag vill lära av andra verksamheter och få konkreta exempel på svåra samtal.",
    "nb": "Jeg håper å lære av andre og få konkrete eksempler fra hverdagen.",
    "da": "Jeg vil gerne lære af andre og dele erfaringer om svære samtaler.",
    "nl": "Ik wil leren van andere teams en concrete voorbeelden meenemen.",
    "en": "I hope to learn from others and take concrete examples back to my team.",
}

# No head count: the page lists who attended, and the minutes must not say otherwise.
MINUTES = {
    "sv": "<p>Arbetsgrupperna berättade om sina situationer. Vi valde tre exempel att skriva färdigt till nästa "
    "träff.</p>",
    "en": "<p>The work groups presented their situations. We chose three examples to finish before the next "
    "gathering.</p>",
    "nb": "<p>Arbeidsgruppene fortalte om situasjonene sine. Vi valgte tre eksempler å skrive ferdig til neste "
    "samling.</p>",
    "da": "<p>Arbejdsgrupperne fortalte om deres situationer. Vi valgte tre eksempler, der skal skrives færdige til "
    "næste møde.</p>",
    "nl": "<p>De werkgroepen vertelden over hun situaties. We kozen drie voorbeelden om af te maken voor de "
    "volgende bijeenkomst.</p>",
}
# Why someone declined, in the language they write in.
DECLINE_NOTES = {
    "sv": "Krockar med en utbildning.",
    "nb": "Kolliderer med et kurs.",
    "da": "Falder sammen med et kursus.",
    "nl": "Valt samen met een cursus.",
    "en": "Clashes with a training course.",
}

AGENDA_COMMENTS = [
    ("demo-astrid", "sv", "Kan vi också prata om hur vi delar exemplen med kvällspersonalen?"),
    ("demo-ingrid", "nb", "Jeg tar med to eksempler fra nattevakten."),
]
MINUTES_COMMENT = ("demo-mette", "da", "Tak for referatet. Vi har allerede prøvet det første eksempel hos os.")


def participants():
    users = {}
    User = get_user_model()
    for username, first_name, last_name, language in PARTICIPANTS:
        user = User.objects.filter(username=username).first()
        if user is None and first_name:
            user = User(username=username, first_name=first_name, last_name=last_name, email=f"{username}@example.org")
            user.set_unusable_password()
            user.save()
        if user is not None:
            users[username] = (user, language)
    return users


def set_minutes(network, gathering_key):
    """Minutes on every language version's row of the gathering, published as a revision of that version."""
    for code, version in page_translations(network).items():
        page = version.specific.get_latest_revision_as_object()
        # modelcluster hands out copies of the rows: change them, then give the page the list back.
        rows = list(page.gatherings.all())
        row = next((row for row in rows if row.translation_key == gathering_key), None)
        if row is None or row.minutes:
            continue
        row.minutes = MINUTES.get(code, MINUTES["en"])
        page.gatherings = rows
        publish(page)


def comment(network, gathering, username, language, body, topic, users):
    if username not in users:
        return
    user = users[username][0]
    if not GatheringComment.objects.of_gathering(gathering).filter(author=user, body=body).exists():
        GatheringComment.objects.create(
            gathering_key=gathering.translation_key,
            network_key=network.translation_key,
            author=user,
            topic=topic,
            body=body,
            language=language,
        )


def load(networks):
    network = networks.get(NETWORK)
    if network is None:
        return
    users = participants()
    facilitator = get_user_model().objects.filter(username=FACILITATOR).first()
    now = timezone.now()
    gatherings = network.gathering_list()
    past = [gathering for gathering in gatherings if gathering.end < now]
    upcoming = [gathering for gathering in gatherings if gathering.start > now]
    for index, gathering in enumerate(past):
        for position, (user, language) in enumerate(users.values()):
            # Not everyone comes to everything: one declines the first gathering, another misses the second.
            answer = "declined" if (position + index) % 5 == 4 else "coming"
            GatheringResponse.objects.get_or_create(
                gathering_key=gathering.translation_key,
                user=user,
                defaults={
                    "network_key": network.translation_key,
                    "answer": answer,
                    "expectations": EXPECTATIONS[language] if answer == "coming" else "",
                    "note": "" if answer == "coming" else DECLINE_NOTES[language],
                    "language": language,
                },
            )
        if not GatheringAttendance.objects.of_gathering(gathering).exists():
            coming = GatheringResponse.objects.of_gathering(gathering).filter(answer="coming").select_related("user")
            # One who signed up fell ill: attendance is what happened, not what was planned.
            present = [row.user for row in coming][: max(1, coming.count() - 1)]
            rules.record_attendance(network, gathering, present, facilitator)
    if upcoming:
        following = upcoming[0]
        for user, language in list(users.values())[:4]:
            GatheringResponse.objects.get_or_create(
                gathering_key=following.translation_key,
                user=user,
                defaults={
                    "network_key": network.translation_key,
                    "answer": "coming",
                    "expectations": EXPECTATIONS[language],
                    "language": language,
                },
            )
        for username, language, body in AGENDA_COMMENTS:
            comment(network, following, username, language, body, GatheringComment.Topic.AGENDA, users)
    if len(past) >= 2:
        with_minutes = past[1]
        set_minutes(network, with_minutes.translation_key)
        username, language, body = MINUTES_COMMENT
        comment(network, with_minutes, username, language, body, GatheringComment.Topic.MINUTES, users)
