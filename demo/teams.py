"""The demo's teams on the Norrvik network (issue 15): two teams, each with a manager; one with a
signed-off progress plan and a draft final report. Demo user "employee" is a member of the first,
demo user "manager" its manager. The other members are fictional people who cannot sign in.

Runs again without creating anything twice (teams are found by network and name).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from networks.models import Team, TeamPlan
from networks.teams import flow
from portal.roles import EMPLOYEES

NETWORK = "erfarenhetsnatverket-norrvik"
# username, first name, last name: fictional people without a password. Ingrid also signs up for the
# network's gatherings (demo/gatherings.py makes her first): the same person, by the same name.
PEOPLE = [
    ("demo-ingrid", "Ingrid", "Haugen"),
    ("demo-hassan", "Hassan", "Öberg"),
    ("demo-sara", "Sara", "Nyström"),
    ("demo-tove", "Tove", "Åkesson"),
    ("demo-jonas", "Jonas", "Bergsten"),
    ("demo-linnea", "Linnéa", "Sjöö"),
]
TEAMS = [
    {
        "name": "Björkens förbättringsteam",
        "unit": "solglantan",
        "manager": "manager",
        "members": ["employee", "demo-ingrid", "demo-hassan"],
        "focus_area": "Tryggare läkemedelsrundor på kvällen.",
    },
    {
        "name": "Team Väst",
        "unit": "hemtjanst-norrvik",
        "manager": "demo-jonas",
        "members": ["demo-sara", "demo-tove", "demo-linnea"],
        "focus_area": "Bättre överlämningar mellan dag- och kvällspass.",
    },
]
# Its actions fall due while the network runs (data file: kick-off 2026-09-15, closing 2027-02-02).
PLAN = {
    "goal": "Färre läkemedelsavvikelser på Björken under året.",
    "actions": [
        {"action": "Dubbelkontroll vid kvällsrundan", "owner": "Ingrid Haugen", "due": "2026-12-18"},
        {"action": "Lär nattpersonalen checklistan", "owner": "Hassan Öberg", "due": "2027-01-29"},
    ],
    "measures": "Antal rapporterade avvikelser per månad.",
    "status": "Checklistan provas sedan första träffen; kvällspasset är med.",
}
REPORT = {
    "results": "Avvikelserna halverades på kvällspasset.",
    "lessons": "En kort checklista används; en lång gör det inte.",
    "next_steps": "",
}


def person(username, first_name, last_name, group):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first_name, "last_name": last_name, "email": f"{username}@example.org"},
    )
    if created:
        user.set_unusable_password()
        user.save()
        user.groups.add(group)
    return user


def load(network, organisations):
    """Teams on `network` (the Norrvik network's original page); organisations: key -> {code: Organisation}."""
    group = Group.objects.filter(name=EMPLOYEES).first()
    if group is None:
        return 0
    users = {username: person(username, first, last, group) for username, first, last in PEOPLE}
    users.update(get_user_model().objects.in_bulk(["employee", "manager"], field_name="username"))
    created = 0
    for data in TEAMS:
        if any(name not in users for name in [data["manager"], *data["members"]]):
            continue  # run create_demo_users first
        team, new = Team.objects.get_or_create(
            network_key=network.translation_key,
            name=data["name"],
            defaults={
                "organisation": organisations[data["unit"]][network.locale.language_code],
                "manager": users[data["manager"]],
                "focus_area": data["focus_area"],
            },
        )
        if new:
            team.members.set([users[name] for name in data["members"]])
            created += 1
    first = Team.objects.filter(network_key=network.translation_key, name=TEAMS[0]["name"]).first()
    if first is not None and not TeamPlan.objects.filter(team=first).exists():
        author, manager = users["demo-ingrid"], first.manager
        plan = flow.plan_of(first, "plan", "sv")
        flow.save_draft(plan, PLAN, author, "sv")
        flow.record(plan, "waiting", author)  # no e-mail: the demo's manager signs it off at once
        flow.sign_off(plan, manager, "Bra plan. Kör!", tell_team=False)  # nor one to the demo's team
        flow.save_draft(flow.plan_of(first, "report", "sv"), REPORT, author, "sv")
    return created
