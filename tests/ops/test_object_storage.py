"""Media on S3-compatible object storage (MEDIA_STORAGE=s3), against a real S3 API server on 127.0.0.1.

moto runs in server mode on a free local port, started by the fixture below: django-storages and boto3 talk to it
over HTTP exactly as they would to R2, Scaleway or MinIO. Nothing is mocked inside the process.
"""

import socket
import uuid
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import urlopen

import boto3
import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from moto.server import ThreadedMotoServer
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from articles.factories import ArticlePageFactory
from oswego_site.settings.base import media_origin, s3_media_storage
from seo import share_images
from tests.security.test_uploads import png

CDN = "media.oswego.example"
POLICY = Path(__file__).resolve().parents[2] / "deploy" / "s3" / "media-bucket-policy.json"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def s3_server():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


def create_media_bucket(endpoint):
    """(client, name) of a new bucket on the S3 server at ``endpoint``, with the policy the README gives: images
    public, documents (and anything else) private."""
    name = f"oswego-media-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="test-key",
        aws_secret_access_key="test-secret",  # noqa: S106
    )
    client.create_bucket(Bucket=name)
    client.put_bucket_policy(Bucket=name, Policy=POLICY.read_text().replace("BUCKET", name))
    return client, name


@pytest.fixture
def bucket(s3_server, settings, monkeypatch):
    """A fresh bucket, and the site's media in it, configured from the environment as in production."""
    client, name = create_media_bucket(s3_server)
    for variable, value in {
        "S3_BUCKET": name,
        "S3_ENDPOINT_URL": s3_server,
        "S3_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "test-key",
        "AWS_SECRET_ACCESS_KEY": "test-secret",
        "S3_CUSTOM_DOMAIN": "",
    }.items():
        monkeypatch.setenv(variable, value)
    settings.STORAGES = {**settings.STORAGES, "default": s3_media_storage()}
    client.name = name
    return client


def keys(bucket):
    return {item["Key"] for item in bucket.list_objects_v2(Bucket=bucket.name).get("Contents", [])}


@pytest.fixture
def editor_client(client, db):
    client.force_login(get_user_model().objects.create_superuser("chief", "chief@example.com", "a-long-pass-123"))
    return client


def test_an_image_uploaded_through_the_admin_is_in_the_bucket_and_its_rendition_too(editor_client, bucket, s3_server):
    response = editor_client.post(
        "/admin/images/add/", {"title": "Casablanca", "file": SimpleUploadedFile("casa.png", png(), "image/png")}
    )
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert image.file.name in keys(bucket)

    rendition = image.get_rendition("fill-120x80|format-webp")
    assert rendition.file.name in keys(bucket)
    assert rendition.url.startswith(f"{s3_server}/{bucket.name}/images/")
    assert "Signature" not in rendition.url  # public, cacheable by browsers and the CDN
    # What a browser does with that URL: the bytes come from the storage, not from the site.
    with urlopen(rendition.url, timeout=10) as answer:  # noqa: S310 - the local S3 server
        assert answer.status == 200
        assert answer.read(12)[8:12] == b"WEBP"


def test_public_media_urls_use_the_cdn_domain_when_there_is_one(bucket, settings, monkeypatch):
    monkeypatch.setenv("S3_CUSTOM_DOMAIN", CDN)
    settings.STORAGES = {**settings.STORAGES, "default": s3_media_storage()}
    name = default_storage.save("images/logo.png", SimpleUploadedFile("logo.png", png()))
    assert default_storage.url(name) == f"https://{CDN}/{name}"


def test_documents_stay_private_and_are_served_through_the_site(editor_client, bucket, s3_server):
    response = editor_client.post(
        "/admin/documents/add/",
        {"title": "Offre", "file": SimpleUploadedFile("offre.pdf", b"%PDF-1.4 offre", "application/pdf")},
    )
    assert response.status_code == 302
    document = get_document_model().objects.get()
    assert document.file.name in keys(bucket)
    # The bucket refuses it to the public; any URL the storage gives for it is signed and short-lived.
    with pytest.raises(HTTPError) as refused:
        urlopen(f"{s3_server}/{bucket.name}/{document.file.name}", timeout=10)  # noqa: S310 - the local S3 server
    assert refused.value.code == 403
    with urlopen(document.file.url, timeout=10) as signed:  # noqa: S310
        assert signed.read() == b"%PDF-1.4 offre"
    assert "Signature=" in document.file.url and "Expires=" in document.file.url
    # Wagtail's serve view streams it from the bucket, as a download.
    served = editor_client.get(document.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == b"%PDF-1.4 offre"
    assert served["Content-Disposition"].startswith("attachment")


def test_share_images_are_drawn_into_the_bucket_and_served_from_it(client, news_index, bucket):
    article = ArticlePageFactory(parent=news_index, title_fr="Nouveau site à Rabat", live=False)
    article.save_revision().publish()
    article.refresh_from_db()
    name = share_images.storage_name(article, "fr")
    assert name in keys(bucket)
    response = client.get(share_images.share_image_url(article, None, "fr"))
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:8] == b"\x89PNG\r\n\x1a\n"


def test_pages_may_show_images_from_the_bucket_or_its_cdn(client, home, settings, monkeypatch):
    monkeypatch.setenv("S3_BUCKET", "oswego-media")
    monkeypatch.setenv("S3_CUSTOM_DOMAIN", CDN)
    settings.MEDIA_ORIGIN = media_origin(s3_media_storage()["OPTIONS"])
    policy = client.get("/fr/")["Content-Security-Policy"]
    assert f"img-src 'self' data: https://{CDN};" in policy
    assert "default-src 'none'" in policy
