"""The demo networks' life after their pages: the ended network's closing-evaluation answers.

The Norrvik network's six units, their spokespersons and gatherings are in its data file
(demo/content/networks/erfarenhetsnatverket-norrvik.yaml). The Nordvest welfare-technology network
ended (`ends_on` in its data file); here three of its members, demo users, have answered its closing
evaluation, each in their own language, so the page shows a summary and the results page has texts
with language markers. The demo user "employee" follows it without having answered: signed in as
them, the page offers "Evaluation open". Run again, the answers are updated, not repeated.
"""

from django.contrib.auth import get_user_model

from networks.models import NetworkEvaluation

ENDED_NETWORK = "velferdsteknologi-nordvest"

# username: (language, would join again, what worked, what to change)
ANSWERS = {
    "resource": (
        "nb",
        5,
        "Å prøve medisindispenserne hjemme hos brukerne mellom samlingene, og å høre hvordan Kystlia løste det samme.",
        "Mer tid til opplæring av vikarene før sommeren.",
    ),
    "facilitator": (
        "sv",
        4,
        "Teamen med chefens stöd kom längst. Framstegsplanerna höll arbetet levande mellan träffarna.",
        "Färre punkter på dagordningen, mer tid för teamens egna exempel.",
    ),
    "communications": (
        "nl",
        3,
        "De blogberichten van de conferentie maakten het werk zichtbaar voor andere gemeenten.",
        "Eerder beginnen met het eindverslag; nu kwam alles in de laatste maand.",
    ),
}


def load(networks):
    """Give the ended network its answers; `networks` maps the data files' keys to the original pages."""
    network = networks.get(ENDED_NETWORK)
    if network is None:
        return 0
    users = get_user_model().objects.in_bulk(list(ANSWERS), field_name="username")
    made = 0
    for username, (language, score, worked, change) in ANSWERS.items():
        user = users.get(username)
        if user is None:  # demo users are made by create_demo_users, maybe after a first load
            continue
        _answer, created = NetworkEvaluation.objects.update_or_create(
            user=user,
            network_key=network.translation_key,
            defaults={
                "network": network,
                "language": language,
                "would_join_again": score,
                "what_worked": worked,
                "what_to_change": change,
            },
        )
        made += created
    return made
