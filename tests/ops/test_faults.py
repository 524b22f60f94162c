"""Faults on one machine, around a real gunicorn serving production settings against PostgreSQL.

PostgreSQL stopped: every page answers 503 with Retry-After, in the visitor's
language, within three seconds, and /healthz says 503; PostgreSQL back: the
same workers serve 200 again, without a restart. A PostgreSQL restart costs no
request made after it. A worker killed with SIGKILL is replaced while the
other keeps answering.

This stops the machine's PostgreSQL server for a few seconds: .ci/run runs it
last, on its own (`-m faults`).
"""

import http.client
import json
import os
import secrets
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

from tests.ops import postgres

pytestmark = pytest.mark.faults

CLUSTER_VERSION = sorted(os.listdir("/etc/postgresql"), key=lambda v: [int(p) for p in v.split(".")])[-1]


def pg_ctl(action):
    mode = ["-m", "fast"] if action in ("stop", "restart") else []
    command = ["pg_ctlcluster", "--skip-systemctl-redirect", CLUSTER_VERSION, "main", action, *mode]
    subprocess.run(command, check=True, capture_output=True, timeout=60)  # noqa: S603


def postgres_ready():
    return subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"], check=False).returncode == 0  # noqa: S607


def wait_for_postgres(timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if postgres_ready():
            return
        time.sleep(0.2)
    raise AssertionError("PostgreSQL did not come back")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Site:
    def __init__(self, port):
        self.port = port

    def get(self, path, language="fr", past_the_cache=False):
        """(status, headers, body, seconds) of a GET, as a browser in ``language`` would send it.

        ``past_the_cache``: sent with a (stale) session cookie, as an editor's browser would, so that the page
        cache steps aside and the database answers. A new query string is not enough: the cache keys only the
        parameters a page declares.
        """
        started = time.monotonic()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        headers = {"Accept-Language": language, "Host": "127.0.0.1"}
        if past_the_cache:
            headers["Cookie"] = "__Host-sessionid=stale-session-of-nobody"  # production's cookie name
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            body = response.read()
            return response.status, dict(response.getheaders()), body, time.monotonic() - started
        finally:
            connection.close()

    def status(self, path):
        try:
            return self.get(path)[0]
        except OSError:
            return None


class Load:
    """Requests one after another from a background thread until stopped: (status or error name) per request."""

    def __init__(self, site, path="/en/news/"):
        # Past the page cache each time: the database answers every request.
        self.site, self.path = site, path
        self.results = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            try:
                self.results.append(self.site.get(self.path, past_the_cache=True)[0])
            except OSError as error:
                self.results.append(type(error).__name__)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc_info):
        self._stop.set()
        self._thread.join(timeout=30)


def worker_pids(master):
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return sorted(int(pid) for pid in children)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("faults")
    name = f"oswego_faults_{os.getpid()}"
    database_url = postgres.create_database(name)
    setup_env = postgres.environment(DATABASE_URL=database_url, VAR_DIR=tmp)
    postgres.set_up_site(setup_env)
    port = free_port()
    env = postgres.environment(
        DJANGO_SETTINGS_MODULE="oswego_site.settings.production",
        DATABASE_URL=database_url,
        VAR_DIR=tmp,
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        HOST="127.0.0.1",
        PORT=port,
        WEB_CONCURRENCY="2",
        LOG_LEVEL="WARNING",
    )
    log_path = tmp / "gunicorn.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(  # noqa: S603
            [str(postgres.BIN / "gunicorn"), "--config", "gunicorn.conf.py", "oswego_site.wsgi"],
            cwd=postgres.REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    served = Site(port)
    served.process = process
    served.log_path = log_path
    try:
        deadline = time.monotonic() + 60
        while served.status("/fr/") != 200:
            assert process.poll() is None, log_path.read_text()
            assert time.monotonic() < deadline, log_path.read_text()
            time.sleep(0.3)
        yield served
    finally:
        if not postgres_ready():
            pg_ctl("start")
            wait_for_postgres()
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        postgres.drop_database(name)


def warm_up(site):
    # Every worker holds a persistent connection (CONN_MAX_AGE) before the fault;
    # past the page cache, so that it does not answer instead.
    for _ in range(10):
        assert site.get("/fr/", past_the_cache=True)[0] == 200


