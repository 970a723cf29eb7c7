"""The product's own dataset CSV (written by `export_dataset --format csv`) read back: one incident per
row with its claims, reactions, consequences and sources.

An incident is found again by its external id (when the row has one) or its slug; a statement by its
key (its external id in the exporting database), else by what it says (the same incident, parties,
date and source), so importing an export into the database it came from changes nothing. Records
are created as drafts whatever their review status was (the file's status is informational); their
TLP markings are kept.
"""

import csv
import datetime as dt
import hashlib
import io
import json

from django.db import transaction

from attribution.codebook import PartyKind, ReviewStatus
from attribution.models import Attribution, Consequence, Party, Reaction
from incidents.datasets import CSV_COLUMNS, FORMAT_VERSION, LIST_FIELDS
from incidents.importers import ImportFailure, ImportResult, Progress, item_error
from incidents.importers.records import Records, dated
from incidents.models import Incident

REASON = "dataset CSV import"
REQUIRED = {"slug", "title", "attributions", "reactions", "consequences", "sources", "format_version"}
MAX_FIELD = 50_000_000
DATE_FIELDS = ("started_on", "ended_on", "detected_on", "disclosed_on")


def import_csv(content: bytes, *, options: dict, user, progress: Progress) -> ImportResult:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailure(f"The file is not UTF-8 text (byte {error.start}).") from error
    csv.field_size_limit(MAX_FIELD)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        missing = REQUIRED - set(reader.fieldnames or [])
        rows = [(reader.line_num, row) for row in reader] if not missing else []
    except csv.Error as error:
        raise ImportFailure(f"Not a readable CSV file: {error}.") from error
    if missing:
        raise ImportFailure(
            "Not the product's dataset CSV (export_dataset --format csv): missing column(s) "
            + ", ".join(sorted(missing))
            + "."
        )
    result = ImportResult()
    records = Records(user=user, reason=REASON, counts=result.counts)
    for done, (line, row) in enumerate(rows, start=1):
        try:
            with transaction.atomic():
                _import_row(row, records)
        except Exception as error:  # one bad row is listed with its line, the others still import
            records.forget()
            result.problems.append(f"line {line} ({(row.get('slug') or '?')[:80]}): {item_error(error)}")
            result.counts["skipped"] += 1
        else:
            result.counts["rows"] += 1
        progress(done, len(rows), "Incidents")
    result.details = {"format": "csv", "incidents": len(rows), "columns": len(CSV_COLUMNS)}
    return result


# --- One row ----------------------------------------------------------------------------------------------
def _import_row(row: dict, records: Records) -> None:
    version = (row.get("format_version") or "").strip()
    if version.split(".")[0] != FORMAT_VERSION.split(".")[0]:
        raise ValueError(f"format version {version!r} is not {FORMAT_VERSION} (this product's)")
    slug = (row.get("slug") or "").strip()
    if not slug:
        raise ValueError("the row has no slug")
    statements = {name: _json_list(row, name) for name in ("attributions", "reactions", "consequences", "sources")}
    incident = _incident(row, slug, records)
    sources = [_source(item, records) for item in statements["sources"]]
    for source in sources:
        records.link_source(incident, source)
    claims = [_claim(item, incident, sources, records, slug) for item in statements["attributions"]]
    for item in statements["reactions"]:
        _reaction(item, incident, sources, claims, records, slug)
    for item in statements["consequences"]:
        _consequence(item, incident, sources, claims, records, slug)


def _json_list(row: dict, name: str) -> list[dict]:
    value = (row.get(name) or "").strip() or "[]"
    try:
        items = json.loads(value)
    except json.JSONDecodeError as error:
        raise ValueError(f"the {name} column is not JSON ({error.msg} at {error.pos})") from error
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise ValueError(f"the {name} column is not a JSON list of objects")
    return items


def _incident(row: dict, slug: str, records: Records) -> Incident:
    external_id = (row.get("external_id") or "").strip() or None
    values = {
        "title": (row.get("title") or "").strip(),
        "summary": row.get("summary") or "",
        "status": row.get("status") or "new",
        "tlp": row.get("tlp") or "clear",
        "sector": row.get("sector") or "",
        "severity": int(row["severity"]) if (row.get("severity") or "").strip() else None,
    }
    for field in LIST_FIELDS:
        values[field] = [code.strip() for code in (row.get(field) or "").split(";") if code.strip()]
    for field in DATE_FIELDS:
        values.update(dated(field, _date(row.get(field)), row.get(f"{field}_precision") or "day"))
    lookup = {"external_id": external_id} if external_id else {"slug": slug}
    found = Incident.objects.filter(**lookup).first() or (
        Incident.objects.filter(slug=slug).first() if external_id else None
    )
    if found is not None:
        return records.upsert(Incident, lookup={"pk": found.pk}, values=values)
    return records.upsert(
        Incident,
        lookup={"slug": slug},
        values={**values, "external_id": external_id, "review_status": ReviewStatus.DRAFT},
    )


def _date(value: str | None) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise ValueError(f"{value!r} is not a date written YYYY-MM-DD") from error


def _source(item: dict, records: Records):
    return records.source(
        url=item.get("url") or None,
        title=item.get("title") or "",
        kind=item.get("kind") or "other",
        publisher=item.get("publisher") or "",
        published_on=_date(item.get("published_on")),
        external_id=item.get("external_id") or None,
        language=item.get("language") or "",
        retrieved_at=_moment(item.get("retrieved_at")),
    )


