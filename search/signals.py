from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from search.tasks import refresh_page_documents


# Enqueued inside the publish's transaction: with the database queue the job is committed with the
# publish (and dropped with it if it rolls back), and the editor does not wait for the indexing.
@receiver(page_published)
def index_published_page(sender, instance, **kwargs):
    refresh_page_documents.enqueue(instance.pk)


@receiver(page_unpublished)
def unindex_unpublished_page(sender, instance, **kwargs):
    refresh_page_documents.enqueue(instance.pk)
