"""`manage.py worker`: runs the queued jobs and, in one worker among all of them, the scheduler."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker

from ops import jobs
from ops.scheduler import Scheduler, SchedulerThread


class Command(BaseCommand):
    help = "Run background jobs (every queue) and the scheduler; several may run, one schedules at a time."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="seconds between looks at an empty queue")
        parser.add_argument(
            "--tick", type=float, default=settings.SCHEDULER_TICK_SECONDS, help="seconds between scheduler ticks"
        )
        parser.add_argument("--no-scheduler", action="store_true", help="run jobs only, never schedule")
        parser.add_argument("--worker-id", default="", help="unique among all workers (default: random)")

    def handle(self, *, interval, tick, no_scheduler, worker_id, verbosity, **options):
        if not jobs.uses_database_queue():
            raise CommandError("TASKS_BACKEND is not 'database': jobs run inside requests, no worker is needed.")
        worker_id = worker_id or get_random_string(32)
        if verbosity > 1:
            # One line per job (-v 2); otherwise LOGGING's level holds: failures only.
            DbWorkerCommand(stdout=self.stdout, stderr=self.stderr).configure_logging(verbosity)
        if not no_scheduler:
            SchedulerThread(Scheduler(worker_id), tick).start()
        worker = Worker(
            queue_names=["*"],
            interval=interval,
            batch=False,
            backend_name="default",
            startup_delay=True,
            max_tasks=None,
            worker_id=worker_id,
            excluded_queue_names=[],
        )
        worker.configure_signals()
        worker.run()
