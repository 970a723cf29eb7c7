"""API views for parties, claims, reactions and consequences, on one base that both apps share."""

from django.db import models
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from attribution.api.serializers import (
    AttributionSerializer,
    ConsequenceSerializer,
    PartySerializer,
    PartySummarySerializer,
    ReactionSerializer,
)
from attribution.codebook import ReviewStatus
from attribution.filters import AttributionFilter, ConsequenceFilter, PartyFilter, ReactionFilter
from attribution.models import Attribution, Consequence, Party, Reaction
from attribution.selectors import party_resolve
from attribution.services import party_names_set, record_create, record_delete, record_update, review_status_set
from config.api_policies import Conflict

ORDERING_PARAMETER = OpenApiParameter(
    "ordering", str, description="Sort key; prefix with '-' for descending. Default: newest first (-id)."
)


class RecordViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Rows the user may see, written through the services; records above a user's clearance are 404."""

    model: type[models.Model]
    ordering_choices = {"id": "id", "created_at": "created_at", "updated_at": "updated_at"}
    action_roles = {"confirm": "reviewer", "reject": "reviewer"}

    def get_queryset(self):
        return self.model.objects.visible_to(self.request.user).with_api_relations(self.request.user)

    def filter_queryset(self, queryset):
        """django-filter builds the whole FilterSet and its form for every request; without any of its
        parameters in the query string it would leave the rows as they are, so it is not asked."""
        filterset_class = getattr(self, "filterset_class", None)
        if filterset_class is not None and not any(
            name in self.request.query_params for name in filterset_class.base_filters
        ):
            return queryset
        return super().filter_queryset(queryset)

    def _split(self, validated: dict) -> tuple[dict, dict]:
        """Plain field values, and many-to-many values (set after the row is saved)."""
        m2m = {field.name for field in self.model._meta.many_to_many}
        data = {key: value for key, value in validated.items() if key not in m2m}
        return data, {key: value for key, value in validated.items() if key in m2m}

    def perform_create(self, serializer):
        data, relations = self._split(serializer.validated_data)
        instance = record_create(model=self.model, data=data, relations=relations, user=self.request.user)
        serializer.instance = self._reload(instance)

    def perform_update(self, serializer):
        data, relations = self._split(serializer.validated_data)
        instance = record_update(instance=serializer.instance, data=data, relations=relations, user=self.request.user)
        serializer.instance = self._reload(instance)

    def perform_destroy(self, instance):
        record_delete(instance=instance, user=self.request.user)

    def _reload(self, instance):
        """The saved row with the relations the response shows (or as saved, if the user may no longer see it)."""
        return self.get_queryset().filter(pk=instance.pk).first() or instance

    def _review(self, status_value: str) -> Response:
        record = self.get_object()
        if record.review_status != ReviewStatus.DRAFT:
            raise Conflict(f"Only drafts are reviewed; this record is {record.review_status}.")
        review_status_set(records=self.model.objects.filter(pk=record.pk), status=status_value, user=self.request.user)
        return Response(self.get_serializer(self._reload(record)).data)

    @extend_schema(request=None, description="Confirm a draft (reviewers).")
    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        return self._review(ReviewStatus.CONFIRMED)

    @extend_schema(request=None, description="Reject a draft (reviewers).")
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        return self._review(ReviewStatus.REJECTED)


def documented(resource: str):
    """Schema text for the standard operations of a resource."""
    return extend_schema_view(
        list=extend_schema(description=f"{resource} you may see, newest first.", parameters=[ORDERING_PARAMETER]),
        retrieve=extend_schema(description=f"One of the {resource.lower()}; 404 when it is above your clearance."),
        create=extend_schema(description="Researchers and above; a researcher's record starts as a draft."),
        update=extend_schema(description="Researchers and above."),
        partial_update=extend_schema(description="Researchers and above."),
        destroy=extend_schema(description="Reviewers and above; 409 while other records refer to it."),
    )


@documented("Parties")
class PartyViewSet(RecordViewSet):
    model = Party
    serializer_class = PartySerializer
    filterset_class = PartyFilter
    ordering_choices = {**RecordViewSet.ordering_choices, "name": "name"}

    def perform_create(self, serializer):
        names = self._pop_names(serializer)
        super().perform_create(serializer)
        self._set_names(serializer, names)

    def perform_update(self, serializer):
        names = self._pop_names(serializer)
        super().perform_update(serializer)
        self._set_names(serializer, names)

    def _pop_names(self, serializer) -> dict:
        data = serializer.validated_data
        return {"aliases": data.pop("alias_names", None), "external_ids": data.pop("external_ids", None)}

    def _set_names(self, serializer, names: dict) -> None:
        party_names_set(party=serializer.instance, user=self.request.user, **names)
        serializer.instance = self._reload(serializer.instance)

    @extend_schema(
        parameters=[OpenApiParameter("name", str, required=True, description="A name or alias, e.g. Helix Kitten.")],
        responses=PartySummarySerializer(many=True),
        description="Every visible party a name or alias may stand for; an ambiguous alias returns them all.",
    )
    @action(detail=False, methods=["get"], pagination_class=None, filterset_class=None)
    def resolve(self, request, format=None):  # format: the router's suffix (resolve.json)
        name = request.query_params.get("name", "").strip()
        if not name:
            raise ValidationError({"name": ["Give the name or alias to resolve, e.g. ?name=Helix Kitten."]})
        matches = party_resolve(name, user=request.user)
        return Response(PartySummarySerializer(matches, many=True).data, status=status.HTTP_200_OK)


@documented("Attribution claims")
class AttributionViewSet(RecordViewSet):
    model = Attribution
    serializer_class = AttributionSerializer
    filterset_class = AttributionFilter


@documented("Reactions")
class ReactionViewSet(RecordViewSet):
    model = Reaction
    serializer_class = ReactionSerializer
    filterset_class = ReactionFilter


@documented("Consequences")
class ConsequenceViewSet(RecordViewSet):
    model = Consequence
    serializer_class = ConsequenceSerializer
    filterset_class = ConsequenceFilter
