"""gunicorn's settings come from the environment; its access log is one valid JSON object per line."""

import datetime
import json
import logging
import random
import runpy
from pathlib import Path

from gunicorn.config import Config

from oswego_site.gunicorn_logging import JsonAccessLogger

CONFIG = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


def load(monkeypatch, **environment):
    for name in (
        "HOST",
        "PORT",
        "WEB_CONCURRENCY",
        "GUNICORN_TIMEOUT",
        "GUNICORN_MAX_REQUESTS",
        "GUNICORN_MAX_REQUESTS_JITTER",
        "GUNICORN_PRELOAD",
        "GUNICORN_MAX_WORKER_MEMORY_MB",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONFIG))


def test_defaults_are_local_and_safe(monkeypatch):
    config = load(monkeypatch)
    assert config["bind"] == "127.0.0.1:8000"
    assert config["workers"] == 2
    assert config["timeout"] == 30
    # No recycling by count (both workers went together under load); a memory guard instead.
    assert (config["max_requests"], config["max_requests_jitter"]) == (0, 0)
    assert config["max_worker_memory_mb"] == 512
    assert config["preload_app"] is True
    assert config["control_socket_disable"] is True
    assert config["accesslog"] == "-"
    assert config["logger_class"] == "oswego_site.gunicorn_logging.JsonAccessLogger"


def test_host_port_and_workers_come_from_the_environment(monkeypatch):
    config = load(monkeypatch, HOST="0.0.0.0", PORT="9000", WEB_CONCURRENCY="5", GUNICORN_TIMEOUT="12")  # noqa: S104
    assert config["bind"] == "0.0.0.0:9000"
    assert config["workers"] == 5
    assert config["timeout"] == 12


def test_workers_draw_recycling_limits_spread_over_half_of_max_requests(monkeypatch):
    config = load(monkeypatch, GUNICORN_MAX_REQUESTS="2000")
    assert config["max_requests_jitter"] == 1000
    # gunicorn gives each worker max_requests + randint(0, jitter): two workers sharing the load evenly
    # restart within 1 % of max_requests of each other only rarely.
    rng = random.Random(17)  # noqa: S311 - a reproducible simulation, not a secret
    draws = 10_000
    close = sum(abs(rng.randint(0, 1000) - rng.randint(0, 1000)) <= 20 for _ in range(draws))
    assert close / draws < 0.05


class FakeLog:
    def __init__(self):
        self.warnings = []

    def warning(self, message, *args):
        self.warnings.append(message % args)


class FakeWorker:
    def __init__(self, handled):
        self.nr, self.pid, self.alive, self.log = handled, 4242, True, FakeLog()


def test_a_worker_past_the_memory_limit_leaves_after_its_request(monkeypatch):
    # This test process uses far more than 1 MB: the guard lets the worker go, and says why.
    config = load(monkeypatch, GUNICORN_MAX_WORKER_MEMORY_MB="1")
    assert config["resident_memory_mb"]() > 1
    worker = FakeWorker(handled=config["MEMORY_CHECK_EVERY"])
    config["post_request"](worker, None, {}, None)
    assert worker.alive is False
    assert "limit 1 MB" in worker.log.warnings[0]


def test_a_worker_under_the_memory_limit_keeps_serving(monkeypatch):
    config = load(monkeypatch, GUNICORN_MAX_WORKER_MEMORY_MB="100000")
    worker = FakeWorker(handled=config["MEMORY_CHECK_EVERY"])
    config["post_request"](worker, None, {}, None)
    assert worker.alive is True and worker.log.warnings == []


def test_memory_is_read_every_few_requests_only_and_the_guard_can_be_turned_off(monkeypatch):
    config = load(monkeypatch, GUNICORN_MAX_WORKER_MEMORY_MB="1")
    between_checks = FakeWorker(handled=config["MEMORY_CHECK_EVERY"] + 1)
    config["post_request"](between_checks, None, {}, None)
    assert between_checks.alive is True
    off = load(monkeypatch, GUNICORN_MAX_WORKER_MEMORY_MB="0")
    worker = FakeWorker(handled=off["MEMORY_CHECK_EVERY"])
    off["post_request"](worker, None, {}, None)
    assert worker.alive is True


def test_recycling_by_count_can_be_turned_back_on(monkeypatch):
    config = load(monkeypatch, GUNICORN_MAX_REQUESTS="1000")
    assert (config["max_requests"], config["max_requests_jitter"]) == (1000, 500)


class FakeResponse:
    status = "200 OK"
    sent = 1234
    headers = [("Content-Type", "text/html")]


def test_access_log_lines_are_json_even_for_hostile_paths(caplog):
    config = Config()
    config.set("accesslog", "-")
    logger = JsonAccessLogger(config)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/fr/%22%0A",
        "PATH_INFO": '/fr/"\n{"status": 500}\\',
        "QUERY_STRING": "q=%00",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_USER_AGENT": 'bot "quoted"',
    }
    request = type("Request", (), {"headers": [("X-REQUEST-ID", "abc123")]})()
    logger.access_log.propagate = True
    with caplog.at_level(logging.INFO, logger="gunicorn.access"):
        logger.access(FakeResponse(), request, environ, datetime.timedelta(milliseconds=42))
    lines = [record.getMessage() for record in caplog.records if record.name == "gunicorn.access"]
    assert len(lines) == 1
    assert "\n" not in lines[0]
    entry = json.loads(lines[0])
    assert entry["path"] == '/fr/"\n{"status": 500}\\'
    assert entry["status"] == 200
    assert entry["duration_ms"] == 42
    assert entry["request_id"] == "abc123"
    assert entry["user_agent"] == 'bot "quoted"'


def test_the_application_and_a_workers_warm_objects_are_left_out_of_full_collections(monkeypatch):
    import gc

    def collected(obj):
        # gc.get_objects() lists what the collector still walks: the frozen objects are not among them.
        return any(tracked is obj for tracked in gc.get_objects())

    config = load(monkeypatch)
    gc.unfreeze()
    try:
        # The master freezes what it holds before each fork: this process's modules stand in for the application.
        loaded = [["application"]]
        config["pre_fork"](None, FakeWorker(handled=0))
        assert gc.get_freeze_count() > 10_000
        assert not collected(loaded[0])
        # What a worker's first requests load (lists: the collector tracks them) is frozen at the 50th request.
        warm = [["template"]]
        config["post_request"](FakeWorker(handled=config["GC_FREEZE_AFTER_REQUESTS"] - 1), None, {}, None)
        assert collected(warm[0])
        config["post_request"](FakeWorker(handled=config["GC_FREEZE_AFTER_REQUESTS"]), None, {}, None)
        assert not collected(warm[0])
        # Later requests freeze nothing more: what they make is collected as usual.
        later = [["response"]]
        config["post_request"](FakeWorker(handled=config["GC_FREEZE_AFTER_REQUESTS"] + 1), None, {}, None)
        assert collected(later[0])
    finally:
        gc.unfreeze()
