"""The three roles of the firm's staff, kept exactly in step with the code after every migrate.

- **Editors** write: they create and edit pages and submit them for review, manage topics, upload and choose
  images and documents. They edit and delete only the images and documents they uploaded and the drafts they own;
  they never read leads.
- **Moderators** do all that, publish, delete anybody's pages, images and documents, and edit site settings and
  redirects; they read the audience report.
- **Sales** read leads (and export them) and the audience report, and nothing else.

Wagtail's install creates "Editors" and "Moderators" with its own defaults (images and documents deletable by
editors, among others); ``ensure_roles`` *sets* each role's permissions to the lists below, so whatever the install
or a hand in the admin added is taken back on the next migrate. Superusers are never restricted. Deleting other
people's pages, which Wagtail's "change" permission allows, is refused by ``editorial.wagtail_hooks``
(``can_delete_page``).
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Task, Workflow

EDITORS = "Editors"
MODERATORS = "Moderators"
SALES = "Sales"

# Model permissions (group.permissions), exactly.
ROLE_PERMISSIONS = {
    EDITORS: [
        "wagtailadmin.access_admin",
        "articles.add_topic",
        "articles.change_topic",
    ],
    MODERATORS: [
        "wagtailadmin.access_admin",
        "articles.add_topic",
        "articles.change_topic",
        "articles.delete_topic",
        "core.change_sitesettings",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "audience.view_dailyviews",
    ],
    SALES: [
        "wagtailadmin.access_admin",
        "contact.view_lead",
        "audience.view_dailyviews",
    ],
}

# Images and documents, on the root collection (Wagtail checks these, not the model permissions). Wagtail lets
# whoever may "change" an image or a document delete it too, so editors only add and choose: they edit and delete
# what they uploaded, and ask a moderator for anything else.
EDITOR_MEDIA = [
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
]
COLLECTION_PERMISSIONS = {
    EDITORS: EDITOR_MEDIA,
    MODERATORS: [
        *EDITOR_MEDIA,
        "wagtailimages.change_image",
        "wagtailimages.delete_image",
        "wagtaildocs.change_document",
        "wagtaildocs.delete_document",
    ],
    SALES: [],
}

# Pages, on the root of the tree.
PAGE_PERMISSIONS = {
    EDITORS: ["wagtailcore.add_page", "wagtailcore.change_page"],
    MODERATORS: [
        "wagtailcore.add_page",
        "wagtailcore.change_page",
        "wagtailcore.publish_page",
        "wagtailcore.lock_page",
        "wagtailcore.unlock_page",
    ],
    SALES: [],
}


# Wagtail's install names its moderation workflow and task in English ("Submit to Moderators approval" in the
# footer). Workflow and task names are single-language data: the firm's first language names them. A name someone
# chose in the admin is left alone.
WAGTAIL_DEFAULT_NAME = "Moderators approval"
WORKFLOW_NAME = "Relecture"
TASK_NAME = "Validation par un modérateur"


def name_the_workflow():
    Workflow.objects.filter(name=WAGTAIL_DEFAULT_NAME).update(name=WORKFLOW_NAME)
    Task.objects.filter(name=WAGTAIL_DEFAULT_NAME).update(name=TASK_NAME)


def _permissions(dotted_names):
    query = Q(pk__in=[])
    for dotted in dotted_names:
        app_label, codename = dotted.split(".")
        query |= Q(content_type__app_label=app_label, codename=codename)
    return set(Permission.objects.filter(query))


def ensure_roles(**kwargs):
    """Idempotent: each role gets exactly its permissions on models, the root collection and the page tree; the
    moderation workflow gets its French name."""
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    root_collection = Collection.objects.filter(depth=1).values_list("pk", flat=True).first()
    # By id alone: during migrate, Page's translation columns (added by wagtail_modeltranslation) may not exist yet.
    root_page = Page.objects.filter(depth=1).values_list("pk", flat=True).first()
    for group_name, permission_names in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        group.permissions.set(_permissions(permission_names))
        if root_collection is not None:
            _set_exactly(
                GroupCollectionPermission, group, "collection_id", root_collection, COLLECTION_PERMISSIONS[group_name]
            )
        if root_page is not None:
            _set_exactly(GroupPagePermission, group, "page_id", root_page, PAGE_PERMISSIONS[group_name])
    name_the_workflow()


def _set_exactly(model, group, target_name, target, permission_names):
    wanted = _permissions(permission_names)
    existing = model.objects.filter(group=group, **{target_name: target})
    existing.exclude(permission__in=wanted).delete()
    have = set(existing.values_list("permission_id", flat=True))
    for permission in wanted:
        if permission.pk not in have:
            model.objects.create(group=group, permission=permission, **{target_name: target})


def can_delete_page(user, page):
    """Wagtail's own rules, and: only a moderator (who may publish there) deletes pages other people own."""
    permissions = page.permissions_for_user(user)
    if not permissions.can_delete():
        return False
    if user.is_superuser or permissions.can_publish():
        return True
    return not page.get_descendants(inclusive=True).exclude(owner=user).exists()
