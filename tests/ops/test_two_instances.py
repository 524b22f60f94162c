"""Two instances, one truth: two gunicorns (as on two machines) on one PostgreSQL, one Redis and one S3 bucket.

Each instance has its own VAR_DIR and MEDIA_ROOT, so nothing can pass between them through the local disk. A
worker runs beside them, as `make run` and the `worker` service do. Through instance A an editor, signed in,
uploads an image and schedules a page a few seconds ahead; instance B serves the image (from the bucket, on the
storage's base URL) and, with no command run by the test, the page once its time has come.

The local S3 API is moto in server mode on 127.0.0.1, as in test_object_storage.py. Needs PostgreSQL and Redis:
`.ci/run` runs it on its own (`-m instances`).
"""

import os
import re
import secrets
import signal
import subprocess
import sys
import time
from datetime import timedelta

import psycopg
import pytest
import requests
from bs4 import BeautifulSoup
from django.utils import timezone
from moto.server import ThreadedMotoServer

from tests.ops import postgres
from tests.ops.test_object_storage import create_media_bucket, free_port
from tests.security.test_uploads import png

pytestmark = pytest.mark.instances

REDIS_URL = os.environ.get("INSTANCES_REDIS_URL", "redis://127.0.0.1:6379/14")
PASSWORD = "a-long-test-password-for-two-instances"  # noqa: S105

PREPARE = """
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site
from core.factories import HomePageFactory
from people.factories import PeopleIndexPageFactory, PersonPageFactory

call_command("update_translation_fields", verbosity=0)
root = Page.get_first_root_node()
for page in root.get_children():
    page.delete()
home = HomePageFactory(parent=root)
Site.objects.all().delete()
Site.objects.create(hostname="127.0.0.1", port=80, root_page=home, is_default_site=True, site_name="OswegO")
people = PeopleIndexPageFactory(parent=home, slug_fr="equipe-dirigeante", slug_en="leadership")
person = PersonPageFactory(parent=people, full_name="Claudia Jimenez", live=False)
get_user_model().objects.create_superuser("chief", "chief@example.com", "%s")
print("PREPARED", person.pk, person.slug_fr)
"""


def wait_until(check, seconds, message):
    deadline = time.monotonic() + seconds
    while True:
        result = check()
        if result:
            return result
        assert time.monotonic() < deadline, message()
        time.sleep(0.25)


