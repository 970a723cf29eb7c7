"""Who may see and do what: roles from groups, TLP clearance, and the visibility filter built from both.

Roles, from least to most: anonymous < viewer < researcher < reviewer < admin. A user's role is the
highest of their groups (a superuser is an admin; a signed-in user without a group is a viewer).
A user sees records marked at or below their TLP clearance; anonymous users see TLP:CLEAR only.
Review status: anonymous users and viewers see confirmed records only, researchers drafts too,
reviewers and admins everything, rejected records included.
"""

from django.db.models import Q

from attribution.codebook import ReviewStatus, Tlp

ROLES = ("anonymous", "viewer", "researcher", "reviewer", "admin")
GROUP_ROLES = ROLES[1:]  # the Django groups that carry a role
TLP_ORDER = [Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT, Tlp.RED]
_REVIEW_BY_ROLE = {
    "anonymous": [ReviewStatus.CONFIRMED],
    "viewer": [ReviewStatus.CONFIRMED],
    "researcher": [ReviewStatus.CONFIRMED, ReviewStatus.DRAFT],
    "reviewer": list(ReviewStatus),
    "admin": list(ReviewStatus),
}


def _access(user) -> tuple[str, str]:
    """(role, clearance) of a signed-in user, worked out once per user object (two queries at most)."""
    cached = user.__dict__.get("_access_cache")
    if cached is None:
        if user.is_superuser:
            cached = ("admin", Tlp.RED)
        else:
            names = {group.name for group in user.groups.all()}
            role = max((r for r in GROUP_ROLES if r in names), key=ROLES.index, default="viewer")
            clearance = getattr(user, "clearance", None)  # incidents.Clearance, one per user
            cached = (role, clearance.tlp if clearance is not None else Tlp.CLEAR)
        user.__dict__["_access_cache"] = cached
    return cached


def role_of(user) -> str:
    """The user's highest role."""
    if user is None or not user.is_authenticated:
        return "anonymous"
    return _access(user)[0]


def has_role(user, role: str) -> bool:
    """Whether the user's role is `role` or higher."""
    return ROLES.index(role_of(user)) >= ROLES.index(role)


def clearance_of(user) -> str:
    """The highest TLP the user may see: CLEAR for anonymous users and users without one, RED for superusers."""
    if user is None or not user.is_authenticated:
        return Tlp.CLEAR
    return _access(user)[1]


def tlp_allowed(level: str) -> list[str]:
    """The markings at or below `level`."""
    return TLP_ORDER[: TLP_ORDER.index(Tlp(level)) + 1]


def visibility_q(user, prefix: str = "") -> Q:
    """Rows (or the related row at `prefix`, e.g. "incident__") the user may see."""
    return Q(
        **{
            f"{prefix}tlp__in": tlp_allowed(clearance_of(user)),
            f"{prefix}review_status__in": _REVIEW_BY_ROLE[role_of(user)],
        }
    )


def sees_public_only(user) -> bool:
    """Whether the user sees exactly what an anonymous reader sees (confirmed TLP:CLEAR records)."""
    return _REVIEW_BY_ROLE[role_of(user)] == [ReviewStatus.CONFIRMED] and clearance_of(user) == Tlp.CLEAR


def sees_everything(user) -> bool:
    """Whether the user sees every record, whatever its marking and review status."""
    return _REVIEW_BY_ROLE[role_of(user)] == list(ReviewStatus) and clearance_of(user) == Tlp.RED


def may_mark(user, tlp: str) -> bool:
    """Whether the user may give a record this marking (never above their own clearance)."""
    return TLP_ORDER.index(Tlp(tlp)) <= TLP_ORDER.index(Tlp(clearance_of(user)))
