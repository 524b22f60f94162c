"""Refusals in the admin answer 403, in the editor's language, saying why.

Wagtail refuses with a redirect to the dashboard and a "Sorry, you do not have permission" message: a 302 that
proxies, logs and tests read as a success. ``RefusalsAre403Middleware`` turns exactly that answer into the 403 page
below, with Wagtail's own message; ``forbidden`` is also what the site's own refusals return.
"""

import html

from django.conf import settings
from django.contrib import messages
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Wagtail's wording (wagtail.admin.auth.permission_denied), in whatever language the admin spoke.
WAGTAIL_REFUSAL = "Sorry, you do not have permission to access this area."


def forbidden(request, message=None):
    return TemplateResponse(
        request,
        "editorial/forbidden.html",
        {
            "header_title": _("Not allowed"),
            "message": message or _("Your role does not allow this. Ask a moderator or an administrator."),
        },
        status=403,
    )


def wagtail_refusals():
    texts = {WAGTAIL_REFUSAL}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            texts.add(gettext(WAGTAIL_REFUSAL))
    return texts


def text_of(message):
    # Wagtail's admin messages are HTML (the text escaped, maybe buttons after it).
    return html.unescape(strip_tags(str(message.message))).strip()


def is_refusal_from_wagtail(message):
    return text_of(message) in wagtail_refusals()


class RefusalsAre403Middleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        home = reverse("wagtailadmin_home")
        if (
            response.status_code != 302
            or response.get("Location") != home
            or not request.path.startswith(home)
            or request.path == home
            or not getattr(request, "user", None)
            or not request.user.is_authenticated
        ):
            return response
        storage = messages.get_messages(request)
        queued = list(storage)
        refusals = [message for message in queued if is_refusal_from_wagtail(message)]
        if not refusals:
            storage.used = False  # iterating marks them read: keep them for the page they were meant for
            return response
        # The 403 page says it; any other message queued stays for the admin layout to show.
        for message in queued:
            if message not in refusals:
                messages.add_message(request, message.level, message.message, extra_tags=message.extra_tags)
        return forbidden(request, text_of(refusals[0])).render()
