import os

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from articles.feeds import ArticleFeed
from core import views as core_views
from core.sitemaps import PageSitemap
from search import views as search_views

# A lost database connection raised outside a view still gets the 503 page.
handler500 = "core.views.server_error"

# Outside the language prefix: the admin and machine endpoints.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap_view, {"sitemaps": {"pages": PageSitemap}}, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("healthz", core_views.healthz, name="healthz"),
    path(
        "share/<int:page_id>-<str:language>-<int:version>.png",
        core_views.share_image,
        name="share_image",
    ),
]

if settings.SERVE_MEDIA:
    # Local runs only: gunicorn has no media server of its own.
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", core_views.serve_media),
    ]

if os.environ.get("BENCH_FLOOR") == "1":
    # `make bench` only: the framework's floor, a trivial view behind every middleware.
    from bench.floor import floor

    urlpatterns += [path("bench/floor/", floor)]

# Every public page lives under /fr/ or /en/. A request for "/" (or any
# unprefixed path) is redirected by LocaleMiddleware according to the
# visitor's Accept-Language header.
urlpatterns += i18n_patterns(
    path("feed.xml", ArticleFeed(), name="article_feed"),
    # Translated path: /fr/recherche/ and /en/search/.
    path(_("search/"), search_views.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
