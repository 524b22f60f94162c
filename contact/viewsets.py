"""Leads in the admin: a read-only listing with filters, search, an inspect view, CSV/XLSX export, and the
"Forget this person" action (contact/privacy.py).

Export is the listing itself (``?export=csv``): it asks for the same permission as the listing, no other.
"""

import django_filters
from django.contrib.auth import get_user_model
from django.template.defaultfilters import linebreaks_filter
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import DeleteView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from links.channels import CHANNELS
from people.models import PersonPage

from . import privacy
from .models import Erasure, Lead
from .notifications import LEADS_ADMIN

# Written first in a CSV export: Excel (French Windows above all) then reads the file as UTF-8, accents intact.
UTF8_BOM = "\ufeff"

# Spreadsheet programs run a cell that starts with one of these as a formula:
# a prospect's words must never do that on a staff member's computer.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    return f"'{value}" if value.startswith(FORMULA_TRIGGERS) else value


class LeadPermissionPolicy(ModelPermissionPolicy):
    """Leads come from the contact form only: nobody adds or edits one in the admin.

    Staff with the “view” permission read and export them; “delete” removes one
    (a prospect asking to be forgotten).
    """

    read_only_actions = {"add", "change"}

    def user_has_permission(self, user, action):
        return action not in self.read_only_actions and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, set(actions) - self.read_only_actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(set(actions) - self.read_only_actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)


class ErasurePermissionPolicy(LeadPermissionPolicy):
    """The record of erasures is read, never written or deleted, in the admin."""

    read_only_actions = {"add", "change", "delete"}


def filter_by_source(queryset, name, value):
    if value == "tracked_link":
        return queryset.filter(short_link__isnull=False)
    if value == "other":
        return queryset.filter(short_link__isnull=True, channel="")
    if value in CHANNELS:
        return queryset.filter(short_link__isnull=True, channel=value)
    return queryset


class LeadFilterSet(WagtailFilterSet):
    person = django_filters.ModelChoiceFilter(
        label=_("Person"), queryset=PersonPage.objects.order_by("full_name"), empty_label=_("Anyone")
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Lead.Kind.choices)
    language = django_filters.ChoiceFilter(label=_("Language"), choices=Lead._meta.get_field("language").choices)
    created_at = django_filters.DateFromToRangeFilter(label=_("Received"), widget=DateRangePickerWidget)
    source = django_filters.ChoiceFilter(
        label=_("Source"),
        choices=[("tracked_link", _("A tracked link")), *CHANNELS.items(), ("other", _("Nothing known"))],
        method=filter_by_source,
        empty_label=_("Any source"),
    )
    link_owner = django_filters.ModelChoiceFilter(
        label=_("Tracked link of"),
        field_name="short_link__owner",
        queryset=get_user_model().objects.filter(short_links__isnull=False).distinct().order_by("first_name"),
        empty_label=_("Anyone"),
    )

    class Meta:
        model = Lead
        fields = ["kind", "person", "language", "created_at", "source", "link_owner"]


class LeadIndexView(IndexView):
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        str: {IndexView.FORMAT_CSV: neutralise_formula},
    }
    custom_field_preprocess = {
        # Local time, machine-readable: spreadsheets sort it.
        "created_at": {IndexView.FORMAT_CSV: lambda value: timezone.localtime(value).isoformat(timespec="seconds")},
    }

    def get_base_queryset(self):
        # The source column names the link's owner, the export the page: one query for the whole listing.
        return super().get_base_queryset().select_related("short_link__owner", "source_page")

    def stream_csv(self, queryset):
        yield UTF8_BOM
        yield from super().stream_csv(queryset)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.permission_policy.user_has_permission(self.request.user, "delete"):
            buttons.append(
                MenuItem(
                    _("Forget this person"),
                    url=reverse(f"{LEADS_ADMIN}:forget", args=[instance.pk]),
                    icon_name="bin",
                    priority=40,
                )
            )
        return buttons


