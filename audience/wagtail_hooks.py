"""The audience's place in Wagtail's admin: the report under Reports and this week's panel on the dashboard."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from audience.reports import AudiencePanel, audience_report, can_see


@hooks.register("register_admin_urls")
def audience_urls():
    return [path("reports/audience/", audience_report, name="audience_report")]


@hooks.register("construct_homepage_panels")
def add_audience_panel(request, panels):
    if can_see(request.user):
        panels.append(AudiencePanel(request))


class AudienceMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see(request.user)


@hooks.register("register_reports_menu_item")
def register_audience_menu_item():
    return AudienceMenuItem(_("Audience"), reverse("audience_report"), icon_name="view", order=40)
