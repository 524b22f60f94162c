"""`make bench`: the site under load on this machine, with its two references, in one table.

1. A database of its own (oswego_bench on 127.0.0.1:5432) with the demo content, Redis db 14.
2. gunicorn (gunicorn.conf.py, 2 workers) with every cache off (PAGE_CACHE=0 FRAGMENT_CACHE=0) — "uncached",
   every page type: every request rendered from scratch — then with the page cache off —
   "cold": every request goes through Wagtail, the header and footer fragments stay on — then on — "warm";
   wrk loads each page from a second process.
3. The references, in the same run: a trivial view behind the same middleware in the same gunicorn (the
   framework's floor, routed only by bench/settings.py) and the launch article's bytes served as a static
   file by nginx (the machine's limit).
4. nginx with deploy/nginx/oswego.conf in front of two gunicorn instances sharing PostgreSQL and Redis:
   the article through the proxy cache, then an edit published through one instance's admin, read
   through the other instance and through the proxy on the very next request.
5. The first request after publishing the launch article with a new hero image, against an uncached render of
   the same page; a sustained run on the cached home page with gunicorn.conf.py's recycling (its p99); a crawl of every
   sitemap URL once with Redis emptied (total time, p99).

Everything it starts, it stops. Loopback only. BENCH_DURATION (seconds per wrk run, default 1) and
BENCH_REPEATS (alternated runs of a page and its reference, default 3: the best of each is kept), BENCH_SUSTAINED
(seconds of the sustained run, default 60), BENCH_MAX_REQUESTS (its workers' max_requests, default
gunicorn.conf.py's: 0, recycling by memory only; 1000 shows what recycling by count cost).
"""

import contextlib
import datetime
import gzip
import http.cookiejar
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
VAR = ROOT / "var" / "bench"
DATABASE = os.environ.get("BENCH_DATABASE", "oswego_bench")
POSTGRES = "postgres://postgres@127.0.0.1:5432"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
DURATION = int(os.environ.get("BENCH_DURATION", "1"))
REPEATS = int(os.environ.get("BENCH_REPEATS", "3"))
# Publishes of the launch article with a new hero, for the first-request-after-a-publish row (its median).
AFTER_PUBLISH_ROUNDS = int(os.environ.get("BENCH_PUBLISHES", "3"))
CONNECTIONS, THREADS = 8, 2
HOST = "localhost"  # the demo site's hostname: visitors and purges agree on it
BROWSER_ENCODINGS = "gzip, deflate, br, zstd"
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")

LAUNCH = (
    "/fr/actualites/le-maghreb-territoire-strategique-de-lexperience-client/",
    "/en/news/the-maghreb-a-strategic-territory-for-customer-experience/",
)
PAGES = [
    ("home", ("/fr/", "/en/")),
    ("launch article", LAUNCH),
    ("person", ("/fr/equipe-dirigeante/jamal-mossaddeq/", "/en/leadership/jamal-mossaddeq/")),
    ("office", ("/fr/implantations/casablanca/", "/en/offices/casablanca/")),
    ("article index", ("/fr/actualites/", "/en/news/")),
]
FLOOR = "/bench/floor/"
# Every page type with every cache off (page cache and fragments): what the first reader after a publish, a
# crawler on the long tail and an editor's preview get.
UNCACHED_PAGES = [
    *PAGES,
    ("leadership index", ("/fr/equipe-dirigeante/", "/en/leadership/")),
    ("offices index", ("/fr/implantations/", "/en/offices/")),
    ("contact", ("/fr/contact/", "/en/contact/")),
]
# Issue 20's targets for the uncached render, as a share of the floor's rate.
UNCACHED_TARGET = {"launch article": 0.025}
UNCACHED_TARGET_OTHERS = 0.04
# The sustained run (issue 17): the cached home page for SUSTAINED seconds as production runs it, p99 < 50 ms.
SUSTAINED = int(os.environ.get("BENCH_SUSTAINED", "60"))
SUSTAINED_P99_TARGET_MS = 50
SEQUENTIAL_RENDERS = 7
# The counting path (issue 19): a reader's browser (wrk sends no User-Agent, and a request without one is not
# counted), come from LinkedIn; and nginx's mirror of a page request to the counting endpoint.
READER = (
    "User-Agent: Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0"
    " Mobile Safari/537.36",
    "Referer: https://www.linkedin.com/",
)
MIRROR = "/_audience/hit/"
MIRROR_TOKEN = secrets.token_urlsafe(24)
AUDIENCE_TARGET = 0.7


def require(condition, message):
    if not condition:
        sys.exit(f"bench: {message}")


