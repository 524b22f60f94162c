"""Security headers for every response, set in one place.

Public pages get a strict Content-Security-Policy: the site serves no script
of its own and no inline style, so nothing inline runs (the JSON-LD block is
data, which CSP never executes). Wagtail's admin still writes inline scripts
(date pickers, inline panels, workflow set-up), so it gets the strictest policy
it works under, enforced, plus the strict policy in report-only mode so that
browsers show what would still break (see README, "Security and operations").

Django's SecurityMiddleware and XFrameOptionsMiddleware stay in the stack for
HTTPS redirects, HSTS and `check --deploy`; the values here agree with them.
"""

from functools import lru_cache

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.shortcuts import render

# What a public page may load: its own stylesheet, images, fonts; no script
# but our own files (there are none today), no plugin, no frame, no <base>.
PUBLIC_POLICY = {
    "default-src": "'none'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "manifest-src": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "base-uri": "'none'",
    "object-src": "'none'",
}

# Measured on Wagtail 8.0 in Chromium (every admin view of this site, the
# page editor with its preview panel, image upload): the admin needs inline
# scripts (date and time widgets, inline panels, the workflow and chooser
# set-ups, listings' filters) and inline style attributes, which change with
# each page (no fixed hashes); data: and blob: images (upload previews) and
# frames of its own pages (live preview). Nothing from another host, no eval.
ADMIN_POLICY = {
    "default-src": "'self'",
    "script-src": "'self' 'unsafe-inline'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "frame-src": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'self'",
    "base-uri": "'self'",
    "object-src": "'none'",
}

# The target for the admin: what Wagtail's admin would run under without inline
# script. Reported by browsers (developer console), never enforced.
ADMIN_REPORT_ONLY_POLICY = {
    **ADMIN_POLICY,
    "script-src": "'self'",
    "style-src": "'self'",
}

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


def serialize(policy):
    return "; ".join(f"{directive} {sources}" for directive, sources in policy.items())


PUBLIC_CSP = serialize(PUBLIC_POLICY)
ADMIN_CSP = serialize(ADMIN_POLICY)
ADMIN_CSP_REPORT_ONLY = serialize(ADMIN_REPORT_ONLY_POLICY)


@lru_cache(maxsize=8)
def policies(media_origin):
    """(public, admin, admin report-only) policies; images may also come from the media bucket or its CDN."""
    if not media_origin:
        return PUBLIC_CSP, ADMIN_CSP, ADMIN_CSP_REPORT_ONLY

    def with_media(policy):
        return serialize({**policy, "img-src": f"{policy['img-src']} {media_origin}"})

    return with_media(PUBLIC_POLICY), with_media(ADMIN_POLICY), with_media(ADMIN_REPORT_ONLY_POLICY)


def is_admin_path(path):
    return path == "/admin" or path.startswith("/admin/")


class SecurityHeadersMiddleware:
    """Adds the security headers to every response, the admin's and error pages included.

    First in MIDDLEWARE, so responses from whitenoise, the error handlers and
    every other middleware pass through it. A header a view already set (the
    document view's sandbox policy, the preview's SAMEORIGIN) is kept.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_dummy", False):
            # Wagtail's preview renders the page through the middleware stack
            # inside an admin request: the admin response gets the headers.
            return response
        public_csp, admin_csp, admin_csp_report_only = policies(getattr(settings, "MEDIA_ORIGIN", ""))
        if is_admin_path(request.path_info):
            response.headers.setdefault("Content-Security-Policy", admin_csp)
            response.headers.setdefault("Content-Security-Policy-Report-Only", admin_csp_report_only)
        else:
            response.headers.setdefault("Content-Security-Policy", public_csp)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Referrer-Policy", settings.SECURE_REFERRER_POLICY)
        response.headers.setdefault("Cross-Origin-Opener-Policy", settings.SECURE_CROSS_ORIGIN_OPENER_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        return response


def client_ip(request):
    """The visitor's address for django-axes: the same header the contact form's rate limit trusts.

    Behind nginx, RATELIMIT_IP_META_KEY names the header nginx sets (X-Real-IP);
    without a proxy, REMOTE_ADDR is the visitor.
    """
    key = getattr(settings, "RATELIMIT_IP_META_KEY", None) or "REMOTE_ADDR"
    value = request.META.get(key) or request.META.get("REMOTE_ADDR", "")
    return value.split(",")[0].strip() or None


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login: a 429 page that says why and for how long."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    return render(request, "ops/lockout.html", {"minutes": minutes}, status=429)


class LoginAttemptsBackend(AxesStandaloneBackend):
    """django-axes' lock-out check for web logins (the admin's login form always passes the request).

    ``authenticate()`` without a request (a management command, a test) is no
    login attempt from the web: it goes straight to the next backend instead of
    raising, as django-axes' own backend would.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
