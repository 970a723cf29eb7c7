"""Importing one report: read it, store its source once, draft the incident and the statements it makes.

Everything a report yields is written in one transaction, as drafts for a researcher to review, and
keyed so that importing the same report again changes nothing.
"""

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from attribution.codebook import ReviewStatus, SourceKind
from attribution.extraction import ExtractionResult, extract_report
from attribution.extraction.gazetteer import Entry, PartyRef, group_role
from attribution.models import Attribution, Consequence, Party, PartyAlias, Reaction
from attribution.normalize import normalize_name
from attribution.services import save_with_history
from incidents.documents import Document, document_from_bytes
from incidents.fetching import safe_fetch
from incidents.models import Incident, IncidentSource, Source
from incidents.urlnorm import normalize_url

REASON = "report import"
# Kinds of parties the Party table adds to extraction's built-in gazetteer.
KNOWN_KINDS = ("threat_group", "company", "international_org")


@dataclass
class ReadReport:
    """A report ready for extraction."""

    document: Document
    url: str | None
    title: str
    published: dt.date | None


@dataclass
class ImportOutcome:
    counts: Counter = field(default_factory=Counter)
    source: Source | None = None
    incidents: list[int] = field(default_factory=list)
    records: dict[str, list[int]] = field(
        default_factory=lambda: {"attributions": [], "reactions": [], "consequences": []}
    )


def read_report(
    *,
    url: str = "",
    content: bytes | None = None,
    name: str = "",
    text: str = "",
    published: dt.date | None = None,
    title: str = "",
) -> ReadReport:
    """Fetch (safely) or read the input and take its text, title and publication date."""
    if url:
        fetched = safe_fetch(url)
        document = document_from_bytes(fetched.content, content_type=fetched.content_type, url=fetched.url)
    elif content is not None:
        document = document_from_bytes(content, name=name)
    else:
        document = Document(text=text.strip())
    _drop_nul(document)
    title = title or document.title or _first_line_title(document.text) or (name or url or "Pasted report")
    return ReadReport(document, url or None, title[:500], published or document.published_on)


def _drop_nul(document: Document) -> None:
    """NUL characters carry nothing readable (a PDF's broken font map, a binary fragment) and PostgreSQL
    cannot store them in text."""
    for name in ("text", "title", "author", "language"):
        setattr(document, name, getattr(document, name).replace("\x00", ""))


def _first_line_title(text: str) -> str:
    """A plain-text report's first line, when it stands alone like a headline."""
    first, _, rest = text.partition("\n")
    return first.strip() if first.strip() and len(first) < 200 and rest.startswith("\n") else ""


def known_party_entries() -> list[Entry]:
    """Threat groups, companies and organisations of the Party table (names and aliases) for extraction."""
    entries = []
    parties = Party.objects.filter(kind__in=KNOWN_KINDS).exclude(review_status=ReviewStatus.REJECTED)
    for party in parties.prefetch_related("aliases"):
        ref = PartyRef(party.name, party.kind, party.country or None)
        for name in [party.name, *(alias.name for alias in party.aliases.all())]:
            if len(name) >= 3:
                entries.append(Entry(name, ref, group_role(name) if party.kind == "threat_group" else party.kind))
    return entries


def extract_from(report: ReadReport) -> ExtractionResult:
    return extract_report(report.document.text, published=report.published, extra_parties=known_party_entries())


def dry_run_document(report: ReadReport, extraction: ExtractionResult) -> dict:
    """The extraction contract's JSON: source, incidents, attributions, reactions, consequences."""
    return {
        "source": {"title": report.title, "published_on": _iso(report.published), "url": report.url},
        **extraction.as_dict(),
    }


@transaction.atomic
def report_store(report: ReadReport, extraction: ExtractionResult, *, user=None) -> ImportOutcome:
    """Write the source and the drafted records in one transaction (a second run creates nothing)."""
    writer = _Writer(user)
    source = writer.source(report)
    incident = writer.incident(extraction, source, report)
    for item in extraction.attributions:
        writer.statement(
            Attribution,
            incident,
            source,
            item,
            {
                "made_by": writer.party(item["made_by"]),
                "attributed_to": writer.party(item["attributed_to"]),
            },
            {"stated_on": item["stated_on"], "basis": [item["basis"]] if item.get("basis") else []},
        )
    for item in extraction.reactions:
        writer.statement(
            Reaction,
            incident,
            source,
            item,
            {"party": writer.party(item["party"]), "stance": item["stance"]},
            {"stated_on": item["stated_on"]},
        )
    for item in extraction.consequences:
        writer.statement(
            Consequence,
            incident,
            source,
            item,
            {
                "initiated_by": writer.party(item["initiated_by"]),
                "target": writer.party(item["target"]),
                "kind": item["kind"],
            },
            {"announced_on": item["announced_on"]},
        )
    return writer.outcome


