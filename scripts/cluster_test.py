"""`make cluster-test`: Erfa on more than one machine, on one machine's loopback ports, under load.

It starts what docs/deploy.md describes, each part as its own process: PostgreSQL, a two-node
OpenSearch cluster, Redis (cache, sessions, the page cache's generation), a local SMTP sink, two
gunicorn app servers in production mode, one task worker (`manage.py db_worker`) and nginx in front,
with the shipped site file deploy/nginx/erfa-cluster.conf. It loads the demo content, then runs
scripts/cluster_load.py for CLUSTER_SECONDS (60): 16 signed-in readers through nginx reading, searching
and writing contact messages, while an editor publishes pages through the second app server.

Targets, printed with the figures; the exit status is 1 when one fails:
- no errors (every answer 200, every sign-in and form as expected);
- every publish visible on both app servers and in search within 2 s;
- no contact message lost: each one the site accepted reaches the SMTP sink once the worker is done.
Everything started here is stopped at the end, whatever happens.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cluster_load  # noqa: E402
import run_tests  # noqa: E402
from run_tests import IS_ROOT, ROOT, build_opensearch_launcher, free_port, postgres_bindir  # noqa: E402

SECONDS = int(os.environ.get("CLUSTER_SECONDS", "60"))
READERS = int(os.environ.get("CLUSTER_READERS", "16"))
# On one machine, the readers' load and the app servers serving it would starve the task worker and the
# search nodes, which in the deployment have machines of their own (docs/deploy.md): the web tier and
# the load run at a lower scheduling priority, as on a host shared with the worker its unit asks
# (deploy/systemd/erfa-worker.service, CPUWeight).
WEB_TIER = ["nice", "-n", "5"]
VISIBLE_WITHIN = float(os.environ.get("CLUSTER_VISIBLE_WITHIN", "2"))
HEAP = os.environ.get("OPENSEARCH_HEAP", "384m")
SITE_FILE = ROOT / "deploy" / "nginx" / "erfa-cluster.conf"
NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")


def say(message):
    print(f"[cluster-test] {message}", flush=True)


def missing_packages():
    needed = {
        "postgresql": postgres_bindir(),
        "default-jdk-headless": shutil.which("java") and shutil.which("javac"),
        "maven": shutil.which("mvn"),
        "nginx": shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin"),
        "redis-server": shutil.which("redis-server"),
    }
    return [package for package, found in needed.items() if not found]


def ensure_system_packages():
    missing = missing_packages()
    if not missing:
        return
    if not IS_ROOT:
        say(f"Install the missing Debian packages, then run again:  sudo apt-get install -y {' '.join(missing)}")
        sys.exit(1)
    say(f"Installing missing Debian packages: {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)
    global NGINX  # noqa: PLW0603 - found only now that it is installed.
    NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")


@contextmanager
def process(name, command, workdir, env=None, cwd=ROOT):
    """A long-running service whose output goes to workdir/<name>.log; stopped (TERM, then KILL) on exit."""
    log_path = workdir / f"{name}.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    proc.log_path = log_path
    try:
        yield proc
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def wait_for_http(url, proc, timeout=120, ok=lambda status: status == 200):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own loopback service.
                if ok(response.status):
                    return
        except OSError:
            pass
        time.sleep(0.5)
    say(f"{url} did not answer. The end of {proc.log_path.name}:")
    print("\n".join(proc.log_path.read_text(errors="replace").splitlines()[-40:]))
    raise SystemExit(1)


def opensearch_cluster(services, workdir):
    """Two nodes, each its own JVM, that find each other over their transport ports."""
    classpath = build_opensearch_launcher()
    nodes = [(f"erfa-node-{n}", free_port(), free_port()) for n in (1, 2)]
    seeds = ",".join(f"127.0.0.1:{transport}" for _name, _http, transport in nodes)
    names = ",".join(name for name, _http, _transport in nodes)
    started = []
    for name, http_port, transport_port in nodes:
        say(f"Starting OpenSearch node {name} on 127.0.0.1:{http_port} (heap {HEAP})")
        java = ["java", f"-Xms{HEAP}", f"-Xmx{HEAP}", "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-cp"]
        args = [classpath, "erfa.OpenSearchNode", str(workdir / name), str(http_port), str(transport_port)]
        proc = services.enter_context(process(name, [*java, *args, name, seeds, names], workdir))
        started.append((f"http://127.0.0.1:{http_port}", proc))
    return started


def top_level_blocks(text):
    """The site file's top-level blocks (upstream, server), as text."""
    blocks, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                blocks.append(text[start : index + 1].strip())
                start = index + 1
    return blocks


