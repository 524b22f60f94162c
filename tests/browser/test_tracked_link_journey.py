"""A salesperson copies their own tracked link to the launch article, a prospect opens it in another browser, and
the open shows on the salesperson's dashboard."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser import admin
from tests.browser.conftest import screenshot
from tests.browser.live_site import SALES_PASSWORD, SALES_USERNAME

pytestmark = pytest.mark.browser

LAUNCH_EN = "/en/news/oswego-opens-in-the-maghreb/"
# The prospect's own browser: Playwright's headless Chromium says "HeadlessChrome", which is not counted.
PROSPECT_BROWSER = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
)


def weekly_opens(page):
    page.goto("/admin/")
    line = page.locator(".oswego-tracked-links-panel__own")
    expect(line).to_be_visible()
    found = re.search(r"opened (\d+) times? this week", line.inner_text())
    return int(found[1]) if found else 0


def test_sales_copies_their_tracked_link_and_sees_its_open_on_the_dashboard(new_page, viewport):
    page = new_page(locale="en-GB", permissions=["clipboard-read", "clipboard-write"])
    admin.log_in(page, SALES_USERNAME, SALES_PASSWORD)
    before = weekly_opens(page)

    page.get_by_role("link", name="See the tracked links", exact=True).click()
    # The English title finds the page; the listing names it by its French (admin) title.
    page.get_by_label("Find a page to share").fill("opens in the Maghreb")
    page.get_by_role("button", name="Search").click()
    found = page.locator(".oswego-links-found a")
    expect(found).to_have_count(1)
    found.click()
    english = page.locator('.oswego-tracked-link[data-language="en"]')
    address = english.locator("input").input_value()
    assert re.fullmatch(r"https?://[^/]+/l/[A-Za-z0-9]{8}", address), address
    english.get_by_role("button", name="Copy my link").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == address
    screenshot(page, f"tracked-link-share-{viewport}")

    prospect = new_page(locale="en-GB", user_agent=PROSPECT_BROWSER)
    prospect.goto(copied)
    expect(prospect).to_have_url(re.compile(re.escape(LAUNCH_EN) + r"\?via=[A-Za-z0-9]{8}$"))
    expect(prospect.locator("html")).to_have_attribute("lang", "en")
    assert not prospect.context.cookies()

    assert weekly_opens(page) == before + 1
    screenshot(page, f"tracked-link-dashboard-{viewport}")
