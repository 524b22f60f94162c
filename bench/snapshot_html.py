"""Render every public page with every cache off and write its HTML to a folder, to compare two branches byte for byte.

    DJANGO_SETTINGS_MODULE=oswego_site.settings.dev DATABASE_URL=... .venv/bin/python bench/snapshot_html.py DIR
    diff -r DIR_BEFORE DIR_AFTER

The URLs are the sitemap's, plus a few that routing must answer the same way: filters and pages of the news index,
the contact page's sub-pages, unknown slugs at each level (404), a French slug under /en/ (the fallback) and the
query counts of each. A form's CSRF token and time stamp are replaced by a fixed string (they change on every request).
"""

import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

EXTRA = [
    "/fr/actualites/?page=2",
    "/fr/actualites/?topic=experience-client",
    "/en/news/?page=99",
    "/fr/contact/merci/",
    "/en/contact/thank-you/",
    "/fr/nexiste-pas/",
    "/en/news/does-not-exist/",
    "/fr/actualites/le-maghreb-territoire-strategique-de-lexperience-client/nope/",
    "/en/actualites/",
    "/en/equipe-dirigeante/jamal-mossaddeq/",
    "/fr/news/",
    "/en/offices/casablanca/",
    "/en/implantations/casablanca/",
]
TOKEN = re.compile(rb'(name="(?:csrfmiddlewaretoken|stamp)" value=")[^"]+"')


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    client = Client(HTTP_HOST="localhost")
    with override_settings(PAGE_CACHE={**settings.PAGE_CACHE, "ENABLED": False, "FRAGMENTS": False}):
        sitemap = client.get("/sitemap.xml").content.decode()
        urls = [urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
        summary = []
        for url in dict.fromkeys(urls + EXTRA):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            name = re.sub(r"[^\w.-]+", "_", url).strip("_") or "root"
            body = TOKEN.sub(rb'\1TOKEN"', response.content)
            (out / f"{name}.html").write_bytes(body)
            count = len(queries.captured_queries)
            summary.append(f"{response.status_code} {count:3d} {url} {response.get('Location', '')}")
    (out / "SUMMARY.txt").write_text("\n".join(summary) + "\n")
    print("\n".join(summary))


if __name__ == "__main__":
    main()
