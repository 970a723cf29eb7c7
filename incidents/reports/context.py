"""The case report context: one JSON-ready snapshot of one case as one user may see it.

Every format (HTML, PDF, Markdown, JSON, STIX) renders from this dict only, so they never
disagree. Records come through the same `visible_to` filters as the API (TLP clearance and review
status by role); rejected records never appear, not even for reviewers. docs/case-reports.md
documents the keys; bump `VERSION` when a key changes meaning or disappears.
"""

import datetime as dt
import hashlib
import json

from django.db import models
from django.db.models import Exists, JSONField, OuterRef, Q, Subquery
from django.db.models.functions import JSONObject
from django.utils import timezone

from attribution.access import TLP_ORDER, clearance_of, has_role, role_of
from attribution.codebook import (
    AttributionBasis,
    IncidentType,
    ReactionStance,
    ReviewStatus,
    TargetCategory,
    Tlp,
)
from attribution.countries import country_name
from attribution.dates import format_date, sort_key
from attribution.models import Attribution, Consequence, Party, PartyAlias, PartyExternalId, Reaction
from incidents.models import Incident, Source
from incidents.selectors import timeline_from_records

SCHEMA = "attribution-tracker/case-report"
VERSION = "1.1"

# How a claim's stance reads between its two parties: "Albania attributed the attack to Iran".
STANCE_PHRASES = {
    "attributes": "attributed the attack to",
    "endorses": "endorsed the attribution to",
    "contests": "contested the attribution to",
    "retracts": "retracted the attribution to",
}
# TLP 2.0 (FIRST): what a recipient may do with a report carrying the marking.
TLP_SHARING = {
    Tlp.CLEAR: "Recipients may share this without limit.",
    Tlp.GREEN: "Recipients may share this within their community, not through publicly accessible channels.",
    Tlp.AMBER: "Recipients may share this on a need-to-know basis within their organisation and its clients only.",
    Tlp.AMBER_STRICT: "Recipients may share this on a need-to-know basis within their organisation only.",
    Tlp.RED: "For the named recipients only; no further disclosure.",
}


def case_report_context(incident: Incident, *, user) -> dict:
    """The report of `incident` as `user` may see it; raises Incident.DoesNotExist when they may not see the case."""
    records = _CaseRecords(incident, user)
    refs = _Refs(records)
    content = {
        "schema": SCHEMA,
        "version": VERSION,
        "tlp": _tlp(records.all_marked()),
        "audience": {
            "role": role_of(user),
            "clearance": clearance_of(user),
            "clearance_label": Tlp(clearance_of(user)).label,
            "drafts_visible": has_role(user, "researcher"),
        },
        "case": _case(records.case),
        "victims": _victims(records.case, records.victims),
        "timeline": [_event(event, refs) for event in records.timeline()],
        "attribution": _narrative(records, refs),
        "consequences": [_consequence(measure, refs) for measure in records.consequences],
        "related_incidents": [_related(other, refs) for other in records.related],
        "sources": [_source(source, refs) for source in records.sources],
        "parties": [_party_details(party, records) for party in sorted(records.parties(), key=_by_name)],
        "counts": records.counts(),
    }
    return {
        **content,
        "generated_at": _iso(timezone.now()),
        "data_version": {
            "sha256": hashlib.sha256(canonical_json(content)).hexdigest(),
            "records": records.row_count(),
            "last_updated": _iso(records.last_updated()),
        },
    }


def canonical_json(value) -> bytes:
    """Sorted-key compact UTF-8 JSON: the bytes the data version hashes."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _reportable(model: type[models.Model], user) -> models.QuerySet:
    """Rows the user may see (as in the API) that are not rejected and rest on no rejected row."""
    rows = model.objects.visible_to(user).exclude(review_status=ReviewStatus.REJECTED)
    for relation in (*rows.REQUIRED_RELATIONS, *rows.OPTIONAL_RELATIONS):
        rows = rows.exclude(**{f"{relation}__review_status": ReviewStatus.REJECTED})
    return rows


class _JSONList(models.Aggregate):
    """The aggregated values as one JSON array (SQLite's json_group_array, PostgreSQL's jsonb_agg)."""

    function = "JSON_GROUP_ARRAY"
    output_field = JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="JSONB_AGG", **extra_context)


def _json_list(model: type[models.Model], value) -> Subquery:
    """A party's rows of `model` (aliases, external ids) as one JSON array, for a subquery per party."""
    rows = model.objects.filter(party=OuterRef("pk")).order_by().values("party")
    return Subquery(rows.annotate(values=_JSONList(value)).values("values"), output_field=JSONField())


