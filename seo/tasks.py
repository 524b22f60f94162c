"""The SEO app's background jobs: drawing a just-published page's share images."""

from django_tasks import task
from wagtail.models import Page

from seo.share_images import pregenerate


@task()
def draw_share_images(page_id):
    """Draw the page's share images in every language, ready before the first link preview asks."""
    page = Page.objects.live().filter(pk=page_id).specific().first()
    if page is None or not hasattr(page, "get_share_figure"):
        return False
    pregenerate(page)
    return True


def draw_on_publish(sender, instance, **kwargs):
    """page_published receiver: the images are drawn by a job, committed with the publish (the editor does not wait)."""
    draw_share_images.enqueue(instance.pk)
