"""The search app's background jobs: a page's documents after a publish, and the daily upkeep."""

from django_tasks import task
from wagtail.models import Page

from search.indexing import index_page, rebuild, unindex_page


@task()
def refresh_page_documents(page_id):
    """Index the page as it is now (live or not); enqueued by publish and unpublish, run by the worker."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return "gone"
    if page.live:
        index_page(page)
        return "indexed"
    unindex_page(page)
    return "removed"


@task()
def rebuild_search_documents():
    """Daily: every live page indexed afresh, documents of pages gone or unpublished dropped."""
    return rebuild()
