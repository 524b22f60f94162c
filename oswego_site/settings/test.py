"""Settings for the test suite: fast, isolated, no files outside tmp."""

import os
import tempfile

from .base import *  # noqa: F403
from .base import tasks_settings

SECRET_KEY = "test-only-secret-key-not-used-anywhere-else-0123456789abcdef"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = EMAIL_TRANSPORT = "django.core.mail.backends.locmem.EmailBackend"
# Jobs run at once, inside the test, unless a test (or TASKS_BACKEND=database) asks for the queue.
TASKS = tasks_settings(os.environ.get("TASKS_BACKEND", "immediate").strip() or "immediate")
MEDIA_ROOT = tempfile.mkdtemp(prefix="oswego-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # No manifest in tests: they must not depend on collectstatic.
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
if not REDIS_URL:  # noqa: F405
    # One process, no files left behind (CI runs the caching tests against Redis too).
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "oswego-tests"}}
# Tests see real renders (their query budgets measure them); the caching
# tests (tests/caching/test_caching.py) turn the page and fragment caches on.
PAGE_CACHE = {**PAGE_CACHE, "ENABLED": False, "FRAGMENTS": False}  # noqa: F405
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Tests sign in with a password; tests/security/test_two_factor.py turns the requirement on.
STAFF_TWO_FACTOR_REQUIRED = False
# The demo's pictures (demo/illustrations.py) are left out of load_demo_content unless a test asks for them
# (tests/demo/test_demo_content.py): their AVIF renditions take seconds each to make.
DEMO_ILLUSTRATIONS = False
