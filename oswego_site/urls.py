"""Wiring only: each room's URLs, machine endpoints outside the language prefix, pages under /fr/ and /en/."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from articles.feeds import analysis_feed, article_feed
from ops.cross_site import cookieless_form_view
from search import views as search_views

# A lost database connection raised outside a view still gets the 503 page.
handler500 = "ops.views.server_error"

# Outside the language prefix: the admin and machine endpoints.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("seo.urls")),
    path("", include("ops.urls")),
    # nginx's mirror of page requests, when nginx's cache answers them (audience/counting.py).
    path("", include("audience.urls")),
]

# Every public page lives under /fr/ or /en/. A request for "/" (or any
# unprefixed path) is redirected by LocaleMiddleware according to the
# visitor's Accept-Language header.
urlpatterns += i18n_patterns(
    path("feed.xml", article_feed, name="article_feed"),
    path("analyses.xml", analysis_feed, name="analysis_feed"),
    # Translated path: /fr/recherche/ and /en/search/.
    path(_("search/"), search_views.search, name="search"),
    # Pages, their forms included, set no cookie: posts from other sites are refused without one.
    re_path(wagtail_urls.serve_pattern, cookieless_form_view(wagtail_views.serve), name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
