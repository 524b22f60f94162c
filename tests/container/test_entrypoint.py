"""The container's entry point, run outside Docker: migrations as a separate step, gunicorn, the health check."""

import os
import secrets
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
ENTRYPOINT = REPO / "docker" / "entrypoint.sh"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def container_env(tmp_path_factory):
    """What the image sets, plus what an operator provides, with a SQLite file for a database."""
    var = tmp_path_factory.mktemp("container")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PYTEST_"))}
    env.update(
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        DJANGO_SETTINGS_MODULE="oswego_site.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="www.oswego.example",
        DATABASE_URL=f"sqlite:///{var / 'db.sqlite3'}",
        VAR_DIR=str(var),
        STATIC_ROOT=str(var / "static"),
        MEDIA_ROOT=str(var / "media"),
        HOST="127.0.0.1",
        PORT=str(free_port()),
        WEB_CONCURRENCY="1",
        LOG_LEVEL="WARNING",
    )
    return env


def run(env, *args, timeout=300):
    return subprocess.run(  # noqa: S603
        [str(ENTRYPOINT), *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


@pytest.fixture(scope="module")
def migrated(container_env):
    result = run(container_env, "migrate")
    assert result.returncode == 0, result.stdout + result.stderr
    return container_env


def test_migrate_creates_the_schema_of_an_empty_database(migrated):
    database = migrated["DATABASE_URL"].removeprefix("sqlite:///")
    with sqlite3.connect(database) as connection:
        applied = {app for (app,) in connection.execute("SELECT DISTINCT app FROM django_migrations")}
        root_titles = connection.execute("SELECT title_fr FROM wagtailcore_page WHERE depth = 1").fetchall()
    assert {"wagtailcore", "articles", "contact", "core"} <= applied
    # update_translation_fields ran: the tree root has its French title.
    assert root_titles and root_titles[0][0]


def test_migrate_twice_changes_nothing(migrated):
    result = run(migrated, "migrate")
    assert result.returncode == 0, result.stderr
    assert "No migrations to apply" in result.stdout


def test_serve_check_loads_the_application_with_the_gunicorn_config(migrated):
    result = run(migrated, "serve", "--check", timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_serve_check_fails_without_a_secret_key(migrated):
    result = run({**migrated, "SECRET_KEY": ""}, "serve", "--check", timeout=60)
    assert result.returncode != 0


def test_healthcheck_passes_while_gunicorn_serves_and_fails_once_it_stops(migrated):
    server = subprocess.Popen(  # noqa: S603
        [str(ENTRYPOINT), "serve"], env=migrated, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 60
        while (result := run(migrated, "healthcheck", timeout=10)).returncode != 0:
            assert server.poll() is None, server.stderr.read()
            assert time.monotonic() < deadline, result.stderr
            time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert run(migrated, "healthcheck", timeout=10).returncode == 1


def test_other_commands_run_as_given(migrated):
    result = run(migrated, "manage", "check", "--deploy", "--fail-level", "ERROR")
    assert result.returncode == 0, result.stdout + result.stderr
    assert run(migrated, "sh", "-c", "exit 3").returncode == 3


def test_the_image_runs_gunicorn_as_a_user_with_a_health_check():
    dockerfile = (REPO / "Dockerfile").read_text()
    runtime = dockerfile.split("AS runtime", 1)[1]
    assert "requirements/base.txt" in dockerfile
    assert "collectstatic" in dockerfile
    assert "USER 10001:10001" in runtime
    assert "HEALTHCHECK" in runtime and '"healthcheck"' in runtime
    assert 'ENTRYPOINT ["/app/docker/entrypoint.sh"]' in runtime
    assert 'CMD ["serve"]' in runtime
    assert "gunicorn.conf.py" in ENTRYPOINT.read_text()


def test_compose_runs_migrations_once_before_the_site_with_postgresql_and_redis():
    compose = yaml.safe_load((REPO / "compose.yaml").read_text())
    services = compose["services"]
    assert {"db", "redis", "migrate", "web"} <= set(services)
    assert services["migrate"]["command"] == ["migrate"]
    assert services["web"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    web_env = services["web"]["environment"]
    assert web_env["DATABASE_URL"].startswith("postgres://")
    assert web_env["REDIS_URL"].startswith("redis://")


def test_worker_runs_beside_the_site_leaves_a_heartbeat_and_stops_cleanly(migrated):
    database = migrated["DATABASE_URL"].removeprefix("sqlite:///")
    worker = subprocess.Popen(  # noqa: S603
        [str(ENTRYPOINT), "worker"],
        env={**migrated, "TASKS_BACKEND": "database", "SCHEDULER_TICK_SECONDS": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert worker.poll() is None, worker.stderr.read()
            with sqlite3.connect(database, timeout=10) as connection:
                beats = connection.execute("SELECT is_scheduler FROM ops_workerheartbeat").fetchall()
            if beats:
                break
            assert time.monotonic() < deadline, "no heartbeat from the worker"
            time.sleep(0.5)
        assert beats == [(1,)]
    finally:
        worker.terminate()
        code = worker.wait(timeout=30)
    assert code == 0


def test_compose_runs_a_worker_beside_the_site():
    services = yaml.safe_load((REPO / "compose.yaml").read_text())["services"]
    assert services["worker"]["command"] == ["worker"]
    assert services["worker"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["worker"]["environment"]["TASKS_BACKEND"] == "database"
