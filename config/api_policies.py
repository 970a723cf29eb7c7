"""API policies read through DRF settings: role permission, cursor pagination, throttles, the conflict error.

Kept apart from config/api.py because DRF imports these while it is still loading its views.
"""

from django.conf import settings
from rest_framework import exceptions, pagination, permissions, status, throttling

from attribution.access import has_role


class RolePermission(permissions.BasePermission):
    """Reads for everyone (rows are filtered by visibility); writes for researchers; deletes and reviews
    for reviewers. A view may require sign-in for reads (`read_requires_login`) or name the role an
    action needs (`action_roles`)."""

    def has_permission(self, request, view) -> bool:
        required = getattr(view, "action_roles", {}).get(getattr(view, "action", None))
        if required is None:
            if request.method in permissions.SAFE_METHODS:
                return not getattr(view, "read_requires_login", False) or request.user.is_authenticated
            required = "reviewer" if request.method == "DELETE" else "researcher"
        return has_role(request.user, required)


class CursorPagination(pagination.CursorPagination):
    """Stable pages while rows are added; `?ordering=` picks one of the view's `ordering_choices`."""

    page_size = settings.API_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = settings.API_MAX_PAGE_SIZE
    ordering = "-id"

    def get_ordering(self, request, queryset, view):
        requested = request.query_params.get("ordering")
        if not requested:
            return (getattr(view, "default_ordering", self.ordering),)
        choices = getattr(view, "ordering_choices", {"id": "id"})
        field = choices.get(requested.lstrip("-"))
        if field is None:
            options = ", ".join(sorted(choices) + [f"-{c}" for c in sorted(choices)])
            raise exceptions.ValidationError(
                {"ordering": [f"Unknown ordering {requested!r}; choose one of {options}."]}
            )
        return (f"-{field}" if requested.startswith("-") else field,)


class AnonThrottle(throttling.AnonRateThrottle):
    """Rate for anonymous clients, from the API_THROTTLE_ANON setting (read on each request)."""

    def get_rate(self):
        return settings.API_THROTTLE_ANON


class UserThrottle(throttling.UserRateThrottle):
    """Rate for signed-in clients, from the API_THROTTLE_USER setting."""

    def get_rate(self):
        return settings.API_THROTTLE_USER


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with stored records."
    default_code = "conflict"
