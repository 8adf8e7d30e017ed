"""Search at 10,000 pages in five languages, on OpenSearch and PostgreSQL. A benchmark, not a test.

    .venv/bin/python bench/search.py [--pages 10000] [--rounds 3]

Without DATABASE_URL and OPENSEARCH_URL it starts a throwaway PostgreSQL and OpenSearch node
through scripts/run_tests.py (as `make test` does; needs its system packages) and stops them
afterwards; with both set it uses those servers, in a database of its own (`test_<name>`). It writes
the pages straight into the tree (treebeard path arithmetic, bulk inserts), times `update_index` on
each backend (pages per second), then times 50 varied queries, ten per language, each repeated
--rounds times: the engine's top ten alone, and the search page's whole work (ranked hits,
permission filter, facets, one page of results; templates excluded), in the reader's language
and across all languages (page n of each language is one page translated, shown once).
Each line prints p50 and p95 in milliseconds against the target.
Targets (issues 7 and 12): OpenSearch p95 <= 100 ms, PostgreSQL p95 <= 200 ms.
The machine's other load shows in the figures: compare runs made side by side.
"""

import argparse
import io
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

WORDS = {
    "en": ["meeting", "meetings", "network", "networks", "reflection", "template", "templates", "leadership",
           "care", "workplace", "colleagues", "lessons", "feedback", "planning", "quality", "safety"],
    "sv": ["nätverk", "nätverken", "möte", "mötena", "mall", "mallar", "reflektion", "ledarskap", "vård",
           "arbetsplats", "kollegor", "lärdomar", "återkoppling", "planering", "kvalitet", "säkerhet"],
    "nb": ["møte", "møtene", "nettverk", "nettverkene", "mal", "malene", "refleksjon", "ledelse", "omsorg",
           "arbeidsplass", "kolleger", "erfaringer", "tilbakemelding", "planlegging", "kvalitet", "sikkerhet"],
    "da": ["skabelon", "skabelonerne", "netværk", "netværkene", "møde", "møderne", "refleksion", "ledelse",
           "pleje", "arbejdsplads", "kolleger", "erfaringer", "feedback", "planlægning", "kvalitet", "sikkerhed"],
    "nl": ["netwerk", "netwerken", "vergadering", "vergaderingen", "sjabloon", "sjablonen", "reflectie",
           "leiderschap", "zorg", "werkplek", "collega's", "lessen", "terugkoppeling", "planning", "kwaliteit"],
}  # fmt: skip
QUERIES = {
    "en": ["meetings", "network", "reflection meeting", "templates for planning", "leadership", "care workplace",
           "lessons learned", "quality and safety", "colleague feedback", "networks"],
    "sv": ["nätverken", "möte", "mallar", "reflektion", "ledarskap i vården", "arbetsplatsen", "lärdomar",
           "kvalitet", "kollegor återkoppling", "planering"],
    "nb": ["møtene", "nettverk", "malene", "refleksjon", "ledelse", "omsorg", "arbeidsplassen", "erfaringer",
           "tilbakemelding", "sikkerhet"],
    "da": ["skabelonerne", "netværk", "møderne", "refleksion", "ledelse", "pleje", "arbejdspladsen",
           "erfaringer", "planlægning", "sikkerhed"],
    "nl": ["netwerken", "vergadering", "sjablonen", "reflectie", "leiderschap", "zorg", "werkplekken", "lessen",
           "terugkoppeling", "kwaliteit"],
}  # fmt: skip


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def step(number):
    """Treebeard's materialised path: four base-36 digits per level."""
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    digits = ""
    while number:
        number, remainder = divmod(number, 36)
        digits = alphabet[remainder] + digits
    return digits.rjust(4, "0")


def build(total, seed=7):
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Page

    from home.models import HomePage
    from methods.factories import MethodIndexPageFactory
    from methods.models import MethodPage
    from portal.models import Topic

    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets.
    call_command("setup_site", stdout=io.StringIO())
    content_type = ContentType.objects.get_for_model(MethodPage)
    now = timezone.now()
    per_language = total // len(WORDS)
    # Page n in each language is one page translated: "all languages" shows each group once.
    groups = [uuid.uuid4() for _number in range(per_language)]
    for language, words in WORDS.items():
        home = HomePage.objects.get(locale__language_code=language)
        index = MethodIndexPageFactory(parent=home, slug=f"methods-{language}")
        topics = Topic.objects.bulk_create(
            [Topic(name=f"{word.title()} {n}", locale=home.locale) for n, word in enumerate(words[:6])]
        )
        pages = []
        for number in range(per_language):
            title = " ".join(rng.sample(words, 3)).capitalize() + f" {number}"
            slug = f"method-{number}"
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    path=index.path + step(number + 1),
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}{slug}/",
                    live=True,
                    content_type=content_type,
                    locale=home.locale,
                    translation_key=groups[number],
                    first_published_at=now,
                    last_published_at=now,
                )
            )
        with transaction.atomic():
            Page.objects.bulk_create(pages, batch_size=1000)
            methods = [
                MethodPage(
                    page_ptr_id=page.pk,
                    title=page.title,
                    summary=" ".join(rng.choices(words, k=12)).capitalize() + ".",
                    description="<p>" + " ".join(rng.choices(words, k=60)) + ".</p>",
                    facilitator_role=" ".join(rng.choices(words, k=8)),
                    participants_role=" ".join(rng.choices(words, k=8)),
                )
                for page in pages
            ]
            fields = list(MethodPage._meta.local_concrete_fields)
            for start in range(0, len(methods), 1000):
                MethodPage.objects._insert(methods[start : start + 1000], fields=fields, raw=True)
            links = MethodPage.topics.through
            links.objects.bulk_create(
                [
                    links(methodpage_id=page.pk, topic_id=topic.pk)
                    for page in pages
                    for topic in rng.sample(topics, rng.randint(1, 2))
                ],
                batch_size=5000,
            )
            Page.objects.filter(pk=index.pk).update(numchild=per_language)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return per_language * len(WORDS)


