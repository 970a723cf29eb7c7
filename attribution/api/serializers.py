"""Shapes of parties, claims, reactions and consequences in the API (shape only; rules live in services)."""

from rest_framework import serializers

from attribution.api.fields import code_list_field, visible_id_field
from attribution.codebook import AttributionBasis, ExternalIdSystem
from attribution.countries import COUNTRY_CHOICES
from attribution.models import Attribution, Consequence, Party, PartyExternalId, Reaction

REVIEW_FIELDS = ["review_status", "tlp", "created_at", "updated_at"]
# The case tracker's models, reached through our own foreign keys (attribution never imports incidents).
Incident = Attribution._meta.get_field("incident").related_model
Source = Attribution._meta.get_field("source").related_model


def party_summary(party) -> dict:
    """A party as PartySummarySerializer shows it (a plain function: the case and lists show many)."""
    return {"id": party.pk, "name": party.name, "kind": party.kind, "country": party.country}


def source_summary(source) -> dict:
    """A source as SourceSummarySerializer shows it."""
    published_on = source.published_on
    return {
        "id": source.pk,
        "title": source.title,
        "url": source.url,
        "publisher": source.publisher,
        "kind": source.kind,
        "published_on": None if published_on is None else published_on.isoformat(),
        "published_on_precision": source.published_on_precision,
    }


class PartySummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Party
        fields = ["id", "name", "kind", "country"]

    def to_representation(self, instance):  # the declared fields document the shape; this writes it
        return party_summary(instance)


class ExternalIdSerializer(serializers.ModelSerializer):
    system = serializers.ChoiceField(choices=ExternalIdSystem.choices)

    class Meta:
        model = PartyExternalId
        fields = ["system", "value", "url"]


class PartySerializer(serializers.ModelSerializer):
    country = serializers.ChoiceField(choices=COUNTRY_CHOICES, required=False, allow_blank=True)
    parent = PartySummarySerializer(read_only=True, allow_null=True)
    parent_id = visible_id_field(Party, source="parent", required=False, help_text="Id of the parent party.")
    aliases = serializers.ListField(
        source="alias_names",
        child=serializers.CharField(max_length=200),
        required=False,
        max_length=500,
        help_text="Other names of this party (replaces the stored list when given).",
    )
    external_ids = ExternalIdSerializer(many=True, required=False)
    children = serializers.SerializerMethodField()

    class Meta:
        model = Party
        fields = [
            "id",
            "name",
            "kind",
            "country",
            "parent",
            "parent_id",
            "aliases",
            "external_ids",
            "children",
            "description",
            *REVIEW_FIELDS,
        ]
        read_only_fields = ["created_at", "updated_at"]

    def get_children(self, obj) -> list[dict]:
        return PartySummarySerializer(getattr(obj, "visible_children", []), many=True).data


class SourceSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.URLField(allow_null=True)
    publisher = serializers.CharField()
    kind = serializers.CharField()
    published_on = serializers.DateField(allow_null=True)
    published_on_precision = serializers.CharField()

    def to_representation(self, instance):
        return source_summary(instance)


class IncidentRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()


def _statement_fields(*own: str) -> list[str]:
    return [
        "id",
        "incident",
        "incident_id",
        *own,
        "source",
        "source_id",
        "quote",
        "quote_start",
        "quote_end",
        "speaker",
        "speaker_id",
        "note",
        *REVIEW_FIELDS,
    ]


class StatementSerializer(serializers.ModelSerializer):
    """Fields every sourced statement has; ids are written, summaries are read."""

    incident = IncidentRefSerializer(read_only=True)
    incident_id = visible_id_field(Incident, source="incident")
    source = SourceSummarySerializer(read_only=True)
    source_id = visible_id_field(Source, source="source")
    speaker = PartySummarySerializer(read_only=True, allow_null=True)
    speaker_id = visible_id_field(Party, source="speaker", required=False)


class AttributionSerializer(StatementSerializer):
    made_by = PartySummarySerializer(read_only=True)
    made_by_id = visible_id_field(Party, source="made_by")
    attributed_to = PartySummarySerializer(read_only=True)
    attributed_to_id = visible_id_field(Party, source="attributed_to")
    basis = code_list_field(AttributionBasis.choices, "Evidence the claim rests on.")

    class Meta:
        model = Attribution
        fields = _statement_fields(
            "made_by",
            "made_by_id",
            "attributed_to",
            "attributed_to_id",
            "stance",
            "stated_on",
            "stated_on_precision",
            "attributor_type",
            "channel",
            "level",
            "basis",
            "confidence_text",
            "confidence",
        )
        read_only_fields = ["quote_start", "quote_end", "created_at", "updated_at"]


class ReactionSerializer(StatementSerializer):
    party = PartySummarySerializer(read_only=True)
    party_id = visible_id_field(Party, source="party")
    answers = serializers.SerializerMethodField(help_text="Id of the claim this reaction answers, if visible.")
    answers_id = visible_id_field(Attribution, source="attribution", required=False)
    accuses = serializers.SerializerMethodField()
    accuses_ids = visible_id_field(Party, source="accuses", many=True, required=False)

    class Meta:
        model = Reaction
        fields = _statement_fields(
            "party",
            "party_id",
            "stance",
            "stated_on",
            "stated_on_precision",
            "answers",
            "answers_id",
            "accuses",
            "accuses_ids",
        )
        read_only_fields = ["quote_start", "quote_end", "created_at", "updated_at"]

    def get_answers(self, obj) -> int | None:
        return obj.attribution.pk if obj.attribution is not None else None

    def get_accuses(self, obj) -> list[dict]:
        return PartySummarySerializer(obj.accuses.all(), many=True).data


class ConsequenceSerializer(StatementSerializer):
    initiated_by = PartySummarySerializer(read_only=True)
    initiated_by_id = visible_id_field(Party, source="initiated_by")
    target = PartySummarySerializer(read_only=True, allow_null=True)
    target_id = visible_id_field(Party, source="target", required=False)
    relies_on = serializers.SerializerMethodField(help_text="Ids of the visible claims this measure rests on.")
    relies_on_ids = visible_id_field(Attribution, source="relies_on", many=True, required=False)

    class Meta:
        model = Consequence
        fields = _statement_fields(
            "initiated_by",
            "initiated_by_id",
            "target",
            "target_id",
            "kind",
            "status",
            "announced_on",
            "announced_on_precision",
            "effective_on",
            "effective_on_precision",
            "legal_instrument",
            "description",
            "relies_on",
            "relies_on_ids",
        )
        read_only_fields = ["quote_start", "quote_end", "created_at", "updated_at"]

    def get_relies_on(self, obj) -> list[int]:
        return [claim.pk for claim in obj.relies_on.all()]