def _moment(value: str | None):
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError as error:
        raise ValueError(f"{value!r} is not a date and time written in ISO 8601") from error


def _party(item: dict | None, records: Records) -> Party | None:
    if not item:
        return None
    name, kind, country = (item.get("name") or "").strip(), item.get("kind") or "", item.get("country") or ""
    if not name or kind not in PartyKind.values:
        raise ValueError(f"party {item!r} needs a name and a kind from the codebook")
    if kind == PartyKind.STATE and country:
        return records.state(country)
    parent = records.state(country) if country and kind in (PartyKind.GOVERNMENT_BODY, PartyKind.PERSON) else None
    return records.party(name, kind=kind, country=country, parent=parent)


def _common(item: dict, incident: Incident, sources: list, records: Records) -> dict:
    number = item.get("source")
    if not isinstance(number, int) or not 0 <= number < len(sources):
        raise ValueError(f"a statement refers to source {number!r}, which the row does not list")
    return {
        "incident": incident,
        "source": sources[number],
        "quote": item.get("quote") or "",
        "speaker": _party(item.get("speaker"), records),
        "note": item.get("note") or "",
        "tlp": item.get("tlp") or "clear",
    }


def _key(item: dict, slug: str, what: str, *parts) -> str:
    if item.get("key"):
        return str(item["key"])[:200]
    digest = hashlib.sha256(json.dumps([slug, what, *map(str, parts)]).encode()).hexdigest()[:24]
    return f"csv:{what}:{digest}"


def _said(common: dict) -> tuple[str, str]:
    """Where and in which words a statement was made: part of what tells two statements apart."""
    return common["source"].url or common["source"].title, common["quote"]


def _upsert(model, key: str, natural: dict, values: dict, records: Records, m2m: dict | None = None):
    """The statement with this key, else one saying the same (`natural`), else a new draft."""
    found = model.objects.filter(external_id=key).first() or model.objects.filter(**natural).order_by("pk").first()
    if found is not None:
        return records.upsert(model, lookup={"pk": found.pk}, values=values, m2m=m2m)
    return records.upsert(
        model, lookup={"external_id": key}, values={**values, "review_status": ReviewStatus.DRAFT}, m2m=m2m
    )


def _claim(item: dict, incident, sources, records: Records, slug: str) -> Attribution:
    common = _common(item, incident, sources, records)
    made_by, accused = _party(item.get("made_by"), records), _party(item.get("attributed_to"), records)
    if made_by is None or accused is None:
        raise ValueError("a claim needs made_by and attributed_to")
    when = dated("stated_on", _date(item.get("stated_on")), item.get("stated_on_precision") or "day")
    natural = {"incident": incident, "made_by": made_by, "attributed_to": accused, "source": common["source"]}
    natural.update(stated_on=when["stated_on"], quote=common["quote"])
    values = {
        **common,
        "made_by": made_by,
        "attributed_to": accused,
        **when,
        **{
            field: item[field]
            for field in ("stance", "attributor_type", "channel", "level", "basis", "confidence", "confidence_text")
            if item.get(field) is not None
        },
    }
    key = _key(item, slug, "attribution", made_by.name, accused.name, when["stated_on"], *_said(common))
    return _upsert(Attribution, key, natural, values, records)


def _reaction(item: dict, incident, sources, claims, records: Records, slug: str) -> None:
    common = _common(item, incident, sources, records)
    party = _party(item.get("party"), records)
    if party is None:
        raise ValueError("a reaction needs its party")
    answers = item.get("answers")
    claim = claims[answers] if isinstance(answers, int) and 0 <= answers < len(claims) else None
    when = dated("stated_on", _date(item.get("stated_on")), item.get("stated_on_precision") or "day")
    values = {**common, "party": party, "stance": item.get("stance") or "", "attribution": claim, **when}
    natural = {"incident": incident, "party": party, "stance": values["stance"], "source": common["source"]}
    natural.update(stated_on=when["stated_on"], quote=common["quote"])
    accuses = [_party(other, records) for other in item.get("accuses") or []]
    key = _key(item, slug, "reaction", party.name, values["stance"], when["stated_on"], *_said(common))
    _upsert(Reaction, key, natural, values, records, m2m={"accuses": accuses})


def _consequence(item: dict, incident, sources, claims, records: Records, slug: str) -> None:
    common = _common(item, incident, sources, records)
    initiator = _party(item.get("initiated_by"), records)
    if initiator is None:
        raise ValueError("a consequence needs initiated_by")
    values = {
        **common,
        "initiated_by": initiator,
        "target": _party(item.get("target"), records),
        "kind": item.get("kind") or "",
        "status": item.get("status") or "announced",
        "legal_instrument": item.get("legal_instrument") or "",
        "description": item.get("description") or "",
        **dated("announced_on", _date(item.get("announced_on")), item.get("announced_on_precision") or "day"),
        **dated("effective_on", _date(item.get("effective_on")), item.get("effective_on_precision") or "day"),
    }
    relies_on = [claims[n] for n in item.get("relies_on") or [] if isinstance(n, int) and 0 <= n < len(claims)]
    natural = {
        "incident": incident,
        "initiated_by": initiator,
        "target": values["target"],
        "kind": values["kind"],
        "source": common["source"],
        "announced_on": values["announced_on"],
        "quote": common["quote"],
    }
    target = values["target"].name if values["target"] else ""
    key = _key(
        item, slug, "consequence", initiator.name, target, values["kind"], values["announced_on"], *_said(common)
    )
    _upsert(Consequence, key, natural, values, records, m2m={"relies_on": relies_on})
