"""Shapes of incidents, sources, notes and statistics in the API (shape only; rules live in services)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from rest_framework import ISO_8601, serializers
from rest_framework.settings import api_settings

from attribution.api.fields import code_list_field, visible_id_field
from attribution.api.serializers import (
    REVIEW_FIELDS,
    IncidentRefSerializer,
    PartySummarySerializer,
    SourceSummarySerializer,
    party_summary,
    source_summary,
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


# --- Reads written by plain functions ---------------------------------------------------------------------
# The serializers below declare the API's shapes (the OpenAPI schema and writes come from them); the answers
# of the hot reads (lists, the case) are written by these functions, which give the same JSON key for key
# (tests/incidents/test_api_shapes.py compares them with the declared serializers) without DRF's per-field
# machinery.
_DATETIME = serializers.DateTimeField(read_only=True)  # ISO 8601 in the current time zone, "Z" for UTC


def _date(value) -> str | None:
    return None if value is None else value.isoformat()


def _datetime(value) -> str | None:
    """DRF's DateTimeField output (ISO 8601 in the current time zone, "Z" for UTC) for the aware timestamps the
    database gives, without its per-value checks; anything else goes through the field itself."""
    if not value:
        return None
    if value.tzinfo is None or api_settings.DATETIME_FORMAT != ISO_8601:
        return _DATETIME.to_representation(value)
    text = value.astimezone(timezone.get_current_timezone()).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def incident_list_row(incident) -> dict:
    """An incident as IncidentListSerializer shows it (needs `with_list_relations`'s annotations)."""
    return {
        "id": incident.pk,
        "slug": incident.slug,
        "title": incident.title,
        "occurred_on": _date(incident.occurred_on),
        "occurred_on_precision": incident.occurred_on_precision,
        "status": incident.status,
        "severity": incident.severity,
        "types": incident.types,
        "victim_countries": incident.victim_countries,
        "target_categories": incident.target_categories,
        "attribution_count": int(incident.attribution_count),
        "has_denial": bool(incident.has_denial),
        "review_status": incident.review_status,
        "tlp": incident.tlp,
        "created_at": _datetime(incident.created_at),
        "updated_at": _datetime(incident.updated_at),
    }


def _claim(claim) -> dict:
    return {
        "id": claim.pk,
        "made_by": party_summary(claim.made_by),
        "attributed_to": party_summary(claim.attributed_to),
        "stance": claim.stance,
        "stated_on": _date(claim.stated_on),
        "stated_on_precision": claim.stated_on_precision,
        "attributor_type": claim.attributor_type,
        "channel": claim.channel,
        "level": claim.level,
        "basis": [str(item) for item in claim.basis],
        "confidence_text": claim.confidence_text,
        "confidence": claim.confidence,
        "quote": claim.quote,
        "source": source_summary(claim.source),
        "speaker": None if claim.speaker is None else party_summary(claim.speaker),
        "review_status": claim.review_status,
        "tlp": claim.tlp,
    }


def _reaction(reaction) -> dict:
    answered = reaction.attribution  # prefetched: None when the user may not see the claim
    return {
        "id": reaction.pk,
        "party": party_summary(reaction.party),
        "stance": reaction.stance,
        "stated_on": _date(reaction.stated_on),
        "stated_on_precision": reaction.stated_on_precision,
        "answers": None if answered is None else answered.pk,
        "quote": reaction.quote,
        "source": source_summary(reaction.source),
        "speaker": None if reaction.speaker is None else party_summary(reaction.speaker),
        "review_status": reaction.review_status,
        "tlp": reaction.tlp,
    }


def _consequence(measure) -> dict:
    return {
        "id": measure.pk,
        "initiated_by": party_summary(measure.initiated_by),
        "target": None if measure.target is None else party_summary(measure.target),
        "kind": measure.kind,
        "status": measure.status,
        "announced_on": _date(measure.announced_on),
        "announced_on_precision": measure.announced_on_precision,
        "effective_on": _date(measure.effective_on),
        "effective_on_precision": measure.effective_on_precision,
        "legal_instrument": measure.legal_instrument,
        "relies_on": [claim.pk for claim in measure.relies_on.all()],
        "quote": measure.quote,
        "source": source_summary(measure.source),
        "review_status": measure.review_status,
        "tlp": measure.tlp,
    }


def _related(other) -> dict:
    return {
        "id": other.pk,
        "slug": other.slug,
        "title": other.title,
        "occurred_on": _date(other.occurred_on),
        "occurred_on_precision": other.occurred_on_precision,
    }


def _event(event) -> dict:
    return {
        "date": _date(event.date),
        "precision": str(event.precision),
        "date_text": str(event.date_text),
        "kind": str(event.kind),
        "label": str(event.label),
        "lag_days": None if event.lag is None or event.lag.days is None else int(event.lag.days),
        "lag_text": str(event.lag_text),
        "record_id": event.record.pk,
        "review_status": str(event.review_status),
    }


def case_representation(incident) -> dict:
    """The whole case as IncidentSerializer shows it (needs `with_api_relations`'s prefetches)."""
    claims, reactions = incident.visible_attributions, incident.visible_reactions
    measures = incident.visible_consequences
    return {
        "id": incident.pk,
        "slug": incident.slug,
        "title": incident.title,
        "summary": incident.summary,
        "started_on": _date(incident.started_on),
        "started_on_precision": incident.started_on_precision,
        "ended_on": _date(incident.ended_on),
        "ended_on_precision": incident.ended_on_precision,
        "detected_on": _date(incident.detected_on),
        "detected_on_precision": incident.detected_on_precision,
        "disclosed_on": _date(incident.disclosed_on),
        "disclosed_on_precision": incident.disclosed_on_precision,
        "occurred_on": _date(incident.occurred_on),
        "occurred_on_precision": incident.occurred_on_precision,
        "types": list(incident.types),
        "victim_countries": list(incident.victim_countries),
        "target_categories": list(incident.target_categories),
        "sector": incident.sector,
        "victims": [party_summary(party) for party in incident.visible_victims],
        "related_incidents": [_related(other) for other in incident.visible_related],
        "status": incident.status,
        "severity": incident.severity,
        "assignee": None if incident.assignee is None else incident.assignee.username,
        "attributions": [_claim(claim) for claim in claims],
        "reactions": [_reaction(reaction) for reaction in reactions],
        "consequences": [_consequence(measure) for measure in measures],
        "sources": case_sources(incident),
        "timeline": [_event(event) for event in case_timeline(incident)],
        "notes": case_notes(incident),
        "version": incident.version,
        "review_status": incident.review_status,
        "tlp": incident.tlp,
        "created_at": _datetime(incident.created_at),
        "updated_at": _datetime(incident.updated_at),
    }


def case_source_records(incident) -> list:
    """Sources linked to the case and those its visible statements cite, once each, by id."""
    seen = {}
    for link in incident.visible_source_links:
        seen.setdefault(link.source.pk, link.source)
    for record in [*incident.visible_attributions, *incident.visible_reactions, *incident.visible_consequences]:
        seen.setdefault(record.source.pk, record.source)
    return sorted(seen.values(), key=lambda s: s.pk)


def case_sources(incident) -> list[dict]:
    return [source_summary(source) for source in case_source_records(incident)]


def case_timeline(incident) -> list:
    return timeline_from_records(
        incident,
        attributions=incident.visible_attributions,
        reactions=incident.visible_reactions,
        consequences=incident.visible_consequences,
        related=incident.visible_related,
    )


def case_notes(incident) -> list[dict]:
    return [
        {
            "id": note.pk,
            "author": note.author.username if note.author else None,
            "body": note.body,
            "tlp": note.tlp,
            "created_at": note.created_at,
        }
        for note in getattr(incident, "visible_notes", [])
    ]


class IncidentListSerializer(serializers.ModelSerializer):
    attribution_count = serializers.IntegerField(read_only=True, help_text="Visible claims about the incident.")
    has_denial = serializers.BooleanField(read_only=True, help_text="Whether a visible reaction denies it.")

    class Meta:
        model = Incident
        fields = INCIDENT_LIST_FIELDS
        read_only_fields = fields

    def to_representation(self, instance):  # the declared fields document the shape; this writes it
        return incident_list_row(instance)


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

    def to_representation(self, instance):  # the declared fields document the shape; this writes it
        return case_representation(instance)

    def get_sources(self, obj) -> list[dict]:
        """Sources linked to the case and those its visible statements cite, once each."""
        return SourceSummarySerializer(case_source_records(obj), many=True).data

    def get_timeline(self, obj) -> list[dict]:
        return TimelineEventSerializer(case_timeline(obj), many=True).data

    def get_notes(self, obj) -> list[dict]:
        return case_notes(obj)


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
