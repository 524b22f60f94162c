"""The site's URLconf plus a view that fails, for the error report tests."""

from django.urls import path

from oswego_site.urls import handler500
from oswego_site.urls import urlpatterns as site_urlpatterns


def boom(request):
    raise RuntimeError("an unexpected failure")


urlpatterns = [path("boom", boom), *site_urlpatterns]

__all__ = ["handler500", "urlpatterns"]
