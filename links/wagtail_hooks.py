"""Tracked links' place in the admin: their URLs, a menu item, the dashboard panel and the share panel's part."""

from django.db.models import Sum
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from links import admin_views
from links.models import LinkOpens, ShortLink
from links.permissions import sees_all_links


@hooks.register("register_admin_urls")
def links_urls():
    return [
        path("links/", admin_views.index, name="links_index"),
        path("links/page/<int:page_id>/", admin_views.share_page, name="links_share_page"),
        path("links/<int:link_id>/qr.<str:kind>", admin_views.qr_code, name="links_qr"),
        path("links/<int:link_id>/toggle/", admin_views.toggle, name="links_toggle"),
    ]


@hooks.register("register_admin_menu_item")
def links_menu_item():
    return MenuItem(_("Tracked links"), reverse("links_index"), icon_name="link", order=270)


@hooks.register("construct_homepage_panels")
def add_tracked_links_panel(request, panels):
    panels.append(admin_views.TrackedLinksPanel(request.user))


@hooks.register("share_panel_extras")
def tracked_links_in_share_panel(request, page):
    if not page.pk or not page.live:
        return ""
    return render_to_string("links/share_panel.html", admin_views.panel_links(request, page), request=request)


@hooks.register("audience_panel_sections")
def links_opened(request, start, end):
    """The audience panel's “Links opened” line: everyone's links for Moderators, one's own for the others."""
    links = ShortLink.objects.all() if sees_all_links(request.user) else ShortLink.objects.filter(owner=request.user)
    opens = LinkOpens.objects.filter(link__in=links, day__gte=start, day__lte=end).aggregate(total=Sum("count"))
    label = _("Everyone's tracked links") if sees_all_links(request.user) else _("Your tracked links")
    return [(_("Links opened"), [(label, opens["total"] or 0)])]
