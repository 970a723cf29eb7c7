"""API views for incidents (the whole case in one call), sources, notes and dashboard statistics."""

from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.response import Response

from attribution.api.views import RecordViewSet, documented
from incidents.api.serializers import (
    CaseNoteSerializer,
    IncidentListSerializer,
    IncidentSerializer,
    SourceListSerializer,
    SourceSerializer,
    StatsSerializer,
)
from incidents.filters import IncidentFilter, SourceFilter
from incidents.models import CaseNote, Incident, Source
from incidents.selectors import incident_stats
from incidents.services import incident_sources_set


@documented("Incidents")
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
        visible = Incident.objects.visible_to(self.request.user)
        if self.action == "list":
            return visible.with_list_relations(self.request.user)
        return visible.with_api_relations(self.request.user)

    def get_serializer_class(self):
        return IncidentListSerializer if self.action == "list" else IncidentSerializer

    def perform_create(self, serializer):
        sources = serializer.validated_data.pop("sources", None)
        super().perform_create(serializer)
        self._link_sources(serializer, sources)

    def perform_update(self, serializer):
        sources = serializer.validated_data.pop("sources", None)
        super().perform_update(serializer)
        self._link_sources(serializer, sources)

    def _link_sources(self, serializer, sources) -> None:
        if sources is not None:
            incident_sources_set(incident=serializer.instance, sources=sources, user=self.request.user)
            serializer.instance = self._reload(serializer.instance)


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
    filterset_fields = ["incident"]
    action_roles = {}

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
    def get(self, request, *args, **kwargs):
        incidents = self.filter_queryset(self.get_queryset())
        return Response(StatsSerializer(incident_stats(incidents, user=request.user)).data)
