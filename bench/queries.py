"""Which SQL each page type runs, warm, and where in Erfa's code it comes from. A tool, not a test.

    DATABASE_URL=... .venv/bin/python bench/queries.py [--sql] [--cpu N] [PAGE ...]

Runs against a database that already holds the demo content (`make run`'s commands, or bench/pages.py's
set-up). Signed in as the demo employee through Django's test client, it requests each page twice and
prints the second (warm) request's query count, grouped by the first frame in Erfa's own code that
led to each query (the template or the Python line), with --sql the statements themselves. With
--cpu N it also renders each page N more times and prints the median CPU milliseconds per request
(process time of this Python process: the app's share, without PostgreSQL's).
"""

import argparse
import os
import statistics
import sys
import time
import traceback
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

PAGES = [
    "home",
    "case-study index",
    "method index",
    "case study",
    "method",
    "templates index",
    "template",
    "network",
    "resource person",
    "search",
    "directory",
]


def page_urls():
    from casestudies.models import CaseStudyIndexPage, CaseStudyPage
    from methods.models import MethodIndexPage, MethodPage, ShareableTemplateIndexPage, ShareableTemplatePage
    from networks.models import NetworkPage
    from people.models import ResourcePersonIndexPage, ResourcePersonPage

    def first(model):
        page = model.objects.live().filter(locale__language_code="en").order_by("path").first()
        return page.url if page is not None else None

    return {
        "home": "/en/",
        "case-study index": first(CaseStudyIndexPage),
        "method index": first(MethodIndexPage),
        "case study": first(CaseStudyPage),
        "method": first(MethodPage),
        "templates index": first(ShareableTemplateIndexPage),
        "template": first(ShareableTemplatePage),
        "network": first(NetworkPage),
        "resource person": first(ResourcePersonPage),
        "search": "/en/search/?q=reflection",
        "directory": first(ResourcePersonIndexPage),
    }


def origin(stack):
    """The innermost frame in Erfa's own code (or a template it renders)."""
    for frame in reversed(stack):
        name = frame.filename
        if "/.venv/" in name or "site-packages" in name or name.endswith("bench/queries.py"):
            continue
        if str(ROOT) in name:
            return f"{Path(name).relative_to(ROOT)}:{frame.lineno} {frame.name}"
    return "(framework)"


def template_origin():
    """The template line being rendered, from the Django template engine's frames."""
    import inspect

    from django.template.base import Node

    frame = inspect.currentframe()
    while frame is not None:
        node = frame.f_locals.get("self")
        # type(), not isinstance(): the latter would evaluate lazy objects such as request.user.
        if issubclass(type(node), Node) and node.token is not None and node.origin is not None:
            return f"{node.origin.template_name or node.origin.name}:{node.token.lineno}"
        frame = frame.f_back
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", metavar="PAGE", help=", ".join(PAGES))
    parser.add_argument("--sql", action="store_true", help="print every statement")
    parser.add_argument("--cpu", type=int, default=0, metavar="N", help="render each page N times and time it")
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    # No setup_test_environment(): it would copy every template context, which costs CPU of its own.
    client = Client(HTTP_HOST="localhost")
    client.force_login(get_user_model().objects.get(username="employee"))
    urls = page_urls()
    for name in args.pages or PAGES:
        url = urls[name]
        client.get(url)
        captured = []

        def record(execute, sql, params, many, context, captured=captured):
            captured.append((sql, template_origin() or origin(traceback.extract_stack()[:-1])))
            return execute(sql, params, many, context)

        with connection.execute_wrapper(record):
            response = client.get(url)
        print(f"\n== {name} {url}: {response.status_code}, {len(captured)} queries")
        groups = defaultdict(list)
        for sql, where in captured:
            groups[where].append(sql)
        for where, statements in groups.items():
            print(f"  {len(statements):3d}  {where}")
            if args.sql:
                for sql in statements:
                    print(f"         {sql[:300]}")
        tables = Counter(sql.split(" FROM ", 1)[1].split()[0] if " FROM " in sql else sql[:30] for sql, _ in captured)
        print("       tables: " + ", ".join(f"{table} x{count}" for table, count in tables.most_common()))
        if args.cpu:
            timings = []
            for _ in range(args.cpu):
                started = time.process_time()
                client.get(url)
                timings.append((time.process_time() - started) * 1000)
            print(f"       CPU ms per request: median {statistics.median(timings):.1f}, min {min(timings):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
