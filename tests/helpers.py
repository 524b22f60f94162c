"""Small readers of what a visitor or a crawler gets."""

from bs4 import BeautifulSoup


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def hreflangs(response):
    return {link["hreflang"]: link["href"] for link in soup(response).select('link[rel="alternate"][hreflang]')}


def canonical(response):
    link = soup(response).select_one('link[rel="canonical"]')
    return link["href"] if link else None


def form_values(response, selector="form"):
    """The values a browser would submit for the form, as a dict (last value wins, lists kept)."""
    form = soup(response).select_one(selector)
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        kind = field.get("type", "").lower()
        if field.name == "textarea":
            value = field.get_text()
        elif field.name == "select":
            chosen = field.select("option[selected]") or field.select("option")[:1]
            value = (
                [option.get("value", option.get_text()) for option in chosen]
                if field.has_attr("multiple")
                else (chosen[0].get("value", chosen[0].get_text()) if chosen else "")
            )
        elif kind in {"checkbox", "radio"}:
            if not field.has_attr("checked"):
                continue
            value = field.get("value", "on")
        elif kind in {"submit", "button", "file"}:
            continue
        else:
            value = field.get("value", "")
        data[name] = value
    return data


def run_queued_jobs():
    """What `manage.py worker` does, once: take each due job as its loop does and run it, until none is due.

    django-tasks-db's own Worker.run would also close "old" database connections, which inside a test's
    transaction means the test's own: this is its loop without that (tests/ops/test_worker_process.py runs the
    real command).
    """
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult
    from django_tasks_db.utils import exclusive_transaction

    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    while True:
        with exclusive_transaction():
            job = DBTaskResult.objects.ready().filter(backend_name="default").get_locked()
            if job is not None:
                job.claim(worker.worker_id)
        if job is None:
            return
        worker.run_task(job)


def queued_jobs(task_path=None):
    """The jobs waiting in the database queue (all of them, or those of one task)."""
    from django_tasks_db.models import DBTaskResult

    jobs = DBTaskResult.objects.filter(status="READY")
    return list(jobs.filter(task_path=task_path) if task_path else jobs)


def staff_by_role():
    """One account per role (Editors, Moderators, Sales), keyed by the group's name."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from editorial.roles import EDITORS, MODERATORS, SALES, ensure_roles

    ensure_roles()
    users = {}
    for name, group in (("writer", EDITORS), ("reviewer", MODERATORS), ("seller", SALES)):
        user = get_user_model().objects.create_user(name, f"{name}@example.org", "a-long-test-password")
        user.groups.add(Group.objects.get(name=group))
        users[group] = user
    return users
