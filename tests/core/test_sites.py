"""Which site answers a request: Wagtail's rule (core/sites.py ranks the candidates in Python instead of SQL)."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from core.factories import HomePageFactory
from core.sites import site_for_hostname
from tests.helpers import soup


@pytest.fixture
def second_home(home):
    return HomePageFactory(
        parent=Page.get_first_root_node(),
        title="Deuxième site",
        title_fr="Deuxième site",
        slug="deuxieme",
        slug_fr="deuxieme",
        slug_en="second",
        hero_title_fr="Un deuxième site",
    )


def _wagtails(hostname, port):
    try:
        return get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None


LAYOUTS = {
    "the default site alone": [],
    "one other hostname": [("partners.example", 80, False)],
    "the default's hostname on another port": [("testserver", 8080, False)],
    "two sites on one hostname": [("partners.example", 80, False), ("partners.example", 8443, False)],
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    ("hostname", "port"),
    [
        ("testserver", 80),
        ("testserver", 8080),
        ("partners.example", 80),
        ("partners.example", 8443),
        ("partners.example", 9000),
        ("unknown.example", 80),
    ],
)
def test_the_same_site_as_wagtails_own_rule(home, second_home, layout, hostname, port):
    for other_hostname, other_port, default in LAYOUTS[layout]:
        Site.objects.create(hostname=other_hostname, port=other_port, root_page=second_home, is_default_site=default)
    assert site_for_hostname(hostname, port) == _wagtails(hostname, port)


def test_without_a_default_site_two_sites_on_one_hostname_and_another_port_answer_none(home, second_home):
    Site.objects.all().delete()
    Site.objects.create(hostname="partners.example", port=80, root_page=home)
    Site.objects.create(hostname="partners.example", port=8443, root_page=second_home)
    assert site_for_hostname("partners.example", 9000) is None
    assert _wagtails("partners.example", 9000) is None
    assert site_for_hostname("partners.example", 8443).root_page_id == second_home.pk


def test_each_hostname_is_served_its_own_home_page(client, settings, home, second_home):
    settings.ALLOWED_HOSTS = ["testserver", "partners.example"]
    Site.objects.create(hostname="partners.example", port=80, root_page=second_home)
    assert soup(client.get("/fr/")).h1.get_text(strip=True) == "Conseil en opérations client"
    other = client.get("/fr/", HTTP_HOST="partners.example")
    assert other.status_code == 200
    assert soup(other).h1.get_text(strip=True) == "Un deuxième site"


def test_a_port_that_is_not_a_number_is_served_the_default_site(home, settings):
    settings.USE_X_FORWARDED_PORT = True
    request = RequestFactory().get("/fr/", HTTP_X_FORWARDED_PORT="https")
    assert Site.find_for_request(request).root_page_id == home.pk


def test_the_lookup_is_one_query(home, django_assert_num_queries):
    request = RequestFactory().get("/fr/")
    with django_assert_num_queries(1):
        site = Site.find_for_request(request)
        assert site.root_page.title == home.title
