"""On a phone, every link, button and field of every page in the sitemap is at least 44 × 44 px, and two taps reach
every section of the main menu from any page."""

import re
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

TAP = 44
# What a finger presses, as displayed. A link inside a sentence is exempt, as WCAG 2.5.8 exempts it ("inline"): its
# height is the line's. A checkbox is counted with its label, which toggles it too.
SMALL_TARGETS = """() => {
    const inSentence = (el) => getComputedStyle(el).display === 'inline'
        && el.parentElement.textContent.trim() !== el.textContent.trim();
    const box = (el) => {
        // A card's title link stretches over the whole card (::after): the card is what a finger presses.
        const after = getComputedStyle(el, '::after');
        if (after.content !== 'none' && after.position === 'absolute') {
            return el.closest('.card').getBoundingClientRect();
        }
        const rect = el.getBoundingClientRect();
        if (!el.labels || !el.matches('input[type=checkbox], input[type=radio]')) return rect;
        // A box and its labels toggle it together.
        const rects = [rect, ...[...el.labels].map((label) => label.getBoundingClientRect())];
        const top = Math.min(...rects.map((r) => r.top)), left = Math.min(...rects.map((r) => r.left));
        return {
            width: Math.max(...rects.map((r) => r.right)) - left,
            height: Math.max(...rects.map((r) => r.bottom)) - top,
        };
    };
    return [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')]
        .filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
        .filter((el) => !el.closest('.visually-hidden, [aria-hidden=true]') && !el.matches('.skip-link'))
        .filter((el) => !(el.tagName === 'A' && inSentence(el)))
        .map((el) => [el, box(el)])
        .filter(([el, r]) => r.width < TAP - 0.5 || r.height < TAP - 0.5)
        .map(([el, r]) => `${el.tagName.toLowerCase()}.${el.className} `
             + `"${(el.textContent || el.name).trim().slice(0, 40)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
}""".replace("TAP", str(TAP))


def sitemap_paths(page):
    xml = page.request.get("/sitemap.xml").text()
    return [urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", xml)]


@pytest.mark.parametrize("viewport", ["phone"])
def test_every_tap_target_of_every_sitemap_page_is_at_least_44_px_on_a_phone(new_page, viewport):
    page = new_page()
    paths = sitemap_paths(page)
    assert any(path.startswith("/fr/") for path in paths) and any(path.startswith("/en/") for path in paths)
    problems = {}
    for path in paths:
        page.goto(path)
        small = page.evaluate(SMALL_TARGETS)
        if small:
            problems[path] = small
    assert problems == {}, "\n".join(f"{path}: {', '.join(small)}" for path, small in problems.items())


@pytest.mark.parametrize("viewport", ["phone"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_two_taps_reach_every_main_menu_section_on_a_phone(new_page, viewport, language):
    page = new_page()
    page.goto(f"/{language}/")
    sections = page.evaluate("[...document.querySelectorAll('.site-nav__link')].map(a => a.getAttribute('href'))")
    assert len(sections) >= 5
    start = sections[-1]
    for href in sections:
        page.goto(start)
        assert not page.locator(".site-nav").is_visible()
        page.locator(".site-header__menu-link--open").click()
        link = page.locator(f".site-nav__link[href='{href}']")
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"], href
        assert box["y"] + box["height"] <= page.viewport_size["height"], href
        link.click()
        page.wait_for_url(f"**{href}")
        page.locator(".site-header__menu-link--open").wait_for()
