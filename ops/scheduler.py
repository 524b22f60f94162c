"""Periodic jobs, enqueued by exactly one scheduler however many workers run on however many machines.

Each app declares its own periodic jobs in its ``ready()`` with :func:`every` (scheduled publishing here, search
upkeep in ``search/apps.py``…). Every ``manage.py worker`` runs a scheduler thread, but only the one holding the
lock enqueues anything: a PostgreSQL advisory lock, held by that thread's connection and released by the server
when the process or its connection dies, so another worker takes over within one tick; on SQLite (one machine by
nature) an exclusive lock on a file beside the database. The time each job was last enqueued lives in the
database (``ScheduledRun``), so a restart or a new scheduler does not run the daily jobs again.
"""

import fcntl
import logging
import os
import socket
import threading
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from ops.models import ScheduledRun, WorkerHeartbeat

logger = logging.getLogger(__name__)

# pg_try_advisory_lock(LOCK_CLASS, LOCK_ID): an arbitrary pair of our own.
LOCK_CLASS, LOCK_ID = 0x05E6, 17


@dataclass(frozen=True)
class Schedule:
    name: str
    task: object
    interval: timedelta


SCHEDULES = {}


def every(interval, task, name=None):
    """Enqueue ``task`` (a django-tasks task taking no argument) every ``interval``."""
    schedule = Schedule(name or task.module_path, task, interval)
    SCHEDULES[schedule.name] = schedule
    return schedule


class AdvisoryLock:
    """PostgreSQL: a session-level advisory lock held by this thread's database connection."""

    def held(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = %s AND objid = %s"
                " AND objsubid = 2 AND pid = pg_backend_pid() AND granted)",
                [LOCK_CLASS, LOCK_ID],
            )
            return cursor.fetchone()[0]

    def acquire(self):
        if self.held():
            return True
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [LOCK_CLASS, LOCK_ID])
            return cursor.fetchone()[0]

    def release(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_CLASS, LOCK_ID])


class FileLock:
    """SQLite: an exclusive lock on a file beside the database, released when the process ends."""

    def __init__(self, path=None):
        database = Path(str(settings.DATABASES["default"]["NAME"]))
        self.path = Path(path or (database.parent if database.is_absolute() else settings.VAR_DIR) / "scheduler.lock")
        self.handle = None

    def acquire(self):
        if self.handle is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a")  # noqa: SIM115 - kept open while the lock is held
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self.handle = handle
        return True

    def release(self):
        if self.handle is not None:
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            self.handle.close()
            self.handle = None


def lock_for_database():
    return AdvisoryLock() if connection.vendor == "postgresql" else FileLock()


class Scheduler:
    """One tick: keep the lock (or try to take it), enqueue what is due, leave a heartbeat."""

    def __init__(self, worker_id, lock=None):
        self.worker_id = worker_id
        self.lock = lock or lock_for_database()
        self.started_at = timezone.now()
        self.is_leader = False

    def tick(self):
        """The names of the jobs enqueued by this tick."""
        try:
            self.is_leader = self.lock.acquire()
            enqueued = self.enqueue_due() if self.is_leader else []
            self.beat()
        except DatabaseError:
            # The database went away: with the connection goes the lock; take it again when it is back.
            logger.warning("Scheduler: database unavailable, will try again", exc_info=True)
            self.is_leader = False
            connection.close()
            return []
        return enqueued

    def enqueue_due(self):
        now = timezone.now()
        last_runs = dict(ScheduledRun.objects.values_list("name", "last_enqueued_at"))
        enqueued = []
        for name, schedule in SCHEDULES.items():
            last = last_runs.get(name)
            if last is not None and now - last < schedule.interval:
                continue
            schedule.task.enqueue()
            ScheduledRun.objects.update_or_create(name=name, defaults={"last_enqueued_at": now})
            enqueued.append(name)
        return enqueued

    def beat(self):
        WorkerHeartbeat.objects.update_or_create(
            worker_id=self.worker_id,
            defaults={
                "hostname": socket.gethostname()[:255],
                "pid": os.getpid(),
                "started_at": self.started_at,
                "seen_at": timezone.now(),
                "is_scheduler": self.is_leader,
            },
        )


class SchedulerThread(threading.Thread):
    """The scheduler beside the worker's job loop, in the same process (it dies with it)."""

    def __init__(self, scheduler, tick_seconds):
        super().__init__(name="scheduler", daemon=True)
        self.scheduler = scheduler
        self.tick_seconds = tick_seconds
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.is_set():
            try:
                enqueued = self.scheduler.tick()
                if enqueued:
                    logger.info("Scheduler enqueued %s", ", ".join(enqueued))
            except Exception:  # a bug in one tick must not stop the schedule
                logger.exception("Scheduler tick failed")
            self.stopped.wait(self.tick_seconds)
        connection.close()
