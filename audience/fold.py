"""Folding the live counters (audience/store.py) into DailyViews, idempotently.

The store hands over its counters as batches, each with an id; the rows of a batch and a ``FoldedBatch`` with its
id are written in one transaction, and the batch is dropped from the store after the commit. A fold that crashes
before the commit leaves the batch in the store, folded next time; one that crashes after it finds the
``FoldedBatch`` next time and only drops the batch: nothing is counted twice.
"""

import logging
from collections import Counter
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from wagtail.models import Page

from audience.channels import CHANNELS
from audience.models import DailyViews, FoldedBatch
from audience.store import get_store, parse_field

logger = logging.getLogger(__name__)


def live_page_paths():
    """{(language, path): page id} for every live page, each language with its own translated slugs."""
    paths = {}
    pages = list(Page.objects.live().filter(depth__gt=1))
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for page in pages:
                parts = page.get_url_parts()
                if parts is not None and parts[2]:
                    paths[(code, parts[2])] = page.pk
    return paths


def rows_of(day, counts, paths):
    """{(day, page id, language, channel): views} for the counters of one batch; unknown paths and bad fields
    are dropped."""
    try:
        day = date.fromisoformat(day)
    except ValueError:
        return {}
    rows = Counter()
    for key_field, views in counts.items():
        try:
            language, channel, path = parse_field(key_field)
        except ValueError:
            continue
        page_id = paths.get((language, path))
        if page_id is None or channel not in CHANNELS or views <= 0:
            continue
        rows[(day, page_id, language, channel)] += views
    return rows


def fold():
    """Fold every waiting batch; returns the number of views written to the database."""
    store = get_store()
    store.flush()  # what this process still holds (the other processes send theirs within a second)
    batches = store.take()
    if not batches:
        return 0
    paths = live_page_paths()
    written = 0
    for batch, day, counts in batches:
        with transaction.atomic():
            if FoldedBatch.objects.filter(batch=batch).exists():
                rows = {}
            else:
                rows = rows_of(day, counts, paths)
                for (row_day, page_id, language, channel), views in rows.items():
                    updated = DailyViews.objects.filter(
                        day=row_day, page_id=page_id, language=language, channel=channel
                    ).update(views=F("views") + views)
                    if not updated:
                        DailyViews.objects.create(
                            day=row_day, page_id=page_id, language=language, channel=channel, views=views
                        )
                FoldedBatch.objects.create(batch=batch)
        written += sum(rows.values())
        store.done(batch, day)
    # The ids are only needed until their batch is gone from the store: a week is plenty.
    FoldedBatch.objects.filter(folded_at__lt=timezone.now() - timedelta(days=7)).delete()
    return written
