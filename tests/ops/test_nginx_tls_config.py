"""deploy/nginx-tls.conf keeps what protects the site: TLS, timeouts, a body cap and rate limits."""

import re
from pathlib import Path

import pytest

CONFIG = (Path(__file__).resolve().parents[2] / "deploy" / "nginx-tls.conf").read_text()


def directive(name):
    return re.findall(rf"^\s*{name}\s+([^;]+);", CONFIG, flags=re.M)


def location_block(pattern):
    match = re.search(rf"location {pattern} \{{(.*?)\n    \}}", CONFIG, flags=re.S)
    assert match, pattern
    return match.group(1)


def test_tls_is_terminated_with_modern_protocols_only():
    assert any("443 ssl" in value for value in directive("listen"))
    assert directive("ssl_protocols") == ["TLSv1.2 TLSv1.3"]
    assert directive("ssl_certificate") and directive("ssl_certificate_key")
    assert "return 301 https://$host$request_uri" in CONFIG


@pytest.mark.parametrize(
    ("name", "most_seconds"),
    [("client_header_timeout", 15), ("client_body_timeout", 20), ("send_timeout", 20), ("keepalive_timeout", 30)],
)
def test_slow_clients_are_cut_off(name, most_seconds):
    (value,) = directive(name)
    assert int(value.rstrip("s")) <= most_seconds


def test_request_bodies_are_capped_at_1_mb_except_in_the_admin():
    server_wide, admin = directive("client_max_body_size")
    assert server_wide == "1m"
    assert "client_max_body_size 12m;" in location_block("/admin/")
    assert admin == "12m"
    # Sign-in, password reset and the contact form keep the 1 MB cap.
    for pattern in ("= /admin/login/", "/admin/password_reset/", r"~ \^/\(fr\|en\)/contact/"):
        assert "client_max_body_size" not in location_block(pattern)


def media_headers():
    block = location_block("/media/")
    return dict(re.findall(r'add_header (\S+) ("[^"]*"|\S+) always;', block))


def test_media_cannot_be_framed_run_or_sniffed():
    headers = media_headers()
    csp = {part.split()[0]: part.split()[1:] for part in headers["Content-Security-Policy"].strip('"').split("; ")}
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["default-src"] == ["'none'"]
    assert "sandbox" in csp
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Strict-Transport-Security"].startswith('"max-age=63072000')


@pytest.mark.parametrize(
    ("location", "zone"),
    [
        ("= /admin/login/", "oswego_tls_login"),
        ("/admin/password_reset/", "oswego_tls_password_reset"),
        (r"~ \^/\(fr\|en\)/contact/", "oswego_tls_contact"),
    ],
)
def test_sign_in_password_reset_and_contact_are_rate_limited(location, zone):
    assert f"limit_req zone={zone}" in location_block(location)
    assert re.search(rf"limit_req_zone \S+ zone={zone}:\S+ rate=\d+r/m;", CONFIG)


def test_the_proxy_passes_what_django_trusts():
    assert "proxy_set_header X-Forwarded-Proto https;" in CONFIG
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in CONFIG
    assert "proxy_set_header X-Real-IP $remote_addr;" in CONFIG


def test_documents_are_never_served_straight_from_media():
    assert "return 404;" in location_block("/media/documents/")
