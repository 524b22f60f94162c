"""A refusal the site adds to Wagtail's own: a 403 page in the admin, saying why, in the editor's language."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _


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