def _by_name(party: Party) -> tuple:
    return party.name, party.pk


def _by_date(records: list, field: str) -> list:
    return sorted(records, key=lambda r: (*sort_key(getattr(r, field), getattr(r, f"{field}_precision")), r.pk))


class _CaseRecords:
    """The case and every record of it the user may see, fetched in a constant number of queries."""

    def __init__(self, incident: Incident, user):
        self.case = _reportable(Incident, user).filter(pk=incident.pk).first()
        if self.case is None:
            raise Incident.DoesNotExist(f"No case {incident.pk} visible to this user.")
        claims = _reportable(Attribution, user).filter(incident=self.case).with_api_relations(user)
        reactions = _reportable(Reaction, user).filter(incident=self.case).with_api_relations(user)
        measures = _reportable(Consequence, user).filter(incident=self.case).with_api_relations(user)
        self.claims = _by_date(list(claims), "stated_on")
        self.reactions = _by_date(list(reactions), "stated_on")
        self.consequences = _by_date(list(measures), "announced_on")
        self.victims, self.party_ids = self._parties_with_ids(user)
        self.related = _by_date(list(_reportable(Incident, user).filter(related_incidents=self.case)), "occurred_on")
        linked = _reportable(Source, user).filter(incident_links__incident=self.case)
        sources = {source.pk: source for source in linked}
        for record in self.statements():
            sources.setdefault(record.source_id, record.source)
        self.sources = _by_date(list(sources.values()), "published_on")

    def statements(self) -> list:
        return [*self.claims, *self.reactions, *self.consequences]

    def _parties_with_ids(self, user) -> tuple[list[Party], dict[int, tuple[list, list]]]:
        """The victims the user may see, and (aliases, external ids) of every party the report shows: one query
        for the victims and the parties of the statements (fetched with them), each with its aliases and
        external ids aggregated as JSON."""
        victims = _reportable(Party, user).filter(incidents_suffered=self.case)
        named = {party.pk for record in self.statements() for party in _parties_of(record)}
        for reaction in self.reactions:
            named.update(party.pk for party in self.accused_by(reaction))
        rows = (
            Party.objects.filter(Q(pk__in=named) | Q(pk__in=victims.values("pk")))
            .annotate(
                is_victim=Exists(victims.filter(pk=OuterRef("pk"))),
                alias_list=_json_list(PartyAlias, "name"),
                external_list=_json_list(PartyExternalId, JSONObject(system="system", value="value", url="url")),
            )
            .order_by("name", "pk")
        )
        found = list(rows)
        ids = {party.pk: (party.alias_list or [], party.external_list or []) for party in found}
        return [party for party in found if party.is_victim], ids

    def accused_by(self, reaction: Reaction) -> list[Party]:
        """Whom a counter-accusation blames instead (rejected parties left out)."""
        return [party for party in reaction.accuses.all() if party.review_status != ReviewStatus.REJECTED]

    def parties(self) -> list[Party]:
        found = {party.pk: party for party in self.victims}
        for record in self.statements():
            for party in _parties_of(record):
                found.setdefault(party.pk, party)
        for reaction in self.reactions:
            found.update({party.pk: party for party in self.accused_by(reaction)})
        return list(found.values())

    def all_marked(self) -> list[models.Model]:
        """Every row the report shows: the case, statements, sources, related cases and parties."""
        return [self.case, *self.statements(), *self.sources, *self.related, *self.parties()]

    def timeline(self):
        return timeline_from_records(
            self.case,
            attributions=self.claims,
            reactions=self.reactions,
            consequences=self.consequences,
            related=self.related,
        )

    def row_count(self) -> int:
        return len({(type(row), row.pk) for row in self.all_marked()})

    def last_updated(self) -> dt.datetime:
        return max(row.updated_at for row in self.all_marked())

    def counts(self) -> dict:
        rows = self.all_marked()
        return {
            "claims": len(self.claims),
            "reactions": len(self.reactions),
            "denials": sum(r.stance == ReactionStance.DENIAL for r in self.reactions),
            "consequences": len(self.consequences),
            "sources": len(self.sources),
            "related_incidents": len(self.related),
            "drafts": len({(type(r), r.pk) for r in rows if r.review_status == ReviewStatus.DRAFT}),
        }


