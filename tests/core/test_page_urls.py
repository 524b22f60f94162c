"""A page's URL (core/page_urls.py): Wagtail's answer in each language, site and script prefix, with the sites'
root paths read once per request and the URL pattern resolved once per path."""

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.test import RequestFactory
from django.urls import set_script_prefix
from django.utils import translation
from wagtail.models import Page, Site

from core.factories import HomePageFactory
from people.factories import PeopleIndexPageFactory, PersonPageFactory

ROOT_PATHS_KEY = "wagtail_site_root_paths_"


@pytest.fixture
def request_(home):
    return RequestFactory().get("/fr/", HTTP_HOST="testserver")


@pytest.fixture
def second_site(home):
    second_home = HomePageFactory(
        parent=Page.get_first_root_node(),
        title_fr="Partenaires",
        slug="partenaires",
        slug_fr="partenaires",
        slug_en="partners",
    )
    Site.objects.create(hostname="partners.example", port=80, root_page=second_home, site_name="Partners")
    return second_home


def test_one_request_gives_each_language_its_own_url_however_often_it_switches(people_index, request_):
    for _ in range(3):
        with translation.override("en"):
            assert people_index.get_url(request_) == "/en/leadership/"
        with translation.override("fr"):
            assert people_index.get_url(request_) == "/fr/equipe-dirigeante/"
    assert people_index.get_full_url(request_) == "http://testserver/fr/equipe-dirigeante/"


@pytest.mark.parametrize("slug_en", ["", None])
def test_a_page_without_an_english_slug_takes_the_french_one_under_en(people_index, request_, slug_en):
    person = PersonPageFactory(parent=people_index, full_name="Claudia Jimenez", slug_en=slug_en)
    with translation.override("en"):
        assert Page.objects.get(pk=person.pk).get_url(request_) == "/en/leadership/claudia-jimenez/"


def test_a_page_of_another_site_is_linked_with_that_sites_address(people_index, second_site, request_):
    child = PeopleIndexPageFactory(
        parent=second_site, title_fr="Équipe", slug="equipe", slug_fr="equipe", slug_en="team"
    )
    assert child.get_url(request_) == "http://partners.example/fr/equipe/"
    partners = RequestFactory().get("/fr/", HTTP_HOST="partners.example")
    assert child.get_url(partners) == "/fr/equipe/"
    assert people_index.get_url(partners) == "http://testserver/fr/equipe-dirigeante/"


def test_a_page_outside_every_site_has_no_url(home, request_):
    orphan = PeopleIndexPageFactory(
        parent=Page.get_first_root_node(), title_fr="Ailleurs", slug="ailleurs", slug_fr="ailleurs", slug_en="elsewhere"
    )
    assert orphan.get_url(request_) is None
    assert orphan.get_url_parts(request_) is None


def test_urls_follow_the_script_prefix_a_deployment_under_a_sub_path_sets(people_index, request_):
    set_script_prefix("/site/")
    try:
        assert people_index.get_url(request_) == "/site/fr/equipe-dirigeante/"
    finally:
        set_script_prefix("/")
    assert people_index.get_url(request_) == "/fr/equipe-dirigeante/"


def test_rendering_a_page_reads_each_languages_site_root_paths_from_the_cache_once(client, people_index, monkeypatch):
    client.get("/fr/equipe-dirigeante/")  # fills the cache, as the first request after a start does
    reads, depth = [], []

    def counting(method):
        # A round trip is the outermost call: the local cache's get_many calls its get for each key.
        def counted(self, key_or_keys, *args, **kwargs):
            keys = [key_or_keys] if isinstance(key_or_keys, str) else list(key_or_keys)
            if not depth and any(key.startswith(ROOT_PATHS_KEY) for key in keys):
                reads.append(keys)
            depth.append(1)
            try:
                return method(self, key_or_keys, *args, **kwargs)
            finally:
                depth.pop()

        return counted

    monkeypatch.setattr(LocMemCache, "get", counting(LocMemCache.get))
    monkeypatch.setattr(LocMemCache, "get_many", counting(LocMemCache.get_many))
    response = client.get("/fr/equipe-dirigeante/")
    # The page links to itself in both languages (the language switch, hreflang alternates) and to the menus.
    assert b'hreflang="en" href="http://testserver/en/leadership/"' in response.content
    assert b'hreflang="fr" href="http://testserver/fr/equipe-dirigeante/"' in response.content
    assert sorted(reads) == [[f"{ROOT_PATHS_KEY}en"], [f"{ROOT_PATHS_KEY}fr"]]


def test_a_renamed_home_slug_changes_no_url(home, people_index, request_):
    # A site's root path is its home page's path: the URLs stay at /fr/… whatever the home page's slug.
    home.slug_fr = "accueil-2"
    home.save_revision().publish()
    fresh = RequestFactory().get("/fr/", HTTP_HOST="testserver")
    assert Page.objects.get(pk=people_index.pk).get_url(fresh) == "/fr/equipe-dirigeante/"
