"""Throwaway PostgreSQL databases and manage.py runs for the operations tests (backup, faults)."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def server_url():
    """The PostgreSQL server of DATABASE_URL (its maintenance database), as .ci/run sets it."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        raise RuntimeError("these tests run against PostgreSQL: set DATABASE_URL=postgres://… (.ci/run does)")
    return urlunsplit(urlsplit(url)._replace(path="/postgres"))


def database_url(name):
    return urlunsplit(urlsplit(server_url())._replace(path=f"/{name}"))


def admin(statement):
    with psycopg.connect(server_url(), autocommit=True, connect_timeout=5) as connection:
        connection.execute(statement)


def create_database(name):
    drop_database(name)
    admin(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return database_url(name)


def drop_database(name):
    admin(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def environment(**values):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PYTEST_"))}
    env.update(DJANGO_SETTINGS_MODULE="oswego_site.settings.dev", DEBUG="0", LOG_LEVEL="WARNING")
    env.update({key: str(value) for key, value in values.items()})
    return env


def run(args, env, check=True, timeout=600):
    result = subprocess.run(args, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout, check=False)  # noqa: S603
    if check and result.returncode != 0:
        command = " ".join(map(str, args))
        raise AssertionError(f"{command} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def manage(env, *args, check=True):
    return run([sys.executable, "manage.py", *args], env, check=check)


def set_up_site(env, *, demo=True):
    """As `make setup` does: migrate, translation columns, static files, demo content."""
    manage(env, "migrate", "--noinput")
    manage(env, "update_translation_fields")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    if demo:
        manage(env, "load_demo_content", "--no-admin")
