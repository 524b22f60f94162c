"""The site's URLs plus the framework's floor (a trivial view behind every middleware): `make bench` only."""

from django.urls import path

from bench.floor import floor
from oswego_site.urls import handler500, urlpatterns  # noqa: F401 (Django reads handler500 here)

urlpatterns = [path("bench/floor/", floor), *urlpatterns]
