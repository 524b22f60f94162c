import time

import pytest

from contact.factories import ContactPageFactory
from contact.spam import issue_stamp
from tests.helpers import form_values, soup


@pytest.fixture
def contact_page(home):
    return ContactPageFactory(parent=home)


PROSPECT = {
    "name": "Amina Benali",
    "email": "amina.benali@atlas-telecom.example",
    "company": "Atlas Télécom",
    "country": "Maroc",
    "message": "Nous voulons structurer notre centre de relation client à Casablanca.",
    "consent": "on",
}


def form_action(response):
    return soup(response).select_one("form.contact-form")["action"]


def fill(response, seconds_ago=60, **overrides):
    """What a person submits after reading the form for a while: the form's own values, the prospect's answers."""
    data = form_values(response, "form.contact-form")
    data.update(PROSPECT)
    # A stamp for this form's address (the test client's host is "testserver"), issued a while ago.
    data["stamp"] = issue_stamp("testserver" + form_action(response), time.time() - seconds_ago)
    data.update(overrides)
    return data


@pytest.fixture
def submit(client, django_capture_on_commit_callbacks):
    """Open the contact form at ``url``, fill it in and send it; returns the POST response.

    The lead's e-mail job is enqueued once the lead is committed: the test's transaction never commits, so its
    on-commit callbacks run as the request ends, as they would in production.
    """

    def _submit(url, seconds_ago=60, **overrides):
        page = client.get(url)
        assert page.status_code == 200
        action = form_action(page)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(action, fill(page, seconds_ago=seconds_ago, **overrides))

    return _submit
