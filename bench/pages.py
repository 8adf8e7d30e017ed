"""What each page type costs in production mode, beside a bare Django view. A benchmark, not a test.

    .venv/bin/python bench/pages.py [--duration 8] [--rounds 1] [--env NAME=VALUE ...]

It starts a throwaway PostgreSQL (scripts/run_tests.py's, as `make test` does) unless DATABASE_URL is
set, loads the demo content (`make run`'s commands, with immediate tasks so the search index is
filled), collects the static files and starts two gunicorns with 2 sync workers each: Erfa in
production mode (DJANGO_DEBUG unset, database connections kept as configured, DATABASE_CONN_MAX_AGE
and the rest from the environment or --env) and bench/bare_app.py, one view without middleware.
Signed in as the demo employee (session and CSRF cookies, as a browser keeps them), it drives each
page type with wrk (Debian's `wrk`; without it, a small threaded keep-alive client in this file),
alternating a run of the bare view and a run of the page, and prints per page: requests per second,
p50/p95 latency, CPU ms per request of the gunicorn processes (from /proc) and of the PostgreSQL
server processes (the whole server: nothing else uses it during a run), the warm query count (the
second request, through Django's test client), and Erfa's share of the bare view's requests per second.

With --redis it starts a throwaway Redis and sets REDIS_URL, as production runs: the shared parts
(portal/fragments.py), the page cache and the sessions then live in it, and its CPU is reported too.

Compare settings by running it twice, e.g. `--env DATABASE_CONN_MAX_AGE=0` against the default, or a
page cache switched off and on. Run it on an otherwise idle machine: the figures are CPU-bound.
"""

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import run_tests  # noqa: E402 - scripts/ is not a package; its PostgreSQL helper is reused as it is.

PAGES = [
    "home",
    "case-study index",
    "method index",
    "case study",
    "method",
    "network",
    "resource person",
    "search ?q=reflection",
    "people directory",
]
TICKS = os.sysconf("SC_CLK_TCK")
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d %d\\n", summary.requests, summary.duration,
    e.status + e.connect + e.read + e.write + e.timeout, latency:percentile(50), latency:percentile(95)))
end
"""


def say(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# --- Inside Django: the signed-in session, the pages' URLs and their warm query counts ----------


def describe_site():
    """Runs in a subprocess with Erfa's production settings; prints JSON for the parent."""
    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from casestudies.models import CaseStudyIndexPage, CaseStudyPage
    from methods.models import MethodIndexPage, MethodPage
    from networks.models import NetworkPage
    from people.models import ResourcePersonIndexPage, ResourcePersonPage

    user = get_user_model().objects.get(username="employee")
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    # The backend a sign-in with a password records (the first that authenticates: axes only refuses).
    session[BACKEND_SESSION_KEY] = "accounts.sso.backends.LocalAccountsBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()

    def first(model):
        page = model.objects.live().filter(locale__language_code="en").order_by("path").first()
        if page is None:
            raise SystemExit(f"The demo content has no live English {model.__name__}.")
        return page.url

    urls = {
        "home": "/en/",
        "case-study index": first(CaseStudyIndexPage),
        "method index": first(MethodIndexPage),
        "case study": first(CaseStudyPage),
        "method": first(MethodPage),
        "network": first(NetworkPage),
        "resource person": first(ResourcePersonPage),
        "search ?q=reflection": "/en/search/?q=reflection",
        "people directory": first(ResourcePersonIndexPage),
    }
    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies["sessionid"] = session.session_key
    queries = {}
    for name, url in urls.items():
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{name} ({url}) answered {response.status_code} to the signed-in employee.")
        queries[name] = len(captured)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend_pid = cursor.fetchone()[0]
    # The backend's parent is the postmaster, whose process tree is PostgreSQL's whole CPU use (when it
    # runs on this machine); read while this connection, and so this backend, is still open.
    postmaster = parent_pid(backend_pid)
    # The CSRF cookie the pages set, which a browser sends back: without it every page sets a new one.
    csrf = client.cookies["csrftoken"].value if "csrftoken" in client.cookies else ""
    described = {"session": session.session_key, "csrf": csrf, "urls": urls, "queries": queries}
    print(json.dumps({**described, "postmaster": postmaster}))


# --- Processes and their CPU time ---------------------------------------------------------------


def stat_fields(pid):
    with open(f"/proc/{pid}/stat") as handle:
        # After the command name (which may hold spaces): state, ppid, ... utime stime cutime cstime.
        return handle.read().rsplit(")", 1)[1].split()


def children(pid):
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if int(stat_fields(entry)[1]) == pid:
                    found.append(int(entry))
            except (OSError, IndexError):
                continue
    return found


def tree_cpu_seconds(pid):
    """CPU time of a process and all its descendants, living or reaped."""
    try:
        fields = stat_fields(pid)
    except OSError:
        return 0.0
    ticks = sum(int(value) for value in fields[11:15])  # utime, stime, cutime, cstime
    return ticks / TICKS + sum(tree_cpu_seconds(child) for child in children(pid))


