"""The audience's background job: the live counters folded into daily rows, every few minutes."""

from django_tasks import task

from audience.fold import fold


@task()
def fold_views():
    """Adds the counters waiting in Redis (or the cache) to DailyViews, each batch once."""
    return fold()
