"""Production settings pass Django's deployment checklist, with nothing silenced."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def production_environment(tmp_path, **overrides):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PYTEST_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="oswego_site.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="www.oswego.example",
        CSRF_TRUSTED_ORIGINS="https://www.oswego.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'check.sqlite3'}",
        VAR_DIR=str(tmp_path),
    )
    env.pop("DEBUG", None)
    env.update(overrides)
    return env


def manage(tmp_path, *args, **overrides):
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=production_environment(tmp_path, **overrides),
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_passes_at_warning_level(tmp_path):
    result = manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_a_weak_secret_key(tmp_path):
    result = manage(tmp_path, "check", SECRET_KEY="short")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts(tmp_path):
    result = manage(tmp_path, "check", ALLOWED_HOSTS="")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_settings_are_locked_down(tmp_path):
    script = (
        "from django.conf import settings as s;"
        "assert not s.DEBUG;"
        "assert s.LOCAL_ACCOUNTS is False;"
        "assert s.SESSION_COOKIE_NAME.startswith('__Host-') and s.CSRF_COOKIE_NAME.startswith('__Host-');"
        "assert s.SESSION_COOKIE_SECURE and s.CSRF_COOKIE_SECURE and s.SESSION_COOKIE_HTTPONLY;"
        "assert s.SESSION_COOKIE_SAMESITE == 'Lax';"
        "assert s.SECURE_HSTS_SECONDS >= 31536000 and s.SECURE_HSTS_PRELOAD and s.SECURE_HSTS_INCLUDE_SUBDOMAINS;"
        "assert s.SECURE_SSL_REDIRECT and s.SECURE_PROXY_SSL_HEADER == ('HTTP_X_FORWARDED_PROTO', 'https');"
        "import re; assert any(re.match(p, 'healthz') for p in s.SECURE_REDIRECT_EXEMPT);"
        "assert s.DATABASES['default']['CONN_HEALTH_CHECKS'] and s.DATABASES['default']['CONN_MAX_AGE'] > 0;"
        "assert not s.WAGTAIL_ENABLE_UPDATE_CHECK and s.WAGTAIL_GRAVATAR_PROVIDER_URL is None;"
        "assert 'svg' not in s.WAGTAILIMAGES_EXTENSIONS;"
        "assert s.WAGTAILDOCS_SERVE_METHOD == 'serve_view' and s.WAGTAILDOCS_INLINE_CONTENT_TYPES == [];"
        "print('locked down')"
    )
    result = manage(tmp_path, "shell", "-c", script)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "locked down" in result.stdout


def test_production_postgres_connections_time_out_quickly(tmp_path):
    script = "from django.conf import settings as s;print(s.DATABASES['default']['OPTIONS']['connect_timeout'])"
    result = manage(tmp_path, "shell", "-c", script, DATABASE_URL="postgres://postgres@127.0.0.1:5432/unused")
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip().splitlines()[-1]) <= 2
