"""The REST API's one router and one exception handler (policies are in config/api_policies.py)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.db.models import ProtectedError
from rest_framework import exceptions
from rest_framework.routers import DefaultRouter
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

from config.api_policies import Conflict


def exception_handler(exc, context):
    """Turn domain errors into JSON answers: a broken rule is a 400 with field messages, a conflict a 409."""
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(detail=as_serializer_error(exc))
    elif isinstance(exc, ProtectedError):
        names = ", ".join(sorted({f"{obj._meta.verbose_name} {obj.pk}" for obj in list(exc.protected_objects)[:5]}))
        exc = Conflict(f"Still referenced by other records ({names}); remove those references first.")
    elif isinstance(exc, IntegrityError):
        exc = Conflict("The change conflicts with a stored record (a duplicate or a broken reference).")
    return drf_exception_handler(exc, context)


def build_router() -> DefaultRouter:
    """The one router of /api/v1/."""
    from attribution.api.views import AttributionViewSet, ConsequenceViewSet, PartyViewSet, ReactionViewSet
    from incidents.api.views import CaseNoteViewSet, ImportJobViewSet, IncidentViewSet, SourceViewSet

    router = DefaultRouter()
    router.register("incidents", IncidentViewSet, basename="incident")
    router.register("parties", PartyViewSet, basename="party")
    router.register("attributions", AttributionViewSet, basename="attribution")
    router.register("reactions", ReactionViewSet, basename="reaction")
    router.register("consequences", ConsequenceViewSet, basename="consequence")
    router.register("sources", SourceViewSet, basename="source")
    router.register("notes", CaseNoteViewSet, basename="note")
    router.register("imports", ImportJobViewSet, basename="import")
    return router
