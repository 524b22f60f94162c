"""Where a reader came from, as one class: the only thing kept of the Referer header."""

import pytest

from audience.channels import CHANNELS, classify


@pytest.mark.parametrize(
    ("referrer", "expected"),
    [
        ("https://www.google.fr/", "search"),
        ("https://www.google.co.ma/search?q=oswego", "search"),
        ("https://www.bing.com/search?q=relation+client", "search"),
        ("https://duckduckgo.com/", "search"),
        ("https://www.qwant.com/?q=oswego", "search"),
        ("android-app://com.google.android.googlequicksearchbox/", "search"),
        ("https://www.linkedin.com/feed/", "linkedin"),
        ("https://lnkd.in/abc123", "linkedin"),
        ("android-app://com.linkedin.android/", "linkedin"),
        ("https://web.whatsapp.com/", "whatsapp"),
        ("https://wa.me/", "whatsapp"),
        ("https://t.co/xyz", "social"),
        ("https://m.facebook.com/", "social"),
        ("https://www.instagram.com/", "social"),
        ("https://mail.google.com/mail/u/0/", "direct"),
        ("https://outlook.live.com/mail/0/inbox", "direct"),
        ("android-app://com.google.android.gm/", "direct"),
        ("", "direct"),
        (None, "direct"),
        ("https://www.oswego.example/fr/", "internal"),
        ("https://www.lemonde.fr/economie/article.html", "other"),
        ("https://news.ycombinator.com/item?id=1", "other"),
    ],
)
def test_each_referrer_falls_in_its_class(referrer, expected):
    assert classify(referrer, "www.oswego.example") == expected


def test_a_link_tagged_with_its_source_wins_over_a_missing_referrer():
    assert classify("", "www.oswego.example", "whatsapp") == "whatsapp"
    assert classify("", "www.oswego.example", "LinkedIn") == "linkedin"
    assert classify("", "www.oswego.example", "email") == "direct"
    assert classify("https://www.google.fr/", "www.oswego.example", "unknown-source") == "search"


@pytest.mark.parametrize(
    "garbage",
    [
        "not a url",
        "javascript:alert(1)",
        "https://[::1",
        "http://",
        "ftp://files.example.org/",
        "https://" + "a" * 5000 + ".example.org/",
        "\x00\x01\x02",
        "https://exa mple.org/",
    ],
)
def test_garbage_is_quietly_direct_or_other(garbage):
    assert classify(garbage, "www.oswego.example", "x" * 5000) in {"direct", "other"}


def test_the_own_host_is_internal_whatever_its_port():
    assert classify("http://127.0.0.1:8000/fr/", "127.0.0.1:8000") == "internal"


def test_every_class_has_a_label():
    assert set(CHANNELS) == {"search", "linkedin", "whatsapp", "social", "direct", "internal", "other"}
