"""Directory search and autocomplete latency with 5,000 profiles on PostgreSQL. A benchmark, not a test.

    .venv/bin/python bench/people_directory.py [--profiles 5000] [--rounds 4]

Without DATABASE_URL it starts a throwaway PostgreSQL through scripts/run_tests.py (as `make test`
does) and stops it afterwards; with DATABASE_URL=postgres://... it uses that server. Either way it
creates a database of its own next to DATABASE_URL's (Django's test database, `test_<name>`), fills it
with profiles, times whole requests through the Django test client (middleware, routing, queries and
templates, without the test framework's template instrumentation; signed in, page cache off unless
PAGE_CACHE=1), prints p50/p95 per kind and the warm SQL
queries per request, and drops the database again.
Targets (issues 4 and 12): directory p95 <= 100 ms at 5,000 people, autocomplete p95 <= 50 ms.
The machine's other load shows in the figures: compare runs made side by side.
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("ERFA_TESTING", "1")
# Time what a request costs to render, not a copy from the page cache.
os.environ.setdefault("PAGE_CACHE", "0")

FIRST = [
    "Anna",
    "Bo",
    "Cecilia",
    "David",
    "Elin",
    "Fredrik",
    "Greta",
    "Hans",
    "Ida",
    "Jonas",
    "Karin",
    "Lars",
    "Maja",
    "Nils",
    "Olga",
    "Per",
    "Rut",
    "Sigrid",
    "Tove",
    "Ulf",
]
LAST = ["Lunde", "Berg", "Dahl", "Ek", "Holm", "Lind", "Nyström", "Sandberg", "Strand", "Vik", "Åberg", "Øster"]
TITLES = ["Care coordinator", "Nurse", "Social worker", "Unit manager", "Physiotherapist", "HR partner", "Teacher"]
EXPERTISE = [
    "reflection after difficult home visits",
    "onboarding new colleagues",
    "quality registers and follow-up",
    "rotas that people can live with",
    "dementia care at night",
    "peer learning between workplaces",
    "meetings that end on time",
    "digital tools in home care",
]
TOPICS = [f"{word} {number}" for number in range(5) for word in ("Reflection", "Quality", "Leadership", "Safety")]
LANGUAGES = ["en", "sv", "nb", "da", "nl", "fi", "de", "ar"]

SEARCHES = [
    "",
    "reflection",
    "anna",
    "lunde",
    "nurse",
    "home care",
    "quality",
    "onboarding colleagues",
    "workplace 7",
    "dementia night",
    "sigrid berg",
    "tools",
    "xyz-no-match",
    "per",
    "leadership 3",
    "meetings",
]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def build(count, seed=4):
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from people.factories import ResourcePersonIndexPageFactory
    from people.models import ResourcePersonPage, SpokenLanguage
    from portal.models import Organisation, Topic

    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets.
    call_command("setup_site", stdout=open(os.devnull, "w"))  # noqa: SIM115
    locale = Locale.objects.get(language_code="en")
    home = Page.objects.get(depth=2, locale=locale)
    directory = ResourcePersonIndexPageFactory(parent=home)
    organisations = Organisation.objects.bulk_create(
        [Organisation(name=f"Workplace {number}", region="Skåne", locale=locale) for number in range(60)]
    )
    topics = Topic.objects.bulk_create([Topic(name=name, locale=locale) for name in TOPICS])
    content_type = ContentType.objects.get_for_model(ResourcePersonPage)
    now = timezone.now()

    # Profiles are written straight into the tree (path arithmetic instead of one add_child per page):
    # 5,000 add_child calls take minutes, and only the data shape matters here.
    pages = []
    for number in range(count):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {number}"
        slug = f"person-{number}"
        pages.append(
            Page(
                title=name,
                draft_title=name,
                slug=slug,
                path=directory.path + _step(number + 1),
                depth=directory.depth + 1,
                numchild=0,
                url_path=f"{directory.url_path}{slug}/",
                live=True,
                content_type=content_type,
                locale=locale,
                translation_key=uuid.uuid4(),
                first_published_at=now,
                last_published_at=now,
            )
        )
    with transaction.atomic():
        Page.objects.bulk_create(pages, batch_size=1000)
        profiles = [
            ResourcePersonPage(
                page_ptr_id=page.pk,
                title=page.title,
                job_title=rng.choice(TITLES),
                organisation=rng.choice(organisations),
                ask_me_about=rng.choice(EXPERTISE),
                email=f"person{index}@example.org",
                phone="+46 8 123 45 67",
                hidden_from_directory=index % 50 == 0,
                summary="",
            )
            for index, page in enumerate(pages)
        ]
        fields = list(ResourcePersonPage._meta.local_concrete_fields)
        for start in range(0, len(profiles), 1000):
            ResourcePersonPage.objects._insert(profiles[start : start + 1000], fields=fields, raw=True)
        links = ResourcePersonPage.topics.through
        links.objects.bulk_create(
            [
                links(resourcepersonpage_id=page.pk, topic_id=topic.pk)
                for page in pages
                for topic in rng.sample(topics, rng.randint(1, 3))
            ],
            batch_size=5000,
        )
        SpokenLanguage.objects.bulk_create(
            [
                SpokenLanguage(person_id=page.pk, language=language, sort_order=order)
                for page in pages
                for order, language in enumerate(rng.sample(LANGUAGES, rng.randint(1, 3)))
            ],
            batch_size=5000,
        )
        Page.objects.filter(pk=directory.pk).update(numchild=count)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    directory.refresh_from_db()
    return directory, topics, organisations


def _step(number):
    # Treebeard's materialised path: four base-36 digits per level.
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    digits = ""
    while number:
        number, remainder = divmod(number, 36)
        digits = alphabet[remainder] + digits
    return digits.rjust(4, "0")


def timed(client, url, params, rounds):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from portal.stack import run_roomy

    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        response = run_roomy(client.get, url, params)  # as a served process runs it (portal/stack.py)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, params, response.status_code)
    with CaptureQueriesContext(connection) as captured:
        client.get(url, params)
    QUERIES.append(len(captured))
    return timings


QUERIES = []


def report(label, timings, target):
    p50, p95 = statistics.median(timings), percentile(timings, 0.95)
    verdict = "OK" if p95 <= target else "OVER TARGET"
    print(
        f"{label:<34} n={len(timings):<4} p50={p50:6.1f} ms  p95={p95:6.1f} ms  (target p95 <= {target} ms: {verdict})"
    )


def run(args):
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from portal.warm import settle

    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL server, or leave it unset to start a throwaway one.")
    # No setup_test_environment(): its template instrumentation copies every template's context for
    # the test client, a cost no served page pays. "localhost" is an allowed host as it is.
    test_database = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        directory, topics, organisations = build(args.profiles)
        print(f"Built {args.profiles} profiles in {time.perf_counter() - started:.1f} s (database {test_database})")
        client = Client(HTTP_HOST="localhost")
        client.force_login(get_user_model().objects.create_user("bench", "bench@example.org", "x"))
        url = directory.url
        rng = random.Random(1)  # noqa: S311
        timed(client, url, {}, 3)  # warm up connections, templates and caches
        settle()  # as a served process is after start (portal/wsgi.py, portal/warm.py)
        QUERIES.clear()

        searches = []
        for query in SEARCHES:
            searches += timed(client, url, {"q": query}, args.rounds)
        report("directory search (q only)", searches, 100)

        filtered = []
        for _ in range(15):
            params = {
                "q": rng.choice(SEARCHES),
                "topic": rng.choice(topics).pk,
                "organisation": rng.choice(organisations).pk,
                "language": rng.choice(LANGUAGES),
            }
            filtered += timed(client, url, params, args.rounds)
        for letter in "ABCDEFGHIJKLMNOPRSTU":
            filtered += timed(client, url, {"letter": letter, "page": 2}, 1)
        report("directory search + filters/A–Z", filtered, 100)
        report("directory, all together", searches + filtered, 100)
        print(f"{'directory warm SQL queries':<34} min={min(QUERIES)} max={max(QUERIES)} per request")

        QUERIES.clear()
        autocomplete = []
        for query in SEARCHES[1:]:
            for length in range(2, min(len(query), 7) + 1):
                autocomplete += timed(client, f"{url}autocomplete/", {"q": query[:length]}, 1)
        report("autocomplete", autocomplete, 50)
        print(f"{'autocomplete warm SQL queries':<34} min={min(QUERIES)} max={max(QUERIES)} per request")
    finally:
        connection.creation.destroy_test_db(test_database, verbosity=0)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--profiles", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=4, help="times each query is repeated")
    args = parser.parse_args()
    with ExitStack() as services:
        if not os.environ.get("DATABASE_URL"):
            import run_tests

            os.environ["DATABASE_URL"] = services.enter_context(run_tests.postgresql())
        run(args)


if __name__ == "__main__":
    main()