class _Writer:
    """Finds each record by its deterministic key, creating a draft only when there is none."""

    def __init__(self, user):
        self.user = user
        self.outcome = ImportOutcome()
        self.parties: dict[tuple, Party] = {}

    def _create(self, instance):
        save_with_history(instance, user=self.user, reason=REASON)
        self.outcome.counts["created"] += 1
        return instance

    def source(self, report: ReadReport) -> Source:
        text = report.document.text
        digest = hashlib.sha256(text.strip().encode()).hexdigest() if text.strip() else None
        existing = None
        if report.url:
            existing = Source.objects.filter(normalized_url=normalize_url(report.url)).first()
        if existing is None and digest:
            existing = Source.objects.filter(content_sha256=digest).first()
        if existing is not None:
            self.outcome.counts["unchanged"] += 1
            self.outcome.source = existing
            return existing
        source = Source(
            url=report.url,
            title=report.title,
            kind=SourceKind.NEWS,
            text=text,
            author=report.document.author[:200],
            language=report.document.language[:16],
            published_on=report.published,
            retrieved_at=timezone.now() if report.url else None,
            review_status=ReviewStatus.DRAFT,
        )
        self.outcome.source = self._create(source)
        return source

    def incident(self, extraction: ExtractionResult, source: Source, report: ReadReport) -> Incident:
        linked = Incident.objects.filter(source_links__source=source).first()
        drafted = extraction.incidents[0] if extraction.incidents else None
        incident = linked or (self._matching_incident(drafted) if drafted else None)
        if incident is None:
            incident = self._create(self._new_incident(drafted, source, report))
        else:
            self.outcome.counts["unchanged"] += 1
        if not IncidentSource.objects.filter(incident=incident, source=source).exists():
            self._create(IncidentSource(incident=incident, source=source))
        self.outcome.incidents.append(incident.pk)
        return incident

    @staticmethod
    def _matching_incident(drafted: dict) -> Incident | None:
        """An incident with the same victim within a week of the same date (a month, if only the month is known)."""
        when = dt.date.fromisoformat(drafted["occurred_on"])
        slack = dt.timedelta(days=7 if drafted["date_precision"] == "day" else 31)
        candidates = Incident.objects.filter(occurred_on__range=(when - slack, when + slack))
        for code in drafted["victim_countries"]:
            match = candidates.filter(victim_countries__has=code).order_by("id").first()
            if match is not None:
                return match
        return None

    @staticmethod
    def _new_incident(drafted: dict | None, source: Source, report: ReadReport) -> Incident:
        title = drafted["title"] if drafted else f"Incident reported in: {report.title}"[:300]
        suffix = (source.content_sha256 or normalize_url(source.url or str(source.pk)))[:8]
        incident = Incident(title=title, slug=f"{slugify(title)[:100]}-{suffix}", review_status=ReviewStatus.DRAFT)
        if drafted:
            incident.started_on = dt.date.fromisoformat(drafted["occurred_on"])
            incident.started_on_precision = drafted["date_precision"]
            incident.victim_countries = drafted["victim_countries"]
            incident.types = drafted["types"]
        return incident

    def party(self, ref: dict, parent: Party | None = None) -> Party:
        key = (ref["kind"], ref["country"], normalize_name(ref["name"]))
        if key not in self.parties:
            self.parties[key] = self._find_party(ref) or self._create(
                Party(
                    name=ref["name"],
                    kind=ref["kind"],
                    country=ref["country"] or "",
                    parent=parent,
                    review_status=ReviewStatus.DRAFT,
                )
            )
        return self.parties[key]

    def person(self, name: str, speaks_for: Party) -> Party:
        """The person who made a statement, under the state (or organisation) they speak for."""
        return self.party({"name": name, "kind": "person", "country": speaks_for.country or None}, parent=speaks_for)

    @staticmethod
    def _find_party(ref: dict) -> Party | None:
        if ref["kind"] == "state" and ref["country"]:
            return Party.objects.filter(kind="state", country=ref["country"]).order_by("id").first()
        key = normalize_name(ref["name"])
        named = Party.objects.filter(kind=ref["kind"], normalized_name=key).order_by("id").first()
        if named is not None:
            return named
        alias = PartyAlias.objects.filter(normalized=key, party__kind=ref["kind"]).select_related("party").first()
        return alias.party if alias else None

    def statement(self, model, incident: Incident, source: Source, item: dict, keys: dict, extra: dict) -> None:
        existing = model.objects.filter(incident=incident, source=source, **keys).first()
        name = model._meta.verbose_name_plural.replace(" ", "_")
        if existing is not None:
            self.outcome.counts["unchanged"] += 1
            self.outcome.records[name].append(existing.pk)
            return
        dates = {
            field: dt.date.fromisoformat(value) if value else None
            for field, value in extra.items()
            if field.endswith("_on")
        }
        others = {field: value for field, value in extra.items() if not field.endswith("_on")}
        record = model(incident=incident, source=source, review_status=ReviewStatus.DRAFT, **keys, **dates, **others)
        actor = next(iter(keys.values()))  # made_by, party or initiated_by: whom the speaker speaks for
        if item.get("speaker"):
            record.speaker = self.person(item["speaker"], actor)
        record.quote, record.quote_start, record.quote_end = _quote_in(source.text, item)
        self.outcome.records[name].append(self._create(record).pk)


def _quote_in(text: str, item: dict) -> tuple[str, int | None, int | None]:
    """The extracted quote with its offsets in the stored text (found again if the text moved)."""
    quote, start = item["quote"], item["quote_start"]
    if text[start : start + len(quote)] == quote:
        return quote, start, start + len(quote)
    found = text.find(quote)
    return (quote, found, found + len(quote)) if found >= 0 else ("", None, None)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
