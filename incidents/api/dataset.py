"""`GET /api/v1/dataset/?format=csv|json|stix&<incident filters>`: the visible incidents as one streamed file."""

from django.http import StreamingHttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, renderers
from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import DefaultContentNegotiation

from incidents.datasets import WRITERS, dataset_rows
from incidents.filters import IncidentFilter
from incidents.models import Incident


class CSVRenderer(renderers.BaseRenderer):
    """Declares text/csv for content negotiation (`?format=csv`); the view streams the body itself."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data if isinstance(data, bytes | str) else b""


class STIXRenderer(CSVRenderer):
    """Declares the STIX 2.1 media type (`?format=stix`); the view streams the body itself."""

    media_type = "application/stix+json"
    format = "stix"


class DatasetNegotiation(DefaultContentNegotiation):
    """An unknown `?format=` is a 400 naming the formats (DRF answers it with an empty 404)."""

    def select_renderer(self, request, renderers, format_suffix=None):
        fmt = request.query_params.get(self.settings.URL_FORMAT_OVERRIDE)
        formats = [renderer.format for renderer in renderers]
        if fmt and fmt not in formats:
            raise ValidationError({"format": [f"Unknown format {fmt[:50]!r}; choose one of {', '.join(formats)}."]})
        return super().select_renderer(request, renderers, format_suffix)


class DatasetView(generics.GenericAPIView):
    """The incidents you may see (the incident list's filters apply), each with its claims, reactions,
    consequences and sources, as CSV (one row per incident), one JSON document, or one STIX 2.1 bundle; streamed."""

    filterset_class = IncidentFilter
    pagination_class = None
    renderer_classes = [CSVRenderer, renderers.JSONRenderer, STIXRenderer]
    content_negotiation_class = DatasetNegotiation

    def handle_exception(self, exc):
        """Errors are JSON whatever the format asked for (the file renderers would answer them with no body)."""
        self.request.accepted_renderer, self.request.accepted_media_type = renderers.JSONRenderer(), "application/json"
        return super().handle_exception(exc)

    def get_queryset(self):
        return Incident.objects.visible_to(self.request.user)

    @extend_schema(
        description="The visible incidents with their statements and sources, streamed: `format=csv` (default; "
        "columns in docs/datasets.md), `format=json`, or `format=stix` (one STIX 2.1 bundle, docs/case-reports.md). "
        "Takes the incident list's filters.",
        responses={
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="One row per incident."),
            (200, "application/json"): OpenApiResponse(OpenApiTypes.OBJECT, description="One JSON document."),
            (200, "application/stix+json"): OpenApiResponse(OpenApiTypes.OBJECT, description="One STIX 2.1 bundle."),
        },
    )
    def get(self, request, *args, **kwargs):
        incidents = self.filter_queryset(self.get_queryset())
        fmt = request.accepted_renderer.format
        writer, content_type, extension = WRITERS[fmt]
        body = (chunk.encode() for chunk in writer(dataset_rows(fmt, incidents, user=request.user)))
        response = StreamingHttpResponse(body, content_type=content_type)
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        response["Content-Disposition"] = f'attachment; filename="incidents-{stamp}.{extension}"'
        return response
