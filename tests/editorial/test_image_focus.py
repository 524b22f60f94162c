"""The image chooser's Upload tab asks which part of the picture every crop keeps, and sets the focal point."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from tests.helpers import soup

CHOOSER_UPLOAD = "/admin/images/chooser/create/"


@pytest.fixture
def chief(db, client):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "a-long-test-password")
    client.force_login(user)
    return user


def upload(client, focus, title="Portrait"):
    picture = get_test_image_file(size=(600, 300))
    data = {
        "image-chooser-upload-title": title,
        "image-chooser-upload-file": SimpleUploadedFile("portrait.png", picture.file.getvalue(), "image/png"),
        "image-chooser-upload-collection": Collection.get_first_root_node().pk,
        "image-chooser-upload-focus": focus,
    }
    return client.post(CHOOSER_UPLOAD, data)


def test_the_chooser_upload_tab_offers_the_part_to_keep(client, chief):
    response = client.get("/admin/images/chooser/")
    form = BeautifulSoup(json.loads(response.content)["html"], "html.parser")
    choices = [radio["value"] for radio in form.select('input[name="image-chooser-upload-focus"]')]
    assert choices[:4] == ["", "top-left", "top", "top-right"]
    assert "Partie à garder" in form.get_text()


def test_choosing_top_sets_a_focal_point_on_the_upper_third(client, chief):
    response = upload(client, "top")
    assert response.status_code == 200
    assert json.loads(response.content)["step"] == "chosen"
    image = get_image_model().objects.get(title="Portrait")
    assert (image.focal_point_x, image.focal_point_y) == (300, 50)
    assert (image.focal_point_width, image.focal_point_height) == (200, 100)


def test_no_choice_leaves_the_image_without_focal_point(client, chief):
    upload(client, "")
    assert get_image_model().objects.get(title="Portrait").focal_point_x is None


def test_an_unknown_choice_is_refused_with_a_message(client, chief):
    response = upload(client, "everywhere")
    assert response.status_code == 200
    assert not get_image_model().objects.filter(title="Portrait").exists()
    body = json.loads(response.content)
    assert body["step"] == "reshow_creation_form"
    assert "choix" in body["htmlFragment"].lower()


def test_the_images_page_keeps_wagtails_own_focal_point_tool(client, chief):
    upload(client, "left")
    image = get_image_model().objects.get(title="Portrait")
    page = soup(client.get(f"/admin/images/{image.pk}/"))
    assert page.select_one('input[name="focus"]') is None
    assert page.select_one('input[name="focal_point_x"]')["value"] == "100"