def nginx_site(port, app_ports, static_root, media_root, workdir):
    """The shipped cluster site on a loopback port without TLS, pointing at this run's servers and folders."""
    text = "\n".join(line for line in SITE_FILE.read_text().splitlines() if not line.strip().startswith("#"))
    blocks = top_level_blocks(text)
    upstream = next(block for block in blocks if block.startswith("upstream "))
    server = next(block for block in blocks if "listen 443 ssl;" in block)
    server = "\n".join(line for line in server.splitlines() if not re.match(r"\s*(listen|ssl_\w+)\s", line))
    site = upstream + "\n" + server.replace("server {", f"server {{\n    listen 127.0.0.1:{port};", 1)
    upstreams = re.findall(r"server (10\.0\.1\.\d+:8000)", site)
    if len(upstreams) != len(app_ports):
        raise SystemExit(f"{SITE_FILE} should list {len(app_ports)} app servers, not {upstreams}")
    for shipped, app_port in zip(upstreams, app_ports, strict=True):
        site = site.replace(shipped, f"127.0.0.1:{app_port}")
    site = site.replace("/srv/erfa/var/static/", f"{static_root}/").replace("/srv/erfa/var/media/", f"{media_root}/")
    temp_paths = "\n".join(f"    {kind}_temp_path {workdir}/{kind};" for kind in ("client_body", "proxy", "fastcgi"))
    return f"""
daemon off;
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log;
{"user root;" if IS_ROOT else ""}
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    access_log {workdir}/nginx-access.log;
{temp_paths}
    uwsgi_temp_path {workdir}/uwsgi;
    scgi_temp_path {workdir}/scgi;
{site}
}}
"""


def create_database(database_url):
    """run_tests.postgresql() starts an empty cluster (pytest makes its own database); Erfa needs one."""
    address = urllib.parse.urlsplit(database_url)
    createdb = [str(postgres_bindir() / "createdb"), "-h", address.hostname, "-p", str(address.port)]
    subprocess.run([*createdb, "-U", address.username, address.path.lstrip("/")], check=True)


