"""Who sees which tracked links: Moderators and superusers every link, everyone else (Editors, Sales) their own."""

from editorial.roles import MODERATORS


def sees_all_links(user):
    return bool(user.is_active and (user.is_superuser or user.groups.filter(name=MODERATORS).exists()))


def may_change(user, link):
    return link.owner_id == user.pk or sees_all_links(user)
