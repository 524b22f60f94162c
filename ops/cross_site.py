"""A cookieless guard against cross-site posts for the public pages' forms; the admin keeps Django's CSRF.

Readers get no cookie at all (README, "Security and operations"): a public page that rendered Django's CSRF token
would set the ``csrftoken`` cookie, and Django refuses a POST that lacks it. So Wagtail's page view (the contact
form and any later public form) is wired in ``oswego_site/urls.py`` through :func:`cookieless_form_view`, exempt
from Django's check and judged on what the browser says of where a POST comes from instead: ``Sec-Fetch-Site``
(sent by every current browser) must be ``same-origin``, and ``Origin``, when sent, must be this site or one of
``CSRF_TRUSTED_ORIGINS``. The form itself carries a signed token bound to its address (``contact.spam``: the
fill-time stamp). Everything else (the admin, its login, password reset) keeps Django's CsrfViewMiddleware, cookie
and all.
"""

from functools import wraps

from django.conf import settings
from django.shortcuts import render
from django.utils.http import is_same_domain
from django.views.decorators.csrf import csrf_exempt

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


def is_trusted_origin(request, origin):
    if origin == f"{request.scheme}://{request.get_host()}":
        return True
    for trusted in settings.CSRF_TRUSTED_ORIGINS:
        scheme, _, host = trusted.partition("://")
        if "*" in host and origin.startswith(f"{scheme}://"):
            if is_same_domain(origin.removeprefix(f"{scheme}://"), host.replace("*", "", 1)):
                return True
        elif origin == trusted:
            return True
    return False


def comes_from_elsewhere(request):
    """True when the browser says the request was sent by another site's page."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site not in ("same-origin", "none"):
        return True
    origin = request.headers.get("Origin")
    return origin is not None and not is_trusted_origin(request, origin)


def refuse(request):
    """A 403 page, in the page's language, that tells a person what happened and what to do."""
    return render(request, "ops/cross_site_refused.html", status=403)


def cookieless_form_view(view):
    """``view`` without Django's CSRF cookie check, refusing unsafe requests sent from another site."""

    @csrf_exempt
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if request.method not in SAFE_METHODS and comes_from_elsewhere(request):
            return refuse(request)
        return view(request, *args, **kwargs)

    return guarded