def say(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def sh(*command, env=None, quiet=True, check=True):
    result = subprocess.run(command, env=env, capture_output=quiet, text=True, check=False)  # noqa: S603
    if check and result.returncode != 0:
        sys.exit(f"bench: {' '.join(map(str, command))} failed:\n{result.stdout}\n{result.stderr}")
    return result


# --- Tools and services -------------------------------------------------------


def ensure_tools():
    missing = [name for name in ("wrk", "nginx") if not shutil.which(name)]
    if missing or not PURGE_MODULE.exists():
        say("installing Debian's wrk, nginx and its cache-purge module")
        sh("apt-get", "update", "-qq")
        sh("apt-get", "install", "-y", "-qq", "wrk", "nginx", "libnginx-mod-http-cache-purge")


def ensure_services():
    if sh("pg_isready", "-h", "127.0.0.1", "-p", "5432", check=False).returncode != 0:
        say("starting PostgreSQL")
        version = sorted(os.listdir("/etc/postgresql"))[-1]
        sh("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start", check=False)
        for _ in range(30):
            if sh("pg_isready", "-h", "127.0.0.1", "-p", "5432", check=False).returncode == 0:
                break
            time.sleep(1)
    if sh("redis-cli", "-h", "127.0.0.1", "-p", "6379", "ping", check=False).stdout.strip() != "PONG":
        say("starting Redis")
        if not shutil.which("redis-server"):
            sh("apt-get", "install", "-y", "-qq", "redis-server")
        Path("/var/lib/redis").mkdir(parents=True, exist_ok=True)
        Path("/var/log/redis").mkdir(parents=True, exist_ok=True)
        sh(
            *("redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", "6379"),
            *("--save", "", "--appendonly", "no", "--dir", "/var/lib/redis", "--logfile", "/var/log/redis/ci.log"),
        )
        time.sleep(1)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- The site -----------------------------------------------------------------


def site_env(**extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": str(ROOT),
        "VAR_DIR": str(VAR),
        "DATABASE_URL": f"{POSTGRES}/{DATABASE}",
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": "oswego-bench",
        "CONN_MAX_AGE": "60",
        "WEB_CONCURRENCY": "2",
        # A worker restart every 1,000 requests would be most of what a short run measures.
        "GUNICORN_MAX_REQUESTS": "0",
        "LOG_LEVEL": "WARNING",
        "HOST": "127.0.0.1",
        "FRONTEND_CACHE_PURGE_URL": "",
        # No worker runs beside the bench's instances: jobs (the proxy purge after a publish) run inside
        # the publishing request, as they did before the queue, so "published through A, read through B"
        # is measured the same way.
        "TASKS_BACKEND": "immediate",
    }
    env.update({key: str(value) for key, value in extra.items()})
    return env


def set_up_site(env):
    say(f"fresh database {DATABASE} with the demo content")
    for statement in (f"DROP DATABASE IF EXISTS {DATABASE}", f"CREATE DATABASE {DATABASE}"):
        sh("psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c", statement)
    sh("redis-cli", "-u", REDIS_URL, "flushdb")
    manage = (str(PYTHON), "manage.py")
    sh(*manage, "migrate", "--noinput", env=env)
    sh(*manage, "update_translation_fields", env=env)
    sh(*manage, "collectstatic", "--noinput", "--verbosity", "0", env=env)
    sh(*manage, "load_demo_content", env=env)


@contextmanager
def gunicorn(name, port, **extra):
    env = site_env(PORT=port, **extra)
    log = open(VAR / f"gunicorn-{name}.log", "w")  # noqa: SIM115 - closed below
    process = subprocess.Popen(  # noqa: S603
        [str(GUNICORN), "--config", "gunicorn.conf.py", "oswego_site.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}{FLOOR}")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@contextmanager
def nginx(config):
    conf = VAR / "nginx" / "nginx.conf"
    conf.write_text(config)
    sh("nginx", "-t", "-q", "-c", str(conf), "-p", str(VAR / "nginx"))
    process = subprocess.Popen(  # noqa: S603
        [shutil.which("nginx"), "-c", str(conf), "-p", str(VAR / "nginx"), "-g", "daemon off;"], start_new_session=True
    )
    try:
        yield
    finally:
        process.terminate()
        process.wait(timeout=20)


def wait_for(url, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            fetch(url)
            return
        except (OSError, urllib.error.URLError):
            time.sleep(0.3)
    sys.exit(f"bench: {url} did not answer")


def fetch(url, encoding="identity", opener=None, data=None, headers=None):
    request = urllib.request.Request(  # noqa: S310 - loopback URLs built here
        url, data=data, headers={"Host": HOST, "Accept-Encoding": encoding, **(headers or {})}
    )
    with (opener or urllib.request.build_opener()).open(request, timeout=30) as response:
        return response.status, dict(response.headers), response.read()


def decoded(headers, body):
    encoding = headers.get("Content-Encoding")
    if encoding == "br":
        return brotli.decompress(body)
    if encoding == "gzip":
        return gzip.decompress(body)
    return body


# --- Measurements -------------------------------------------------------------


def wrk(url, encodings=BROWSER_ENCODINGS, host=HOST, duration=None, headers=()):
    output = sh(
        *("wrk", "-t", str(THREADS), "-c", str(CONNECTIONS), "-d", f"{duration or DURATION}s", "--latency"),
        *("-H", f"Host: {host}", "-H", f"Accept-Encoding: {encodings}"),
        *(argument for header in headers for argument in ("-H", header)),
        url,
    ).stdout

    def latency(label):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    requests = re.search(r"(\d+) requests in", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(requests.group(1)) if requests else 0,
        "p50": latency(50),
        "p90": latency(90),
        "p99": latency(99),
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def paired(reference_url, url, reference_encodings=BROWSER_ENCODINGS, encodings=BROWSER_ENCODINGS, headers=()):
    """The reference and the page, alternated REPEATS times; the best of each, and their ratio.

    Other work on the machine comes in bursts shorter than a run: the best of a
    few alternated runs is what the machine gives when it is left alone, for
    both, and their ratio is what holds from one run of the benchmark to the next.
    """
    references, runs = [], []
    for _ in range(REPEATS):
        references.append(wrk(reference_url, reference_encodings))
        runs.append(wrk(url, encodings, headers=headers))
    reference = max(references, key=lambda run: run["rps"])
    best = max(runs, key=lambda run: run["rps"])
    return {**best, "reference": reference["rps"], "ratio": best["rps"] / reference["rps"] if reference["rps"] else 0}


def audience_rows(base):
    """The counting path against the floor: the warm launch article asked for by a reader's browser (counted in
    Redis before the page cache answers), and the counting endpoint nginx mirrors page requests to."""
    rows = {}
    fetch(base + LAUNCH[0], "br")
    rows["page"] = paired(base + FLOOR, base + LAUNCH[0], headers=READER)
    # The same page for a client without a User-Agent (not counted): what counting itself costs.
    rows["uncounted"] = paired(base + FLOOR, base + LAUNCH[0])
    mirror = (*READER, f"X-Audience-Token: {MIRROR_TOKEN}", f"X-Original-URI: {LAUNCH[1]}")
    rows["mirror"] = paired(base + FLOOR, base + MIRROR, headers=mirror)
    counters = sh("redis-cli", "-u", REDIS_URL, "--scan", "--pattern", "*audience:views:*").stdout.split()
    require(counters, "the counting path counted nothing")
    return rows


def audience_table(rows):
    page, mirror, uncounted = rows["page"], rows["mirror"], rows["uncounted"]
    lines = [
        "",
        "Counting (issue 19): the warm launch article (fr) for a reader's browser come from LinkedIn, counted in"
        " Redis before the page cache answers; and the counting endpoint nginx mirrors page requests to.",
        "",
        "| path | req/s (% of floor) | p50 / p99 ms | target |",
        "| --- | ---: | ---: | --- |",
    ]
    for name, run in (("warm page, counted", page), ("counting endpoint (nginx mirror)", mirror)):
        met = run["ratio"] >= AUDIENCE_TARGET
        lines.append(
            f"| {name} | {run['rps']:.0f} ({100 * run['ratio']:.0f} %) | {run['p50']:.1f} / {run['p99']:.1f} "
            f"| ≥ {100 * AUDIENCE_TARGET:.0f} % {'met' if met else 'MISSED'} |"
        )
    lines.append(
        f"| warm page, not counted (no User-Agent), for comparison | {uncounted['rps']:.0f} "
        f"({100 * uncounted['ratio']:.0f} %) | {uncounted['p50']:.1f} / {uncounted['p99']:.1f} | — |"
    )
    return lines


def weight(base, path):
    """Bytes a phone downloads for the page (Brotli, as browsers ask): HTML, CSS, JS, fonts."""
    _status, headers, body = fetch(base + path, "br")
    html = decoded(headers, body).decode()
    sizes = {"html": len(body), "css": 0, "js": 0, "fonts": 0}
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    for href in stylesheets:
        _status, _headers, css = fetch(base + href, "br")
        sizes["css"] += len(css)
        for font in re.findall(rb"url\(['\"]?([^'\")]+\.woff2?)", decoded(_headers, css)):
            sizes["fonts"] += len(fetch(base + font.decode(), "br")[2])
    for src in re.findall(r'<script[^>]+src="([^"]+)"', html):
        sizes["js"] += len(fetch(base + src, "br")[2])
    return sizes


def count_queries(urls):
    output = sh(str(PYTHON), str(ROOT / "bench" / "queries.py"), HOST, *urls, env=site_env()).stdout
    return json.loads(output.strip().splitlines()[-1])


def sequential(url, times=SEQUENTIAL_RENDERS):
    """One client, one request at a time: the median time of a render, in ms (no queueing behind other clients)."""
    durations = []
    for _ in range(times):
        started = time.perf_counter()
        fetch(url, "br")
        durations.append((time.perf_counter() - started) * 1000)
    return sorted(durations)[len(durations) // 2]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def sitemap_paths(base):
    """Every URL of the sitemap (each page in each of its languages), as paths."""
    _status, headers, body = fetch(base + "/sitemap.xml", "gzip")
    locations = re.findall(rb"<loc>([^<]+)</loc>", decoded(headers, body))
    return sorted({urllib.parse.urlsplit(location.decode()).path for location in locations})


def crawl(base, paths):
    """A crawler on the long tail: every path once, one at a time, nothing cached before."""
    durations, errors = [], 0
    started = time.perf_counter()
    for path in paths:
        begun = time.perf_counter()
        try:
            status = fetch(base + path, BROWSER_ENCODINGS)[0]
        except urllib.error.HTTPError as error:
            status = error.code
        durations.append((time.perf_counter() - begun) * 1000)
        errors += status != 200
    return {
        "urls": len(paths),
        "total_s": time.perf_counter() - started,
        "p50": percentile(durations, 0.5),
        "p99": percentile(durations, 0.99),
        "max": max(durations, default=0.0),
        "errors": errors,
    }


def access_log(log_path):
    """What the JSON access log says of a run: the workers that answered (2 plus one per recycle), the server-side
    p99 and the longest time no request was answered (a worker gone and its replacement not yet serving)."""
    pids, durations, times = set(), [], []
    with open(log_path) as log:
        for line in log:
            if not line.startswith("{"):
                continue
            try:
                record = json.loads(line)
            except ValueError:
                continue
            pids.add(record["pid"])
            durations.append(float(record["duration_ms"]))
            times.append(datetime.datetime.fromisoformat(record["time"]).timestamp())
    times.sort()
    gaps = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
    return {
        "recycles": max(0, len(pids) - 2),
        "server_p99": percentile(durations, 0.99),
        "longest_silence_ms": 1000 * max(gaps, default=0.0),
    }


# --- Two instances, one edit ------------------------------------------------------


def admin_session(base, password):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    _s, _h, body = fetch(base + "/admin/login/", opener=opener)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    form = {"username": "admin", "password": password, "csrfmiddlewaretoken": token, "next": "/admin/"}
    fetch(base + "/admin/login/", opener=opener, data=urllib.parse.urlencode(form).encode())
    require(any(cookie.name == "sessionid" for cookie in jar), "admin login failed")
    return opener


def publish_through(base, opener, page_id):
    url = f"{base}/admin/bulk/wagtailcore/page/publish/?id={page_id}&next=/admin/"
    _s, _h, body = fetch(url, opener=opener)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    fetch(url, opener=opener, data=urllib.parse.urlencode({"csrfmiddlewaretoken": token}).encode())


def save_draft_title(new_title):
    code = (
        "from articles.models import ArticlePage;"
        f"page = ArticlePage.objects.get(slug_fr={LAUNCH[0].strip('/').split('/')[-1]!r});"
        "draft = page.get_latest_revision_as_object();"
        f"draft.title_fr = draft.title = {new_title!r};"
        "draft.save_revision();"
        "print(page.pk)"
    )
    return int(sh(str(PYTHON), "manage.py", "shell", "-c", code, env=site_env()).stdout.strip().splitlines()[-1])


def save_draft_with_new_hero():
    """A new 2400×1350 picture (drawn here: no photo of anyone) as the launch article's hero, saved as a draft."""
    code = (
        "import io, random;"
        "from PIL import Image as P;"
        "from django.core.files.images import ImageFile;"
        "from wagtail.images.models import Image;"
        "from articles.models import ArticlePage;"
        "random.seed();"
        "picture = P.effect_noise((2400, 1350), 64).convert('RGB');"
        "buffer = io.BytesIO(); picture.save(buffer, 'JPEG', quality=85);"
        "image = Image.objects.create(title='bench hero', file=ImageFile(buffer, name='bench-hero.jpg'));"
        f"page = ArticlePage.objects.get(slug_fr={LAUNCH[0].strip('/').split('/')[-1]!r});"
        "draft = page.get_latest_revision_as_object();"
        "draft.hero_image = image;"
        "draft.hero_image_alt_fr = draft.hero_image_alt = 'Un bruit gris généré pour la mesure';"
        "draft.hero_image_alt_en = 'Grey noise drawn for the benchmark';"
        "draft.save_revision();"
        "print(page.pk)"
    )
    return int(sh(str(PYTHON), "manage.py", "shell", "-c", code, env=site_env()).stdout.strip().splitlines()[-1])


def first_request_after_publish(base, password, publishes=AFTER_PUBLISH_ROUNDS):
    """An editor publishes the launch article with a new hero image; the first reader's wait, in ms, per language.

    One request is one sample, and a single one is at the mercy of whatever else the machine does at that
    moment (a run at a low load once gave 200 ms in French and 50 ms in English): the publish is repeated, each
    time with a new picture, and the median first request per language is kept, each sample listed beside it.
    """
    session = admin_session(base, password)
    samples = {url: [] for url in LAUNCH}
    for _round in range(publishes):
        page_id = save_draft_with_new_hero()
        publish_through(base, session, page_id)
        for url in LAUNCH:
            started = time.perf_counter()
            fetch(base + url, "br")
            samples[url].append((time.perf_counter() - started) * 1000)
    return {url: statistics.median(values) for url, values in samples.items()}, samples


def h1(body):
    match = re.search(rb"<h1[^>]*>(.*?)</h1>", body, re.S)
    return match.group(1).decode().strip() if match else ""


def two_instances(proxy, instance_a, instance_b, password):
    path = LAUNCH[0]
    before = h1(decoded(*fetch(instance_b + path, "gzip")[1:]))
    proxied = fetch(proxy + path, "gzip")
    fetch(proxy + path, "gzip")
    new_title = f"{before} — mis à jour {datetime.datetime.now():%H:%M:%S}"
    page_id = save_draft_title(new_title)
    require(h1(decoded(*fetch(instance_b + path, "gzip")[1:])) == before, "a draft was served")
    opener = admin_session(instance_a, password)
    started = time.perf_counter()
    publish_through(instance_a, opener, page_id)
    published = time.perf_counter()
    on_b = h1(decoded(*fetch(instance_b + path, "gzip")[1:]))
    _status, proxy_headers, proxy_body = fetch(proxy + path, "gzip")
    through_proxy = h1(decoded(proxy_headers, proxy_body))
    return {
        "title": new_title,
        "publish_seconds": round(published - started, 3),
        "proxy_status_before": proxied[1].get("X-Cache-Status"),
        "served_by_b": on_b == new_title,
        "served_through_proxy": through_proxy == new_title,
        "proxy_status_after": proxy_headers.get("X-Cache-Status"),
    }


# --- nginx configuration ----------------------------------------------------------


def nginx_config(static_port, proxy_port, upstream_ports):
    site = (ROOT / "deploy" / "nginx" / "oswego.conf").read_text()
    replacements = {
        "    server 127.0.0.1:8000;\n": "".join(f"    server 127.0.0.1:{port};\n" for port in upstream_ports),
        "    listen 80;\n": f"    listen 127.0.0.1:{proxy_port};\n",
        "/var/cache/nginx/oswego": str(VAR / "nginx" / "cache"),
    }
    for old, new in replacements.items():
        require(site.count(old) == 1, f"deploy/nginx/oswego.conf changed shape: {old!r}")
        site = site.replace(old, new)
    temp = VAR / "nginx" / "temp"
    return f"""load_module {PURGE_MODULE};
worker_processes auto;
pid {VAR / "nginx" / "nginx.pid"};
error_log {VAR / "nginx" / "error.log"} warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;

    # The machine's limit: the launch article's bytes as a static file (gzip, like the proxy serves it).
    server {{
        listen 127.0.0.1:{static_port};
        root {VAR / "static-reference"};
        gzip_static on;
        location / {{ default_type text/html; }}
    }}

    # deploy/nginx/oswego.conf, ports and cache path changed.
{site}
}}
"""


# --- The run ------------------------------------------------------------------


def uncached_table(results):
    """The uncached rows (every page type against the floor, issue 20's targets): the lines, and each row's check."""
    checks = []
    lines = [
        "",
        "Uncached: every cache off (page cache and fragments), every page type.",
        "",
        "| page | lang | req/s (% of floor) | p50 / p99 ms at 8 clients | one at a time, median ms"
        " | queries | target |",
        "| --- | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, paths in UNCACHED_PAGES:
        target = UNCACHED_TARGET.get(name, UNCACHED_TARGET_OTHERS)
        for code, path in zip(("fr", "en"), paths, strict=True):
            run = results["uncached"][path]
            met = run["ratio"] >= target
            checks.append((name, code, run, met))
            lines.append(
                f"| {name} | {code} | {run['rps']:.0f} ({100 * run['ratio']:.1f} %) | {run['p50']:.1f} / "
                f"{run['p99']:.1f} | {run['sequential_ms']:.1f} | {results['queries'].get(path, {}).get('render', '—')}"
                f" | ≥ {100 * target:.1f} % {'met' if met else 'MISSED'} |"
            )
    floors = sorted(run["reference"] for run in results["uncached"].values())
    median = floors[len(floors) // 2]
    lines.append(f"\nFloor in these rows: {floors[0]:.0f}–{floors[-1]:.0f} req/s (median {median:.0f}).")
    return lines, checks


def table(results):
    pct = lambda ratio: f"{100 * ratio:.0f} %"  # noqa: E731
    lines = [
        "| page | lang | cold req/s (% of floor)"
        " | cold p50 / p99 ms | warm req/s (% of floor) | warm p50 / p99 ms"
        " | queries render / cold / warm | HTML | CSS | JS | fonts (bytes, Brotli) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, paths in PAGES:
        for code, path in zip(("fr", "en"), paths, strict=True):
            cold, warm, q, w = (results[k][path] for k in ("cold", "warm", "queries", "weight"))
            lines.append(
                f"| {name} | {code} "
                f"| {cold['rps']:.0f} ({pct(cold['ratio'])}) | {cold['p50']:.1f} / {cold['p99']:.1f} "
                f"| {warm['rps']:.0f} ({pct(warm['ratio'])}) | {warm['p50']:.1f} / {warm['p99']:.1f} "
                f"| {q['render']} / {q['cold']} / {q['warm']} "
                f"| {w['html']:,} | {w['css']:,} | {w['js']} | {w['fonts']} |"
            )
    floors = [run["reference"] for series in ("uncached", "cold", "warm") for run in results[series].values()]
    uncached, uncached_checks = uncached_table(results)
    lines += uncached
    lines += audience_table(results["audience"])
    after = results["after_publish"]
    lines += [
        "",
        "First request after an editor publishes the launch article with a new hero image (page cache on, the"
        " header and footer fragments kept), against an uncached render of the same page afterwards:",
        "",
        "| page | lang | first request ms (median of the publishes; each) | uncached render ms (median, one at a time)"
        " | ratio |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for code, path in zip(("fr", "en"), LAUNCH, strict=True):
        first, render = after["first_ms"][path], after["uncached_ms"][path]
        each = ", ".join(f"{value:.0f}" for value in after.get("first_samples_ms", {}).get(path, []))
        lines.append(f"| launch article | {code} | {first:.0f} ({each}) | {render:.0f} | {first / render:.2f} × |")
    tail, sustained = results["crawl"], results["sustained"]
    recycling = "by memory only"
    if sustained["max_requests"] != "0":
        recycling = f"by count, max_requests {sustained['max_requests']}"
    lines += [
        "",
        f"Long tail: every sitemap URL once ({tail['urls']} URLs), one client, on a fresh instance after emptying"
        f" Redis: {tail['total_s']:.2f} s in total, p50 {tail['p50']:.1f} ms, p99 {tail['p99']:.1f} ms,"
        f" slowest {tail['max']:.1f} ms, {tail['errors']} not 200.",
        "",
        f"Sustained: the cached home page (fr) for {sustained['seconds']} s at {CONNECTIONS} clients (workers"
        f" recycling {recycling}):"
        f" {sustained['rps']:.0f} req/s, p50 / p90 / p99 {sustained['p50']:.1f} / {sustained['p90']:.1f} /"
        f" {sustained['p99']:.1f} ms, {sustained['requests']:,} requests, {sustained['recycles']} worker recycles;"
        f" inside gunicorn (access log) p99 {sustained['server_p99']:.0f} ms, and the longest time with no request"
        f" answered {sustained['longest_silence_ms']:.0f} ms.",
    ]
    lines += [
        "",
        "| reference | req/s |",
        "| --- | ---: |",
        f"| floor: trivial view behind every middleware, same gunicorn, alternated with each page | "
        f"{min(floors):.0f}–{max(floors):.0f} (median {sorted(floors)[len(floors) // 2]:.0f}) |",
    ]
    for code, path in zip(("fr", "en"), LAUNCH, strict=True):
        run = results["proxy"][path]
        lines.append(f"| nginx: launch article ({code}) bytes as a static file, gzip | {run['reference']:.0f} |")
        lines.append(
            f"| nginx proxy cache (deploy/), launch article {code}, 2 gunicorn behind | {run['rps']:.0f} "
            f"({pct(run['ratio'])} of static; p50 / p99 {run['p50']:.1f} / {run['p99']:.1f} ms) |"
        )

    warm_pages = [results["warm"][path] for _n, paths in PAGES for path in paths]
    worst_warm = min(run["ratio"] for run in warm_pages)
    warm_queries = max(results["queries"][path]["warm"] for _n, paths in PAGES for path in paths)
    cold_launch = [results["cold"][path] for path in LAUNCH]
    worst_proxy = min(run["ratio"] for run in results["proxy"].values())
    two = results["two_instances"]
    checks = [
        (
            f"warm pages ≥ 70 % of the floor with 0 queries: lowest {pct(worst_warm)}, {warm_queries} queries",
            worst_warm >= 0.7 and warm_queries == 0,
        ),
        (
            "cold launch article ≥ 25 % of the floor, p99 < 250 ms at 8 clients (issue 7's target, set when the route"
            " and the article's body were cached as well; since caching uses Wagtail's public API only, a cold"
            " request keeps the header and footer alone and costs nearly an uncached render): "
            + ", ".join(f"{pct(run['ratio'])}, p99 {run['p99']:.0f} ms" for run in cold_launch),
            all(run["ratio"] >= 0.25 and run["p99"] < 250 for run in cold_launch),
        ),
        (
            f"proxy cache ≥ 70 % of nginx's static rate: lowest {pct(worst_proxy)}",
            worst_proxy >= 0.7,
        ),
        (
            f"edit published through instance A (bulk publish in its admin, {two['publish_seconds']} s), "
            f"next request: served by B {'yes' if two['served_by_b'] else 'NO'}, through the proxy "
            f"{'yes' if two['served_through_proxy'] else 'NO'} (X-Cache-Status {two['proxy_status_after']})",
            two["served_by_b"] and two["served_through_proxy"],
        ),
        (
            "uncached launch article ≥ 2.5 % of the floor, every other page type ≥ 4 %: "
            + ", ".join(
                f"{name} {code} {100 * run['ratio']:.1f} %"
                for name, code, run, met in uncached_checks
                if name == "launch article" or not met
            ),
            all(met for *_rest, met in uncached_checks),
        ),
        (
            "counting path ≥ 70 % of the floor: "
            + ", ".join(pct(results["audience"][name]["ratio"]) for name in ("page", "mirror")),
            all(results["audience"][name]["ratio"] >= AUDIENCE_TARGET for name in ("page", "mirror")),
        ),
        (
            "first request after publishing a new hero ≤ 2 × an uncached render: "
            + ", ".join(f"{after['first_ms'][path] / after['uncached_ms'][path]:.2f} ×" for path in LAUNCH),
            all(after["first_ms"][path] <= 2 * after["uncached_ms"][path] for path in LAUNCH),
        ),
        (
            f"sustained cached home, {sustained['seconds']} s at {CONNECTIONS} clients "
            f"({sustained['recycles']} recycles): p99 {sustained['p99']:.1f} ms < {SUSTAINED_P99_TARGET_MS} ms",
            sustained["p99"] < SUSTAINED_P99_TARGET_MS,
        ),
    ]
    lines += ["", *(f"- {'MET' if ok else 'MISSED'}: {text}" for text, ok in checks)]
    return "\n".join(lines), all(ok for _t, ok in checks)


def main():
    started = time.time()
    os.chdir(ROOT)
    VAR.mkdir(parents=True, exist_ok=True)
    (VAR / "nginx" / "temp").mkdir(parents=True, exist_ok=True)
    (VAR / "static-reference").mkdir(parents=True, exist_ok=True)
    ensure_tools()
    ensure_services()
    password = secrets.token_urlsafe(18)
    set_up_site(site_env(ADMIN_PASSWORD=password))
    load_before = os.getloadavg()
    say(f"load average before the runs: {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}")
    urls = [path for _name, paths in PAGES for path in paths]
    if os.environ.get("BENCH_ONLY") == "audience":
        # The counting rows alone (a few seconds after the set-up), for a quick look: BENCH_ONLY=audience.
        with gunicorn("audience", free_port(), PAGE_CACHE=1, AUDIENCE_MIRROR_TOKEN=MIRROR_TOKEN) as base:
            print("\n".join(audience_table(audience_rows(base))))
        return 0
    results = {"uncached": {}, "cold": {}, "warm": {}, "weight": {}, "proxy": {}}

    say("queries per request (in-process, same database and Redis)")
    results["queries"] = count_queries(urls)

    uncached_urls = [path for _name, paths in UNCACHED_PAGES for path in paths]
    results["queries"].update(count_queries([url for url in uncached_urls if url not in urls]))
    say(f"uncached: every cache off, {len(uncached_urls)} pages (every page type), {CONNECTIONS} clients")
    with gunicorn("uncached", free_port(), PAGE_CACHE=0, FRAGMENT_CACHE=0) as base:
        for url in uncached_urls:
            fetch(base + url, "br")
            results["uncached"][url] = paired(base + FLOOR, base + url)
            results["uncached"][url]["sequential_ms"] = sequential(base + url)
    if os.environ.get("BENCH_ONLY") == "uncached":
        # The uncached rows alone (about two minutes after the set-up), for a quick look: BENCH_ONLY=uncached.
        print("\n".join(uncached_table(results)[0]))
        return 0

    say(f"cold: page cache off, {len(urls)} pages, {CONNECTIONS} clients")
    with gunicorn("cold", free_port(), PAGE_CACHE=0) as base:
        for url in urls:
            fetch(base + url, "br")
            results["cold"][url] = paired(base + FLOOR, base + url)

    static_port, proxy_port, port_a, port_b = free_port(), free_port(), free_port(), free_port()
    purge = {"FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{proxy_port}"}
    with ExitStack() as stack:
        say("warm: page cache on (Redis)")
        base = stack.enter_context(gunicorn("a", port_a, PAGE_CACHE=1, AUDIENCE_MIRROR_TOKEN=MIRROR_TOKEN, **purge))
        for url in urls:
            fetch(base + url, "br")
            results["warm"][url] = paired(base + FLOOR, base + url)
            results["weight"][url] = weight(base, url)
        say("counting: the warm launch article for a reader's browser, and nginx's mirror endpoint")
        results["audience"] = audience_rows(base)

        say("nginx: static reference and the proxy cache in front of two instances")
        instance_b = stack.enter_context(gunicorn("b", port_b, PAGE_CACHE=1, **purge))
        for url, name in zip(LAUNCH, ("article", "article-en"), strict=True):
            article = fetch(base + url)[2]
            (VAR / "static-reference" / f"{name}.html").write_bytes(article)
            (VAR / "static-reference" / f"{name}.html.gz").write_bytes(gzip.compress(article, 9, mtime=0))
        stack.enter_context(nginx(nginx_config(static_port, proxy_port, (port_a, port_b))))
        wait_for(f"http://127.0.0.1:{static_port}/article.html")
        proxy = f"http://127.0.0.1:{proxy_port}"
        for url in LAUNCH:
            fetch(proxy + url, "gzip")
            require(fetch(proxy + url, "gzip")[1].get("X-Cache-Status") == "HIT", "the proxy does not cache")
            static = f"http://127.0.0.1:{static_port}/{'article' if url == LAUNCH[0] else 'article-en'}.html"
            results["proxy"][url] = paired(static, proxy + url, "gzip", "gzip")
        say("two instances: an edit published through A, read through B and the proxy")
        results["two_instances"] = two_instances(proxy, base, instance_b, password)
        say("first request after publishing the launch article with a new hero image (instance A)")
        firsts, samples = first_request_after_publish(base, password)
        results["after_publish"] = {"first_ms": firsts, "first_samples_ms": samples}

    with gunicorn("uncached-after", free_port(), PAGE_CACHE=0, FRAGMENT_CACHE=0) as base:
        for url in LAUNCH:
            fetch(base + url, "br")
        results["after_publish"]["uncached_ms"] = {url: sequential(base + url) for url in LAUNCH}

    say(f"sustained: the cached home page for {SUSTAINED} s, {CONNECTIONS} clients")
    max_requests = os.environ.get("BENCH_MAX_REQUESTS", "0")
    with gunicorn("sustained", free_port(), PAGE_CACHE=1, GUNICORN_MAX_REQUESTS=max_requests) as base:
        fetch(base + "/fr/", "br")
        run = wrk(base + "/fr/", duration=SUSTAINED)
    results["sustained"] = {
        **run,
        "seconds": SUSTAINED,
        "max_requests": max_requests,
        **access_log(VAR / "gunicorn-sustained.log"),
    }

    say("long tail: every sitemap URL once on a fresh instance, Redis emptied")
    sh("redis-cli", "-u", REDIS_URL, "flushdb")
    with gunicorn("crawl", free_port(), PAGE_CACHE=1) as base:
        paths = sitemap_paths(base)
        require(paths, "the sitemap lists no URL")
        # Each worker renders the site's frame once (a 404 page), as a worker that has served before would have;
        # then Redis is emptied again and every URL is asked for once.
        for _ in range(4):
            with contextlib.suppress(urllib.error.HTTPError):
                fetch(base + "/fr/bench-warm-up/", "br")
        sh("redis-cli", "-u", REDIS_URL, "flushdb")
        results["crawl"] = crawl(base, paths)

    load_after = os.getloadavg()
    results["load"] = {"before": load_before, "after": load_after}
    report, all_met = table(results)
    header = (
        f"{datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z} · {os.uname().nodename} · {os.cpu_count()} cores · "
        f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after · wrk {THREADS} threads, "
        f"{CONNECTIONS} connections, best of {REPEATS} alternated {DURATION}-s runs · gunicorn 2 sync workers · "
        f"{time.time() - started:.0f} s"
    )
    (VAR / "results.json").write_text(json.dumps(results, indent=2, default=str))
    (VAR / "results.md").write_text(header + "\n\n" + report + "\n")
    print()
    print(header)
    print()
    print(report)
    return 0 if results["two_instances"]["served_by_b"] and results["two_instances"]["served_through_proxy"] else 1


if __name__ == "__main__":
    sys.exit(main())
