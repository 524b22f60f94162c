"""A picture's markup (core.images.picture_html) is Wagtail's ``Picture`` markup, written from the rendition rows:
the same HTML for every role, format mix, attribute kind and storage."""

import pytest
from django.core.files.storage import default_storage
from wagtail.images.models import Picture
from wagtail_factories import ImageFactory

from core import images

TEMPLATE_ATTRS = [
    {"class": "card__image", "alt": "", "loading": "lazy", "decoding": "async"},
    {"alt": 'Le port "Casa" & la mer <nuit>', "fetchpriority": "high"},
    {"class": "avatar", "hidden": True, "data-empty": None, "draggable": False},
    {},
]


@pytest.fixture
def image(db):
    return ImageFactory(title="Port & mer", width=2400, height=1600)


def wagtails(renditions, attrs):
    return str(Picture(dict(renditions), dict(attrs)).__html__())


def ours(renditions, attrs):
    return str(images.picture_html(dict(renditions), dict(attrs)))


@pytest.mark.parametrize("role", sorted(images.ROLES))
@pytest.mark.parametrize("attrs", TEMPLATE_ATTRS)
def test_every_role_renders_as_wagtails_picture(image, role, attrs):
    renditions = images.existing_renditions(image, role)
    assert len(renditions) == len(images.ROLES[role].filters(image))
    attrs = {"sizes": images.ROLES[role].sizes, **attrs}
    assert ours(renditions, attrs) == wagtails(renditions, attrs)


@pytest.mark.parametrize("formats", [("jpeg",), ("webp",), ("avif", "jpeg"), ("webp", "jpeg")])
@pytest.mark.parametrize("count", [1, 2])
def test_any_mix_of_formats_and_widths_renders_as_wagtails_picture(image, formats, count):
    every = images.existing_renditions(image, "card")
    chosen = {}
    for spec, rendition in every.items():
        fmt = spec.rsplit("format-", 1)[1]
        if fmt in formats and sum(1 for other in chosen if other.endswith(fmt)) < count:
            chosen[spec] = rendition
    for attrs in TEMPLATE_ATTRS:
        assert ours(chosen, {"sizes": "100vw", **attrs}) == wagtails(chosen, {"sizes": "100vw", **attrs})


def test_an_original_without_format_renders_as_wagtails_picture(image):
    original = {"original": image.get_rendition("original")}
    assert ours(original, {"alt": ""}) == wagtails(original, {"alt": ""})


def test_urls_follow_the_media_url(image, settings):
    renditions = images.existing_renditions(image, "avatar")
    assert 'src="/media/images/' in ours(renditions, {"sizes": "80px"})
    settings.MEDIA_URL = "https://media.oswego.example/files/"
    html = ours(renditions, {"sizes": "80px"})
    assert html == wagtails(renditions, {"sizes": "80px"})
    assert 'src="https://media.oswego.example/files/images/' in html
    assert "/media/images/" not in html
    assert default_storage.url("x.jpg") == "https://media.oswego.example/files/x.jpg"


@pytest.mark.parametrize("role", ["card", "avatar"])
def test_a_listings_renditions_render_as_wagtails_picture_of_the_same_rows(image, role):
    stored = images.existing_renditions(image, role)  # Wagtail's rendition instances
    listed_image = type(image).objects.get(pk=image.pk)
    images.attach_renditions([listed_image], role)  # the listing's lighter rows
    listed = images.existing_renditions(listed_image, role)
    assert list(listed) == list(stored)
    assert all(isinstance(rendition, images.ListedRendition) for rendition in listed.values())
    for attrs in TEMPLATE_ATTRS:
        attrs = {"sizes": images.ROLES[role].sizes, **attrs}
        assert ours(listed, attrs) == wagtails(stored, attrs)
    rendition = next(iter(listed.values()))
    assert (rendition.url, rendition.alt) == (stored[next(iter(stored))].url, stored[next(iter(stored))].alt)
