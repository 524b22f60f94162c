"""The real site for browser tests and audits: gunicorn on a free port, PostgreSQL, the demo content.

It is set up as `make setup` does (migrate, translation columns, static files, demo content, search
index) in a database of its own, which is dropped afterwards, with DEBUG off and the dev settings
(the production shape on plain HTTP).

    python -m tests.browser.live_site -- node tests/browser/audit.mjs

runs a command against a fresh site, with SITE_URL set to its address, then tears the site down.
"""

import argparse
import contextlib
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
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
# The server holding the throwaway database; the database itself is named per run.
POSTGRES_URL = os.environ.get("BROWSER_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
ADMIN_USERNAME = "admin"
# A throwaway account in a throwaway database that lives as long as the run.
ADMIN_PASSWORD = "browser-journeys-only-" + "x" * 8  # noqa: S105
# The demo's salesperson (Sales group), for the tracked links journey.
SALES_USERNAME = "sales"
SALES_PASSWORD = "browser-journeys-only-sales-" + "x" * 8  # noqa: S105


class SiteError(RuntimeError):
    pass


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_available(url=POSTGRES_URL):
    try:
        with psycopg.connect(url, connect_timeout=3):
            return True
    except psycopg.OperationalError:
        return False


def _process_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class LiveSite:
    """Context manager: a served site at ``self.url`` until exit."""

    def __init__(self, log_dir=None, workers=2):
        self.db_name = f"oswego_browser_{os.getpid()}"
        self.workers = workers
        self.log_dir = Path(log_dir) if log_dir else None
        self.var_dir = Path(tempfile.mkdtemp(prefix="oswego-live-site-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None
        self.worker = None
        self.log_path = (self.log_dir or self.var_dir) / "gunicorn.log"

    @property
    def database_url(self):
        parts = urlsplit(POSTGRES_URL)
        return urlunsplit(parts._replace(path=f"/{self.db_name}"))

    def environment(self):
        env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PYTEST_"))}
        env.update(
            DJANGO_SETTINGS_MODULE="oswego_site.settings.dev",
            DATABASE_URL=self.database_url,
            VAR_DIR=str(self.var_dir),
            HOST="127.0.0.1",
            PORT=str(self.port),
            WEB_CONCURRENCY=str(self.workers),
            DEBUG="0",
            ADMIN_USERNAME=ADMIN_USERNAME,
            ADMIN_PASSWORD=ADMIN_PASSWORD,
            SALES_PASSWORD=SALES_PASSWORD,
            WAGTAILADMIN_BASE_URL=self.url,
            # The development mailbox, in the run's own var/: leads are never printed to the test log.
            EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
            EMAIL_FILE_PATH=str(self.var_dir / "mail"),
            # The journeys send several messages from one address within minutes.
            CONTACT_RATE_LIMIT="1000/m",
            LOG_LEVEL="WARNING",
        )
        return env

    def _admin(self, statement):
        with psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=3) as connection:
            connection.execute(statement)

    def manage(self, *args):
        """manage.py against this site's database (a test's own data); returns its output."""
        return self._manage(*args)

    def _manage(self, *args):
        result = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=REPO,
            env=self.environment(),
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise SiteError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info):
        self.stop()

    def _drop_abandoned_databases(self):
        """Databases of earlier runs whose process is gone (killed before it could clean up)."""
        with psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=3) as connection:
            names = [
                name
                for (name,) in connection.execute(
                    "SELECT datname FROM pg_database WHERE datname LIKE 'oswego\\_browser\\_%'"
                )
            ]
            for name in names:
                pid = name.rsplit("_", 1)[-1]
                if pid.isdigit() and not _process_alive(int(pid)):
                    connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))

    def start(self):
        self._drop_abandoned_databases()
        name = sql.Identifier(self.db_name)
        self._admin(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        self._admin(sql.SQL("CREATE DATABASE {}").format(name))
        # As `make setup` does, in this order.
        self._manage("migrate", "--noinput")
        self._manage("update_translation_fields")
        self._manage("collectstatic", "--noinput", "--verbosity", "0")
        self._manage("load_demo_content")
        self._manage("update_search_documents")
        # The jobs the demo content queued (Wagtail's admin search and reference index…) are done before the
        # first journey; then a worker runs beside gunicorn, as `make run` starts one.
        self._manage("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", "--verbosity", "0")
        if self.log_dir:
            self.log_dir.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("w")
        self.process = subprocess.Popen(  # noqa: S603
            [str(BIN / "gunicorn"), "--config", "gunicorn.conf.py", "oswego_site.wsgi"],
            cwd=REPO,
            env=self.environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.worker = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "worker"],
            cwd=REPO,
            env=self.environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        self._wait_until_ready()

    def _wait_until_ready(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SiteError(f"gunicorn exited ({self.process.returncode}):\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/fr/", timeout=5) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.3)
        raise SiteError(f"the site did not answer within {timeout} s:\n{self.log_tail()}")

    def log_tail(self, lines=40):
        try:
            return "\n".join(self.log_path.read_text().splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self):
        worker = self.worker
        if worker is not None and worker.poll() is None:
            worker.terminate()
            try:
                worker.wait(timeout=25)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
        self.worker = None
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=25)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        with contextlib.suppress(psycopg.OperationalError):
            self._admin(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.db_name)))
        shutil.rmtree(self.var_dir, ignore_errors=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Run a command against a freshly set-up site (SITE_URL).")
    parser.add_argument("--log-dir", help="where gunicorn's log goes (default: a temporary folder)")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="the command, after --")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give a command to run, after --")
    # A stopped run (CI's time limit, Ctrl-C) still stops gunicorn and drops the database.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    print("Setting up the site (PostgreSQL, demo content)…", flush=True)
    with LiveSite(log_dir=args.log_dir) as site:
        print(f"Site served on {site.url}", flush=True)
        env = {**os.environ, "SITE_URL": site.url}
        return subprocess.run(command, env=env, check=False).returncode  # noqa: S603


if __name__ == "__main__":
    sys.exit(main())
