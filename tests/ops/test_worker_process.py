"""Scheduled publishing happens on its own: `manage.py worker` processes, started as `make run` starts them.

The test only prepares a page whose go-live time is a few seconds ahead, then watches the database: no command
of its own publishes anything. Two workers run, as on two machines; exactly one of them schedules. On
PostgreSQL when DATABASE_URL names one (CI), on a SQLite file otherwise.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import psycopg
import pytest

from tests.ops.postgres import REPO, create_database, drop_database, environment, manage

PREPARE = """
from datetime import timedelta
from django.utils import timezone
from wagtail.models import Page
from core.factories import HomePageFactory

root = Page.get_first_root_node()
page = HomePageFactory(parent=root, live=False, slug="bientot", slug_fr="bientot", slug_en="soon")
page.go_live_at = timezone.now() + timedelta(seconds=4)
page.save_revision().publish()
page.refresh_from_db()
print(page.pk, page.live, page.get_latest_revision().approved_go_live_at is not None)
"""


@pytest.fixture
def site(tmp_path):
    """A migrated database of its own and the environment `make run` gives the site."""
    url = os.environ.get("DATABASE_URL", "")
    name = f"oswego_worker_{os.getpid()}"
    if url.startswith(("postgres://", "postgresql://")):
        url = create_database(name)
    else:
        url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    env = environment(
        DATABASE_URL=url,
        VAR_DIR=tmp_path,
        MEDIA_ROOT=tmp_path / "media",
        TASKS_BACKEND="database",
        SCHEDULED_PUBLISHING_SECONDS=2,
        SCHEDULER_TICK_SECONDS=1,
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    manage(env, "migrate", "--noinput")
    manage(env, "update_translation_fields")
    yield env
    if url.startswith("postgres"):
        drop_database(name)


def query(env, sql, *params):
    url = env["DATABASE_URL"]
    if url.startswith("sqlite"):
        with sqlite3.connect(url.removeprefix("sqlite:///"), timeout=10) as connection:
            return connection.execute(sql.replace("%s", "?"), params).fetchall()
    with psycopg.connect(url, autocommit=True) as connection:
        return connection.execute(sql, params).fetchall()


def start_worker(env, log):
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "worker", "--interval", "0.5"],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        return process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.wait()


def test_a_page_scheduled_a_few_seconds_ahead_goes_live_with_no_command_run(site, tmp_path):
    prepared = manage(site, "shell", "-c", PREPARE).stdout.split()
    page_id, live, scheduled = int(prepared[-3]), prepared[-2], prepared[-1]
    assert (live, scheduled) == ("False", "True")

    with open(tmp_path / "workers.log", "w") as log:
        workers = [start_worker(site, log), start_worker(site, log)]
        try:
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline:
                assert all(worker.poll() is None for worker in workers), (tmp_path / "workers.log").read_text()
                if query(site, "SELECT live FROM wagtailcore_page WHERE id = %s", page_id)[0][0]:
                    break
                time.sleep(1)
            else:
                pytest.fail("the page did not go live:\n" + (tmp_path / "workers.log").read_text())
            # Both workers are alive and beating; one of them schedules.
            time.sleep(2)
            beats = query(site, "SELECT is_scheduler FROM ops_workerheartbeat")
            assert sorted(bool(row[0]) for row in beats) == [False, True]
        finally:
            codes = [stop(worker) for worker in workers]
    # SIGTERM is a clean stop (systemd, docker and make run send it).
    assert codes == [0, 0], (tmp_path / "workers.log").read_text()
