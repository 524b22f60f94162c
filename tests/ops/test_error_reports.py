"""Errors reach someone: ADMINS by e-mail (through the queue), Sentry when SENTRY_DSN is set."""

import json
import subprocess
import sys
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import brotli
import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured

from oswego_site.settings.base import env_admins
from tests.ops.failing_tasks import always_fails
from tests.ops.postgres import REPO, environment


def test_admins_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("ADMINS", "ops@oswego.example, Jane Doe <jane@oswego.example>")
    assert env_admins("ADMINS") == [("ops@oswego.example", "ops@oswego.example"), ("Jane Doe", "jane@oswego.example")]
    monkeypatch.setenv("ADMINS", "not an address")
    with pytest.raises(ImproperlyConfigured):
        env_admins("ADMINS")


def test_a_job_that_fails_for_good_is_mailed_to_the_admins(db, settings):
    settings.ADMINS = [("Ops", "ops@oswego.example")]
    always_fails.enqueue()
    (report,) = mail.outbox
    assert report.to == ["ops@oswego.example"]
    assert "tests.ops.failing_tasks.always_fails" in report.subject
    assert "the partner API answered 500" in report.body


def test_a_server_error_is_mailed_to_the_admins(client, db, settings):
    settings.ADMINS = [("Ops", "ops@oswego.example")]
    client.raise_request_exception = False
    settings.ROOT_URLCONF = "tests.ops.error_urls"
    assert client.get("/boom").status_code == 500
    (report,) = mail.outbox
    assert report.to == ["ops@oswego.example"]
    assert "RuntimeError" in report.body


class SentryIngest(BaseHTTPRequestHandler):
    received = []

    def do_POST(self):  # noqa: N802 - http.server's naming
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        encoding = self.headers.get("Content-Encoding")
        if encoding == "gzip":
            body = zlib.decompress(body, 16 + zlib.MAX_WBITS)
        elif encoding == "br":
            body = brotli.decompress(body)
        self.received.append(body.decode("utf-8", "replace"))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(json.dumps({"id": "0" * 32}).encode())

    def log_message(self, *args):
        pass


def test_with_a_sentry_dsn_an_error_is_sent_to_sentry_without_personal_data(tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), SentryIngest)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        env = environment(
            SENTRY_DSN=f"http://public-key@127.0.0.1:{server.server_port}/42",
            VAR_DIR=tmp_path,
            DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        )
        script = (
            "import django, logging, sentry_sdk; django.setup(); "
            "logging.getLogger('ops.jobs').error('Job contact.tasks.notify_lead failed: SMTP refused'); "
            "sentry_sdk.flush(5)"
        )
        result = subprocess.run(  # noqa: S603
            [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False
        )
        assert result.returncode == 0, result.stderr
    finally:
        server.shutdown()
    sent = "\n".join(SentryIngest.received)
    assert "Job contact.tasks.notify_lead failed: SMTP refused" in sent
    assert '"ip_address"' not in sent
