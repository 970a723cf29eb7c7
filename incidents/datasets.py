"""The product's own dataset format: one row per incident, streamed, readable back by
`import_dataset --format csv` (docs/datasets.md, "The product's CSV"); and the same incidents as one
STIX 2.1 bundle (`stix`), each case rendered as its case report's STIX objects.

A row holds the incident's fields as plain columns, summary columns a spreadsheet user can filter
on (accused, accusers, denials, consequence kinds), and the case's statements and sources as JSON
arrays, so a row carries its whole case. Only what the requesting user may see is written.
Incidents are read in chunks with their statements prefetched: memory stays flat however many rows.
On PostgreSQL the rows are assembled in SQL (incidents.datasets_sql), and each incident's public row is
stored written (incidents.search_index): readers who see only public records get those stored lines.
"""

import csv
import io
import json
import uuid
from collections.abc import Iterable, Iterator

import orjson
from django.contrib.auth.models import AnonymousUser
from django.db import connections, models

from attribution.access import sees_public_only
from attribution.models import Attribution, Consequence, Party, Reaction
from incidents.models import Incident, IncidentSource, Source

FORMAT_VERSION = "1.0"
CHUNK = 500
INCIDENT_FIELDS = [
    "slug",
    "title",
    "status",
    "review_status",
    "tlp",
    "started_on",
    "started_on_precision",
    "ended_on",
    "ended_on_precision",
    "detected_on",
    "detected_on_precision",
    "disclosed_on",
    "disclosed_on_precision",
    "types",
    "victim_countries",
    "target_categories",
    "sector",
    "severity",
    "summary",
    "external_id",
]
SUMMARY_FIELDS = ["attributed_to", "attributed_by", "first_attribution_on", "denied_by", "consequence_kinds"]
JSON_FIELDS = ["attributions", "reactions", "consequences", "sources"]
CSV_COLUMNS = [*INCIDENT_FIELDS, *SUMMARY_FIELDS, *JSON_FIELDS, "format_version"]
LIST_FIELDS = {"types", "victim_countries", "target_categories"}


def dataset_incidents(incidents: models.QuerySet, *, user) -> Iterator[dict]:
    """One JSON-ready dict per incident the user may see, with its visible statements and sources
    (assembled by PostgreSQL there: incidents.datasets_sql; by the ORM elsewhere)."""
    if connections[incidents.db].vendor == "postgresql":
        from incidents.datasets_sql import dataset_rows_sql

        return dataset_rows_sql(incidents, user=user)
    return dataset_incidents_orm(incidents, user=user)


def dataset_incidents_orm(incidents: models.QuerySet, *, user) -> Iterator[dict]:
    """The rows, built from model instances (chunks of CHUNK incidents with their statements prefetched)."""
    visible = incidents.visible_to(user).order_by("pk")

    def statements(model):
        return model.objects.visible_to(user).with_api_relations(user).order_by("pk")

    links = IncidentSource.objects.filter(source__in=Source.objects.visible_to(user)).select_related("source")
    prefetched = visible.prefetch_related(
        models.Prefetch("attributions", statements(Attribution), "dataset_attributions"),
        models.Prefetch("reactions", statements(Reaction), "dataset_reactions"),
        models.Prefetch("consequences", statements(Consequence), "dataset_consequences"),
        models.Prefetch("source_links", links.order_by("pk"), "dataset_links"),
    )
    for incident in prefetched.iterator(chunk_size=CHUNK):
        yield _incident(incident)


def _incident(incident: Incident) -> dict:
    sources: list[Source] = []
    index: dict[int, int] = {}

    def source_number(source: Source) -> int:
        if source.pk not in index:
            index[source.pk] = len(sources)
            sources.append(source)
        return index[source.pk]

    for link in incident.dataset_links:
        source_number(link.source)
    claims = incident.dataset_attributions
    claim_numbers = {claim.pk: number for number, claim in enumerate(claims)}
    row = {field: _plain(getattr(incident, field)) for field in INCIDENT_FIELDS}
    row["attributions"] = [
        {
            **_statement(claim, source_number),
            "made_by": _party(claim.made_by),
            "attributed_to": _party(claim.attributed_to),
            "stance": claim.stance,
            **_dated(claim, "stated_on"),
            "attributor_type": claim.attributor_type,
            "channel": claim.channel,
            "level": claim.level,
            "basis": claim.basis,
            "confidence": claim.confidence,
            "confidence_text": claim.confidence_text,
        }
        for claim in claims
    ]
    row["reactions"] = [
        {
            **_statement(reaction, source_number),
            "party": _party(reaction.party),
            "stance": reaction.stance,
            **_dated(reaction, "stated_on"),
            "answers": claim_numbers.get(reaction.attribution_id),
            "accuses": [_party(party) for party in reaction.accuses.all()],
        }
        for reaction in incident.dataset_reactions
    ]
    row["consequences"] = [
        {
            **_statement(measure, source_number),
            "initiated_by": _party(measure.initiated_by),
            "target": _party(measure.target) if measure.target_id else None,
            "kind": measure.kind,
            "status": measure.status,
            **_dated(measure, "announced_on"),
            **_dated(measure, "effective_on"),
            "legal_instrument": measure.legal_instrument,
            "description": measure.description,
            "relies_on": sorted(claim_numbers[c.pk] for c in measure.relies_on.all() if c.pk in claim_numbers),
        }
        for measure in incident.dataset_consequences
    ]
    row["sources"] = [_source(source) for source in sources]
    standing = [c for c in claims if c.stance in ("attributes", "endorses")]
    row["attributed_to"] = _names(c.attributed_to for c in standing)
    row["attributed_by"] = _names(c.made_by for c in standing)
    dates = sorted(c.stated_on for c in standing if c.stated_on)
    row["first_attribution_on"] = dates[0].isoformat() if dates else ""
    row["denied_by"] = _names(r.party for r in incident.dataset_reactions if r.stance == "denial")
    row["consequence_kinds"] = "; ".join(dict.fromkeys(m.kind for m in incident.dataset_consequences))
    row["format_version"] = FORMAT_VERSION
    return row


