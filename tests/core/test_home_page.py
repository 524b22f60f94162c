"""The home page sells: a promise with two actions, then news, people, offices and a closing invitation."""

import pytest
from django.core.management import call_command

from tests.helpers import soup


@pytest.fixture
def demo(db, tmp_path, settings):
    settings.VAR_DIR = tmp_path
    call_command("load_demo_content", no_admin=True, verbosity=0)


def test_hero_offers_contact_first_and_news_second_and_a_band_closes_the_page(client, demo):
    for url, contact, news, labels in [
        ("/fr/", "/fr/contact/", "/fr/actualites/", ["Parler à notre équipe", "Lire nos actualités"]),
        ("/en/", "/en/contact/", "/en/news/", ["Talk to our team", "Read our news"]),
    ]:
        page = soup(client.get(url))
        actions = page.select(".hero__actions a")
        assert [a.get_text(strip=True) for a in actions] == labels
        assert [a["href"] for a in actions] == [contact, news]
        band = page.select("main > section")[-1]
        assert "contact-band" in band["class"]
        assert band.select_one("a.button")["href"] == contact
        # One h1, then h2 sections: no heading level skipped.
        assert len(page.select("h1")) == 1
        assert not page.select("main h4, main h5")