def index_throughput(backend_name, pages):
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("update_index", backend_name=backend_name, stdout=io.StringIO(), stderr=io.StringIO())
    seconds = time.perf_counter() - started
    print(f"update_index {backend_name:<11} {seconds:6.1f} s  {pages / seconds:7.0f} pages/s (all models)")


def time_queries(label, backend, rounds, target):
    from django.utils import translation

    from search import facets, service
    from search.backends.languages import ALL, search_language
    from search.query import query_terms
    from search.results import result_items

    engine, whole, everywhere, found = [], [], [], []
    for language, queries in QUERIES.items():
        with translation.override(language):
            for query in queries:
                for _round in range(rounds):
                    started = time.perf_counter()
                    with search_language(language):
                        top = list(backend.search(query, service.scope(language), operator="or")[:10])
                    engine.append((time.perf_counter() - started) * 1000)

                    started = time.perf_counter()
                    outcome = service.run_search(query, language, backend)
                    values = facets.facet_values(outcome.hits)
                    hits = facets.apply_filters(outcome.hits, values, {})
                    facets.facet_counts(hits, values, {})
                    result_items(hits[:10], query_terms(query))
                    whole.append((time.perf_counter() - started) * 1000)

                    started = time.perf_counter()
                    outcome = service.run_search(query, ALL, backend, reader=language)
                    values = facets.facet_values(outcome.hits)
                    hits = facets.apply_filters(outcome.hits, values, {})
                    facets.facet_counts(hits, values, {}, language)
                    result_items(hits[:10], query_terms(query), None, language)
                    everywhere.append((time.perf_counter() - started) * 1000)
                found.append(len(top))
    timed = (("engine top 10", engine), ("search page work", whole), ("all languages", everywhere))
    for name, timings in timed:
        p50, p95 = statistics.median(timings), percentile(timings, 0.95)
        verdict = "OK" if p95 <= target else "OVER TARGET"
        print(
            f"{label:<11} {name:<17} n={len(timings):<4} p50={p50:6.1f} ms  p95={p95:6.1f} ms"
            f"  (target p95 <= {target} ms: {verdict})"
        )
    print(f"{label:<11} queries with hits: {sum(1 for n in found if n)}/{len(found)}")


def run(args):
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment
    from wagtail.search.backends import get_search_backend

    from portal.warm import settle

    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.database", "AUTO_UPDATE": False},
        "opensearch": {
            "BACKEND": "search.backends.opensearch2",
            "URLS": [os.environ["OPENSEARCH_URL"]],
            "INDEX_PREFIX": f"erfa_bench_{uuid.uuid4().hex[:6]}_",
            "AUTO_UPDATE": False,
            "TIMEOUT": 30,
        },
    }
    setup_test_environment()
    test_database = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    opensearch = get_search_backend("opensearch")
    try:
        started = time.perf_counter()
        pages = build(args.pages)
        print(f"Built {pages} method pages in five languages in {time.perf_counter() - started:.1f} s")
        index_throughput("default", pages)
        index_throughput("opensearch", pages)
        # As a served process is after start (portal/wsgi.py): start-up's objects frozen, out of the
        # garbage collector's full passes, which would otherwise pause a timed search now and then.
        settle()
        time_queries("OpenSearch", opensearch, args.rounds, 100)
        time_queries("PostgreSQL", get_search_backend("default"), args.rounds, 200)
    finally:
        opensearch.es.indices.delete(index=settings.WAGTAILSEARCH_BACKENDS["opensearch"]["INDEX_PREFIX"] + "*")
        connection.creation.destroy_test_db(test_database, verbosity=0)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3, help="times each query is repeated")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ.setdefault("ERFA_TESTING", "1")
    with ExitStack() as services:
        if not os.environ.get("DATABASE_URL") or not os.environ.get("OPENSEARCH_URL"):
            import run_tests

            os.environ["DATABASE_URL"] = services.enter_context(run_tests.postgresql())
            os.environ["OPENSEARCH_URL"] = services.enter_context(run_tests.opensearch())
        run(args)


if __name__ == "__main__":
    main()
