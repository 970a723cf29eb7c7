"""The REST API's one router and one exception handler (policies are in config/api_policies.py)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.db.models import ProtectedError
from django.http import JsonResponse
from django.views import defaults
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
    elif isinstance(exc, RecursionError):  # the JSON parser's stack ran out: a body nested thousands deep
        exc = exceptions.ParseError("The request body is nested too deeply to be read.")
    return drf_exception_handler(exc, context)


def page_not_found(request, exception):
    """Django's 404 handler: an address under /api/ that names no route (`/api/v1/incidents/1.5/`) answers as
    the API does, in JSON; any other address gets the HTML page."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not found."}, status=404)
    return defaults.page_not_found(request, exception)


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


# --- The errors above, in the OpenAPI schema ----------------------------------------------------------------
_DETAIL = {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}
_FIELD_ERRORS = {
    "type": "object",
    "description": "Messages by field name (lists of strings, nested for nested fields); `non_field_errors` for the "
    "record as a whole; `detail` when the request itself could not be read.",
}
_ERRORS = {  # status: (description, schema component, applies to the operation)
    "400": ("A broken rule or an unreadable request: nothing saved.", "FieldErrors", "has_input"),
    "401": ("Not signed in (or an unknown token), where signing in is needed.", "ErrorDetail", "always"),
    "403": ("Signed in, but your role may not do this.", "ErrorDetail", "writes"),
    "404": ("No such record, or not one you may see (or an unknown page cursor).", "ErrorDetail", "finds"),
    "409": (
        "Conflicts with stored records (a duplicate, a record still referenced, not a draft).",
        "ErrorDetail",
        "writes",
    ),
    "415": ("A request body of a media type this operation does not read.", "ErrorDetail", "has_body"),
    "429": ("Too many requests: try again after Retry-After seconds.", "ErrorDetail", "always"),
}


def document_errors(result: dict, generator, request, public) -> dict:
    """drf-spectacular postprocessing hook: every operation lists the error answers it can give, with the JSON
    body `exception_handler` writes, so clients (and schemathesis) know every status code to expect."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["ErrorDetail"], schemas["FieldErrors"] = _DETAIL, _FIELD_ERRORS
    for item in result.get("paths", {}).values():
        for method, operation in item.items():
            parameters = {parameter["in"] for parameter in operation.get("parameters", [])}
            applies = {
                "always": True,
                "writes": method not in ("get", "head", "options"),
                "finds": "path" in parameters or any(p["name"] == "cursor" for p in operation.get("parameters", [])),
                "has_body": "requestBody" in operation,
                "has_input": "requestBody" in operation or "query" in parameters,
            }
            for status, (description, component, when) in _ERRORS.items():
                if applies[when]:
                    content = {"application/json": {"schema": {"$ref": f"#/components/schemas/{component}"}}}
                    operation["responses"].setdefault(status, {"description": description, "content": content})
    return result
