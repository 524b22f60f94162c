from wagtail import hooks
from wagtail.permissions import register_permission_policy

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