class LeadForgetView(DeleteView):
    """Confirm, then erase every lead from this lead's address and what else holds it (contact/privacy.py)."""

    template_name = "contact/admin/confirm_forget.html"
    page_title = _("Forget this person")
    permission_required = "delete"

    def get_usage_url(self):
        return None

    def get_delete_url(self):
        return reverse(f"{LEADS_ADMIN}:forget", args=[self.object.pk])

    @property
    def confirmation_message(self):
        count = Lead.objects.filter(email__iexact=self.object.email).count()
        return ngettext(
            "Erase the %(count)d lead sent from %(email)s, and the queued e-mails that hold this address? "
            "This cannot be undone. A record of the erasure is kept, without the address.",
            "Erase the %(count)d leads sent from %(email)s, and the queued e-mails that hold this address? "
            "This cannot be undone. A record of the erasure is kept, without the address.",
            count,
        ) % {"count": count, "email": self.object.email}

    def delete_action(self):
        self.erasure = privacy.forget(self.object.email, by=self.request.user.get_username())

    def get_success_message(self):
        return ngettext(
            "%(count)d lead erased; the erasure is recorded without the address.",
            "%(count)d leads erased; the erasure is recorded without the address.",
            self.erasure.leads_erased,
        ) % {"count": self.erasure.leads_erased}

    def get_success_url(self):
        return reverse(self.index_url_name)


class Paragraphs(Component):
    """A prospect's message as they wrote it: line breaks kept, HTML escaped."""

    def __init__(self, text):
        self.text = text

    def render_html(self, parent_context=None):
        return linebreaks_filter(self.text, autoescape=True)


def local_datetime(value):
    return date_format(timezone.localtime(value), "DATETIME_FORMAT") if value else "—"


class LeadInspectView(InspectView):
    def get_created_at_display_value(self):
        return local_datetime(self.object.created_at)

    def get_notified_at_display_value(self):
        return local_datetime(self.object.notified_at)

    def get_message_display_value(self):
        return Paragraphs(self.object.message)

    def get_recipient_display_value(self):
        return self.object.recipient()


class LeadViewSet(ModelViewSet):
    model = Lead
    icon = "mail"
    menu_label = _("Leads")
    menu_order = 260
    add_to_admin_menu = True
    add_to_reference_index = False  # personal data stays out of the pages' usage listings
    index_view_class = LeadIndexView
    inspect_view_class = LeadInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    # No add or edit form: the permission policy refuses both; this only satisfies ModelViewSet.
    form_fields = []

    list_display = ["name", "company", "kind", "recipient", "language", "source", "created_at", "notification_status"]
    filterset_class = LeadFilterSet
    search_fields = ["name", "email", "company", "country", "message", "person_name"]
    search_backend_name = None
    list_per_page = 50
    ordering = ["-created_at"]

    inspect_view_fields = [
        "created_at",
        "kind",
        "name",
        "email",
        "company",
        "country",
        "recipient",
        "language",
        "message",
        "consent_text",
        "source_path",
        "source_page",
        "source",
        "notification_status",
        "notification_error",
        "notified_at",
    ]

    list_export = [
        "created_at",
        "name",
        "email",
        "company",
        "country",
        "person_name",
        "get_language_display",
        "message",
        "consent_text",
        "source_path",
        "source_page_title",
        "source",
        "get_notification_status_display",
        "get_kind_display",
    ]
    export_headings = {
        "get_kind_display": _("Kind"),
        "person_name": _("For"),
        "get_language_display": _("Language"),
        "source_page_title": _("Sent from page"),
        "source": _("Source"),
        "get_notification_status_display": _("Notification e-mail"),
    }
    export_filename = "leads"

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("forget/<int:pk>/", self.forget_view, name="forget")]

    @property
    def forget_view(self):
        return self.construct_view(LeadForgetView, **self.get_delete_view_kwargs())

    def get_permissions_to_register(self):
        # Only “view” and “delete” mean something for leads.
        return super().get_permissions_to_register().exclude(codename__in=["add_lead", "change_lead"])


class ErasureViewSet(ModelViewSet):
    """Proof that erasures happened (on request or at the end of the retention period), without any address."""

    model = Erasure
    icon = "bin"
    menu_label = _("Erasures")
    add_to_settings_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    form_fields = []
    list_display = ["performed_at", "reason", "performed_by", "leads_erased", "jobs_erased", "mail_files_erased"]
    list_filter = ["reason"]
    ordering = ["-performed_at"]

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().filter(codename="view_erasure")


lead_viewset = LeadViewSet(LEADS_ADMIN)
erasure_viewset = ErasureViewSet("erasures")
