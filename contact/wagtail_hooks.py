from django.db.models import Count
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from links.channels import CHOICES as CHANNEL_CHOICES

from .downloads import is_report
from .models import Erasure, Lead
from .viewsets import ErasurePermissionPolicy, LeadPermissionPolicy, erasure_viewset, lead_viewset

# Registered before the viewsets, which would otherwise create default policies.
register_permission_policy(Lead, LeadPermissionPolicy(Lead))
register_permission_policy(Erasure, ErasurePermissionPolicy(Erasure))


@hooks.register("register_admin_viewset")
def register_lead_viewset():
    return lead_viewset


@hooks.register("register_admin_viewset")
def register_erasure_viewset():
    return erasure_viewset


@hooks.register("audience_panel_sections")
def leads_by_source(request, start, end):
    """The audience panel's “Leads by source” lines, this week: tracked links, known channels, the rest.

    Shown only to those who may read leads (Sales, Moderators, superusers); the counts name no one.
    """
    if not LeadPermissionPolicy(Lead).user_has_permission(request.user, "view"):
        return []
    leads = Lead.objects.filter(created_at__date__gte=start, created_at__date__lte=end)
    via_link = leads.filter(short_link__isnull=False).count()
    rows = [(_("Tracked links"), via_link)] if via_link else []
    channels = (
        leads.filter(short_link__isnull=True)
        .exclude(channel="")
        .values_list("channel")
        .order_by()
        .annotate(n=Count("pk"))
    )
    names = dict(CHANNEL_CHOICES)
    rows += [(names.get(channel, channel), n) for channel, n in channels]
    other = leads.filter(short_link__isnull=True, channel="").count()
    if other:
        rows.append((_("Direct or unknown"), other))
    return [(_("Leads by source"), rows or [(_("All sources"), 0)])]


@hooks.register("before_serve_document")
def keep_reports_behind_their_form(document, request):
    """A report leaves only through its signed link (contact/downloads.py): Wagtail's public document address,
    which anyone could guess from another, answers 404 for it. Staff signed in to the admin still open it."""
    if is_report(document) and not request.user.has_perm("wagtailadmin.access_admin"):
        raise Http404("This document is sent through its form")