def parent_pid(pid):
    try:
        return int(stat_fields(pid)[1])
    except OSError:
        return None


def wait_for_http(port, path="/", timeout=60, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise SystemExit(f"The server on port {port} stopped while starting.")
        try:
            status, _ = fetch(port, path)
            return status
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"Nothing answered on port {port}.")


def fetch(port, path, cookie=""):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@contextmanager
def gunicorn(app, env, log_path):
    port = run_tests.free_port()
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", app, "--workers", "2", "--worker-class", "sync"]
            + ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for_http(port, process=process)
        yield process, port
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# --- Load ------------------------------------------------------------------------------------


def run_wrk(port, path, cookie, duration, connections, threads, script):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "-s", script]
    command += ["-H", f"Cookie: {cookie}", f"http://127.0.0.1:{port}{path}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    match = re.search(r"^BENCH (\d+) (\d+) (\d+) (\d+) (\d+)$", output, flags=re.MULTILINE)
    requests, micros, errors, p50, p95 = (int(value) for value in match.groups())
    return {"requests": requests, "seconds": micros / 1e6, "errors": errors, "p50": p50 / 1000, "p95": p95 / 1000}


def run_threads(port, path, cookie, duration, connections, _threads, _script):
    """wrk's stand-in: one keep-alive connection per thread, for `duration` seconds."""
    latencies, errors, lock = [], [0], threading.Lock()
    deadline = time.monotonic() + duration

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.monotonic() < deadline:
            started = time.monotonic()
            try:
                connection.request("GET", path, headers={"Cookie": cookie})
                response = connection.getresponse()
                response.read()
                failed = response.status >= 400
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                failed = True
            with lock:
                latencies.append(time.monotonic() - started)
                errors[0] += failed
        connection.close()

    started = time.monotonic()
    workers = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    ordered = sorted(latencies) or [0.0]
    return {
        "requests": len(latencies),
        "seconds": time.monotonic() - started,
        "errors": errors[0],
        "p50": ordered[len(ordered) // 2] * 1000,
        "p95": ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000,
    }


def measure(load, server, port, path, cookie, args, postmaster=None, cache_server=None):
    app_before = tree_cpu_seconds(server.pid)
    db_before = tree_cpu_seconds(postmaster) if postmaster else None
    cache_before = tree_cpu_seconds(cache_server.pid) if cache_server else None
    result = load(port, path, cookie, args.duration, args.connections, args.threads, args.wrk_script)
    requests = max(result["requests"], 1)
    result["rps"] = result["requests"] / result["seconds"]
    result["app_ms"] = (tree_cpu_seconds(server.pid) - app_before) * 1000 / requests
    result["db_ms"] = (tree_cpu_seconds(postmaster) - db_before) * 1000 / requests if postmaster else None
    result["cache_ms"] = (tree_cpu_seconds(cache_server.pid) - cache_before) * 1000 / requests if cache_server else None
    return result


@contextmanager
def redis_server():
    """A throwaway Redis, as production runs with one (REDIS_URL): the cache every worker shares, so the
    shared parts (portal/fragments.py) and the page cache are kept for all, and sessions are read from it."""
    executable = shutil.which("redis-server")
    if executable is None:
        raise SystemExit("--redis needs redis-server (apt-get install redis-server).")
    port = run_tests.free_port()
    process = subprocess.Popen(
        [executable, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise SystemExit("redis-server did not start.") from None
                time.sleep(0.1)
        yield process, f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=30)


# --- Setting up ------------------------------------------------------------------------------


def production_env(database_url, workdir, overrides):
    env = {name: value for name, value in os.environ.items() if name not in {"DJANGO_DEBUG", "ERFA_TESTING"}}
    env.update(
        {
            "DATABASE_URL": database_url,
            "SECRET_KEY": "bench-only-" + "x" * 50,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            # Plain HTTP on loopback: no redirect to HTTPS.
            "SECURE_SSL_REDIRECT": "0",
            "STATIC_ROOT": str(workdir / "static"),
            "MEDIA_ROOT": str(workdir / "media"),
            "SEARCH_BACKEND": env.get("SEARCH_BACKEND", "database"),
            "LOG_LEVEL": "WARNING",
        }
    )
    env.update(overrides)
    return env


def prepare(env, load_content):
    # Immediate tasks while loading, so that the search index is written before the first search.
    setup_env = dict(env, TASKS_BACKEND="immediate")
    commands = [["compile_translations"], ["migrate", "--noinput"], ["collectstatic", "--noinput"]]
    if load_content:
        commands += [
            ["setup_site"],
            ["setup_roles"],
            ["create_demo_users", "--allow-production"],
            ["load_demo_content"],
        ]
    for command in commands:
        say(f"manage.py {' '.join(command)}")
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=setup_env, check=True, stdout=subprocess.DEVNULL
        )
    described = subprocess.run(
        [sys.executable, __file__, "--describe-site"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if described.returncode != 0:
        raise SystemExit(described.stderr[-4000:] or described.stdout[-4000:])
    return json.loads(described.stdout.strip().splitlines()[-1])


def create_database(url):
    """The throwaway server has only its maintenance databases: make the one its URL names."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return url


def table(rows):
    header = (
        f"{'page':<22} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'app ms':>7} {'db ms':>6} {'redis ms':>8}"
        f" {'queries':>7}"
        f" {'bare req/s':>10} {'bare ms':>7} {'share':>6}"
    )
    lines = [header, "-" * len(header)]
    for name, page, bare, queries in rows:
        db = f"{page['db_ms']:6.1f}" if page["db_ms"] is not None else f"{'-':>6}"
        db += f" {page['cache_ms']:8.2f}" if page.get("cache_ms") is not None else f" {'-':>8}"
        errors = f"  ({page['errors']} errors)" if page["errors"] else ""
        lines.append(
            f"{name:<22} {page['rps']:7.1f} {page['p50']:7.1f} {page['p95']:7.1f} {page['app_ms']:7.1f} {db}"
            f" {queries:7d} {bare['rps']:10.0f} {bare['app_ms']:7.2f} {page['rps'] / bare['rps']:6.1%}{errors}"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=8, help="seconds of load per page and per bare run")
    parser.add_argument("--rounds", type=int, default=1, help="repeat the whole alternation")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2, help="wrk's threads")
    parser.add_argument("--pages", nargs="*", choices=PAGES, default=PAGES, metavar="PAGE")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE", help="for Erfa's gunicorn")
    parser.add_argument(
        "--redis", action="store_true", help="start a throwaway Redis and set REDIS_URL, as production runs"
    )
    parser.add_argument("--no-load", action="store_true", help="DATABASE_URL already holds the demo content")
    parser.add_argument("--describe-site", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.describe_site:
        sys.path.insert(0, str(ROOT))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
        return describe_site()

    overrides = dict(item.split("=", 1) for item in args.env)
    load = run_wrk if shutil.which("wrk") else run_threads
    if load is run_threads:
        say("wrk is not installed (apt-get install wrk): using the threaded Python client, which costs CPU too")
    with ExitStack() as stack:
        workdir = Path(tempfile.mkdtemp(prefix="erfa-bench-"))
        stack.callback(shutil.rmtree, workdir, ignore_errors=True)
        database_url = os.environ.get("DATABASE_URL") or create_database(stack.enter_context(run_tests.postgresql()))
        cache_server = None
        if args.redis:
            cache_server, redis_url = stack.enter_context(redis_server())
            overrides = {"REDIS_URL": redis_url, **overrides}
        env = production_env(database_url, workdir, overrides)
        site = prepare(env, load_content=not args.no_load)
        args.wrk_script = str(workdir / "report.lua")
        Path(args.wrk_script).write_text(WRK_SCRIPT)
        cookie = f"sessionid={site['session']}; csrftoken={site['csrf']}"
        postmaster = site["postmaster"]
        if postmaster is None:
            say("PostgreSQL runs elsewhere: its CPU is not measured")
        erfa, erfa_port = stack.enter_context(gunicorn("portal.wsgi", env, workdir / "erfa.log"))
        bare, bare_port = stack.enter_context(gunicorn("bench.bare_app:application", env, workdir / "bare.log"))
        for name in args.pages:
            for _ in range(20):  # both workers warm: templates loaded, connections open
                status, _body = fetch(erfa_port, site["urls"][name], cookie)
                if status != 200:
                    raise SystemExit(f"{name} answered {status}: {(workdir / 'erfa.log').read_text()[-3000:]}")
        conn_max_age = env.get("DATABASE_CONN_MAX_AGE", "600 (default)")
        say(f"{load.__name__}, {args.connections} connections, {args.duration} s per run, conn_max_age {conn_max_age}")
        results = {name: {"page": [], "bare": []} for name in args.pages}
        for _round in range(args.rounds):
            for name in args.pages:
                results[name]["bare"].append(measure(load, bare, bare_port, "/", cookie, args))
                results[name]["page"].append(
                    measure(load, erfa, erfa_port, site["urls"][name], cookie, args, postmaster, cache_server)
                )
                say(f"{name}: {results[name]['page'][-1]['rps']:.1f} req/s")
        rows = []
        for name in args.pages:
            page, bare_runs = results[name]["page"], results[name]["bare"]
            rows.append((name, median_run(page), median_run(bare_runs), site["queries"][name]))
        print(
            f"Erfa in production mode, gunicorn 2 sync workers, signed in as an employee; {load.__name__}, "
            f"{args.connections} connections, {args.duration} s runs, {args.rounds} round(s); "
            f"DATABASE_CONN_MAX_AGE={conn_max_age}; overrides: {overrides or 'none'}"
        )
        print(table(rows))
    return 0


def median_run(runs):
    """Per figure, the median over the rounds."""
    merged = {}
    for key in runs[0]:
        values = [run[key] for run in runs]
        merged[key] = None if values[0] is None else statistics.median(values)
    return merged


if __name__ == "__main__":
    sys.exit(main())
