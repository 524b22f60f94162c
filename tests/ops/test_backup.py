"""Nothing lost: `make backup` then `make restore` into an empty database bring every page, revision,
image file and lead back (PostgreSQL; selected by .ci/run with `-m backup`)."""

import json
import os
from pathlib import Path

import pytest

from tests.ops import postgres

pytestmark = pytest.mark.backup

# Adds what the demo lacks (an uploaded image, a lead, a draft revision), then
# describes the whole site: compared before the backup and after the restore.
ADD_CONTENT = """
import io
from PIL import Image as Pillow
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from articles.models import ArticlePage
from contact.models import Lead
buffer = io.BytesIO()
Pillow.new("RGB", (64, 48), "#2a6f97").save(buffer, "PNG")
get_image_model().objects.create(title="Casablanca", file=ImageFile(buffer, name="casablanca.png"))
Lead.objects.create(name="Amina", email="amina@example.com", company="Atlas", message="Bonjour", language="fr")
article = ArticlePage.objects.first()
article.title_en = article.title_en + " (draft)"
article.save_revision()
"""
DESCRIBE = """
import hashlib, json
from django.core.files.storage import default_storage
from django.test import Client
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from contact.models import Lead
client = Client(HTTP_HOST="localhost")
print("SITE " + json.dumps({
    "pages": sorted(Page.objects.values_list("pk", "title_fr", "title_en", "url_path", "live")),
    "revisions": sorted(Revision.objects.values_list("pk", "object_id")),
    "images": sorted(
        (image.title, image.file.name, hashlib.sha256(default_storage.open(image.file.name).read()).hexdigest())
        for image in get_image_model().objects.all()
    ),
    "leads": sorted(Lead.objects.values_list("name", "email", "message")),
    "served": [client.get(url).status_code for url in ("/fr/", "/en/", "/fr/actualites/", "/en/contact/")],
}, default=str))
"""


def describe(env):
    output = postgres.manage(env, "shell", "-c", DESCRIBE).stdout
    return json.loads(next(line[5:] for line in output.splitlines() if line.startswith("SITE ")))


@pytest.fixture
def databases():
    names = [f"oswego_backup_source_{os.getpid()}", f"oswego_backup_target_{os.getpid()}"]
    yield [postgres.create_database(name) for name in names]
    for name in names:
        postgres.drop_database(name)


def test_backup_and_restore_bring_everything_back(databases, tmp_path):
    source_url, target_url = databases
    var = tmp_path / "var"
    source = postgres.environment(DATABASE_URL=source_url, VAR_DIR=var, MEDIA_ROOT=tmp_path / "media")
    postgres.set_up_site(source)
    postgres.manage(source, "shell", "-c", ADD_CONTENT)
    before = describe(source)
    assert len(before["pages"]) > 10 and before["images"] and before["leads"]
    assert before["served"] == [200, 200, 200, 200]

    backup = postgres.run(["make", "-s", "backup"], source).stdout.strip().splitlines()[-1]
    assert backup.startswith(str(var / "backups"))
    assert sorted(os.listdir(backup)) == ["SHA256SUMS", "database.dump", "media.tar.gz"]

    target = postgres.environment(DATABASE_URL=target_url, VAR_DIR=var, MEDIA_ROOT=tmp_path / "restored-media")
    postgres.run(["make", "-s", "restore", f"BACKUP={backup}"], target)
    assert describe(target) == before


def test_restore_refuses_a_database_that_is_not_empty(databases, tmp_path):
    source_url, _target_url = databases
    env = postgres.environment(DATABASE_URL=source_url, VAR_DIR=tmp_path, MEDIA_ROOT=tmp_path / "media")
    postgres.manage(env, "migrate", "--noinput")
    backup = postgres.run(["bin/backup"], env).stdout.strip().splitlines()[-1]
    refused = postgres.run(["bin/restore", backup], env, check=False)
    assert refused.returncode != 0
    assert "not empty" in refused.stderr


def test_restore_refuses_a_damaged_backup(databases, tmp_path):
    source_url, target_url = databases
    env = postgres.environment(DATABASE_URL=source_url, VAR_DIR=tmp_path, MEDIA_ROOT=tmp_path / "media")
    postgres.manage(env, "migrate", "--noinput")
    backup = postgres.run(["bin/backup"], env).stdout.strip().splitlines()[-1]
    with open(os.path.join(backup, "database.dump"), "ab") as dump:
        dump.write(b"tampered")
    target = postgres.environment(DATABASE_URL=target_url, VAR_DIR=tmp_path, MEDIA_ROOT=tmp_path / "restored")
    refused = postgres.run(["bin/restore", backup], target, check=False)
    assert refused.returncode != 0
    assert "damaged" in refused.stderr


def test_with_media_in_object_storage_the_backup_records_the_bucket_and_restore_names_it(databases, tmp_path):
    source_url, target_url = databases
    bucket = {"MEDIA_STORAGE": "s3", "S3_BUCKET": "oswego-media", "S3_ENDPOINT_URL": "https://s3.fr-par.scw.cloud"}
    env = postgres.environment(DATABASE_URL=source_url, VAR_DIR=tmp_path, **bucket)
    backup = postgres.run(["bin/backup"], env).stdout.strip().splitlines()[-1]
    assert sorted(os.listdir(backup)) == ["SHA256SUMS", "database.dump", "media-bucket.txt", "media.tar.gz"]
    note = Path(backup, "media-bucket.txt").read_text()
    assert "bucket=oswego-media\nendpoint=https://s3.fr-par.scw.cloud\n" in note and "at=20" in note

    target = postgres.environment(DATABASE_URL=target_url, VAR_DIR=tmp_path, MEDIA_ROOT=tmp_path / "restored")
    restored = postgres.run(["bin/restore", backup], target)
    assert "bucket=oswego-media" in restored.stdout
