"""Fixtures for the browser journeys: the real site, Debian's Chromium and one context per viewport.

The site is served once for the whole folder (gunicorn, PostgreSQL, demo content: see live_site.py);
each test gets a fresh browser context (no cookies) at the viewport it is parametrised with.
The fixtures are package-scoped so Playwright's event loop is gone before other tests touch the
database.
"""

import os
import re
from pathlib import Path

import pytest

from tests.browser import live_site

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Flags that work on a closed network, as root, without a display; a fresh
# profile per launch (Playwright's default).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 2,
    },
}
SCREENSHOTS_DIR = Path(os.environ.get("SCREENSHOTS_DIR", REPO / "test-artifacts" / "screenshots"))


def _unavailable(reason):
    # On CI (or when asked) a missing browser or database is a failure, never a silent skip.
    if os.environ.get("CI") or os.environ.get("BROWSER_TESTS_REQUIRED"):
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="package")
def site():
    """The URL of the served site: a fresh one, or BROWSER_SITE_URL to reuse one already running."""
    if url := os.environ.get("BROWSER_SITE_URL"):
        yield url.rstrip("/")
        return
    if not live_site.postgres_available():
        _unavailable(f"PostgreSQL is not reachable at {live_site.POSTGRES_URL}")
    try:
        served = live_site.LiveSite(log_dir=SCREENSHOTS_DIR.parent).__enter__()
    except live_site.SiteError as error:
        pytest.fail(f"the site could not be served: {str(error)[-3000:]}", pytrace=False)
    SERVED.append(served)
    yield served.url
    SERVED.remove(served)
    served.__exit__(None, None, None)


# The site served by the fixture above, for tests that prepare data through manage.py.
SERVED = []


@pytest.fixture
def manage(site):
    """``manage("shell", "-c", code)`` against the served site's database."""
    if not SERVED:
        _unavailable("this test prepares data with manage.py: it needs the site the suite serves itself")
    return SERVED[0].manage


@pytest.fixture(scope="package")
def browser():
    if not Path(CHROMIUM).exists():
        _unavailable(f"{CHROMIUM} is missing: apt-get install chromium chromium-driver")
    from playwright.sync_api import expect, sync_playwright

    # The machine is shared (2 cores, other suites running): give pages time rather than flake.
    expect.set_options(timeout=15_000)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request):
    return request.param


@pytest.fixture
def new_page(request, browser, site, viewport):
    """A factory of pages in fresh contexts at the test's viewport; a failing test leaves a screenshot."""
    contexts = []

    def make(locale="fr-FR", **options):
        context = browser.new_context(base_url=site, locale=locale, **VIEWPORTS[viewport], **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        for index, context in enumerate(contexts):
            for number, page in enumerate(context.pages):
                screenshot(page, f"FAILED-{request.node.name}-{index}-{number}")
    for context in contexts:
        context.close()


def screenshot(page, name):
    """A full-page screenshot into SCREENSHOTS_DIR (CI keeps it with its logs)."""
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS_DIR / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}.png"
    page.screenshot(path=path, full_page=True)
    return path
