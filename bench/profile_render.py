"""Profile of a fully uncached render (every cache off), in-process: `make bench` does not run it.

    DJANGO_SETTINGS_MODULE=oswego_site.settings.dev DATABASE_URL=... .venv/bin/python bench/profile_render.py [URL] [N]

Renders URL (default: the French launch article) once to warm Python's imports and Django's template loader,
then N times (default 50) under cProfile with the page cache and the fragments off, as the first reader after a
publish, a crawler or an editor's preview gets it. Prints the time, CPU time and queries per render, then the functions
by cumulative and by own time.
"""

import cProfile
import io
import pstats
import sys
import time

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

LAUNCH = "/fr/actualites/le-maghreb-territoire-strategique-de-lexperience-client/"


def main():
    url = sys.argv[1] if len(sys.argv) > 1 else LAUNCH
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    client = Client(HTTP_HOST="localhost")
    with override_settings(PAGE_CACHE={**settings.PAGE_CACHE, "ENABLED": False, "FRAGMENTS": False}):
        response = client.get(url)
        if response.status_code != 200:
            sys.exit(f"{url}: {response.status_code}")
        queries = []
        with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
            client.get(url)
        started, cpu_started = time.perf_counter(), time.process_time()
        for _ in range(runs):
            client.get(url)
        plain = (time.perf_counter() - started) / runs
        # CPU time holds better than wall time on a machine other work shares (PostgreSQL's share is not in it).
        cpu = (time.process_time() - cpu_started) / runs
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(runs):
            client.get(url)
        profile.disable()
    print(
        f"{url}: {plain * 1000:.1f} ms per render, {cpu * 1000:.1f} ms of CPU (unprofiled, mean of {runs}), "
        f"{len(queries)} queries, {len(response.content):,} bytes"
    )
    for order, count in (("cumulative", 60), ("tottime", 30)):
        out = io.StringIO()
        pstats.Stats(profile, stream=out).strip_dirs().sort_stats(order).print_stats(count)
        print(out.getvalue())


if __name__ == "__main__":
    main()