def test_postgres_down_gives_503_quickly_and_the_site_recovers_by_itself(site):
    warm_up(site)
    assert site.get("/fr/")[0] == 200
    pids_before = worker_pids(site.process.pid)
    pg_ctl("stop")
    try:
        answers = {
            "fr": site.get("/fr/actualites/", "fr", past_the_cache=True),
            "en": site.get("/en/news/", "en", past_the_cache=True),
            "fr home": site.get("/fr/", "fr", past_the_cache=True),
        }
        health = site.get("/healthz")
        # A page the page cache holds is still served from it.
        cached = site.get("/fr/")
    finally:
        pg_ctl("start")
    assert cached[0] in (200, 503) and cached[3] < 3
    for label, (status, headers, body, seconds) in answers.items():
        assert status == 503, (label, status, body[:300])
        assert seconds < 3, (label, seconds)
        assert int(headers["Retry-After"]) > 0
        assert "no-store" in headers["Cache-Control"]
        assert headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert b'lang="fr"' in answers["fr"][2]
    assert b'lang="en"' in answers["en"][2] and b"Back in a moment" in answers["en"][2]
    assert health[0] == 503 and health[3] < 3

    wait_for_postgres()
    deadline = time.monotonic() + 15
    while site.status("/healthz") != 200:
        assert time.monotonic() < deadline, "the site did not recover"
        time.sleep(0.2)
    assert [site.get("/fr/", past_the_cache=True)[0] for _ in range(20)] == [200] * 20
    # Recovered by the same workers: nothing was restarted.
    assert worker_pids(site.process.pid) == pids_before


def test_a_postgres_restart_under_load_costs_at_most_the_requests_in_flight(site):
    warm_up(site)
    with Load(site) as load:
        time.sleep(0.5)
        pg_ctl("restart")
        wait_for_postgres()
        time.sleep(1)
    # While the server restarts, requests get the 503 page (never a 500 or a
    # dropped connection); as soon as it is back, they are served again.
    assert set(load.results) <= {200, 503}, load.results
    assert load.results[-3:] == [200, 200, 200], load.results
    # Afterwards not one request fails: a connection that died with the restart
    # is noticed (CONN_HEALTH_CHECKS) and replaced.
    statuses = [site.get(path, past_the_cache=True)[0] for _ in range(5) for path in ("/fr/", "/en/", "/en/news/")]
    assert statuses == [200] * 15


def test_a_killed_worker_is_replaced_and_the_site_keeps_answering(site):
    workers = worker_pids(site.process.pid)
    assert len(workers) == 2
    with Load(site) as load:
        time.sleep(0.5)
        os.kill(workers[0], signal.SIGKILL)
        time.sleep(2)
    # Only the request the killed worker was answering, if any, is lost.
    failures = [result for result in load.results if result != 200]
    assert len(failures) <= 1, load.results
    assert load.results.count(200) > 10
    statuses = [site.get("/en/")[0] for _ in range(20)]
    assert statuses == [200] * 20
    deadline = time.monotonic() + 15
    while True:
        current = worker_pids(site.process.pid)
        if len(current) == 2 and workers[0] not in current:
            break
        assert time.monotonic() < deadline, current
        time.sleep(0.2)
    assert site.get("/healthz")[0] == 200


def test_the_access_log_is_one_json_object_per_line(site):
    site.get("/fr/?q=%22%0A")
    entries = [json.loads(line) for line in site.log_path.read_text().splitlines() if line.startswith("{")]
    assert entries
    assert {"time", "method", "path", "status", "duration_ms"} <= set(entries[-1])
    assert any(entry["status"] == 503 for entry in entries)


RAW_REQUESTS = [
    b"GET /fr/\xff\xfe/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    b"GET /fr/?q=\x00 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    b"GET /en/search/?q=%00%ff%fe HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    b"GET /fr/recherche/?q=" + b"x" * 20_000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    b"GET /static/../../../../etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    b"GET /static/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    b"GET /fr/ HTTP/1.1\r\nHost: evil.example\r\n\r\n",
    b"GET /fr/ HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"".join(b"X-%d: y\r\n" % i for i in range(150)) + b"\r\n",
    b"GET /fr/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Long: " + b"a" * 20_000 + b"\r\n\r\n",
    b"POST /fr/contact/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
    b"Content-Length: 5\r\n\r\n\xff\x00\xfe=\x00",
    b"BREW /fr/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
]


@pytest.mark.parametrize("raw", RAW_REQUESTS, ids=range(len(RAW_REQUESTS)))
def test_bad_bytes_on_the_wire_get_a_clean_answer(site, raw):
    with socket.create_connection(("127.0.0.1", site.port), timeout=10) as connection:
        connection.sendall(raw)
        answer = b""
        while b"\r\n" not in answer:
            chunk = connection.recv(4096)
            if not chunk:
                break
            answer += chunk
    status = int(answer.split(b" ", 2)[1])
    assert 400 <= status < 500 or status in (200, 301, 302), answer[:200]
    assert b"root:x:0:0" not in answer
