"""The case tracker: incidents, the sources behind them and the researchers' notes."""

import datetime as dt
import hashlib

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from attribution.codebook import (
    CaseStatus,
    DatePrecision,
    IncidentType,
    Reliability,
    ReviewStatus,
    Severity,
    SourceKind,
    TargetCategory,
    Tlp,
)
from attribution.countries import country_choices
from attribution.dates import check_dates, format_date, normalize_precisions, precision_constraint, precision_field
from attribution.fields import ChoiceListField, external_id_field
from incidents.querysets import CaseNoteQuerySet, ImportJobQuerySet, IncidentQuerySet, SourceQuerySet
from incidents.urlnorm import normalize_url

INCIDENT_DATE_FIELDS = {
    "started_on": "start date",
    "ended_on": "end date",
    "detected_on": "detection date",
    "disclosed_on": "disclosure date",
}


class Incident(models.Model):
    """One case: a cyber operation against one or more victims, with its dates, kinds and workflow status."""

    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)

    started_on = models.DateField(null=True, blank=True, help_text="When the operation began.")
    started_on_precision = precision_field("started on precision")
    ended_on = models.DateField(null=True, blank=True)
    ended_on_precision = precision_field("ended on precision")
    detected_on = models.DateField(null=True, blank=True)
    detected_on_precision = precision_field("detected on precision")
    disclosed_on = models.DateField(null=True, blank=True, help_text="When it was first made public.")
    disclosed_on_precision = precision_field("disclosed on precision")
    occurred_on = models.DateField(
        null=True,
        blank=True,
        editable=False,
        help_text="Best single date of the attack: the start when known, else detection, else disclosure.",
    )
    occurred_on_precision = precision_field("occurred on precision")

    types = ChoiceListField(item_choices=IncidentType.choices, verbose_name="incident types")
    victim_countries = ChoiceListField(
        item_choices=country_choices,
        help_text="ISO 3166-1 alpha-2 codes of the states hit.",
    )
    target_categories = ChoiceListField(item_choices=TargetCategory.choices)
    sector = models.CharField(max_length=200, blank=True, help_text="Sector detail in free text.")
    victims = models.ManyToManyField(
        "attribution.Party", blank=True, related_name="incidents_suffered", help_text="Named victim parties."
    )
    related_incidents = models.ManyToManyField("self", blank=True, symmetrical=True)

    status = models.CharField(max_length=16, choices=CaseStatus.choices, default=CaseStatus.NEW)
    severity = models.PositiveSmallIntegerField(choices=Severity.choices, null=True, blank=True)
    tlp = models.CharField("TLP", max_length=16, choices=Tlp.choices, default=Tlp.CLEAR)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="assigned_incidents"
    )
    review_status = models.CharField(max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT)
    external_id = external_id_field()  # noqa: DJ001 (NULL: records not imported have none)
    version = models.PositiveIntegerField(
        default=1, help_text="Goes up by one at every save; a stale version is refused (admin form, API If-Match)."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(m2m_fields=[victims])
    objects = IncidentQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_on", "-id"]
        constraints = [
            *(precision_constraint("incident", field) for field in INCIDENT_DATE_FIELDS),
            precision_constraint("incident", "occurred_on"),
            # A coarser end ("July 2022") is stored as its first day and may fall before a precise start.
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(started_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on"))
                | models.Q(ended_on_precision__in=[DatePrecision.MONTH, DatePrecision.YEAR]),
                name="incident_ended_on_not_before_started_on",
            ),
        ]
        indexes = [
            models.Index(fields=["occurred_on"]),
            models.Index(fields=["status"]),
            models.Index(fields=["review_status", "tlp"]),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        normalize_precisions(self, INCIDENT_DATE_FIELDS)
        self.set_occurred_on()
        if not self._state.adding:  # every change moves the version on (incidents.services.incident_version_lock)
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)

    def clean(self) -> None:
        check_dates(self, INCIDENT_DATE_FIELDS)
        if self.started_on and self.ended_on and _period_end(self.ended_on, self.ended_on_precision) < self.started_on:
            raise ValidationError({"ended_on": "The end date is before the start date."})
        self.set_occurred_on()

    def set_occurred_on(self) -> None:
        """Derive `occurred_on` from the best known date of the attack."""
        for field in ("started_on", "detected_on", "disclosed_on"):
            if getattr(self, field):
                self.occurred_on = getattr(self, field)
                self.occurred_on_precision = getattr(self, f"{field}_precision")
                return
        self.occurred_on, self.occurred_on_precision = None, DatePrecision.UNKNOWN

    def occurred_display(self) -> str:
        return format_date(self.occurred_on, self.occurred_on_precision)


def _period_end(value: dt.date, precision: str) -> dt.date:
    """The last day a date of the given precision may stand for."""
    if precision == DatePrecision.YEAR:
        return value.replace(month=12, day=31)
    if precision == DatePrecision.MONTH:
        next_month = value.replace(day=28) + dt.timedelta(days=4)
        return next_month - dt.timedelta(days=next_month.day)
    return value


class Source(models.Model):
    """One document a fact rests on: a news article, a government statement, a vendor report, a dataset."""

    # NULL, not "", for the keys: uploads have no URL and unique constraints must not see them as equal.
    url = models.URLField(max_length=2000, null=True, blank=True)  # noqa: DJ001
    normalized_url = models.CharField(max_length=2000, null=True, blank=True, editable=False)  # noqa: DJ001
    title = models.CharField(max_length=500, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    author = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=24, choices=SourceKind.choices, default=SourceKind.NEWS)
    language = models.CharField(max_length=16, blank=True, help_text="Language code, e.g. en.")
    published_on = models.DateField(null=True, blank=True)
    published_on_precision = precision_field("published on precision")
    text = models.TextField(blank=True, help_text="Extracted text; quotes are checked against it.")
    content_sha256 = models.CharField(max_length=64, null=True, blank=True, editable=False)  # noqa: DJ001 (as url)
    retrieved_at = models.DateTimeField(null=True, blank=True, help_text="When the text was fetched (access date).")
    reliability = models.CharField(max_length=1, choices=Reliability.choices, blank=True)
    external_id = external_id_field()  # noqa: DJ001 (NULL: records not imported have none)
    review_status = models.CharField(max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT)
    tlp = models.CharField("TLP", max_length=16, choices=Tlp.choices, default=Tlp.CLEAR)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["normalized_url"], name="source_normalized_url_unique"),
            models.UniqueConstraint(fields=["content_sha256"], name="source_content_sha256_unique"),
            models.CheckConstraint(condition=~models.Q(url__isnull=True, title=""), name="source_has_url_or_title"),
            precision_constraint("source", "published_on"),
        ]
        indexes = [models.Index(fields=["review_status", "tlp"])]

    def __str__(self) -> str:
        label = self.title or self.url or f"Source {self.pk}"
        return f"{label} ({self.publisher})" if self.publisher else label

    def save(self, *args, **kwargs):
        normalize_precisions(self, ["published_on"])
        self.set_keys()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.url = (self.url or "").strip() or None
        check_dates(self, {"published_on": "publication date"})
        self.set_keys()
        if self.url is None and not self.title.strip():
            raise ValidationError("A source needs a URL or a title.")

    def set_keys(self) -> None:
        """Derive the deduplication keys: the normalised URL and the hash of the stored text."""
        self.normalized_url = normalize_url(self.url) if self.url else None
        stripped = self.text.strip()
        self.content_sha256 = hashlib.sha256(stripped.encode()).hexdigest() if stripped else None

    def published_display(self) -> str:
        return format_date(self.published_on, self.published_on_precision)


