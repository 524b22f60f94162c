"""Outside the language prefix: what crawlers and link previews fetch."""

from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.urls import path

from seo import views
from seo.sitemaps import PageSitemap

urlpatterns = [
    path("sitemap.xml", sitemap_view, {"sitemaps": {"pages": PageSitemap}}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("share/<int:page_id>-<str:language>-<int:version>.png", views.share_image, name="share_image"),
]
