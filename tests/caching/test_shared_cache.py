"""Every gunicorn worker of `make run` (and of production) reads the same cache."""

import json
import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["dev", "production"])
def test_without_redis_the_cache_is_shared_by_all_workers(module, tmp_path):
    env = {
        "DJANGO_SETTINGS_MODULE": f"oswego_site.settings.{module}",
        "SECRET_KEY": "x" * 20 + "a-strong-enough-secret-key-for-this-test-only",
        "ALLOWED_HOSTS": "www.oswego.example",
        "VAR_DIR": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    code = "import django, json; django.setup(); from django.conf import settings; print(json.dumps(settings.CACHES))"
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)  # noqa: S603
    output = run.stdout
    cache = json.loads(output.strip().splitlines()[-1])["default"]
    assert cache["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert cache["LOCATION"] == str(tmp_path / "cache")
