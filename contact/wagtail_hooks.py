from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import Lead
from .viewsets import LeadPermissionPolicy, lead_viewset

# Registered before the viewset, which would otherwise create a default policy.
register_permission_policy(Lead, LeadPermissionPolicy(Lead))


@hooks.register("register_admin_viewset")
def register_lead_viewset():
    return lead_viewset
