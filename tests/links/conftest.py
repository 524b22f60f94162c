import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from articles.factories import ArticlePageFactory
from links.models import ShortLink

# What a person's browser says; the test client sends no User-Agent, which counts as a machine.
BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile Safari"


@pytest.fixture
def article(news_index):
    return ArticlePageFactory(
        parent=news_index,
        title_fr="OswegO s'implante au Maghreb",
        title_en="OswegO opens in the Maghreb",
        slug_fr="oswego-simplante-au-maghreb",
        slug_en="oswego-opens-in-the-maghreb",
    )


def staff(username, group):
    user = get_user_model().objects.create_user(
        username, f"{username}@oswego.example", "a-long-test-password", first_name=username.title()
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def sofia(db):
    return staff("sofia", "Sales")


@pytest.fixture
def karim(db):
    return staff("karim", "Sales")


@pytest.fixture
def moderator(db):
    return staff("mona", "Moderators")


@pytest.fixture
def link(sofia, article):
    return ShortLink.for_owner(sofia, article, "en")


@pytest.fixture
def open_link(client):
    """A person opening the link in their browser (no cookie, a browser's User-Agent)."""

    def _open(code, **headers):
        return client.get(f"/l/{code}", HTTP_USER_AGENT=BROWSER, **headers)

    return _open