class IncidentSource(models.Model):
    """A source that documents an incident (sources cited by the incident's claims count as well)."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="source_links")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="incident_links")
    note = models.CharField(max_length=300, blank=True, help_text="What this source tells about the case.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["incident", "id"]
        verbose_name = "incident source"
        constraints = [models.UniqueConstraint(fields=["incident", "source"], name="incident_source_unique")]

    def __str__(self) -> str:
        return f"{self.incident} ← {self.source}"


class CaseNote(models.Model):
    """A researcher's note on a case: leads, doubts, decisions."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    body = models.TextField()
    tlp = models.CharField("TLP", max_length=16, choices=Tlp.choices, default=Tlp.CLEAR)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = CaseNoteQuerySet.as_manager()

    class Meta:
        ordering = ["incident", "created_at", "id"]
        constraints = [models.CheckConstraint(condition=~models.Q(body=""), name="case_note_not_empty")]

    def __str__(self) -> str:
        return f"Note on {self.incident}: {self.body[:60]}"


class Clearance(models.Model):
    """The highest TLP marking one user may see; users without one see TLP:CLEAR only."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clearance")
    tlp = models.CharField("TLP clearance", max_length=16, choices=Tlp.choices, default=Tlp.CLEAR)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "TLP clearance"

    def __str__(self) -> str:
        return f"{self.user}: {self.get_tlp_display()}"


class ImportJob(models.Model):
    """One import of one input (a report URL, an uploaded file or pasted text), run by a background worker."""

    class Kind(models.TextChoices):
        REPORT = "report", "Report (article, statement, vendor report)"
        ACTORS = "actors", "Threat actors (MISP galaxy clusters)"
        STIX = "stix", "STIX 2.1 / 2.0 bundle"
        MISP_EVENT = "misp_event", "MISP event"
        DATASET = "dataset", "Incident dataset (CFR, EuRepoC, the product's CSV)"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"
        PARTIAL = "partial", "Partly imported"

    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.REPORT)
    input_url = models.URLField(max_length=2000, blank=True)
    input_name = models.CharField(max_length=255, blank=True, help_text="File name of an upload.")
    input_bytes = models.BinaryField(null=True, blank=True, editable=False)
    input_text = models.TextField(blank=True, help_text="Pasted text.")
    options = models.JSONField(default=dict, blank=True, help_text='e.g. {"published": "2022-09-07", "title": "…"}')
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    progress_message = models.CharField(max_length=300, blank=True)
    counts = models.JSONField(default=dict, blank=True)
    errors = models.JSONField(default=list, blank=True)
    result = models.JSONField(default=dict, blank=True, help_text="Ids of the source and the records drafted.")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    task_id = models.CharField(max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    lease_expires_at = models.DateTimeField(
        null=True, blank=True, help_text="Until when the running worker holds the job (renewed as it progresses)."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["input_bytes"])
    objects = ImportJobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(input_url="", input_text="", input_name=""), name="import_job_has_input"
            ),
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="import_job_progress_percent"),
        ]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        what = self.input_url or self.input_name or (self.input_text[:40] + "…")
        return f"Import {self.pk}: {what} ({self.get_status_display()})"


class Feed(models.Model):
    """An RSS or Atom feed whose new entries become report imports, polled every `interval_minutes`."""

    name = models.CharField(max_length=200)
    url = models.URLField(max_length=2000, unique=True)
    interval_minutes = models.PositiveIntegerField(default=60, help_text="How often it is polled, in minutes.")
    active = models.BooleanField(default=True)
    etag = models.CharField("ETag", max_length=500, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    last_polled_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_status = models.CharField(max_length=200, blank=True, editable=False, help_text="Outcome of the last poll.")
    last_error = models.TextField(blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["etag", "last_modified", "last_polled_at", "last_status"])

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(interval_minutes__gte=1), name="feed_interval_positive")
        ]

    def __str__(self) -> str:
        return self.name


class FeedEntry(models.Model):
    """One entry a feed delivered, remembered so that it is imported once (by its id, or else its link)."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="entries")
    key = models.CharField(max_length=2000, help_text="The entry's id, or its normalised link when it has none.")
    url = models.URLField(max_length=2000, blank=True)
    title = models.CharField(max_length=500, blank=True)
    published_on = models.DateField(null=True, blank=True)
    job = models.ForeignKey(ImportJob, null=True, blank=True, on_delete=models.SET_NULL, related_name="feed_entries")
    seen_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-seen_at", "-id"]
        verbose_name_plural = "feed entries"
        constraints = [models.UniqueConstraint(fields=["feed", "key"], name="feed_entry_unique")]

    def __str__(self) -> str:
        return self.title or self.url or self.key


class IncidentSearch(models.Model):
    """The public search document of an incident (PostgreSQL only; kept by incidents.search_index).

    It holds what an anonymous reader may search in the case: its title and summary, the quotes of its
    public statements, and the titles and texts of the public sources linked to it or cited by them. A GIN
    index over it answers the public full-text search with one index lookup. Beside it, the case's public
    dataset row, which the export streams to readers who see only public records."""

    # Derived data, rebuilt from the records at any time: no history, not in backups.
    DERIVED = True

    incident = models.OneToOneField(Incident, primary_key=True, on_delete=models.CASCADE, related_name="search")
    document = SearchVectorField(null=True)
    # The incident's public dataset row (incidents.datasets), written as the CSV export writes it (one quoted
    # line) and as the JSON export does: what an anonymous reader's export holds for it ("" when the incident
    # is not public). `row_version` names the row format they were built with ("" until built).
    csv_row = models.TextField(blank=True, editable=False)
    json_row = models.TextField(blank=True, editable=False)
    row_version = models.CharField(max_length=16, blank=True, editable=False)
    refreshed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "incident search document"

    def __str__(self) -> str:
        return f"search document of incident {self.incident_id}"
