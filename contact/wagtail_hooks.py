from django.http import Http404
from wagtail import hooks
from wagtail.permissions import register_permission_policy

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


@hooks.register("before_serve_document")
def keep_reports_behind_their_form(document, request):
    """A report leaves only through its signed link (contact/downloads.py): Wagtail's public document address,
    which anyone could guess from another, answers 404 for it. Staff signed in to the admin still open it."""
    if is_report(document) and not request.user.has_perm("wagtailadmin.access_admin"):
        raise Http404("This document is sent through its form")
