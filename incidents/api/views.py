"""API views for incidents (the whole case in one call), sources, notes and dashboard statistics."""

import functools
import re

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, mixins, parsers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, NotFound, ValidationError
from rest_framework.response import Response

from attribution.api.views import RecordViewSet, documented
from incidents.api.serializers import (
    CaseNoteSerializer,
    ImportJobSerializer,
    IncidentListSerializer,
    IncidentSerializer,
    SourceListSerializer,
    SourceSerializer,
    StatsSerializer,
)
from incidents.api_cache import cached_for_anonymous
from incidents.filters import CaseNoteFilter, IncidentFilter, SourceFilter
from incidents.models import CaseNote, ImportJob, Incident, Source
from incidents.reports import FORMATS, UnknownFormat, case_report_context
from incidents.reports.views import ReportNegotiation, report_response
from incidents.selectors import incident_stats
from incidents.services import (
    ImportQueueUnavailable,
    IncidentChanged,
    importjob_create,
    incident_sources_set,
    incident_version_lock,
)


# --- Optimistic locking: the incident's version is its ETag; PUT/PATCH honour If-Match (optional) ----------
class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The incident changed since you read it; GET it again and send its new ETag in If-Match."
    default_code = "precondition_failed"


class ServiceUnavailable(APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = ImportQueueUnavailable.message
    default_code = "queue_unavailable"
    wait = 30  # sent as Retry-After


ENTITY_TAG = re.compile(r'\s*(W/)?"([^"]*)"\s*(?:,|$)')
IF_MATCH = OpenApiParameter(
    "If-Match",
    str,
    OpenApiParameter.HEADER,
    description='The ETag of the incident as you read it (e.g. "3"); the change is refused with 412 when '
    "someone saved the incident since. Optional: without it the change is saved whatever happened meanwhile.",
)
ETAG = OpenApiParameter(
    "ETag", str, OpenApiParameter.HEADER, response=[200], description="The incident's version, for If-Match."
)
INCIDENT_WRITE = extend_schema(
    parameters=[IF_MATCH, ETAG],
    responses={
        200: IncidentSerializer,
        412: OpenApiResponse(OpenApiTypes.OBJECT, description="If-Match names another version: nothing saved."),
    },
)


def etag(version: int) -> str:
    """The ETag of an incident at `version` (a strong tag: the version changes with every save)."""
    return f'"{version}"'


def if_match_version(request, incident: Incident) -> int | None:
    """The version a PUT/PATCH may overwrite: the incident's own when If-Match names it, None without
    If-Match (or with *); PreconditionFailed when it names only other versions (weak tags never match)."""
    header = request.headers.get("If-Match", "").strip()
    if not header or header == "*":
        return None
    strong = {tag for weak, tag in ENTITY_TAG.findall(header) if not weak}
    if str(incident.version) in strong:
        return incident.version
    raise PreconditionFailed(
        f"If-Match {header[:100]} does not name the incident's current version {etag(incident.version)}: "
        "someone saved it since you read it. GET it again, reapply your change and send its new ETag."
    )


@functools.cache
def _anonymous_incidents(listing: bool):
    """The incidents an anonymous reader may see, with the list's counts or the whole case's prefetches: built
    once per process (the visibility filters and prefetches take milliseconds to build) and cloned for each
    request with `.all()`, as DRF does with a view's `queryset` attribute."""
    anonymous = AnonymousUser()
    visible = Incident.objects.visible_to(anonymous)
    return visible.with_list_relations(anonymous) if listing else visible.with_api_relations(anonymous)


@documented("Incidents")
@extend_schema_view(retrieve=extend_schema(parameters=[ETAG]), update=INCIDENT_WRITE, partial_update=INCIDENT_WRITE)
class IncidentViewSet(RecordViewSet):
    """Lists stay light; one incident comes with its claims, reactions, consequences, sources and timeline."""

    model = Incident
    filterset_class = IncidentFilter
    ordering_choices = {
        **RecordViewSet.ordering_choices,
        "occurred_on": "occurred_on",
        "title": "title",
    }

    def get_queryset(self):
        user = self.request.user
        if not user.is_authenticated:  # every anonymous reader sees the same rows: one query built per process
            return _anonymous_incidents(self.action == "list").all()
        visible = Incident.objects.visible_to(user)
        if self.action == "list":
            return visible.with_list_relations(user)
        return visible.with_api_relations(user)

    def get_serializer_class(self):
        return IncidentListSerializer if self.action == "list" else IncidentSerializer

    def perform_create(self, serializer):
        sources = serializer.validated_data.pop("sources", None)
        super().perform_create(serializer)
        self._link_sources(serializer, sources)

    @cached_for_anonymous
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        """The incident's version is the ETag of every answer showing it, read (cached or not) or saved."""
        if self.action in ("retrieve", "update", "partial_update") and response.status_code == 200:
            response["ETag"] = etag(response.data["version"])
        return super().finalize_response(request, response, *args, **kwargs)

    def perform_update(self, serializer):
        sources = serializer.validated_data.pop("sources", None)
        incident = serializer.instance
        expected = if_match_version(self.request, incident)
        with transaction.atomic():  # the row stays locked from the version check to the save
            try:
                incident_version_lock(incident=incident, expected=expected)
            except IncidentChanged as error:
                raise PreconditionFailed(error.message) from None
            super().perform_update(serializer)
            self._link_sources(serializer, sources)

    def _link_sources(self, serializer, sources) -> None:
        if sources is not None:
            incident_sources_set(incident=serializer.instance, sources=sources, user=self.request.user)
            serializer.instance = self._reload(serializer.instance)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "format", str, enum=list(FORMATS), default="json", description="The export format (default json)."
            )
        ],
        responses={
            **{(200, spec.content_type.split(";")[0]): OpenApiTypes.BINARY for spec in FORMATS.values()},
            (200, "application/json"): OpenApiTypes.OBJECT,  # the report context (docs/case-reports.md)
            (200, "application/stix+json"): OpenApiTypes.OBJECT,  # the STIX 2.1 bundle
            400: OpenApiResponse(description="Unknown format."),
            404: OpenApiResponse(description="No such case, or not one you may see."),
        },
        description="The case report of what you may see, as a download named `<slug>.<ext>` "
        "(see docs/case-reports.md): html, pdf, md, json or stix (a STIX 2.1 bundle).",
    )
    @action(detail=True, methods=["get"], content_negotiation_class=ReportNegotiation, filterset_class=None)
    def report(self, request, pk=None, format=None):  # format: the router's suffix (report.json)
        fmt = request.query_params.get("format", "json")
        if fmt not in FORMATS:
            raise ValidationError({"format": [str(UnknownFormat(fmt))]})
        incident = generics.get_object_or_404(Incident.objects.visible_to(request.user).only("pk"), pk=pk)
        try:
            context = case_report_context(incident, user=request.user)
        except Incident.DoesNotExist as error:
            raise NotFound() from error
        return report_response(context, fmt)