def _parties_of(record) -> list[Party]:
    """The parties a statement names (who made it, about whom, who spoke)."""
    fields = ("made_by", "attributed_to", "party", "initiated_by", "target", "speaker")
    return [party for field in fields if (party := getattr(record, field, None)) is not None]


class _Refs:
    """Short references within one report: C1 for claims, R1 reactions, M1 measures, I1 related cases, 1 sources."""

    def __init__(self, records: _CaseRecords):
        self.by_record: dict[tuple, str] = {(Incident, records.case.pk): "case"}
        for prefix, rows in (("C", records.claims), ("R", records.reactions), ("M", records.consequences)):
            self.by_record.update({(type(row), row.pk): f"{prefix}{n}" for n, row in enumerate(rows, 1)})
        self.by_record.update({(Incident, row.pk): f"I{n}" for n, row in enumerate(records.related, 1)})
        self.sources = {source.pk: n for n, source in enumerate(records.sources, 1)}

    def of(self, record) -> str | None:
        return self.by_record.get((type(record), record.pk)) if record is not None else None


# --- Pieces -----------------------------------------------------------------------------------------------
def _iso(moment: dt.datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _iso_ms(moment: dt.datetime) -> str:
    """A record's own time in UTC to the millisecond (STIX timestamps are written from these)."""
    moment = moment.astimezone(dt.UTC)
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{moment.microsecond // 1000:03d}Z"


def _record_keys(record) -> dict:
    """The keys every record carries for exports that need them (STIX ids and versions)."""
    return {
        "external_id": getattr(record, "external_id", None) or None,
        "created_at": _iso_ms(record.created_at),
        "updated_at": _iso_ms(record.updated_at),
    }


def _date(value: dt.date | None, precision: str) -> dict:
    return {"date": value.isoformat() if value else None, "precision": precision, "text": format_date(value, precision)}


def _dated(record, field: str) -> dict:
    return _date(getattr(record, field), getattr(record, f"{field}_precision"))


def _codes(values: list[str], choices) -> list[dict]:
    labels = dict(choices)
    return [{"code": code, "label": labels.get(code, code)} for code in values]


def _marking(record) -> dict:
    return {"review_status": record.review_status, "tlp": record.tlp}


def _tlp(rows: list[models.Model]) -> dict:
    highest = max((Tlp(row.tlp) for row in rows), key=TLP_ORDER.index, default=Tlp.CLEAR)
    return {"code": highest.value, "label": highest.label, "sharing": TLP_SHARING[highest]}


def _party(party: Party | None) -> dict | None:
    if party is None:
        return None
    return {
        "id": party.pk,
        "name": party.name,
        "kind": party.kind,
        "kind_label": party.get_kind_display(),
        "country": party.country or None,
        "country_name": country_name(party.country) if party.country else None,
    }


def _case(case: Incident) -> dict:
    return {
        "id": case.pk,
        "slug": case.slug,
        "title": case.title,
        "summary": case.summary,
        "status": case.status,
        "status_label": case.get_status_display(),
        "severity": case.severity,
        "severity_label": case.get_severity_display() if case.severity else None,
        "types": _codes(case.types, IncidentType.choices),
        "dates": {
            field: _dated(case, field)
            for field in ("occurred_on", "started_on", "ended_on", "detected_on", "disclosed_on")
        },
        **_marking(case),
        **_record_keys(case),
    }


def _victims(case: Incident, victims: list[Party]) -> dict:
    return {
        "countries": [{"code": code, "name": country_name(code)} for code in case.victim_countries],
        "target_categories": _codes(case.target_categories, TargetCategory.choices),
        "sector": case.sector,
        "parties": [_party(party) for party in victims],
    }


def _event(event, refs: _Refs) -> dict:
    return {
        "date": event.date.isoformat() if event.date else None,
        "precision": event.precision,
        "date_text": event.date_text,
        "kind": event.kind,
        "label": event.label,
        "lag_text": event.lag_text,
        "lag_days": event.lag.days if event.lag else None,
        "ref": refs.of(event.record),
        "review_status": event.review_status,
    }


def _statement(record, refs: _Refs) -> dict:
    return {
        "ref": refs.of(record),
        "id": record.pk,
        "speaker": _party(record.speaker),
        "quote": record.quote,
        "note": record.note,
        "source": refs.sources[record.source_id],
        **_marking(record),
        **_record_keys(record),
    }


def _claim(claim: Attribution, refs: _Refs) -> dict:
    return {
        **_statement(claim, refs),
        "made_by": _party(claim.made_by),
        "attributed_to": _party(claim.attributed_to),
        "stance": claim.stance,
        "stance_label": claim.get_stance_display(),
        "stance_phrase": STANCE_PHRASES.get(claim.stance, claim.stance),
        "stated_on": _dated(claim, "stated_on"),
        "confidence_text": claim.confidence_text,
        "confidence": claim.confidence,
        "confidence_label": claim.get_confidence_display(),
        "basis": _codes(claim.basis, AttributionBasis.choices),
        "attributor_type": claim.attributor_type,
        "attributor_type_label": claim.get_attributor_type_display(),
        "channel": claim.channel,
        "channel_label": claim.get_channel_display(),
        "level": claim.level or None,
        "level_label": claim.get_level_display() if claim.level else None,
    }


def _reaction(reaction: Reaction, records: _CaseRecords, refs: _Refs) -> dict:
    answered = reaction.attribution  # prefetched only when the user may see it
    return {
        **_statement(reaction, refs),
        "party": _party(reaction.party),
        "stance": reaction.stance,
        "stance_label": reaction.get_stance_display(),
        "stated_on": _dated(reaction, "stated_on"),
        "answers": refs.of(answered) if answered is not None else None,
        "accuses": [_party(party) for party in records.accused_by(reaction)],
    }


def _consequence(measure: Consequence, refs: _Refs) -> dict:
    return {
        **_statement(measure, refs),
        "kind": measure.kind,
        "kind_label": measure.get_kind_display(),
        "initiated_by": _party(measure.initiated_by),
        "target": _party(measure.target),
        "announced_on": _dated(measure, "announced_on"),
        "effective_on": _dated(measure, "effective_on"),
        "status": measure.status,
        "status_label": measure.get_status_display(),
        "legal_instrument": measure.legal_instrument,
        "description": measure.description,
        "relies_on": [ref for ref in (refs.of(claim) for claim in measure.relies_on.all()) if ref],
    }


def _narrative(records: _CaseRecords, refs: _Refs) -> list[dict]:
    """Per accused party (in the order first accused): the claims against it and the reactions answering them.

    A reaction goes with the party accused by the claim it answers, else with the reacting party's own group.
    """
    groups: dict[int, dict] = {}

    def group(party: Party) -> dict:
        return groups.setdefault(party.pk, {"party": _party(party), "claims": [], "reactions": []})

    accused_of = {}
    for claim in records.claims:
        group(claim.attributed_to)["claims"].append(_claim(claim, refs))
        accused_of[claim.pk] = claim.attributed_to
    for reaction in records.reactions:
        answered = reaction.attribution
        owner = accused_of.get(answered.pk) if answered is not None else None
        group(owner or reaction.party)["reactions"].append(_reaction(reaction, records, refs))
    return list(groups.values())


def _related(other: Incident, refs: _Refs) -> dict:
    return {
        "ref": refs.of(other),
        "slug": other.slug,
        "title": other.title,
        "occurred_on": _dated(other, "occurred_on"),
        "status": other.status,
        "status_label": other.get_status_display(),
        **_marking(other),
    }


def _source(source: Source, refs: _Refs) -> dict:
    return {
        "number": refs.sources[source.pk],
        "title": source.title,
        "publisher": source.publisher,
        "url": source.url,
        "kind": source.kind,
        "kind_label": source.get_kind_display(),
        "published_on": _dated(source, "published_on"),
        "accessed_at": _iso(source.retrieved_at),
        **_marking(source),
        **_record_keys(source),
    }


def _party_details(party: Party, records: _CaseRecords) -> dict:
    """A party the report shows, once, with what exports need besides its name: aliases, the identifiers
    other catalogues give it (ATT&CK, MISP galaxy, STIX ids), description, reference links, marking, times."""
    aliases, external_ids = records.party_ids.get(party.pk, ([], []))
    return {
        **_party(party),
        "aliases": sorted(aliases),
        "external_ids": sorted(external_ids, key=lambda ext: (ext["system"], ext["value"])),
        "description": party.description,
        "references": party.references,
        **_marking(party),
        "created_at": _iso_ms(party.created_at),
        "updated_at": _iso_ms(party.updated_at),
    }
