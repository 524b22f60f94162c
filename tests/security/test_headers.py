"""Security headers on every response, and public pages that need no inline script or style."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model

from ops.security import ADMIN_CSP, ADMIN_CSP_REPORT_ONLY, PUBLIC_CSP
from tests.helpers import soup
from tests.security.conftest import html_pages

COMMON_HEADERS = {
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}


LOADING_ATTRIBUTES = [("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "srcset")]


def csp_directives(value):
    return {part.split()[0]: part.split()[1:] for part in (p.strip() for p in value.split(";")) if part}


def assert_common_headers(response):
    for header, value in COMMON_HEADERS.items():
        assert response.headers.get(header) == value, header
    permissions = response.headers["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment"):
        assert f"{feature}=()" in permissions


def test_public_policy_is_strict_and_never_allows_inline_code():
    directives = csp_directives(PUBLIC_CSP)
    assert directives["default-src"] == ["'none'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["img-src"] == ["'self'", "data:"]
    assert directives["font-src"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert "unsafe" not in PUBLIC_CSP


def test_every_public_url_carries_the_security_headers(client, demo_urls):
    for url in demo_urls:
        response = client.get(url)
        assert response.status_code in (200, 302), url
        assert response.headers["Content-Security-Policy"] == PUBLIC_CSP, url
        assert_common_headers(response)


@pytest.mark.parametrize("url", ["/fr/no-such-page/", "/en/no-such-page/", "/static/css/site.css", "/static/nope.css"])
def test_error_pages_and_static_files_carry_the_security_headers(client, demo_site, url):
    response = client.get(url)
    assert response.headers["Content-Security-Policy"] == PUBLIC_CSP
    assert_common_headers(response)


def test_foreign_host_is_refused_with_the_security_headers(client, demo_site):
    response = client.get("/fr/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response.headers["Content-Security-Policy"] == PUBLIC_CSP


def test_demo_pages_have_no_inline_script_style_or_event_handler(client, demo_urls):
    for url in [*html_pages(demo_urls), "/fr/no-such-page/", "/en/no-such-page/"]:
        response = client.get(url, follow=True)
        assert response.status_code in (200, 404), url
        page = soup(response)
        for script in page.find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", (url, str(script)[:200])
        assert not page.find_all("style"), url
        assert not page.find_all(style=True), (url, [str(tag)[:120] for tag in page.find_all(style=True)])
        handlers = [attr for tag in page.find_all(True) for attr in tag.attrs if attr.lower().startswith("on")]
        assert not handlers, (url, handlers)
        assert b"javascript:" not in response.content, url


def test_demo_pages_load_nothing_from_another_host(client, demo_urls):
    for url in html_pages(demo_urls):
        page = soup(client.get(url, follow=True))
        for tag, attribute in LOADING_ATTRIBUTES:
            for element in page.find_all(tag):
                if tag == "link" and not {"stylesheet", "icon", "preload", "manifest"} & set(element.get("rel", [])):
                    continue
                value = element.get(attribute)
                if value:
                    assert urlsplit(value.split()[0]).netloc in ("", "testserver"), (url, value)


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("chief", "chief@example.com", "a-long-test-password")
    client.force_login(user)
    return client


def test_admin_gets_its_enforced_policy_and_the_strict_one_as_report_only(admin_client, demo_site):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert response.headers["Content-Security-Policy"] == ADMIN_CSP
    assert response.headers["Content-Security-Policy-Report-Only"] == ADMIN_CSP_REPORT_ONLY
    assert_common_headers(response)
    enforced = csp_directives(ADMIN_CSP)
    # Everything from this origin only; no plugin, no eval, no framing by another site.
    allowed = {"'self'", "'unsafe-inline'", "data:", "blob:", "'none'"}
    assert {source for sources in enforced.values() for source in sources} <= allowed
    assert enforced["object-src"] == ["'none'"]
    assert enforced["frame-ancestors"] == ["'self'"]
    assert "unsafe-eval" not in ADMIN_CSP
    report_only = csp_directives(ADMIN_CSP_REPORT_ONLY)
    assert report_only["script-src"] == ["'self'"]
    assert report_only["style-src"] == ["'self'"]


def test_admin_login_page_carries_the_admin_policy(client, db):
    response = client.get("/admin/login/")
    assert response.headers["Content-Security-Policy"] == ADMIN_CSP
    assert_common_headers(response)


def test_admin_dashboard_references_no_third_party_host(admin_client, demo_site):
    response = admin_client.get("/admin/")
    html = response.content.decode()
    assert "gravatar" not in html.lower()
    assert "releases.wagtail" not in html
    page = soup(response)
    hosts = set()
    for element in page.find_all(True):
        for attribute in ("src", "href", "srcset", "data-w-upgrade-url-value", "action"):
            value = element.get(attribute)
            if not value or (element.name == "a" and attribute == "href"):
                continue  # links are navigations, not requests
            host = urlsplit(value.split()[0]).netloc
            if host:
                hosts.add(host)
    assert hosts <= {"testserver"}, hosts
    assert not re.search(r"url\((['\"]?)https?://", html)


def test_page_preview_can_be_framed_by_the_admin_only(admin_client, demo_site):
    from articles.models import ArticlePage

    article = ArticlePage.objects.live().first()
    response = admin_client.get(f"/admin/pages/{article.pk}/view_draft/")
    assert response.status_code == 200
    # The preview inside the editor is rendered with the admin's policy, not the public page's.
    assert response.headers["Content-Security-Policy"] == ADMIN_CSP
    assert response.headers["X-Frame-Options"] in ("SAMEORIGIN", "DENY")
