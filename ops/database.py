"""When the database is unreachable, visitors get a short 503 page in their language, not a 500.

The page is rendered without touching the database (no menu, no site
settings), says when to come back (Retry-After) and is never cached. Nothing
needs restarting afterwards: Django drops a connection that failed at the end
of the request and CONN_HEALTH_CHECKS checks persistent ones before reuse, so
the first request after PostgreSQL returns reconnects.
"""

import logging

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def database_unavailable(request):
    """The 503 answer, in the language of the URL prefix (or of the browser)."""
    language = translation.get_language_from_path(request.path_info) or translation.get_language_from_request(
        request, check_path=False
    )
    with translation.override(language):
        content = loader.render_to_string("503.html", {"retry_after": RETRY_AFTER_SECONDS})
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Content-Language"] = language
    add_never_cache_headers(response)
    return response


class DatabaseUnavailableMiddleware:
    """Turns a lost database connection raised by a view into the 503 page.

    Errors raised outside views (another middleware, say) reach the 500 handler,
    ops.views.server_error, which gives the same answer.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            logger.error("Database unavailable: %s", exception, extra={"request": request})
            return database_unavailable(request)
        return None
