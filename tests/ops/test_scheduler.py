"""One scheduler among all the workers: it holds a lock, enqueues what is due, and remembers it across restarts."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from ops.models import ScheduledRun, WorkerHeartbeat
from ops.scheduler import SCHEDULES, Scheduler, lock_for_database
from tests.helpers import queued_jobs

PUBLISH = "ops.tasks.publish_scheduled"


@pytest.fixture
def scheduler_on_this_instance(db, database_queue, settings, tmp_path):
    """Makes schedulers as a worker would; their locks are let go after the test (a worker's die with it)."""
    # SQLite's lock is a file beside the database (under VAR_DIR for the tests' in-memory one).
    settings.VAR_DIR = tmp_path
    made = []

    def make(worker_id):
        made.append(Scheduler(worker_id))
        return made[-1]

    yield make
    for scheduler in made:
        scheduler.lock.release()


class OtherInstance(threading.Thread):
    """Another machine's scheduler: takes the lock over its own database connection and keeps it until told."""

    def __init__(self):
        super().__init__(daemon=True)
        self.holding = threading.Event()
        self.done = threading.Event()

    def run(self):
        lock = lock_for_database()
        try:
            if lock.acquire():
                self.holding.set()
                self.done.wait(30)
            lock.release()
        finally:
            connection.close()

    def __enter__(self):
        self.start()
        assert self.holding.wait(10), "the other instance could not take the lock"
        return self

    def __exit__(self, *exc_info):
        self.done.set()
        self.join(10)


def test_only_the_instance_holding_the_lock_enqueues_anything(scheduler_on_this_instance):
    with OtherInstance():
        scheduler = scheduler_on_this_instance("this-worker")
        assert scheduler.tick() == []
        assert not scheduler.is_leader
        assert queued_jobs() == []
    # The other instance has stopped (its connection, or its process, is gone): this one takes over.
    assert PUBLISH in scheduler.tick()
    assert scheduler.is_leader
    assert {job.task_path for job in queued_jobs()} >= {PUBLISH, "search.tasks.rebuild_search_documents"}


def test_a_restart_does_not_repeat_what_was_just_enqueued(scheduler_on_this_instance):
    first = scheduler_on_this_instance("first")
    assert set(first.tick()) == set(SCHEDULES)
    first.lock.release()  # the first worker stops
    restarted = scheduler_on_this_instance("after-a-restart")
    assert restarted.tick() == []
    restarted.lock.release()
    # A minute later scheduled publishing is due again, and an hour later the jobs of every few minutes (the
    # audience's fold); the daily jobs are not.
    ScheduledRun.objects.update(last_enqueued_at=timezone.now() - timedelta(seconds=61))
    ScheduledRun.objects.exclude(name=PUBLISH).update(last_enqueued_at=timezone.now() - timedelta(hours=1))
    frequent = {name for name, schedule in SCHEDULES.items() if schedule.interval <= timedelta(hours=1)}
    assert PUBLISH in frequent and "audience.tasks.fold_views" in frequent
    assert set(scheduler_on_this_instance("later").tick()) == frequent


def test_every_worker_leaves_a_heartbeat_saying_whether_it_schedules(scheduler_on_this_instance):
    with OtherInstance():
        follower = scheduler_on_this_instance("follower")
        follower.tick()
    follower.lock.release()  # not held: nothing to let go
    scheduler_on_this_instance("leader").tick()
    beats = dict(WorkerHeartbeat.objects.values_list("worker_id", "is_scheduler"))
    assert beats == {"follower": False, "leader": True}
