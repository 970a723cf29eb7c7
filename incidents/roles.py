"""The role groups (viewer, researcher, reviewer, admin) and the admin permissions each one carries.

The API checks roles itself (attribution/access.py); these permissions let the same people use the
Django admin with the same rights. `ensure_role_groups` runs after every migrate.
"""

from django.contrib.auth.models import Group, Permission

ROLE_ACTIONS = {
    "viewer": ("view",),
    "researcher": ("view", "add", "change"),
    "reviewer": ("view", "add", "change", "delete"),
    "admin": ("view", "add", "change", "delete"),
}
DOMAIN_APPS = ("incidents", "attribution")


def ensure_role_groups(**kwargs) -> None:
    """Create the role groups and give each its permissions on the domain models (idempotent)."""
    for role, actions in ROLE_ACTIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        wanted = Permission.objects.filter(
            content_type__app_label__in=DOMAIN_APPS,
            codename__regex=rf"^({'|'.join(actions)})_",
        )
        if role == "admin":
            wanted = wanted | Permission.objects.filter(content_type__app_label__in=("auth", "authtoken"))
        if set(group.permissions.all()) != set(wanted):
            group.permissions.set(wanted)
