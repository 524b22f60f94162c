"""The two roles of the marketing team, kept in step with the code after every migrate.

Wagtail's install creates the "Editors" and "Moderators" groups with page
permissions on the whole tree (editors create and edit and submit for review;
moderators also publish) and the "Moderators approval" workflow on the root,
which every article goes through. This adds what a marketing team expects on
top: topics, leads, images and documents, and site settings for moderators.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

EDITORS = "Editors"
MODERATORS = "Moderators"

ROLE_PERMISSIONS = {
    EDITORS: [
        "wagtailadmin.access_admin",
        "articles.add_topic",
        "articles.change_topic",
        "contact.view_lead",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    MODERATORS: [
        "wagtailadmin.access_admin",
        "articles.add_topic",
        "articles.change_topic",
        "articles.delete_topic",
        "contact.view_lead",
        "core.change_sitesettings",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtailimages.delete_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "wagtaildocs.delete_document",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
    ],
}


def ensure_roles(**kwargs):
    """Idempotent: give each role its model permissions (page permissions come from Wagtail)."""
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    for group_name, permission_names in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        for dotted in permission_names:
            app_label, codename = dotted.split(".")
            permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if permission is not None:
                group.permissions.add(permission)