@documented("Sources")
class SourceViewSet(RecordViewSet):
    model = Source
    filterset_class = SourceFilter
    ordering_choices = {**RecordViewSet.ordering_choices, "published_on": "published_on"}

    def get_serializer_class(self):
        return SourceListSerializer if self.action == "list" else SourceSerializer


@documented("Case notes")
class CaseNoteViewSet(RecordViewSet):
    """Researchers' notes: signed-in users only; the author is whoever writes the note."""

    model = CaseNote
    serializer_class = CaseNoteSerializer
    read_requires_login = True
    filterset_class = CaseNoteFilter
    action_roles = {}
    confirm = reject = None  # notes are not reviewed: no confirm / reject routes (they answered 500)

    def perform_create(self, serializer):
        serializer.validated_data["author"] = self.request.user
        super().perform_create(serializer)


class StatsView(generics.GenericAPIView):
    """Counts and lags for dashboards, over the incidents you may see (takes the incident list's filters)."""

    filterset_class = IncidentFilter
    pagination_class = None
    serializer_class = StatsSerializer

    def get_queryset(self):
        return Incident.objects.visible_to(self.request.user)

    @extend_schema(
        description="Incidents per year, per attributed state, per consequence kind, and the median days from "
        "the attack to the first claim and to the first consequence."
    )
    @cached_for_anonymous
    def get(self, request, *args, **kwargs):
        incidents = self.filter_queryset(self.get_queryset())
        return Response(StatsSerializer(incident_stats(incidents, user=request.user)).data)


@extend_schema_view(
    list=extend_schema(description="Import jobs: your own (reviewers: everyone's), newest first."),
    retrieve=extend_schema(description="One job: poll until status is succeeded, failed or partial."),
    create=extend_schema(
        description="Queue one import: a report (url, file or text) or, with `kind`, a structured file (url or file). "
        "503 (with Retry-After) when the import queue is unavailable: nothing was recorded, submit it again later.",
        responses={
            201: ImportJobSerializer,
            503: OpenApiResponse(OpenApiTypes.OBJECT, description="The import queue is unavailable; nothing queued."),
        },
    ),
)
class ImportJobViewSet(
    mixins.CreateModelMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Reports submitted for import; a background worker drafts their records."""

    serializer_class = ImportJobSerializer
    read_requires_login = True
    parser_classes = [parsers.JSONParser, parsers.MultiPartParser, parsers.FormParser]
    ordering_choices = {"id": "id", "created_at": "created_at"}

    def get_queryset(self):
        return ImportJob.objects.visible_to(self.request.user).with_api_relations(self.request.user)

    def perform_create(self, serializer):
        data = serializer.validated_data
        upload = data.get("file")
        try:
            job = importjob_create(
                user=self.request.user,
                url=data.get("input_url", ""),
                text=data.get("input_text", ""),
                upload=upload.read() if upload is not None else None,
                upload_name=upload.name if upload else "",
                published=data.get("published"),
                title=data.get("title", ""),
                kind=data.get("kind", ImportJob.Kind.REPORT),
                options=data.get("options") or None,
            )
        except ImportQueueUnavailable as error:  # nothing was recorded: the client submits again later
            raise ServiceUnavailable() from error
        job.refresh_from_db()
        serializer.instance = job
