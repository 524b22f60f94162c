"""Link previews and structured data, built from data, never from concatenated strings."""

import json

from django import template
from django.utils import translation
from django.utils.safestring import mark_safe

from core import languages
from seo import structured_data as structured
from seo.share_images import share_image_url

register = template.Library()

# Escapes that keep JSON inside <script> from closing it (as Django's json_script does).
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def og_locale(code=None):
    return languages.og_locale(code or translation.get_language())


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None and url else url


@register.simple_tag(takes_context=True)
def share_image(context, page=None):
    page = page or context.get("page")
    if page is None or not hasattr(page, "get_share_figure"):
        return ""
    return share_image_url(page, context.get("request"))


@register.simple_tag(takes_context=True)
def structured_data(context):
    """One JSON-LD block: the organisation, then the page's breadcrumbs and its own nodes.

    JSON-LD is a data block, never executed: it stays compatible with a
    Content-Security-Policy that forbids inline scripts.
    """
    request = context.get("request")
    if request is None:
        return ""
    page = context.get("page")
    graph = [structured.organization(request)]
    if page is not None and hasattr(page, "get_structured_data"):
        if page.depth > 2:
            graph.append(structured.breadcrumbs(page, request))
        graph.extend(page.get_structured_data(request))
        # A page of text (the approach, a legal page) has no node of its own: it says it is a WebPage.
        if getattr(page, "structured_data_type", None) == "WebPage":
            graph.append(structured.web_page(page, request))
    payload = json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False, default=str)
    # Escaped above, so the payload cannot close the element.
    return mark_safe(  # noqa: S308  # nosec B308 B703
        f'<script type="application/ld+json">{payload.translate(_JSON_SCRIPT_ESCAPES)}</script>'
    )
