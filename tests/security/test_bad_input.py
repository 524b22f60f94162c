"""Bad input everywhere gets a clean 4xx or a normal page, never a 500.

A fuzz test (hypothesis, bounded and deterministic) throws hostile paths,
query strings, methods and bodies at every public URL of the demo site, in
both languages; the cases below it pin the classic ones.
"""

from urllib.parse import quote, quote_from_bytes

import pytest
from django.conf import settings
from django.test import RequestFactory
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from ops.views import serve_media
from tests.security.conftest import public_urls

# What a clean answer is: a page, a redirect, or a refusal that says what was wrong.
CLEAN_STATUSES = {200, 301, 302, 304, 400, 403, 404, 405, 410, 413, 429}

NASTY_TEXT = [
    "\x00",
    "a\x00b",
    "%00",
    "%ff%fe",
    "\ud800",
    "é",
    "../../../../etc/passwd",
    "..%2f..%2f..%2fetc%2fpasswd",
    "'; DROP TABLE wagtailcore_page; --",
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "-1",
    "0",
    "1e309",
    "9" * 40,
    "NaN",
    " ",
    "x" * 5000,
]
QUERY_KEYS = ["page", "q", "topic", "person", "lang", "format", "next", "mode", "utm_source"]

raw_bytes = st.binary(min_size=0, max_size=64)
nasty_values = st.one_of(
    st.sampled_from(NASTY_TEXT),
    st.text(max_size=40),
    raw_bytes.map(lambda value: quote_from_bytes(value)),
)


def encode_value(value):
    """Percent-encode text as a browser would, keeping %XX sequences (and so invalid UTF-8) raw."""
    return quote(value.encode("utf-8", "surrogatepass"), safe="%")


query_strings = st.lists(
    st.tuples(st.one_of(st.sampled_from(QUERY_KEYS), st.text(min_size=1, max_size=8)), nasty_values),
    max_size=4,
).map(lambda pairs: "&".join(f"{encode_value(key)}={encode_value(value)}" for key, value in pairs))
path_suffixes = st.one_of(
    st.just(""),
    st.sampled_from(NASTY_TEXT).map(encode_value),
    raw_bytes.map(lambda value: quote_from_bytes(value)),
)
methods = st.sampled_from(["GET", "GET", "GET", "HEAD", "POST", "OPTIONS", "PUT", "DELETE"])


def assert_clean(response, description):
    assert response.status_code in CLEAN_STATUSES, (response.status_code, description)


@pytest.fixture
def urls(demo_site):
    return public_urls()


@hypothesis_settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), query=query_strings, suffix=path_suffixes, method=methods, body=raw_bytes)
def test_hostile_requests_to_every_public_url_get_a_clean_answer(client, urls, data, query, suffix, method, body):
    url = data.draw(st.sampled_from(urls), label="url")
    path = url + suffix
    target = f"{path}?{query}" if query else path
    if method == "POST":
        response = client.generic("POST", target, body, content_type="application/x-www-form-urlencoded")
    else:
        response = client.generic(method, target)
    assert_clean(response, f"{method} {target!r}")


def test_every_public_url_answers_normally(client, urls):
    assert len(urls) > 30
    for url in urls:
        assert client.get(url).status_code in (200, 302), url


@pytest.mark.parametrize(
    "target",
    [
        "/fr/?q=%00",
        "/fr/recherche/?q=%00",
        "/en/search/?q=a%00b",
        "/en/search/?q=%ff%fe%fd",
        "/fr/recherche/?q=" + "x" * 100_000,
        "/fr/actualites/?page=abc",
        "/fr/actualites/?page=-1",
        "/fr/actualites/?page=0",
        "/fr/actualites/?page=99999999999999999999999",
        "/en/news/?page=%00",
        "/en/news/?page=1&page=2",
        "/en/news/?topic=%ff",
        "/fr/contact/?person=%00",
        "/fr/contact/?person=99999999999999999999",
        "/en/contact/?person=-1",
        "/fr/%00/",
        "/fr/actualites/%ff%fe/",
        "/en/news/%c0%ae%c0%ae/",
        "/fr/feed.xml?%00=%00",
        "/sitemap.xml?p=%00",
        "/sitemap.xml?p=abc",
        "/robots.txt?%ff",
        "/share/1-xx-1.png",
        "/share/99999999999999999999-fr-1.png",
        "/static/../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/static/..%2f..%2fsettings.py",
        "/static/css/%00.css",
        "/media/../../etc/passwd",
        "/media/%2e%2e/%2e%2e/etc/passwd",
        "/documents/1/..%2f..%2fetc%2fpasswd",
        "/?" + "a=b&" * 5_000,
    ],
)
def test_classic_bad_input_gets_a_clean_answer(client, demo_site, target):
    response = client.get(target)
    assert_clean(response, target)
    assert b"root:x:0:0" not in getattr(response, "content", b"")


def test_foreign_host_header_is_refused(client, demo_site):
    for host in ("evil.example", "testserver.evil.example", "testserver:80@evil.example", "[::1"):
        assert client.get("/fr/", HTTP_HOST=host).status_code == 400, host


def test_oversized_post_body_is_refused(client, demo_site):
    body = "message=" + "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client.post("/fr/contact/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400


def test_too_many_form_fields_are_refused(client, demo_site):
    body = "&".join(f"f{i}=x" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    response = client.post("/en/contact/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400


def test_malformed_multipart_body_is_refused(client, demo_site):
    response = client.generic(
        "POST", "/fr/contact/", b"--x\r\nContent-Disposition: form-data\r\n\r\n", content_type="multipart/form-data"
    )
    assert response.status_code in (400, 403)


@pytest.mark.parametrize("path", ["../../etc/passwd", "%2e%2e/%2e%2e/etc/passwd", "/etc/passwd", "a/../../secret"])
def test_media_view_never_leaves_the_media_folder(path, settings, tmp_path):
    from django.core.exceptions import SuspiciousFileOperation
    from django.http import Http404

    settings.MEDIA_ROOT = tmp_path
    request = RequestFactory().get(f"/media/{path}")
    try:
        response = serve_media(request, path)
    except (Http404, SuspiciousFileOperation):
        return
    assert response.status_code in (400, 404)


def test_media_view_does_not_serve_documents_directly(settings, tmp_path):
    from django.http import Http404

    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "offer.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "photo.png").write_bytes(b"png")
    for path in ("documents/offer.pdf", "./documents/offer.pdf", "images/../documents/offer.pdf"):
        with pytest.raises(Http404):
            serve_media(RequestFactory().get(f"/media/{path}"), path)
    assert serve_media(RequestFactory().get("/media/images/photo.png"), "images/photo.png").status_code == 200
