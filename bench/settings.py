"""`make bench` only: the local settings with the benchmark's URLconf (the site plus the framework's floor)."""

from oswego_site.settings.dev import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
