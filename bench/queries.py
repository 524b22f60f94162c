"""Queries per request, for `make bench`: counted in-process against the bench's PostgreSQL and Redis.

Prints JSON: for each URL, the queries of a full render (no cache at all), of a cold request (page cache off,
the header and footer fragments kept) and of a warm one (served by the page cache).
"""

import json
import sys

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402


def count(client, url):
    client.get(url)  # fills whatever the mode keeps
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    if response.status_code != 200:
        sys.exit(f"{url}: {response.status_code}")
    return len(queries.captured_queries)


def main(urls):
    client = Client(HTTP_HOST=sys.argv[1])
    modes = {
        "render": {"ENABLED": False, "FRAGMENTS": False},
        "cold": {"ENABLED": False, "FRAGMENTS": True},
        "warm": {"ENABLED": True, "FRAGMENTS": True},
    }
    results = {}
    for url in urls:
        results[url] = {}
        for mode, switches in modes.items():
            with override_settings(PAGE_CACHE={**settings.PAGE_CACHE, **switches}):
                results[url][mode] = count(client, url)
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[2:])
