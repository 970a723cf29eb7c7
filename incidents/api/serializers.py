"""Shapes of incidents, sources, notes and statistics in the API (shape only; rules live in services)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from attribution.api.fields import code_list_field, visible_id_field
from attribution.api.serializers import (
    REVIEW_FIELDS,
    IncidentRefSerializer,
    PartySummarySerializer,
    SourceSummarySerializer,
)
from attribution.codebook import IncidentType, TargetCategory
from attribution.countries import COUNTRY_CHOICES
from attribution.models import Party
from incidents.importers.datasets import DATASET_FORMATS
from incidents.models import CaseNote, ImportJob, Incident, Source
from incidents.selectors import timeline_from_records
from incidents.services import importjob_input_problem, importjob_options

INCIDENT_LIST_FIELDS = [
    "id",
    "slug",
    "title",
    "occurred_on",
    "occurred_on_precision",
    "status",
    "severity",
    "types",
    "victim_countries",
    "target_categories",
    "attribution_count",
    "has_denial",
    *REVIEW_FIELDS,
]


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = [
            "id",
            "url",
            "normalized_url",
            "title",
            "publisher",
            "author",
            "kind",
            "language",
            "published_on",
            "published_on_precision",
            "text",
            "content_sha256",
            "retrieved_at",
            "reliability",
            *REVIEW_FIELDS,
        ]
        read_only_fields = ["normalized_url", "content_sha256", "created_at", "updated_at"]
        validators = []  # uniqueness of the derived keys is checked by the service (full_clean)


class SourceListSerializer(SourceSerializer):
    """Sources without their text (lists stay light)."""

    class Meta(SourceSerializer.Meta):
        fields = [name for name in SourceSerializer.Meta.fields if name != "text"]


class CaseNoteSerializer(serializers.ModelSerializer):
    incident = IncidentRefSerializer(read_only=True)
    incident_id = visible_id_field(Incident, source="incident")
    author = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = CaseNote
        fields = ["id", "incident", "incident_id", "author", "body", "tlp", "created_at", "updated_at"]
        read_only_fields = ["created_at", "updated_at"]


class IncidentListSerializer(serializers.ModelSerializer):
    attribution_count = serializers.IntegerField(read_only=True, help_text="Visible claims about the incident.")
    has_denial = serializers.BooleanField(read_only=True, help_text="Whether a visible reaction denies it.")

    class Meta:
        model = Incident
        fields = INCIDENT_LIST_FIELDS
        read_only_fields = fields


# --- The case in one call ------------------------------------------------------------------------------
class ClaimSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    made_by = PartySummarySerializer()
    attributed_to = PartySummarySerializer()
    stance = serializers.CharField()
    stated_on = serializers.DateField(allow_null=True)
    stated_on_precision = serializers.CharField()
    attributor_type = serializers.CharField()
    channel = serializers.CharField()
    level = serializers.CharField()
    basis = serializers.ListField(child=serializers.CharField())
    confidence_text = serializers.CharField()
    confidence = serializers.CharField()
    quote = serializers.CharField()
    source = SourceSummarySerializer()
    speaker = PartySummarySerializer(allow_null=True)
    review_status = serializers.CharField()
    tlp = serializers.CharField()


class ReactionSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    party = PartySummarySerializer()
    stance = serializers.CharField()
    stated_on = serializers.DateField(allow_null=True)
    stated_on_precision = serializers.CharField()
    answers = serializers.IntegerField(source="attribution.pk", allow_null=True, default=None)
    quote = serializers.CharField()
    source = SourceSummarySerializer()
    speaker = PartySummarySerializer(allow_null=True)
    review_status = serializers.CharField()
    tlp = serializers.CharField()


class ConsequenceSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    initiated_by = PartySummarySerializer()
    target = PartySummarySerializer(allow_null=True)
    kind = serializers.CharField()
    status = serializers.CharField()
    announced_on = serializers.DateField(allow_null=True)
    announced_on_precision = serializers.CharField()
    effective_on = serializers.DateField(allow_null=True)
    effective_on_precision = serializers.CharField()
    legal_instrument = serializers.CharField()
    relies_on = serializers.SerializerMethodField()
    quote = serializers.CharField()
    source = SourceSummarySerializer()
    review_status = serializers.CharField()
    tlp = serializers.CharField()

    def get_relies_on(self, obj) -> list[int]:
        return [claim.pk for claim in obj.relies_on.all()]


class RelatedIncidentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()
    occurred_on = serializers.DateField(allow_null=True)
    occurred_on_precision = serializers.CharField()


class TimelineEventSerializer(serializers.Serializer):
    date = serializers.DateField(allow_null=True)
    precision = serializers.CharField()
    date_text = serializers.CharField()
    kind = serializers.CharField()
    label = serializers.CharField()
    lag_days = serializers.IntegerField(allow_null=True, source="lag.days", default=None)
    lag_text = serializers.CharField()
    record_id = serializers.IntegerField(source="record.pk")
    review_status = serializers.CharField()


class IncidentSerializer(serializers.ModelSerializer):
    """The whole case: the incident with its visible claims, reactions, consequences, sources and timeline."""

    types = code_list_field(IncidentType.choices)
    victim_countries = code_list_field(COUNTRY_CHOICES, "ISO 3166-1 alpha-2 codes.")
    target_categories = code_list_field(TargetCategory.choices)
    victims = PartySummarySerializer(many=True, read_only=True, source="visible_victims")
    victim_ids = visible_id_field(Party, source="victims", many=True, required=False)
    related_incidents = RelatedIncidentSerializer(many=True, read_only=True, source="visible_related")
    related_incident_ids = visible_id_field(Incident, source="related_incidents", many=True, required=False)
    source_ids = visible_id_field(
        Source,
        source="sources",
        many=True,
        required=False,
        help_text="Sources documenting the case (replaces the linked list when given).",
    )
    assignee = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    attributions = ClaimSummarySerializer(many=True, read_only=True, source="visible_attributions")
    reactions = ReactionSummarySerializer(many=True, read_only=True, source="visible_reactions")
    consequences = ConsequenceSummarySerializer(many=True, read_only=True, source="visible_consequences")
    sources = serializers.SerializerMethodField()
    timeline = serializers.SerializerMethodField()
    notes = serializers.SerializerMethodField(help_text="Researchers' notes (signed-in users only).")

    class Meta:
        model = Incident
        fields = [
            "id",
            "slug",
            "title",
            "summary",
            "started_on",
            "started_on_precision",
            "ended_on",
            "ended_on_precision",
            "detected_on",
            "detected_on_precision",
            "disclosed_on",
            "disclosed_on_precision",
            "occurred_on",
            "occurred_on_precision",
            "types",
            "victim_countries",
            "target_categories",
            "sector",
            "victims",
            "victim_ids",
            "related_incidents",
            "related_incident_ids",
            "status",
            "severity",
            "assignee",
            "attributions",
            "reactions",
            "consequences",
            "sources",
            "source_ids",
            "timeline",
            "notes",
            "version",
            *REVIEW_FIELDS,
        ]
        read_only_fields = ["occurred_on", "occurred_on_precision", "created_at", "updated_at", "version"]

    def get_sources(self, obj) -> list[dict]:
        """Sources linked to the case and those its visible statements cite, once each."""
        seen = {}
        for link in obj.visible_source_links:
            seen.setdefault(link.source.pk, link.source)
        for record in [*obj.visible_attributions, *obj.visible_reactions, *obj.visible_consequences]:
            seen.setdefault(record.source.pk, record.source)
        return SourceSummarySerializer(sorted(seen.values(), key=lambda s: s.pk), many=True).data

    def get_timeline(self, obj) -> list[dict]:
        events = timeline_from_records(
            obj,
            attributions=obj.visible_attributions,
            reactions=obj.visible_reactions,
            consequences=obj.visible_consequences,
            related=obj.visible_related,
        )
        return TimelineEventSerializer(events, many=True).data

    def get_notes(self, obj) -> list[dict]:
        return [
            {
                "id": note.pk,
                "author": note.author.username if note.author else None,
                "body": note.body,
                "tlp": note.tlp,
                "created_at": note.created_at,
            }
            for note in getattr(obj, "visible_notes", [])
        ]


class StatsSerializer(serializers.Serializer):
    incidents = serializers.IntegerField()
    per_year = serializers.ListField(child=serializers.DictField())
    per_attributed_state = serializers.ListField(child=serializers.DictField())
    per_consequence_kind = serializers.ListField(child=serializers.DictField())
    median_days_to_first_attribution = serializers.FloatField(allow_null=True)
    median_days_to_first_consequence = serializers.FloatField(allow_null=True)
    measured = serializers.DictField(help_text="How many incidents each median is computed over.")


class ImportJobSerializer(serializers.ModelSerializer):
    """Submit one of url, file (multipart) or text; poll the job until its status is final."""

    url = serializers.URLField(source="input_url", required=False, allow_blank=True, max_length=2000)
    text = serializers.CharField(
        source="input_text", required=False, allow_blank=True, write_only=True, max_length=2_000_000
    )
    kind = serializers.ChoiceField(
        choices=ImportJob.Kind.choices,
        default=ImportJob.Kind.REPORT,
        help_text="What the input is: a report to extract from, or a structured file (actors: MISP galaxy clusters).",
    )
    file = serializers.FileField(
        required=False, write_only=True, help_text="A .txt, .html or .pdf report, or the structured file of `kind`."
    )
    published = serializers.DateField(required=False, write_only=True, help_text="Publication date of the report.")
    title = serializers.CharField(required=False, allow_blank=True, write_only=True, max_length=500)
    format = serializers.ChoiceField(
        choices=DATASET_FORMATS,
        required=False,
        write_only=True,
        help_text="For kind `dataset`: the dataset's format (eurepoc: a ZIP of the global and attribution CSVs).",
    )
    strict = serializers.BooleanField(
        required=False,
        default=False,
        write_only=True,
        help_text="For kind `dataset`: import nothing unless every row is sound.",
    )
    created_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = ImportJob
        fields = [
            "id",
            "kind",
            "url",
            "input_name",
            "text",
            "file",
            "published",
            "title",
            "format",
            "strict",
            "options",
            "status",
            "progress",
            "progress_message",
            "counts",
            "errors",
            "result",
            "created_by",
            "task_id",
            "attempts",
            "created_at",
            "started_at",
            "finished_at",
        ]
        read_only_fields = [
            "input_name",
            "options",
            "status",
            "progress",
            "progress_message",
            "counts",
            "errors",
            "result",
            "task_id",
            "attempts",
            "created_at",
            "started_at",
            "finished_at",
        ]

    def validate(self, attrs):
        upload = attrs.get("file")
        problem = importjob_input_problem(  # checked on the declared size, before the upload is read
            url=attrs.get("input_url", ""),
            upload_size=upload.size if upload else None,
            text=attrs.get("input_text", ""),
        )
        if problem:
            raise serializers.ValidationError({"file": problem[1]} if problem[0] == "upload" else problem[1])
        try:
            attrs["options"] = importjob_options(
                kind=attrs.get("kind", ImportJob.Kind.REPORT),
                dataset_format=attrs.pop("format", ""),
                strict=attrs.pop("strict", False),
            )
        except DjangoValidationError as error:
            raise serializers.ValidationError({"format": error.messages}) from error
        return attrs
