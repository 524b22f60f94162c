"""Uploads: raster images within byte and pixel caps, office documents served as downloads."""

import io
import os
import struct
import zlib

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.helpers import soup

Image = get_image_model()
Document = get_document_model()


def png(width=40, height=30):
    buffer = io.BytesIO()
    # Noise, so that the file is not all one compressed run.
    PillowImage.frombytes("RGB", (width, height), os.urandom(width * height * 3)).save(buffer, "PNG")
    return buffer.getvalue()


def png_bomb(width, height):
    """A 1-bit black PNG: a few kilobytes on disk, width × height pixels once decoded."""
    row = b"\x00" + bytes((width + 7) // 8)
    pixels = zlib.compress(row * height, 9)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("chief", "chief@example.com", "a-long-test-password")
    client.force_login(user)
    return client


def upload_image(client, name, content, content_type="image/png"):
    return client.post(
        "/admin/images/add/",
        {"title": "Upload", "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )


def form_error(response):
    return " ".join(item.get_text(" ", strip=True) for item in soup(response).select(".error-message, .help-critical"))


def test_a_normal_photo_is_accepted(editor_client):
    response = upload_image(editor_client, "photo.png", png())
    assert response.status_code == 302
    assert Image.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("logo.svg", SVG, "image/svg+xml"),
        ("page.png", HTML, "image/png"),
        ("page.html", HTML, "text/html"),
        ("empty.png", b"", "image/png"),
        ("noise.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png"),
        ("truncated.png", png(400, 300)[:-200], "image/png"),
        ("truncated.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 64, "image/jpeg"),
    ],
)
def test_what_is_not_a_raster_image_is_refused_with_a_message(editor_client, name, content, content_type):
    response = upload_image(editor_client, name, content, content_type)
    assert response.status_code == 200
    assert form_error(response)
    assert Image.objects.count() == 0


@pytest.mark.parametrize(("width", "height"), [(8_000, 8_000), (30_000, 30_000)])
def test_decompression_bomb_is_refused_with_a_message(editor_client, width, height):
    response = upload_image(editor_client, "bomb.png", png_bomb(width, height))
    assert response.status_code == 200
    assert form_error(response)
    assert Image.objects.count() == 0


def test_image_over_the_byte_cap_is_refused(editor_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1_000
    content = png(600, 600)
    assert len(content) > 1_000
    response = upload_image(editor_client, "big.png", content)
    assert response.status_code == 200
    assert "too large" in form_error(response).lower() or "trop" in form_error(response).lower()
    assert Image.objects.count() == 0


def test_multiple_upload_refuses_a_bomb_too(editor_client):
    response = editor_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("bomb.png", png_bomb(30_000, 30_000), content_type="image/png")},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert response.json()["error_message"]
    assert Image.objects.count() == 0


def upload_document(client, name, content, content_type):
    return client.post(
        "/admin/documents/add/",
        {"title": "Offer", "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("page.html", HTML, "text/html"),
        ("logo.svg", SVG, "image/svg+xml"),
        ("tool.exe", b"MZ\x90\x00", "application/octet-stream"),
        ("macro.docm", b"PK\x03\x04", "application/vnd.ms-word.document.macroEnabled.12"),
    ],
)
def test_documents_other_than_office_formats_are_refused(editor_client, name, content, content_type):
    response = upload_document(editor_client, name, content, content_type)
    assert response.status_code == 200
    assert form_error(response)
    assert Document.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content_type"),
    [("offer.pdf", "application/pdf"), ("notes.txt", "text/plain"), ("figures.csv", "text/csv")],
)
def test_documents_are_served_as_downloads(editor_client, name, content_type):
    response = upload_document(editor_client, name, b"%PDF-1.4\n%%EOF\n", content_type)
    assert response.status_code == 302
    document = Document.objects.get()
    editor_client.logout()
    served = editor_client.get(document.url)
    assert served.status_code == 200
    assert served["Content-Disposition"].startswith("attachment")
    assert served["X-Content-Type-Options"] == "nosniff"
    # Wagtail's own policy for documents: nothing in them may run or load.
    assert served["Content-Security-Policy"].startswith("default-src 'none'")