class Browser:
    """An editor's browser on one instance: cookies kept by hand (they are sent over plain HTTP here)."""

    def __init__(self, base_url, cookies=None):
        self.base_url = base_url
        self.cookies = cookies if cookies is not None else {}

    def request(self, method, path, **kwargs):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        response = requests.request(
            method, self.base_url + path, headers=headers, allow_redirects=False, timeout=30, **kwargs
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def csrf_token(self, path):
        page = BeautifulSoup(self.request("GET", path).text, "html.parser")
        return page.select_one("input[name=csrfmiddlewaretoken]")["value"]


def start(args, env, log_path):
    log = log_path.open("w")
    process = subprocess.Popen(  # noqa: S603
        args, cwd=postgres.REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    process.log_path = log_path
    return process


def stop(process):
    if process.poll() is None:
        # Quick shutdown (gunicorn would otherwise give its workers their graceful timeout).
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("instances")
    s3 = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    s3.start()
    s3_url = f"http://127.0.0.1:{s3._port}"  # noqa: SLF001 - moto's server keeps the port we gave it
    client, bucket = create_media_bucket(s3_url)
    subprocess.run(["redis-cli", "-u", REDIS_URL, "flushdb"], check=True, capture_output=True, timeout=10)  # noqa: S603, S607

    name = f"oswego_instances_{os.getpid()}"
    shared = {
        "DATABASE_URL": postgres.create_database(name),
        "REDIS_URL": REDIS_URL,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "MEDIA_STORAGE": "s3",
        "S3_BUCKET": bucket,
        "S3_ENDPOINT_URL": s3_url,
        "S3_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "test-key",
        "AWS_SECRET_ACCESS_KEY": "test-secret",
        "TASKS_BACKEND": "database",
        "SCHEDULED_PUBLISHING_SECONDS": "1",
        "SCHEDULER_TICK_SECONDS": "1",
        "WEB_CONCURRENCY": "1",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    # Each machine its own disk.
    # Each machine its own disk; the static files are the build's, the same everywhere.
    envs = {
        label: postgres.environment(
            **shared, VAR_DIR=tmp / label, MEDIA_ROOT=tmp / label / "media", STATIC_ROOT=tmp / "static"
        )
        for label in ("a", "b", "worker")
    }
    processes = []
    try:
        # As `make setup` does, the static files collected while the database is migrated.
        collect = start(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], envs["a"], tmp / "collectstatic.log"
        )
        postgres.manage(envs["a"], "migrate", "--noinput")
        prepared = postgres.manage(envs["a"], "shell", "-c", PREPARE % PASSWORD).stdout
        person_id, slug = prepared.split("PREPARED", 1)[1].split()
        assert collect.wait(timeout=120) == 0, collect.log_path.read_text()
        ports = {}
        for label in ("a", "b"):
            ports[label] = free_port()
            env = {**envs[label], "HOST": "127.0.0.1", "PORT": str(ports[label])}
            processes.append(
                start(
                    [str(postgres.BIN / "gunicorn"), "--config", "gunicorn.conf.py", "oswego_site.wsgi"],
                    env,
                    tmp / f"{label}.log",
                )
            )
        processes.append(
            start([sys.executable, "manage.py", "worker", "--interval", "0.3"], envs["worker"], tmp / "worker.log")
        )
        urls = {label: f"http://127.0.0.1:{port}" for label, port in ports.items()}
        for url in urls.values():

            def up(url=url):
                try:
                    return requests.get(f"{url}/healthz", timeout=5).status_code == 200
                except requests.ConnectionError:
                    return False

            wait_until(up, 60, lambda: "\n".join(p.log_path.read_text() for p in processes))
        yield {
            "a": urls["a"],
            "b": urls["b"],
            "s3": s3_url,
            "bucket": bucket,
            "client": client,
            "database_url": shared["DATABASE_URL"],
            "person": (int(person_id), slug),
            "logs": lambda: "\n".join(f"--- {p.log_path.name}\n{p.log_path.read_text()[-3000:]}" for p in processes),
        }
    finally:
        for process in processes:
            stop(process)
        postgres.drop_database(name)
        s3.stop()


def query(cluster, sql, *params):
    with psycopg.connect(cluster["database_url"], autocommit=True) as connection:
        return connection.execute(sql, params).fetchall()


def keys(cluster):
    listing = cluster["client"].list_objects_v2(Bucket=cluster["bucket"]).get("Contents", [])
    return {item["Key"] for item in listing}


@pytest.fixture(scope="module")
def editor(cluster):
    """Signed in through instance A's login form."""
    browser = Browser(cluster["a"])
    token = browser.csrf_token("/admin/login/")
    response = browser.request(
        "POST", "/admin/login/", data={"csrfmiddlewaretoken": token, "username": "chief", "password": PASSWORD}
    )
    assert response.status_code == 302, response.text[:2000]
    return browser


@pytest.fixture(scope="module")
def uploaded(cluster, editor):
    token = editor.csrf_token("/admin/images/add/")
    response = editor.request(
        "POST",
        "/admin/images/add/",
        data={"csrfmiddlewaretoken": token, "title": "Casablanca"},
        files={"file": ("casa.png", png(800, 450), "image/png")},
    )
    assert response.status_code == 302, response.text[:2000]
    ((image_id, name),) = query(cluster, "SELECT id, file FROM wagtailimages_image")
    return image_id, name


def test_an_image_uploaded_through_a_is_in_the_bucket_and_served_through_b(cluster, editor, uploaded):
    image_id, name = uploaded
    assert name in keys(cluster)
    # The same editor's session, on the other machine: B reads the image from the bucket for its preview.
    on_b = Browser(cluster["b"], editor.cookies)
    response = on_b.request("GET", f"/admin/images/{image_id}/")
    assert response.status_code == 200, cluster["logs"]()
    base = f"{cluster['s3']}/{cluster['bucket']}/"
    preview = BeautifulSoup(response.text, "html.parser").select_one(f"img[src^='{base}images/']")
    assert preview is not None, response.text[:3000]
    assert preview["src"].removeprefix(base) in keys(cluster)
    assert requests.get(preview["src"], timeout=10).status_code == 200
    # The worker made every rendition the templates may ask for, into the same bucket.
    wait_until(
        lambda: (
            query(cluster, "SELECT count(*) FROM wagtailimages_rendition WHERE image_id = %s", image_id)[0][0] >= 20
        ),
        30,
        cluster["logs"],
    )
    renditions = query(cluster, "SELECT file FROM wagtailimages_rendition WHERE image_id = %s", image_id)
    assert {file for (file,) in renditions} <= keys(cluster)


def test_a_page_scheduled_through_a_goes_live_on_b_with_no_command(cluster, editor, uploaded):
    image_id, _name = uploaded
    person_id, slug = cluster["person"]
    url = f"/fr/equipe-dirigeante/{slug}/"
    assert requests.get(cluster["b"] + url, timeout=10).status_code == 404

    edit = f"/admin/pages/{person_id}/edit/"
    form = BeautifulSoup(editor.request("GET", edit).text, "html.parser").select_one("form#page-edit-form")
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        kind = field.get("type", "").lower()
        if kind in {"submit", "button", "file"} or (kind in {"checkbox", "radio"} and not field.has_attr("checked")):
            continue
        if field.name == "textarea":
            data[field["name"]] = field.get_text()
        elif field.name == "select":
            chosen = field.select_one("option[selected]")
            data[field["name"]] = chosen.get("value", "") if chosen else ""
        else:
            data[field["name"]] = field.get("value", "on" if kind == "checkbox" else "")
    go_live = timezone.localtime(timezone.now() + timedelta(seconds=6))
    data.update(
        photo=str(image_id),
        photo_alt_fr="Claudia Jimenez à Casablanca",
        photo_alt_en="Claudia Jimenez in Casablanca",
        go_live_at=go_live.strftime("%Y-%m-%d %H:%M:%S"),
    )
    data["action-publish"] = "action-publish"
    response = editor.request("POST", edit, data=data)
    assert response.status_code == 302, re.findall(r"error[^<]{0,300}", response.text)[:10]
    # Scheduled, not live yet.
    assert requests.get(cluster["b"] + url, timeout=10).status_code == 404

    started = time.monotonic()
    wait_until(lambda: requests.get(cluster["b"] + url, timeout=10).status_code == 200, 30, cluster["logs"])
    assert time.monotonic() - started < 30
    page = BeautifulSoup(requests.get(cluster["b"] + url, timeout=10).text, "html.parser")
    portrait = page.select_one(".person__header img")
    assert portrait["alt"] == "Claudia Jimenez à Casablanca"
    # Every size the portrait offers is on the storage's base URL, made by the worker, none by this request.
    base = f"{cluster['s3']}/{cluster['bucket']}/images/"
    sources = [portrait["src"], *(s["srcset"] for s in page.select(".person__header source"))]
    assert page.select(".person__header source[type='image/avif']")
    assert all(source.startswith(base) for source in sources), sources
