"""Renditions are made by the worker, never by a reader: on upload, on publish, and queued when one is missing.

Jobs wait in the database queue here (``database_queue``), as under `make run` and in production; the upload and
publish receivers enqueue after the commit, which ``django_capture_on_commit_callbacks`` plays.
"""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail_factories import ImageFactory

from articles.factories import ArticlePageFactory
from core import images
from people.factories import PersonPageFactory
from tests.helpers import queued_jobs, run_queued_jobs, soup
from tests.security.test_uploads import png

MAKE = "core.images.make_renditions"
MAKE_FOR_PAGE = "core.images.make_page_renditions"


def rendition_count():
    return get_image_model().get_rendition_model().objects.count()


def pictured_article(news_index, image, **fields):
    return ArticlePageFactory(
        parent=news_index,
        hero_image=image,
        hero_image_alt_fr="Le port",
        hero_image_alt_en="The harbour",
        **fields,
    )


def test_an_uploaded_image_has_every_rendition_made_by_the_worker_and_no_reader_makes_one(
    superuser_client, news_index, people_index, database_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = superuser_client.post(
            "/admin/images/add/",
            {"title": "Port", "file": SimpleUploadedFile("port.png", png(500, 300), "image/png")},
        )
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert [job.args_kwargs["args"] for job in queued_jobs(MAKE)] == [[image.pk]]

    run_queued_jobs()

    assert rendition_count() == len(images.all_filters(image))
    pictured_article(news_index, image, slug_fr="port")
    PersonPageFactory(
        parent=people_index, full_name="Claudia Jimenez", photo=image, photo_alt_fr="Portrait", photo_alt_en="Portrait"
    )
    superuser_client.logout()
    made = rendition_count()
    for url in ("/fr/actualites/port/", "/fr/actualites/", "/fr/equipe-dirigeante/claudia-jimenez/"):
        response = superuser_client.get(url)
        assert response.status_code == 200
        assert soup(response).select_one("main picture source[type='image/avif']"), url
    assert rendition_count() == made
    assert queued_jobs(MAKE) == []


def test_a_missing_rendition_is_queued_and_the_page_shows_the_original_meanwhile(client, news_index, database_queue):
    image = ImageFactory(file__width=1600, file__height=900)  # no commit in this test: nothing queued yet
    pictured_article(news_index, image, slug_fr="port")

    started = time.perf_counter()
    response = client.get("/fr/actualites/port/")
    seconds = time.perf_counter() - started

    assert response.status_code == 200
    hero = soup(response).select_one(".article__hero img")
    assert hero["src"] == image.file.url
    assert (hero["width"], hero["height"]) == ("1600", "900")
    assert hero["alt"] == "Le port"
    assert rendition_count() == 0
    assert seconds < 2, f"{seconds:.2f} s: the page waited for its renditions"
    # Not kept anywhere: the next reader after the worker gets the real renditions.
    assert response["Cache-Control"] == "no-cache"
    assert [job.args_kwargs["args"] for job in queued_jobs(MAKE)] == [[image.pk]]

    client.get("/fr/actualites/port/")
    assert len(queued_jobs(MAKE)) == 1  # one job however many readers came meanwhile

    run_queued_jobs()

    response = client.get("/fr/actualites/port/")
    picture = soup(response).select_one(".article__hero picture")
    assert {source["type"] for source in picture.select("source")} == {"image/avif", "image/webp"}
    assert all(f"{width}w" in picture.img["srcset"] for width in (360, 480, 720, 960, 1280))
    assert "no-cache" not in response["Cache-Control"]


def test_a_smaller_rendition_already_made_stands_in_for_the_missing_ones(client, news_index, database_queue):
    image = ImageFactory(file__width=1600, file__height=900)
    pictured_article(news_index, image, slug_fr="port")
    small = image.get_rendition("fill-360x202|format-jpeg")

    hero = soup(client.get("/fr/actualites/port/")).select_one(".article__hero img")

    assert hero["src"] == small.url
    assert rendition_count() == 1
    assert len(queued_jobs(MAKE)) == 1


def test_publishing_a_page_queues_the_renditions_of_the_images_it_shows(
    news_index, database_queue, django_capture_on_commit_callbacks
):
    image = ImageFactory(file__width=800, file__height=450)
    article = pictured_article(news_index, image, live=False)
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert [job.args_kwargs["args"] for job in queued_jobs(MAKE_FOR_PAGE)] == [[article.pk]]

    run_queued_jobs()

    made = {rendition.filter_spec for rendition in image.renditions.all()}
    assert made == {f.spec for f in images.all_filters(image)}


@pytest.mark.parametrize(
    ("role", "width", "height", "expected"),
    [
        ("hero", 4000, 3000, [360, 480, 720, 960, 1280, 1920]),
        ("hero", 1000, 1000, [360, 480, 720, 960]),
        ("card", 4000, 3000, [360, 480, 720, 960]),
        ("portrait", 300, 300, [128, 160, 256]),
        ("avatar", 50, 50, [80]),  # smaller than every width: the smallest, which Wagtail never enlarges
    ],
)
def test_a_role_offers_only_the_widths_the_original_can_give(db, role, width, height, expected):
    assert images.ROLES[role].widths_for(ImageFactory.build(width=width, height=height)) == expected


def test_every_role_offers_avif_webp_and_jpeg_except_the_link_preview():
    for role in images.ROLES.values():
        expected = ("jpeg",) if role.name == "share" else ("avif", "webp", "jpeg")
        assert role.formats == expected


def test_link_previews_and_structured_data_get_the_largest_jpeg(db):
    image = ImageFactory(file__width=400, file__height=400)
    url = images.rendition_url(image, "portrait")
    assert url.endswith(".fill-320x320.format-jpeg.jpg"), url


def test_a_rendition_made_for_another_focal_point_is_not_shown(client, news_index, database_queue):
    image = ImageFactory(file__width=1600, file__height=900)
    pictured_article(news_index, image, slug_fr="port")
    before = image.get_rendition("fill-360x202|format-jpeg")
    # The editor moves the focal point: the crop made for the old one no longer fits.
    image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = 1200, 450, 100, 100
    image.save()

    hero = soup(client.get("/fr/actualites/port/")).select_one(".article__hero img")

    assert hero["src"] == image.file.url
    assert before.focal_point_key != images.ROLES["hero"].filters(image)[0].get_cache_key(image)
    assert len(queued_jobs(MAKE)) == 1
    run_queued_jobs()
    hero = soup(client.get("/fr/actualites/port/")).select_one(".article__hero img")
    assert hero["src"] != before.url and "fill-" in hero["src"]
