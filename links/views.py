"""``/l/<code>``: a tracked link opens its page in the link's language, wherever the page is now."""

from django.http import Http404, HttpResponseRedirect
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.views.defaults import page_not_found

from core import languages
from core.navigation import ATTRIBUTION_PARAMETER
from links.models import ShortLink, is_code
from links.visitors import is_person


def open_link(request, code):
    """302 to the page's current URL with ``?via=<code>`` (what its contact links carry on), one open counted.

    No session, no cookie, never cached (each open must reach this view); an unknown or disabled code, or a page
    that is not live, is the site's 404 page, in the link's language when the link is known.
    """
    link = ShortLink.objects.select_related("page").filter(code=code).first() if is_code(code) else None
    language = link.language if link is not None else translation.get_language_from_request(request)
    url = None
    if link is not None and not link.disabled and link.page.live:
        url = languages.page_url(link.page, link.language, request)
    if not url:
        return not_found(request, language)
    if is_person(request):
        link.count_open()
    response = HttpResponseRedirect(f"{url}?{urlencode({ATTRIBUTION_PARAMETER: link.code})}")
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response


def not_found(request, language):
    with translation.override(language):
        request.LANGUAGE_CODE = translation.get_language()
        response = page_not_found(request, Http404())
    add_never_cache_headers(response)
    return response
