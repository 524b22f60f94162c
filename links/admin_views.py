"""Tracked links in the admin: the listing (one's own, or everyone's for Moderators), a page's links to share with
their QR codes, the disable switch and the dashboard panel."""

import io

import segno
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q, Sum
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from core import languages
from links.models import LinkOpens, ShortLink, week_start
from links.permissions import may_change, sees_all_links

QR_FORMATS = {"png": "image/png", "svg": "image/svg+xml"}
PAGE_SEARCH_LIMIT = 20


def short_url(request, link):
    return request.build_absolute_uri(link.path)


def link_rows(request, links):
    sees_all = sees_all_links(request.user)
    return [
        {
            "link": link,
            "url": short_url(request, link),
            "language_name": languages.autonym(link.language),
            "png": reverse("links_qr", args=(link.pk, "png")),
            "svg": reverse("links_qr", args=(link.pk, "svg")),
            "may_change": sees_all or link.owner_id == request.user.pk,
        }
        for link in links
    ]


def index(request):
    """Everyone's links for Moderators and superusers (or only their own, on request); one's own for the others.
    Above the list, a search for the page to share."""
    sees_all = sees_all_links(request.user)
    show_all = sees_all and request.GET.get("owner") != "mine"
    links = ShortLink.objects.visible_to(request.user) if show_all else ShortLink.objects.filter(owner=request.user)
    links = links.select_related("owner", "page").with_opens().order_by("-opens_week", "-created_at", "-pk")
    page_number = request.GET.get("p", "1")
    listing = Paginator(links, 50).get_page(page_number if page_number.isdigit() else 1)
    query = request.GET.get("q", "").strip()[:100]
    found = []
    if query:
        found = (
            Page.objects.live()
            .filter(depth__gt=1)
            .filter(Q(title_fr__icontains=query) | Q(title_en__icontains=query))
            .order_by("path")[:PAGE_SEARCH_LIMIT]
        )
    return TemplateResponse(
        request,
        "links/index.html",
        {
            "header_title": _("Tracked links"),
            "rows": link_rows(request, listing),
            "listing": listing,
            "sees_all": sees_all,
            "show_all": show_all,
            "query": query,
            "found": found,
        },
    )


def share_page(request, page_id):
    """The signed-in person's own link to a live page in each of its languages, made on first use, with QR codes."""
    page = Page.objects.filter(pk=page_id, live=True).first()
    if page is None:
        messages.warning(request, _("Only a published page has tracked links."))
        return redirect("links_index")
    links = [
        ShortLink.for_owner(request.user, page, code)
        for code in languages.CODES
        if languages.page_url(page, code, request)
    ]
    ids = [link.pk for link in links]
    opens = ShortLink.objects.filter(pk__in=ids).with_opens().in_bulk()
    rows = link_rows(request, links)
    for row in rows:
        row["opens_week"] = opens[row["link"].pk].opens_week
        row["opens_total"] = opens[row["link"].pk].opens_total
    return TemplateResponse(
        request,
        "links/share_page.html",
        {"header_title": _("Your tracked links"), "page": page, "rows": rows},
    )


def qr_code(request, link_id, kind):
    """A QR code of the tracked link (PNG or SVG), as a download, for its owner (and Moderators)."""
    if kind not in QR_FORMATS:
        raise Http404
    link = get_object_or_404(ShortLink, pk=link_id)
    if not may_change(request.user, link):
        raise PermissionDenied
    buffer = io.BytesIO()
    segno.make(short_url(request, link), error="m").save(
        buffer, kind=kind, scale=10 if kind == "png" else 8, border=2, dark="#0f2a44"
    )
    response = HttpResponse(buffer.getvalue(), content_type=QR_FORMATS[kind])
    response["Content-Disposition"] = f'attachment; filename="oswego-{link.code}-{link.language}.{kind}"'
    return response


@require_POST
def toggle(request, link_id):
    """Disable a link (it answers 404 from then on), or enable it again."""
    link = get_object_or_404(ShortLink, pk=link_id)
    if not may_change(request.user, link):
        raise PermissionDenied
    link.disabled = not link.disabled
    link.save(update_fields=["disabled"])
    if link.disabled:
        messages.success(request, _("Link %(code)s disabled: it now answers “page not found”.") % {"code": link.code})
    else:
        messages.success(request, _("Link %(code)s enabled again.") % {"code": link.code})
    return redirect("links_index")


def week_opens(links):
    return LinkOpens.objects.filter(link__in=links, day__gte=week_start()).aggregate(total=Sum("count"))["total"] or 0


class TrackedLinksPanel(Component):
    """Dashboard: how many times the person's own links were opened this week (and everyone's, for Moderators)."""

    name = "tracked_links"
    template_name = "links/dashboard_panel.html"
    order = 80

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        own = ShortLink.objects.filter(owner=self.user)
        context = {
            "has_links": own.exists(),
            "own_opens": week_opens(own),
            "index_url": reverse("links_index"),
            "sees_all": sees_all_links(self.user),
        }
        if context["sees_all"]:
            context["all_opens"] = week_opens(ShortLink.objects.all())
        return context


def panel_links(request, page):
    """The share panel's part: the person's own tracked links to this page, or the way to make them."""
    links = sorted(
        ShortLink.objects.filter(owner=request.user, page=page), key=lambda link: languages.CODES.index(link.language)
    )
    return {"rows": link_rows(request, links), "share_url": reverse("links_share_page", args=(page.pk,))}