def manage(env, *args):
    started = time.monotonic()
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    result = subprocess.run(command, cwd=ROOT, env=env, text=True, stdin=subprocess.DEVNULL, capture_output=True)
    if result.returncode:
        say(f"manage.py {' '.join(args)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        raise SystemExit(1)
    say(f"manage.py {args[0]}: {time.monotonic() - started:.1f} s")
    return result.stdout


def prepare(env):
    """The database, while OpenSearch boots: demo content is indexed into PostgreSQL first (update_index follows)."""
    setup_env = dict(env, SEARCH_BACKEND="database", TASKS_BACKEND="immediate", CLUSTER_READERS=str(READERS))
    with open(ROOT / "scripts" / "cluster_setup.py") as script:
        result = subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "shell"],
            cwd=ROOT,
            env=dict(setup_env, CLUSTER_SETUP_COMMANDS="1"),
            stdin=script,
            capture_output=True,
            text=True,
        )
    for line in result.stdout.splitlines():
        if line.startswith("CLUSTER-STEP "):
            say(line.removeprefix("CLUSTER-STEP "))
    line = next((line for line in result.stdout.splitlines() if line.startswith("CLUSTER-JSON ")), None)
    if result.returncode or line is None:
        say(f"scripts/cluster_setup.py failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        raise SystemExit(1)
    return json.loads(line.removeprefix("CLUSTER-JSON "))


def task_timings(database_url):
    """How long the worker's tasks waited in the queue and ran, per kind: where a late publish lost its time."""
    import psycopg

    query = """
        SELECT task_path, count(*),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM started_at - enqueued_at)),
               max(extract(epoch FROM started_at - enqueued_at)),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - started_at)),
               max(extract(epoch FROM finished_at - started_at))
        FROM django_tasks_database_dbtaskresult WHERE finished_at IS NOT NULL GROUP BY task_path ORDER BY 2 DESC
    """
    with psycopg.connect(database_url) as connection:
        rows = connection.execute(query).fetchall()
    say("Worker tasks (waited in the queue / ran, median and slowest):")
    for path, count, waited, waited_most, ran, ran_most in rows:
        name = path.rsplit(".", 1)[-1]
        say(f"    {name:<28} {count:>4}: waited {waited:.2f} / {waited_most:.2f} s, ran {ran:.2f} / {ran_most:.2f} s")


def indexed_in(database_url, publishes):
    """Add to each publish when the worker had it in the search index, refreshed: the server's own clock.

    The pollers' figure ("search") is when the first search that found the page was sent, which under
    load may be answered much later; the worker's record is exact: the task that indexed the page's
    row finished (search/indexing.py refreshes the index before that) this long after the publish answered.
    """
    import psycopg

    # A task that started once the publish had answered read the committed page; one that started
    # during the publish request may have read it before the commit, so it counts only when no later
    # task came (then it was the one that indexed the page).
    query = """
        SELECT extract(epoch FROM coalesce(min(finished_at) FILTER (WHERE started_at >= to_timestamp(%s)),
                                           max(finished_at)))
        FROM django_tasks_database_dbtaskresult
        WHERE task_path = 'search.indexing.update_search_index' AND status = 'SUCCESSFUL'
          AND args_kwargs -> 'args' ->> 2 = %s AND started_at >= to_timestamp(%s)
    """
    diagnosis = """
        SELECT status, args_kwargs -> 'args', round(extract(epoch FROM enqueued_at) - %s, 2),
               round(extract(epoch FROM started_at - enqueued_at), 2),
               round(extract(epoch FROM finished_at - started_at), 2)
        FROM django_tasks_database_dbtaskresult
        WHERE task_path = 'search.indexing.update_search_index' AND args_kwargs -> 'args' ->> 2 = %s
    """
    with psycopg.connect(database_url) as connection:
        for entry in publishes:
            values = (entry["answered_at"], str(entry["id"]), entry["asked_at"])
            (finished,) = connection.execute(query, values).fetchone()
            entry["indexed"] = (max(0.0, float(finished) - entry["answered_at"]), None) if finished else (None, None)
            if finished is None:  # say what the worker did with the page, to tell a late task from a missing one
                rows = connection.execute(diagnosis, (entry["answered_at"], str(entry["id"]))).fetchall()
                say(f"    page {entry['id']} not indexed after its publish; its index tasks: {rows}")


def report(figures, sent, received, drained_in, elapsed):
    say(f"Load: {READERS} readers for {elapsed:.0f} s through nginx, {figures.requests} requests")
    say(f"Errors: {len(figures.errors)}")
    for error in figures.errors[:20]:
        say(f"    {error}")
    failed = bool(figures.errors)
    say(f"Publishes through app server 2: {len(figures.publishes)} (visible within {VISIBLE_WITHIN:.1f} s of each?)")
    requests = sorted(entry["request"] for entry in figures.publishes)
    if requests:
        median, slowest = requests[len(requests) // 2], requests[-1]
        say(f"    the publish request itself: median {median:.2f} s, slowest {slowest:.2f} s")
    for where in ("server 1", "server 2", "search", "indexed"):
        target = where != "indexed"  # the worker's record is an upper bound, printed beside the target
        # Freshness: when the first request that saw the publish was sent (its answer time is load); for
        # "indexed", when the worker had refreshed the index with it (indexed_in).
        times = [entry.get(where, (None, None)) for entry in figures.publishes]
        late = [sent for sent, _answered in times if sent is None or sent > VISIBLE_WITHIN]
        shown = sorted(sent for sent, _answered in times if sent is not None)
        answered = sorted(answered for _sent, answered in times if answered is not None)
        summary = f"median {shown[len(shown) // 2]:.2f} s, slowest {shown[-1]:.2f} s" if shown else "-"
        answers = f"answered by {answered[-1]:.2f} s at the latest" if answered else ""
        say(f"    fresh on {where:<8}: {summary}; late or never: {len(late)} ({answers})")
        failed |= target and (bool(late) or not times)
    lost = sent - received
    arrived = len(received & sent)
    say(f"Contact messages: {len(sent)} accepted, {arrived} received by the SMTP sink (drained in {drained_in:.1f} s)")
    if lost:
        say(f"    lost: {sorted(lost)[:20]}")
    failed |= bool(lost) or not sent
    say("RESULT: " + ("FAILED" if failed else "all targets met"))
    return 1 if failed else 0


def main():
    started_at = time.monotonic()
    ensure_system_packages()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    workdir = Path(tempfile.mkdtemp(prefix="erfa-cluster-"))
    if IS_ROOT:  # nginx's workers and PostgreSQL's tools run as other users
        workdir.chmod(0o755)
    with ExitStack() as services:
        services.callback(shutil.rmtree, workdir, ignore_errors=True)
        nodes = opensearch_cluster(services, workdir)
        database_url = services.enter_context(run_tests.postgresql())
        create_database(database_url)
        redis_port = free_port()
        redis = ["redis-server", "--bind", "127.0.0.1", "--port", str(redis_port), "--save", "", "--appendonly", "no"]
        services.enter_context(process("redis", redis, workdir, cwd=workdir))
        sink = cluster_load.SmtpSink()
        smtp_port = sink.start()
        services.callback(sink.stop)
        static_root, media_root = workdir / "static", workdir / "media"
        media_root.mkdir()
        env = {key: value for key, value in os.environ.items() if key not in {"ERFA_TESTING", "DJANGO_DEBUG"}}
        env.update(
            DJANGO_DEBUG="0",
            SECRET_KEY="cluster-test-" + os.urandom(24).hex(),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=database_url,
            REDIS_URL=f"redis://127.0.0.1:{redis_port}/0",
            SEARCH_BACKEND="opensearch2",
            SEARCH_URLS=",".join(url for url, _proc in nodes),
            TASKS_BACKEND="database",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(smtp_port),
            EMAIL_USE_TLS="0",
            MEDIA_ROOT=str(media_root),
            STATIC_ROOT=str(static_root),
            MEDIA_SERVE="nginx",
            SECURE_SSL_REDIRECT="0",  # nginx speaks plain HTTP on loopback here
            LOG_LEVEL="WARNING",
        )
        # Static files need no database: collected meanwhile, by a process of their own.
        collect = subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        services.callback(collect.kill)
        plan = prepare(env)
        if collect.wait() != 0:
            raise SystemExit(f"collectstatic failed: {collect.stderr.read()[-3000:]}")
        plan["device"] = {"key": plan["totp_key"], "step": plan["totp_step"], "digits": plan["totp_digits"]}
        for url, proc in nodes:
            wait_for_http(f"{url}/_cluster/health?wait_for_nodes=2&wait_for_status=yellow&timeout=5s", proc, 240)
        say("OpenSearch: two nodes, one cluster")
        # Bulk requests of a whole index take longer than a page's searches may wait (SEARCH_TIMEOUT).
        manage(dict(env, SEARCH_TIMEOUT="120"), "update_index")

        app_ports = [free_port(), free_port()]
        for number, port in enumerate(app_ports, start=1):
            gunicorn = [*WEB_TIER, sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{port}"]
            options = ["--workers", "2", "--threads", "4", "--worker-class", "gthread", "--timeout", "60"]
            # Longer than nginx keeps an idle upstream connection (60 s): nginx closes it first, never
            # sending a request on a connection gunicorn is closing (a 502 nginx may not retry for a POST).
            options += ["--keep-alive", "75"]
            proc = services.enter_context(process(f"app{number}", [*gunicorn, *options], workdir, env=env))
            wait_for_http(f"http://127.0.0.1:{port}/healthz", proc, ok=lambda status: status < 500)
        worker_command = [sys.executable, str(ROOT / "manage.py"), "db_worker", "--interval", "0.1", "--no-reload"]
        worker = services.enter_context(process("worker", worker_command, workdir, env=env))
        nginx_port = free_port()
        (workdir / "nginx.conf").write_text(nginx_site(nginx_port, app_ports, static_root, media_root, workdir))
        nginx_command = [*WEB_TIER, NGINX, "-p", str(workdir), "-c", str(workdir / "nginx.conf")]
        nginx_command += ["-e", str(workdir / "error.log")]
        nginx = services.enter_context(process("nginx", nginx_command, workdir))
        wait_for_http(f"http://127.0.0.1:{nginx_port}/healthz", nginx, ok=lambda status: status < 500)
        say(f"Ready after {time.monotonic() - started_at:.0f} s: nginx on {nginx_port}, app servers on {app_ports}")

        figures = cluster_load.Figures()
        stop = threading.Event()
        base = f"http://127.0.0.1:{nginx_port}"
        app_bases = [f"http://127.0.0.1:{port}" for port in app_ports]
        # Readers, the editor and this thread: the load's clock starts when all have signed in.
        ready = threading.Barrier(len(plan["readers"]) + 2)
        threads = [
            threading.Thread(target=cluster_load.reader, args=(base, name, plan, figures, stop, ready))
            for name in plan["readers"]
        ]
        # A pause between publishes, short enough that most of the prepared drafts are published in time.
        interval = max(1.0, (SECONDS - 10) / max(1, len(plan["publishes"])) / 2)

        def run_editor():
            try:
                cluster_load.editor(plan, app_bases, figures, stop, interval, ready)
            except Exception as error:  # noqa: BLE001 - reported as an error of the run.
                with figures.lock:
                    figures.errors.append(f"editor: {type(error).__name__}: {error}")

        threads.append(threading.Thread(target=run_editor))
        # The load is the web tier's too (WEB_TIER). Linux keeps a niceness per thread and a new thread
        # takes its creator's: so before the load's threads start; the services started above keep theirs.
        os.nice(5)
        for thread in threads:
            thread.start()
        signing_in = time.monotonic()
        cluster_load.all_signed_in(ready)
        say(f"{len(plan['readers'])} readers and the editor signed in ({time.monotonic() - signing_in:.0f} s)")
        load_started = time.monotonic()
        stop.wait(SECONDS)
        stop.set()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - load_started

        drain_started = time.monotonic()
        while time.monotonic() - drain_started < 60 and not figures.sent <= cluster_load.received_markers(sink):
            if worker.poll() is not None:
                figures.errors.append(f"the worker stopped (exit {worker.returncode})")
                break
            time.sleep(0.5)
        drained_in = time.monotonic() - drain_started
        task_timings(database_url)
        indexed_in(database_url, figures.publishes)
        code = report(figures, figures.sent, cluster_load.received_markers(sink), drained_in, elapsed)
        if code:
            for name in ("app1", "app2", "worker"):
                say(f"The end of {name}.log:")
                print("\n".join((workdir / f"{name}.log").read_text(errors="replace").splitlines()[-25:]))
    say(f"Stopped everything; {time.monotonic() - started_at:.0f} s in all")
    return code


if __name__ == "__main__":
    sys.exit(main())
