import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Page, Site

from articles.factories import ArticleIndexPageFactory
from caching.cache import local as local_page_cache
from core.factories import HomePageFactory
from offices.factories import OfficeIndexPageFactory, OfficePageFactory
from people.factories import PeopleIndexPageFactory, PersonPageFactory


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # As `make run` does: fill the translation columns wagtail_modeltranslation
    # added to pages created by migrations (the tree root).
    with django_db_blocker.unblock():
        call_command("update_translation_fields", verbosity=0)


@pytest.fixture(autouse=True)
def _isolated_state():
    # Site root paths are cached per language in the cache, and the active
    # language is thread-local: neither may leak from one test to the next.
    cache.clear()
    local_page_cache.clear()  # the page cache's per-process layer, in front of that cache
    translation.activate("fr")
    yield
    translation.deactivate()
    cache.clear()
    local_page_cache.clear()


@pytest.fixture
def home(db):
    root = Page.get_first_root_node()
    # Wagtail's install leaves a "Welcome" page (and its Site) behind.
    for page in root.get_children():
        page.delete()
    home = HomePageFactory(parent=root)
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True, site_name="OswegO")
    return home


@pytest.fixture
def people_index(home):
    return PeopleIndexPageFactory(parent=home, slug_fr="equipe-dirigeante", slug_en="leadership")


@pytest.fixture
def offices_index(home):
    return OfficeIndexPageFactory(parent=home, slug_fr="implantations", slug_en="offices")


@pytest.fixture
def news_index(home):
    return ArticleIndexPageFactory(parent=home, slug_fr="actualites", slug_en="news")


@pytest.fixture
def office(offices_index):
    return OfficePageFactory(parent=offices_index)


@pytest.fixture
def person(people_index, office):
    return PersonPageFactory(
        parent=people_index, full_name="Jamal Mossaddeq", role_fr="Directeur associé", role_en="Partner", office=office
    )


@pytest.fixture
def database_queue(settings):
    """Jobs wait in the database queue, as under `make run` and in production, until a worker runs them."""
    from oswego_site.settings.base import tasks_settings

    settings.TASKS = tasks_settings("database")


@pytest.fixture
def superuser_client(client, db):
    """The test client, logged in as a superuser (call client.logout() to read as a visitor)."""
    user = get_user_model().objects.create_superuser("editor-in-chief", "chief@example.com", "a-long-test-password")
    client.force_login(user)
    return client
