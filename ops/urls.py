"""Outside the language prefix: the health check and, for local runs, uploaded media."""

from django.conf import settings
from django.urls import path, re_path

from ops import views

urlpatterns = [path("healthz", views.healthz, name="healthz")]

if settings.SERVE_MEDIA:
    # Local runs only: gunicorn has no media server of its own.
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", views.serve_media)]
