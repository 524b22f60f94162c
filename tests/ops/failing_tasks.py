"""A job that always fails, for the tests of what happens then."""

from django_tasks import task


@task()
def always_fails():
    raise RuntimeError("the partner API answered 500")
