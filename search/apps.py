from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "sitesearch"
    verbose_name = _("Site search")

    def ready(self):
        from ops import scheduler
        from search import signals, tasks  # noqa: F401 (signals keep the index current)

        # Daily upkeep: whatever a missed job or a manual change left behind is put right.
        scheduler.every(timedelta(days=1), tasks.rebuild_search_documents)