def _statement(record, source_number) -> dict:
    return {
        "key": record.external_id or "",
        "quote": record.quote,
        "speaker": _party(record.speaker) if record.speaker_id else None,
        "source": source_number(record.source),
        "note": record.note,
        "review_status": record.review_status,
        "tlp": record.tlp,
    }


def _party(party: Party) -> dict:
    return {"name": party.name, "kind": party.kind, "country": party.country}


def _dated(record, field: str) -> dict:
    return {field: _plain(getattr(record, field)), f"{field}_precision": getattr(record, f"{field}_precision")}


def _source(source: Source) -> dict:
    return {
        "url": source.url or "",
        "title": source.title,
        "publisher": source.publisher,
        "kind": source.kind,
        "language": source.language,
        "published_on": _plain(source.published_on),
        "published_on_precision": source.published_on_precision,
        "retrieved_at": source.retrieved_at.isoformat() if source.retrieved_at else "",
        "review_status": source.review_status,
        "tlp": source.tlp,
        "external_id": source.external_id or "",
    }


def _names(parties: Iterable[Party]) -> str:
    return "; ".join(dict.fromkeys(str(party) for party in parties))


def _plain(value):
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


# --- Writers ----------------------------------------------------------------------------------------------
class WrittenRow(str):
    """A row already written in its writer's format (a stored public row: incidents.datasets_sql.stored_rows);
    the writers pass it through as it is."""


def csv_lines(rows: Iterable[dict | WrittenRow]) -> Iterator[str]:
    """The header, then one CSV line per incident (lists joined with "; ", statements as JSON)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    yield _drain(buffer)
    for row in rows:
        if isinstance(row, WrittenRow):
            yield row
            continue
        writer.writerow(_csv_cells(row))
        yield _drain(buffer)


def _csv_cells(row: dict) -> dict:
    cells = {}
    for column in CSV_COLUMNS:
        value = row.get(column, "")
        if column in LIST_FIELDS:
            value = "; ".join(value)
        elif column in JSON_FIELDS:
            value = orjson.dumps(value).decode()
        cells[column] = value
    return cells


def json_chunks(rows: Iterable[dict | WrittenRow]) -> Iterator[str]:
    """One JSON document, `{"format": …, "version": …, "incidents": [...]}`, written row by row."""
    yield f'{{"format":"attribution-tracker/dataset","version":"{FORMAT_VERSION}","incidents":['
    first = True
    for row in rows:
        yield ("" if first else ",") + (row if isinstance(row, WrittenRow) else _json_text(row))
        first = False
    yield "]}\n"


def _json_text(row: dict) -> str:
    return orjson.dumps(row).decode()


def written_rows(rows: Iterable[dict]) -> Iterator[tuple[str, str]]:
    """Each row as the CSV writer writes its line and as the JSON writer writes it (what is stored)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    for row in rows:
        writer.writerow(_csv_cells(row))
        yield _drain(buffer), _json_text(row)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


# --- STIX ---------------------------------------------------------------------------------------------------
def stix_cases(incidents: models.QuerySet, *, user) -> Iterator[dict]:
    """The case report context of each incident the user may see, one at a time (cases a report never
    shows, rejected ones, are left out, as everywhere in reports)."""
    from incidents.reports.context import case_report_context

    reader = user or AnonymousUser()
    for incident in incidents.visible_to(user).order_by("pk").only("pk").iterator(chunk_size=CHUNK):
        try:
            yield case_report_context(incident, user=reader)
        except Incident.DoesNotExist:
            continue


def stix_chunks(contexts: Iterable[dict]) -> Iterator[str]:
    """One STIX 2.1 bundle: the envelope, then each case's objects one per line, an object shared by several
    cases (a state, a party, a location, a marking) written once: only the set of ids written is kept."""
    from incidents.reports.stix import case_objects

    yield f'{{"type":"bundle","id":"bundle--{uuid.uuid4()}","objects":['
    written: set[str] = set()
    for context in contexts:
        for obj in case_objects(context):
            if obj["id"] in written:
                continue
            yield ("\n" if not written else ",\n") + json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
            written.add(obj["id"])
    yield "\n]}\n"


# format -> (writer of the rows, content type, file extension); `dataset_rows` gives each writer its rows.
WRITERS = {
    "csv": (csv_lines, "text/csv; charset=utf-8", "csv"),
    "json": (json_chunks, "application/json", "json"),
    "stix": (stix_chunks, "application/stix+json;version=2.1", "stix.json"),
}
ROWS = {"stix": stix_cases}


def dataset_rows(fmt: str, incidents: models.QuerySet, *, user) -> Iterator[dict]:
    """What the writer of `fmt` takes: case report contexts for STIX, dataset rows for CSV and JSON. A reader
    who sees only public records gets the stored public rows on PostgreSQL, already written (WrittenRow)."""
    if fmt in ("csv", "json") and connections[incidents.db].vendor == "postgresql" and sees_public_only(user):
        from incidents.datasets_sql import stored_rows

        return stored_rows(fmt, incidents, user=user)
    return ROWS.get(fmt, dataset_incidents)(incidents, user=user)
