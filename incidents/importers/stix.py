"""STIX 2.1 (and 2.0) bundles: groups, identities, countries, incidents, claims, denials, consequences.

The bundle is read whole first: it must be JSON, a bundle (or one lone STIX object), every object must
carry a well-formed type and id, and every object the importer reads is checked by stix2-validator
(schemas and MUST rules; SHOULD rules, custom objects and custom properties are allowed). An invalid
bundle is refused whole with the validator's reasons; nothing is written.

Then each object is written in its own transaction, in an order that lets references resolve: locations,
identities and groups; incidents and campaigns; reports; relationships; opinions; notes. An object that
cannot be imported (a reference that is neither in the bundle nor stored, a rule of the model broken) is
listed in the problems with its id and skipped; the rest imports. Every record keeps the STIX id it came
from (`PartyExternalId` system "stix", `external_id` "stix:<id>" on the others), so a second run over
the same bundle creates and updates nothing. Objects of other types are counted per type and skipped.
See docs (STIX import) for the mapping, written down beside the `x_attribution_consequence` property.
"""

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from dateutil.parser import isoparse
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from attribution.codebook import (
    AttributionChannel,
    AttributionLevel,
    AttributionStance,
    AttributorType,
    Confidence,
    ConsequenceKind,
    DatePrecision,
    ExternalIdSystem,
    PartyKind,
    ReactionStance,
    ReviewStatus,
    SourceKind,
    Tlp,
)
from attribution.countries import country_code, country_names
from attribution.dates import normalize_precisions
from attribution.models import Attribution, Consequence, Party, PartyAlias, PartyExternalId, PossiblySameAs, Reaction
from attribution.normalize import normalize_name
from incidents.importers import ImportFailure, ImportResult, Progress, item_error
from incidents.importers.records import NATIONAL_KINDS, Records, dated
from incidents.models import Incident, IncidentSource, Source
from incidents.urlnorm import normalize_url

REASON = "STIX bundle import"
STIX = ExternalIdSystem.STIX
CONSEQUENCE_PROPERTY = "x_attribution_consequence"
PRECISION_PROPERTY = "x_attribution_date_precision"
MAX_LISTED = 50  # validator messages listed on a refused bundle

_UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
STIX_ID = re.compile(rf"^([a-z0-9][a-z0-9-]*[a-z0-9])--{_UUID}$")
STIX_TYPE = re.compile(r"^[a-z0-9][a-z0-9-]*[a-z0-9]$")

LOCATION, IDENTITY = "location", "identity"
GROUP_TYPES = ("intrusion-set", "threat-actor")
PARTY_TYPES = (LOCATION, IDENTITY, *GROUP_TYPES)
INCIDENT_TYPES = ("incident", "campaign")
READ_TYPES = (*PARTY_TYPES, *INCIDENT_TYPES, "report", "relationship", "opinion", "note")
CONTEXT_TYPES = ("malware",)  # counted as context, not stored
SAME_AS_RELATIONSHIPS = ("revoked-by", "duplicate-of")
LOCATED_RELATIONSHIPS = ("located-at", "originates-from")
FINER_THAN_COUNTRY = ("administrative_area", "city", "street_address", "postal_code", "latitude", "longitude")

# TLP markings by their fixed STIX ids (TLP 1.0 in STIX 2.x, TLP 2.0 from OASIS cti-stix-common-objects).
TLP_MARKINGS = {
    "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9": Tlp.CLEAR,  # TLP:WHITE
    "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da": Tlp.GREEN,
    "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82": Tlp.AMBER,
    "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed": Tlp.RED,
    "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487": Tlp.CLEAR,
    "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb": Tlp.GREEN,
    "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421": Tlp.AMBER,
    "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003": Tlp.AMBER_STRICT,
    "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1": Tlp.RED,
}
TLP_ORDER = list(Tlp.values)
TLP_WORDS = {"white": Tlp.CLEAR, "clear": Tlp.CLEAR, "green": Tlp.GREEN, "amber": Tlp.AMBER, "red": Tlp.RED}
TLP_WORDS.update({"amber+strict": Tlp.AMBER_STRICT, "amber_strict": Tlp.AMBER_STRICT})

# Organisations known by name (identity_class "organization" says nothing more about them).
INTERNATIONAL_ORGS = {
    normalize_name(name)
    for name in (
        "NATO",
        "North Atlantic Treaty Organization",
        "European Union",
        "EU",
        "United Nations",
        "UN",
        "OSCE",
        "Council of the European Union",
        "European Commission",
        "Interpol",
        "Europol",
        "G7",
    )
}
# STIX 0-100 confidence -> the codebook's estimative scale; the upper bounds are the ICD-203 ranges, so
# the STIX "DNI scale" values (5, 15, 30, 50, 70, 85, 95) come back as the words they stand for.
CONFIDENCE_BANDS = (
    (5, Confidence.ALMOST_NO_CHANCE),
    (19, Confidence.VERY_UNLIKELY),
    (44, Confidence.UNLIKELY),
    (55, Confidence.ROUGHLY_EVEN),
    (79, Confidence.LIKELY),
    (94, Confidence.VERY_LIKELY),
    (100, Confidence.ALMOST_CERTAIN),
)
OPINION_REACTIONS = {
    "strongly-disagree": ReactionStance.DENIAL,
    "disagree": ReactionStance.DENIAL,
    "neutral": ReactionStance.AMBIGUOUS,
    "agree": ReactionStance.ACKNOWLEDGEMENT,
    "strongly-agree": ReactionStance.ACKNOWLEDGEMENT,
}
OPINION_STANCES = {  # an opinion by anyone but the accused: a claim of its own about the same accused
    "strongly-disagree": AttributionStance.CONTESTS,
    "disagree": AttributionStance.CONTESTS,
    "agree": AttributionStance.ENDORSES,
    "strongly-agree": AttributionStance.ENDORSES,
}
UNKNOWN_ATTRIBUTOR = ("Unknown attributor", (ExternalIdSystem.OTHER, "stix:unknown-attributor"))


class _Skip(Exception):
    """An object that is not imported for a reason that is no fault of the bundle (counted, not listed)."""


class _Problem(Exception):
    """An object that cannot be imported: listed in the problems with its id."""


# --- Reading and validating -------------------------------------------------------------------------------
@dataclass
class Bundle:
    """A bundle read whole: its objects by id (the latest version of each), in bundle order."""

    id: str
    version: str
    objects: dict[str, dict]
    total: int
    report_of: dict[str, str] = field(default_factory=dict)  # object id -> id of the first report listing it
    located: dict[str, str] = field(default_factory=dict)  # party object id -> country of its location
    markings: dict[str, str] = field(default_factory=dict)  # marking-definition id -> TLP code
    report_authors: set[str] = field(default_factory=set)  # created_by_ref of the bundle's reports

    def of_type(self, *types: str) -> list[dict]:
        return [obj for obj in self.objects.values() if obj["type"] in types]


def read_bundle(content: bytes) -> Bundle:
    """The bundle in `content`, checked; ImportFailure (nothing written) when it is not a sound one."""
    data = _json(content)
    bundle_id, version, objects = _envelope(data)
    _check_objects(objects)
    read = [obj for obj in objects if _is_read(obj)]
    _validate(data, read, version)
    latest: dict[str, dict] = {}
    for obj in objects:
        known = latest.get(obj["id"])
        if known is None or _modified(obj) >= _modified(known):
            latest[obj["id"]] = obj
    bundle = Bundle(id=bundle_id, version=version, objects=latest, total=len(objects))
    _index(bundle)
    return bundle


def _json(content: bytes):
    if not content.strip():
        raise ImportFailure("The file is empty: expected a STIX bundle (JSON).")
    try:
        return json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ImportFailure(f"Not a JSON file: {error}.") from error


def _envelope(data) -> tuple[str, str, list]:
    """(bundle id, STIX version, objects) of a bundle, or of a lone STIX object taken as a bundle of one."""
    if isinstance(data, dict) and data.get("type") == "bundle":
        objects = data.get("objects", [])
        if not isinstance(objects, list):
            raise ImportFailure('Not a STIX bundle: its "objects" is not a list.')
        version = "2.0" if data.get("spec_version") == "2.0" else "2.1"
        return str(data.get("id", "")), version, objects
    if isinstance(data, dict) and isinstance(data.get("id"), str) and STIX_ID.match(data["id"]):
        version = "2.1" if "spec_version" in data else "2.0"
        return f"bundle--{data['id'].split('--', 1)[1]}", version, [data]
    raise ImportFailure('Not a STIX bundle: expected a JSON object with "type": "bundle" and its "objects".')


def _check_objects(objects: list) -> None:
    """Every object is a JSON object with a STIX type; an object the importer does not read (and so the
    validator does not check) must still carry an id of its type."""
    problems = []
    for position, obj in enumerate(objects, start=1):
        kind = obj.get("type") if isinstance(obj, dict) else None
        ident = obj.get("id") if isinstance(obj, dict) else None
        if not isinstance(obj, dict):
            problems.append(f"object {position}: not a JSON object")
        elif not isinstance(kind, str) or not STIX_TYPE.match(kind):
            problems.append(f"object {position}: no valid STIX type ({kind!r})")
        elif _is_read(obj):
            continue
        elif not isinstance(ident, str) or not STIX_ID.match(ident) or ident.split("--", 1)[0] != kind:
            problems.append(f"object {position} ({kind}): id {ident!r} is not of the form {kind}--<UUID>")
    if problems:
        raise ImportFailure(
            f"The STIX bundle is not valid: {len(problems):,} object(s) without a valid type or id.",
            problems[:MAX_LISTED],
        )


def _relationship_role(obj: dict) -> str | None:
    """What a relationship means to the importer ("located", "targets", "attributed", "same_as"), from
    its type and the types its ends name; None for a relationship it does not read."""
    kind = obj.get("relationship_type")
    source = str(obj.get("source_ref", "")).split("--", 1)[0]
    target = str(obj.get("target_ref", "")).split("--", 1)[0]
    parties = (IDENTITY, *GROUP_TYPES)
    if kind in LOCATED_RELATIONSHIPS and source in parties and target == LOCATION:
        return "located"
    if kind == "targets" and source in INCIDENT_TYPES and target in (IDENTITY, LOCATION):
        return "targets"
    if kind == "attributed-to" and source in (*INCIDENT_TYPES, *parties) and target in PARTY_TYPES:
        return "attributed"
    if kind in SAME_AS_RELATIONSHIPS and source in GROUP_TYPES and target in GROUP_TYPES:
        return "same_as"
    return None


def _is_read(obj: dict) -> bool:
    """Whether the importer reads the object (and so the validator checks it)."""
    if obj["type"] == "relationship":
        return not isinstance(obj.get("relationship_type"), str) or _relationship_role(obj) is not None
    return obj["type"] in READ_TYPES


def _validate(data, read: list[dict], version: str) -> None:
    """stix2-validator over the bundle's envelope and the objects the importer reads: JSON schemas and
    MUST rules; every SHOULD rule off ("all"), so custom objects and properties pass."""
    from stix2validator import ValidationOptions, validate_parsed_json

    envelope = {key: value for key, value in data.items() if key != "objects"} if data.get("type") == "bundle" else {}
    if envelope:
        checked = {**envelope, "objects": read} if read else envelope
    elif read:
        checked = read[0]
    else:
        return
    results = validate_parsed_json(checked, ValidationOptions(version=version, disabled="all"))
    errors = [str(error) for result in _as_list(results) for error in result.errors]
    if errors:
        raise ImportFailure(
            f"The STIX bundle is not valid (stix2-validator, STIX {version}): {len(errors):,} error(s).",
            errors[:MAX_LISTED],
        )


def _as_list(results) -> list:
    return results if isinstance(results, list) else [results]


def _index(bundle: Bundle) -> None:
    """What later objects need to know of earlier ones: which report lists an object, where a party is
    located, what each marking means."""
    for report in bundle.of_type("report"):
        if isinstance(report.get("created_by_ref"), str):
            bundle.report_authors.add(report["created_by_ref"])
        for ref in _strings(report.get("object_refs")):
            bundle.report_of.setdefault(ref, report["id"])
    for obj in bundle.of_type("relationship"):
        if _relationship_role(obj) == "located":
            location = bundle.objects.get(obj["target_ref"])
            code = _location_country(location) if location else None
            if code:
                bundle.located.setdefault(obj["source_ref"], code)
    bundle.markings = dict(TLP_MARKINGS)
    for marking in bundle.of_type("marking-definition"):
        tlp = _marking_tlp(marking)
        if tlp:
            bundle.markings[marking["id"]] = tlp


def _marking_tlp(marking: dict) -> str | None:
    definition = marking.get("definition")
    if marking.get("definition_type") == "tlp" and isinstance(definition, dict):
        return TLP_WORDS.get(str(definition.get("tlp", "")).lower())
    name = str(marking.get("name", ""))
    return TLP_WORDS.get(name[4:].lower()) if name.upper().startswith("TLP:") else None


# --- Importing ----------------------------------------------------------------------------------------------
def import_stix(content: bytes, *, options: dict, user, progress: Progress) -> ImportResult:
    bundle = read_bundle(content)
    return _Importer(bundle, user=user).run(progress)


class _Importer:
    """Writes one bundle's objects, pass by pass, remembering what each STIX id became."""

    def __init__(self, bundle: Bundle, *, user):
        self.bundle = bundle
        self.records = Records(user=user, reason=REASON)
        self.result = ImportResult(counts=self.records.counts)
        self.imported: Counter = Counter()  # STIX type -> objects imported
        self.skipped: Counter = Counter()  # STIX type (or "relationship: <type>") -> objects skipped
        self.notes: Counter = Counter()  # what was read but not stored, and why
        self.parties: dict[str, Party] = {}
        self.incidents: dict[str, Incident] = {}
        self.sources: dict[str, Source] = {}
        self.claims: dict[str, Attribution] = {}
        self.cited: dict[str, Source] = {}  # normalised URL -> source, for external references
        self.stored = _Stored.load(bundle)

    def run(self, progress: Progress) -> ImportResult:
        passes: list[tuple[tuple[str, ...], Callable, dict | None]] = [
            ((LOCATION,), self._location, self.parties),
            ((IDENTITY,), self._identity, self.parties),
            (GROUP_TYPES, self._group, self.parties),
            (INCIDENT_TYPES, self._incident, self.incidents),
            (("report",), self._report, self.sources),
            (("relationship",), self._relationship, self.claims),
            (("opinion",), self._opinion, None),
            (("note",), self._note, None),
        ]
        relationships = sorted(self.bundle.of_type("relationship"), key=_relationship_order)
        work = [
            (obj, handler, into)
            for types, handler, into in passes
            for obj in (relationships if types == ("relationship",) else self.bundle.of_type(*types))
            if _is_read(obj)
        ]
        for done, (obj, handler, into) in enumerate(work, start=1):
            self._item(obj, handler, into)
            progress(done, len(work), "STIX objects")
        self._count_unread()
        self.result.details = self._details()
        return self.result

    def _item(self, obj: dict, handler: Callable, into: dict | None) -> None:
        """One object in its own transaction: imported whole, or skipped (and listed when at fault)."""
        try:
            with transaction.atomic():
                value = handler(obj)
        except _Skip as skip:
            self._forget()
            self.notes[str(skip)] += 1
            self.result.counts["skipped"] += 1
            return
        except Exception as error:  # one bad object is reported, the others still import
            self._forget()
            self.result.counts["skipped"] += 1
            self.result.problems.append(f"{obj['id']}: {item_error(error)}")
            return
        self.imported[obj["type"]] += 1
        if into is not None and value is not None:
            into[obj["id"]] = value

    def _forget(self) -> None:
        """Drop what was resolved so far: the rows a rolled-back object wrote are gone from the database."""
        self.records.forget()
        self.cited.clear()

    def _count_unread(self) -> None:
        for obj in self.bundle.objects.values():
            if _is_read(obj):
                continue
            if obj["type"] == "relationship":
                self.skipped[f"relationship: {obj['relationship_type']}"] += 1
            else:
                self.skipped[obj["type"]] += 1
            self.result.counts["skipped"] += 1

    def _details(self) -> dict:
        context = {kind: self.skipped[kind] for kind in CONTEXT_TYPES if self.skipped[kind]}
        types = {kind: n for kind, n in self.skipped.items() if not kind.startswith("relationship: ")}
        relationships = {kind[14:]: n for kind, n in self.skipped.items() if kind.startswith("relationship: ")}
        return {
            "bundle": self.bundle.id,
            "spec_version": self.bundle.version,
            "objects": self.bundle.total,
            "imported": dict(sorted(self.imported.items())),
            "skipped_types": dict(sorted(types.items())),
            "skipped_relationships": dict(sorted(relationships.items())),
            "context": context,
            "not_imported": dict(sorted(self.notes.items())),
        }

    # --- References ---------------------------------------------------------------------------------------
    def _party(self, ref, *, role: str) -> Party:
        """The party a reference names: imported from this bundle, or stored by an earlier import."""
        if not isinstance(ref, str) or not ref:
            raise _Problem(f"no {role} given")
        if ref in self.parties:
            return self.parties[ref]
        if ref in self.bundle.objects:
            raise _Problem(f"its {role} {ref} was not imported")
        if ref in self.stored.parties:
            return self.stored.parties[ref]
        raise _Problem(f"its {role} {ref} is neither in the bundle nor stored")

    def _incident_of(self, ref, *, role: str = "incident") -> Incident:
        if ref in self.incidents:
            return self.incidents[ref]
        if ref in self.bundle.objects:
            raise _Problem(f"its {role} {ref} was not imported")
        if ref in self.stored.incidents:
            return self.stored.incidents[ref]
        raise _Problem(f"its {role} {ref} is neither in the bundle nor stored")

    def _claim(self, ref: str) -> Attribution | None:
        return self.claims.get(ref) or (None if ref in self.bundle.objects else self.stored.claims.get(ref))

    def _tlp(self, obj: dict) -> str:
        codes = [self.bundle.markings.get(ref) for ref in _strings(obj.get("object_marking_refs"))]
        return max((code for code in codes if code), key=TLP_ORDER.index, default=Tlp.CLEAR)

    def _statement_source(self, obj: dict) -> Source:
        """The report that lists the statement, else one source for the whole bundle."""
        report = self.bundle.report_of.get(obj["id"])
        if report in self.sources:
            return self.sources[report]
        return self.records.source(
            title=f"STIX bundle {self.bundle.id}", kind=SourceKind.DATASET, external_id=f"stix:{self.bundle.id}"
        )

    # --- Parties ------------------------------------------------------------------------------------------
    def _location(self, obj: dict) -> Party:
        """A location's country as its state party, which keeps the STIX id of a location that is the
        country as a whole (no city, address or coordinates)."""
        code = _location_country(obj)
        if not code:
            raise _Skip("location without a country")
        state = self.records.state(code)
        if not any(obj.get(name) for name in FINER_THAN_COUNTRY):
            self._external_ids(state, obj, mitre_id=None)
        return state

    def _identity(self, obj: dict) -> Party:
        kind = _identity_kind(obj)
        if kind == PartyKind.STATE:
            state = self.records.state(country_code(obj["name"]))
            self._external_ids(state, obj, mitre_id=None)
            return state
        country = self.bundle.located.get(obj["id"], "")
        parent = self.records.state(country) if kind == PartyKind.GOVERNMENT_BODY and country else None
        return self._upsert_party(obj, kind=kind, country=country, parent=parent)

    def _group(self, obj: dict) -> Party:
        country = self.bundle.located.get(obj["id"], "")
        return self._upsert_party(obj, kind=PartyKind.THREAT_GROUP, country=country, parent=None)

    def _upsert_party(self, obj: dict, *, kind: str, country: str, parent: Party | None) -> Party:
        """The object's party: found by its STIX id, its ATT&CK id, or its own name and kind; created as a
        draft when none matches. A draft found follows the bundle (and gains the aliases it lacks); a
        reviewed party only gains the ids it lacks."""
        name = _text(obj.get("name"))[:200]
        mitre_id = _mitre_id(obj)
        fields = {"description": _text(obj.get("description")), "references": _urls(obj), "tlp": self._tlp(obj)}
        if country:
            fields["country"] = country
        aliases = _strings(obj.get("aliases"))
        party = self.stored.parties.get(obj["id"]) or self._find_party(
            name, kind=kind, country=country, mitre_id=mitre_id
        )
        if party is None:  # new: it has no aliases yet, and neither of its ids is stored
            party = self.records.create(Party(name=name, kind=kind, parent=parent, **fields))
            self._add_aliases(party, aliases, known={party.normalized_name})
            self._external_ids(party, obj, mitre_id=mitre_id, stored=False)
            return party
        # The same on the first import and on every later one: a draft follows the bundle, keeping its
        # own name unless the bundle spells that same name otherwise ("Temp.Veles" → "TEMP.Veles").
        values = {**fields, **({"name": name} if party.normalized_name == normalize_name(name) else {})}
        party = self.records.upsert(Party, lookup={"pk": party.pk}, values=values)
        if party.review_status == ReviewStatus.DRAFT:
            known = {party.normalized_name, *party.aliases.values_list("normalized", flat=True)}
            self._add_aliases(party, aliases, known=known)
        self._external_ids(party, obj, mitre_id=mitre_id)
        return party

    def _find_party(self, name: str, *, kind: str, country: str, mitre_id: str | None) -> Party | None:
        if mitre_id:
            known = PartyExternalId.objects.filter(system=ExternalIdSystem.MITRE_ATTACK, value=mitre_id).first()
            if known is not None:
                return known.party
        same_name = Party.objects.filter(kind=kind, normalized_name=normalize_name(name))
        if kind in NATIONAL_KINDS:
            same_name = same_name.filter(country=country)
        return same_name.order_by("pk").first()

    def _add_aliases(self, party: Party, aliases: list[str], *, known: set[str]) -> None:
        """The aliases the party lacks (an import never removes one), written in one batch with history;
        `known` holds the normalised names it has."""
        own = set(known)
        new = []
        for alias in aliases:
            name = alias.strip()[:200]
            key = normalize_name(name)
            if key and key not in own:
                new.append(PartyAlias(party=party, name=name, normalized=key))
                own.add(key)
        self._bulk_create(PartyAlias, new)

    def _external_ids(self, party: Party, obj: dict, *, mitre_id: str | None, stored: bool = True) -> None:
        """The object's STIX id and ATT&CK id on the party, unless a party holds them already."""
        wanted = {(STIX, obj["id"]): ""}
        if mitre_id:
            wanted[(ExternalIdSystem.MITRE_ATTACK, mitre_id)] = f"https://attack.mitre.org/groups/{mitre_id}/"
        if stored:
            taken = Q()
            for system, value in wanted:
                taken |= Q(system=system, value=value)
            for key in PartyExternalId.objects.filter(taken).values_list("system", "value"):
                wanted.pop(key, None)
        new = [PartyExternalId(party=party, system=s, value=v, url=url) for (s, v), url in wanted.items()]
        self._bulk_create(PartyExternalId, new)

    def _bulk_create(self, model, rows: list) -> None:
        """Rows checked by the caller (names, uniqueness), inserted with their history rows in two queries
        rather than three per row."""
        if rows:
            bulk_create_with_history(rows, model, default_user=self.records.user, default_change_reason=REASON)
            self.records.counts["created"] += len(rows)

    # --- Incidents and reports ----------------------------------------------------------------------------
    def _incident(self, obj: dict) -> Incident:
        key = f"stix:{obj['id']}"
        values = {
            "title": _text(obj.get("name"))[:300] or obj["id"],
            "summary": _text(obj.get("description")),
            "tlp": self._tlp(obj),
            **_incident_dates(obj),
        }
        if obj["id"] not in self.stored.incidents:
            values["slug"] = f"{slugify(values['title'])[:100].strip('-') or obj['type']}-{_uuid(obj)[:8]}"
        incident = self.records.upsert(Incident, lookup={"external_id": key}, values=values)
        self._link_references(incident, _references(obj))
        return incident

    def _link_references(self, incident: Incident, references: list[tuple[str, str, str]]) -> None:
        """The incident's external references as its sources: found by normalised URL or created as drafts,
        and linked, each kind of row in one batch (a campaign cites a handful of reports)."""
        if not references:
            return
        wanted = {normalize_url(url): (url, title, kind) for url, title, kind in references}
        missing = [key for key in wanted if key not in self.cited]
        for source in Source.objects.filter(normalized_url__in=missing):
            self.cited[source.normalized_url] = source
            self.records.counts["unchanged"] += 1
        new = []
        for key in missing:
            if key not in self.cited:
                url, title, kind = wanted[key]
                source = Source(url=url, title=title, kind=kind, review_status=ReviewStatus.DRAFT)
                normalize_precisions(source, ["published_on"])
                source.set_keys()
                self.cited[key] = source
                new.append(source)
        self._bulk_create(Source, new)
        linked = set(IncidentSource.objects.filter(incident=incident).values_list("source_id", flat=True))
        links = [IncidentSource(incident=incident, source=self.cited[key]) for key in wanted]
        self._bulk_create(IncidentSource, [link for link in links if link.source.pk not in linked])

    def _report(self, obj: dict) -> Source:
        author_ref = obj.get("created_by_ref")
        author = self.parties.get(author_ref) or self.stored.parties.get(author_ref)
        references = _references(obj)
        source = self.records.source(
            url=references[0][0] if references else None,
            title=_text(obj.get("name")),
            kind=_source_kind(author),
            publisher=author.name if author else "",
            published_on=_date(obj.get("published")),
            external_id=f"stix:{obj['id']}",
        )
        for ref in _strings(obj.get("object_refs")):
            if ref.split("--", 1)[0] in INCIDENT_TYPES and (ref in self.incidents or ref in self.stored.incidents):
                self.records.link_source(self._incident_of(ref), source)
        return source

    # --- Relationships ------------------------------------------------------------------------------------
    def _relationship(self, obj: dict):
        role = _relationship_role(obj)
        if role == "located":
            return self._located(obj)
        if role == "targets":
            return self._targets(obj)
        if role == "same_as":
            return self._same_as(obj)
        if obj["source_ref"].split("--", 1)[0] in INCIDENT_TYPES:
            return self._attribution(obj)
        return self._parent(obj)

    def _located(self, obj: dict) -> None:
        party = self._party(obj["source_ref"], role="located party")
        self._check_country(obj)
        code = self._party(obj["target_ref"], role="location").country
        if party.country and party.country != code:
            raise _Skip("located-at another country than the party's (kept)")
        values = {"country": code}
        if party.kind == PartyKind.GOVERNMENT_BODY and party.parent_id is None:
            values["parent"] = self.records.state(code)
        self._update_party(party, values)

    def _targets(self, obj: dict) -> None:
        incident = self._incident_of(obj["source_ref"])
        self._check_country(obj)
        victim = self._party(obj["target_ref"], role="target")
        countries = list(incident.victim_countries)
        if victim.country and victim.country not in countries:
            countries.append(victim.country)
        victims = list(incident.victims.all())
        if not obj["target_ref"].startswith(f"{LOCATION}--") and victim not in victims:
            victims.append(victim)
        updated = self.records.upsert(
            Incident, lookup={"pk": incident.pk}, values={"victim_countries": countries}, m2m={"victims": victims}
        )
        incident.victim_countries = updated.victim_countries  # the cached incident stays in step

    def _check_country(self, obj: dict) -> None:
        location = self.bundle.objects.get(obj["target_ref"])
        if location is not None and location["type"] == LOCATION and not _location_country(location):
            raise _Skip(f"{obj['relationship_type']} a location without a country")

    def _parent(self, obj: dict) -> None:
        """A group attributed to a body, a state or another group belongs to it (its `parent`), and acts
        for the state when the parent is a state or a state's body; an individual it is attributed to
        belongs to the group. A party keeps the parent it has."""
        source = self._party(obj["source_ref"], role="source")
        target = self._party(obj["target_ref"], role="target")
        child, parent = (target, source) if target.kind == PartyKind.PERSON else (source, target)
        if child.pk == parent.pk:
            raise _Skip("attributed-to between a party and itself")
        values = {}
        if child.parent_id is None:
            values["parent"] = parent
        elif child.parent_id != parent.pk:
            self.notes["attributed-to another parent than the party's (kept)"] += 1
        state_like = parent.kind in (PartyKind.STATE, PartyKind.GOVERNMENT_BODY)
        if state_like and parent.country and not child.country and child.parent_id in (None, parent.pk):
            values["country"] = parent.country
        if values:
            self._update_party(child, values)

    def _update_party(self, party: Party, values: dict) -> None:
        updated = self.records.upsert(Party, lookup={"pk": party.pk}, values=values)
        for name in values:  # keep the cached instance in step with the row
            setattr(party, name, getattr(updated, name))

    def _same_as(self, obj: dict) -> None:
        """A group ATT&CK revoked in favour of another (or marked as its duplicate): "possibly same as"."""
        a = self._party(obj["source_ref"], role="source")
        b = self._party(obj["target_ref"], role="target")
        if a.pk == b.pk:
            raise _Skip(f"{obj['relationship_type']} between a party and itself")
        low, high = sorted((a.pk, b.pk))
        if PossiblySameAs.objects.filter(party_a_id__in=(low, high), party_b_id__in=(low, high)).exists():
            return
        note = f"STIX {obj['relationship_type']} ({obj['id']}): {a.name} → {b.name}."
        self.records.create(
            PossiblySameAs(party_a_id=low, party_b_id=high, note=note, source=self._statement_source(obj))
        )

    def _attribution(self, obj: dict) -> Attribution:
        """An incident or campaign attributed-to a party: a claim made by the relationship's author."""
        incident = self._incident_of(obj["source_ref"])
        accused = self._party(obj["target_ref"], role="attributed party")
        made_by, unknown = self._attributor(obj)
        source = self._statement_source(obj)
        confidence, confidence_text = _confidence(obj.get("confidence"))
        values = {
            "incident": incident,
            "source": source,
            "made_by": made_by,
            "attributed_to": accused,
            "stance": AttributionStance.ATTRIBUTES,
            **dated("stated_on", _date(obj.get("created"))),
            **_attributor_fields(made_by, accused, incident, source),
            "confidence": confidence,
            "confidence_text": confidence_text,
            "tlp": self._tlp(obj),
            **_words(_text(obj.get("description")), source),
        }
        if unknown:
            values["note"] = (values.get("note", "") + "\n" + unknown).strip()
        claim = self.records.upsert(Attribution, lookup={"external_id": f"stix:{obj['id']}"}, values=values)
        self.records.link_source(incident, source)
        return claim

    def _attributor(self, obj: dict) -> tuple[Party, str]:
        """Who made a claim: the relationship's author, else its report's author, else the author of every
        report in the bundle; else the shared "Unknown attributor" party, with a note that says so."""
        report = self.bundle.objects.get(self.bundle.report_of.get(obj["id"], ""))
        for ref in (obj.get("created_by_ref"), report and report.get("created_by_ref")):
            if ref:
                return self._party(ref, role="author (created_by_ref)"), ""
        if len(self.bundle.report_authors) == 1:
            (author,) = self.bundle.report_authors
            return self._party(author, role="author of the bundle's report"), ""
        name, external = UNKNOWN_ATTRIBUTOR
        party = self.records.party(name, kind=PartyKind.OTHER, external=external)
        return party, "The STIX bundle does not say who made this claim (no created_by_ref)."

    # --- Opinions and notes -------------------------------------------------------------------------------
    def _opinion(self, obj: dict) -> None:
        """An opinion on imported claims: the accused's reaction, or another party's endorsement or
        contestation of the claim."""
        claims = [claim for ref in _strings(obj.get("object_refs")) if (claim := self._claim(ref))]
        if not claims:
            raise _Skip("opinion on no imported attribution")
        author = self._party(obj.get("created_by_ref"), role="author (created_by_ref)")
        answered = [claim for claim in claims if _is_accused(author, claim.attributed_to)]
        if not answered and obj["opinion"] not in OPINION_STANCES:
            raise _Skip("neutral opinion by a party other than the accused")
        source = self._statement_source(obj)
        for claim in claims:
            key = f"stix:{obj['id']}" if len(claims) == 1 else f"stix:{obj['id']}:{claim.external_id[5:]}"
            if claim in answered:
                self._reaction(obj, key, author, claim, source)
            elif obj["opinion"] in OPINION_STANCES:
                self._counter_claim(obj, key, author, claim, source)
            else:
                continue
            self.records.link_source(claim.incident, source)

    def _reaction(self, obj: dict, key: str, author: Party, claim: Attribution, source: Source) -> None:
        values = {
            "incident": claim.incident,
            "source": source,
            "party": author,
            "attribution": claim,
            "stance": OPINION_REACTIONS[obj["opinion"]],
            **dated("stated_on", _date(obj.get("created"))),
            "tlp": self._tlp(obj),
            **_words(_text(obj.get("explanation")), source),
        }
        self.records.upsert(Reaction, lookup={"external_id": key}, values=values)

    def _counter_claim(self, obj: dict, key: str, author: Party, claim: Attribution, source: Source) -> None:
        accused = claim.attributed_to
        values = {
            "incident": claim.incident,
            "source": source,
            "made_by": author,
            "attributed_to": accused,
            "stance": OPINION_STANCES[obj["opinion"]],
            **dated("stated_on", _date(obj.get("created"))),
            **_attributor_fields(author, accused, claim.incident, source),
            "tlp": self._tlp(obj),
            **_words(_text(obj.get("explanation")), source),
        }
        self.records.upsert(Attribution, lookup={"external_id": key}, values=values)

    def _note(self, obj: dict) -> None:
        """A note carrying `x_attribution_consequence` on an incident: a consequence."""
        spec = obj.get(CONSEQUENCE_PROPERTY)
        if spec is None:
            raise _Skip(f"note without {CONSEQUENCE_PROPERTY}")
        if not isinstance(spec, dict):
            raise _Problem(f"{CONSEQUENCE_PROPERTY} is not an object")
        refs = [ref for ref in _strings(obj.get("object_refs")) if ref.split("--", 1)[0] in INCIDENT_TYPES]
        if not refs:
            raise _Problem("the note refers to no incident or campaign")
        incident = self._incident_of(refs[0])
        kind = spec.get("kind")
        if kind not in ConsequenceKind.values:
            raise _Problem(f"{CONSEQUENCE_PROPERTY}.kind {kind!r} is not a consequence kind of the codebook")
        relies_on = [self._relied_claim(ref) for ref in _strings(spec.get("relies_on_refs"))]
        target = spec.get("target_ref")
        source = self._statement_source(obj)
        values = {
            "incident": incident,
            "source": source,
            "initiated_by": self._party(spec.get("initiated_by_ref"), role="initiator (initiated_by_ref)"),
            "target": self._party(target, role="target (target_ref)") if target else None,
            "kind": kind,
            "status": spec.get("status") or "announced",
            **_loose_dated("announced_on", spec.get("announced_on")),
            **_loose_dated("effective_on", spec.get("effective_on")),
            "legal_instrument": _text(spec.get("legal_instrument"))[:200],
            "description": "\n\n".join(filter(None, (_text(obj.get("abstract")), _text(obj.get("content"))))),
            "tlp": self._tlp(obj),
        }
        Consequence(incident=incident).check_relations(relies_on)
        self.records.upsert(
            Consequence, lookup={"external_id": f"stix:{obj['id']}"}, values=values, m2m={"relies_on": relies_on}
        )
        self.records.link_source(incident, source)

    def _relied_claim(self, ref: str) -> Attribution:
        claim = self._claim(ref)
        if claim is None:
            raise _Problem(f"relies_on_refs names {ref}, which is no imported attribution")
        return claim


@dataclass
class _Stored:
    """What earlier imports stored under the STIX ids this bundle uses, read once per import."""

    parties: dict[str, Party]
    incidents: dict[str, Incident]
    claims: dict[str, Attribution]

    @classmethod
    def load(cls, bundle: Bundle) -> "_Stored":
        ids = set(bundle.objects)
        for obj in bundle.objects.values():
            if _is_read(obj):
                ids.update(_refs(obj))
        prefixed = lambda types: [f"stix:{i}" for i in ids if i.split("--", 1)[0] in types]  # noqa: E731
        party_ids = [i for i in ids if i.split("--", 1)[0] in PARTY_TYPES]
        parties = {
            ext.value: ext.party
            for ext in PartyExternalId.objects.filter(system=STIX, value__in=party_ids).select_related("party")
        }
        incidents = {i.external_id[5:]: i for i in Incident.objects.filter(external_id__in=prefixed(INCIDENT_TYPES))}
        claims = {
            claim.external_id[5:]: claim
            for claim in Attribution.objects.filter(external_id__in=prefixed(("relationship",))).select_related(
                "incident", "attributed_to"
            )
        }
        return cls(parties, incidents, claims)


# --- Mapping helpers ---------------------------------------------------------------------------------------
def _refs(obj: dict) -> set[str]:
    refs = set(_strings(obj.get("object_refs")))
    for name in ("source_ref", "target_ref", "created_by_ref"):
        if isinstance(obj.get(name), str):
            refs.add(obj[name])
    spec = obj.get(CONSEQUENCE_PROPERTY)
    if isinstance(spec, dict):
        refs.update(value for key, value in spec.items() if key.endswith("_ref") and isinstance(value, str))
        refs.update(_strings(spec.get("relies_on_refs")))
    return refs


def _relationship_order(obj: dict) -> int:
    """Countries and victims first (a claim's attributor type depends on them), then parents (a denial
    is judged against the accused's tree), then claims, then same-as links."""
    role = _relationship_role(obj)
    if role == "attributed":
        return 3 if obj["source_ref"].split("--", 1)[0] in INCIDENT_TYPES else 2
    return {"located": 0, "targets": 1, "same_as": 4}.get(role, 5)


def _identity_kind(obj: dict) -> str:
    """An identity's party kind from its class, its sectors and (for states and international bodies)
    its name."""
    identity_class = obj.get("identity_class") or "unknown"
    sectors = [sector.lower() for sector in _strings(obj.get("sectors"))]
    name = _text(obj.get("name"))
    if identity_class == "individual":
        return PartyKind.PERSON
    if identity_class in ("group", "system"):
        return PartyKind.OTHER
    if country_code(name) and (not sectors or any(s.startswith("government") for s in sectors)):
        return PartyKind.STATE
    if normalize_name(name) in INTERNATIONAL_ORGS:
        return PartyKind.INTERNATIONAL_ORG
    if any(sector.startswith("government") for sector in sectors):
        return PartyKind.GOVERNMENT_BODY
    if "non-profit" in sectors:
        return PartyKind.NGO
    if "media" in sectors:
        return PartyKind.MEDIA
    return PartyKind.COMPANY if identity_class == "organization" else PartyKind.OTHER


def _location_country(obj: dict | None) -> str | None:
    """The ISO code of a location's country (its `country`, else a name that is a country's)."""
    if not obj:
        return None
    value = _text(obj.get("country"))
    if value:
        upper = value.upper()
        return upper if upper in country_names() else country_code(value)
    return country_code(_text(obj.get("name"))) if not obj.get("city") and not obj.get("region") else None


def _mitre_id(obj: dict) -> str | None:
    for ref in obj.get("external_references") or []:
        if isinstance(ref, dict) and str(ref.get("source_name", "")).startswith("mitre"):
            value = str(ref.get("external_id", ""))
            if re.fullmatch(r"G\d{4}", value):
                return value
    return None


_URL = URLValidator(schemes=["http", "https"])


def _valid_url(value) -> str | None:
    if not isinstance(value, str) or len(value) > 2000:
        return None
    try:
        _URL(value)
    except ValidationError:
        return None
    return value


def _urls(obj: dict) -> list[str]:
    return [url for url, _, _ in _references(obj)]


def _references(obj: dict) -> list[tuple[str, str, str]]:
    """(url, title, source kind) of each external reference with a usable URL, once per URL."""
    found, seen = [], set()
    for ref in obj.get("external_references") or []:
        url = _valid_url(ref.get("url")) if isinstance(ref, dict) else None
        if url and url not in seen:
            seen.add(url)
            name = _text(ref.get("source_name"))
            title = (_text(ref.get("description")) or name or url)[:500]
            kind = SourceKind.DATASET if name.startswith(("mitre", "capec")) else SourceKind.OTHER
            found.append((url, title, kind))
    return found


def _source_kind(author: Party | None) -> str:
    if author is not None and author.kind in (PartyKind.STATE, PartyKind.GOVERNMENT_BODY):
        return SourceKind.GOVERNMENT_STATEMENT
    if author is not None and author.kind == PartyKind.MEDIA:
        return SourceKind.NEWS
    return SourceKind.VENDOR_REPORT


def _attributor_fields(made_by: Party, accused: Party, incident: Incident, source: Source) -> dict:
    """Attributor type, channel and level of a claim, from who made it, against whom, and where."""
    if made_by.kind in (PartyKind.STATE, PartyKind.GOVERNMENT_BODY):
        victim = made_by.country and made_by.country in incident.victim_countries
        kind = AttributorType.VICTIM_GOVERNMENT if victim else AttributorType.THIRD_PARTY_GOVERNMENT
        channel = AttributionChannel.POLITICAL_STATEMENT
    elif made_by.pk == accused.pk:
        kind, channel = AttributorType.SELF_CLAIM, AttributionChannel.SELF_ATTRIBUTION
    else:
        kind = {
            PartyKind.COMPANY: AttributorType.SECURITY_COMPANY,
            PartyKind.INTERNATIONAL_ORG: AttributorType.INTERNATIONAL_ORG,
            PartyKind.MEDIA: AttributorType.MEDIA,
            PartyKind.PERSON: AttributorType.RESEARCHER,
        }.get(made_by.kind, AttributorType.OTHER)
        channel = {
            AttributorType.SECURITY_COMPANY: AttributionChannel.TECHNICAL_REPORT,
            AttributorType.MEDIA: AttributionChannel.MEDIA_REPORT_NAMED,
            AttributorType.INTERNATIONAL_ORG: AttributionChannel.POLITICAL_STATEMENT,
        }.get(kind, AttributionChannel.TECHNICAL_REPORT if source.kind == SourceKind.VENDOR_REPORT else "unclear")
    level = {
        PartyKind.THREAT_GROUP: AttributionLevel.THREAT_GROUP,
        PartyKind.GOVERNMENT_BODY: AttributionLevel.STATE_BODY,
        PartyKind.STATE: AttributionLevel.STATE,
        PartyKind.PERSON: AttributionLevel.INDIVIDUAL,
    }.get(accused.kind, "")
    return {"attributor_type": kind, "channel": channel, "level": level}


def _is_accused(author: Party, accused: Party) -> bool:
    """The author is the accused party, a party it belongs to, or the state (or a body of the state) it
    is said to act for."""
    chain, seen, party = [], set(), accused
    while party is not None and party.pk not in seen and len(chain) < 20:
        chain.append(party)
        seen.add(party.pk)
        party = party.parent
    if author.pk in seen:
        return True
    countries = {party.country for party in chain if party.country}
    return author.kind in (PartyKind.STATE, PartyKind.GOVERNMENT_BODY) and author.country in countries


def _confidence(value) -> tuple[str, str]:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100:
        return Confidence.UNSTATED, ""
    code = next(code for bound, code in CONFIDENCE_BANDS if value <= bound)
    return code, f"STIX confidence {value}/100"


def _words(text: str, source: Source) -> dict:
    """The statement's own words as its quote when the source's stored text allows it, else as a note."""
    if not text:
        return {}
    if not source.text or text in source.text:
        return {"quote": text}
    return {"note": text}


def _incident_dates(obj: dict) -> dict:
    """started_on/ended_on from first_seen/last_seen; without them, the object's creation as the
    disclosure date."""
    hints = obj.get(PRECISION_PROPERTY) if isinstance(obj.get(PRECISION_PROPERTY), dict) else {}
    first = _seen(obj.get("first_seen"), hints.get("first_seen"))
    last = _seen(obj.get("last_seen"), hints.get("last_seen"))
    if first[0] or last[0]:
        return {**dated("started_on", *first), **dated("ended_on", *last), **dated("disclosed_on", None)}
    return {**dated("started_on", None), **dated("ended_on", None), **dated("disclosed_on", _date(obj.get("created")))}


def _seen(value, hint) -> tuple[dt.date | None, str]:
    """A first/last-seen timestamp as a date with its precision: the hint when given; else a whole hour
    up to 08:00 UTC on the first of a month reads as the month (ATT&CK writes "December 2015" as
    2015-12-01T05:00:00Z, midnight in US Eastern time); else the day."""
    moment = _timestamp(value)
    if moment is None:
        return None, DatePrecision.UNKNOWN
    day = moment.date()
    if hint in (DatePrecision.YEAR, DatePrecision.MONTH, DatePrecision.DAY):
        precision = hint
    elif day.day == 1 and moment.hour <= 8 and (moment.minute, moment.second, moment.microsecond) == (0, 0, 0):
        precision = DatePrecision.MONTH
    else:
        precision = DatePrecision.DAY
    if precision == DatePrecision.YEAR:
        day = day.replace(month=1, day=1)
    elif precision == DatePrecision.MONTH:
        day = day.replace(day=1)
    return day, precision


def _loose_dated(name: str, value) -> dict:
    """`YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a STIX timestamp, at the precision it is written with."""
    if value in (None, ""):
        return dated(name, None)
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return dated(name, dt.date(int(text), 1, 1), DatePrecision.YEAR)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return dated(name, dt.date(int(text[:4]), int(text[5:]), 1), DatePrecision.MONTH)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dated(name, dt.date.fromisoformat(text), DatePrecision.DAY)
    except ValueError as error:
        raise _Problem(f"{CONSEQUENCE_PROPERTY}.{name} {text!r}: {error}") from error
    moment = _timestamp(text)
    if moment is None:
        raise _Problem(f"{CONSEQUENCE_PROPERTY}.{name} {text!r} is not a date (YYYY, YYYY-MM, YYYY-MM-DD)")
    return dated(name, moment.date(), DatePrecision.DAY)


_EPOCH = dt.datetime.min.replace(tzinfo=dt.UTC)


def _timestamp(value) -> dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = isoparse(value)
    except (ValueError, OverflowError):
        return None
    return moment.astimezone(dt.UTC) if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _modified(obj: dict) -> dt.datetime:
    return _timestamp(obj.get("modified")) or _timestamp(obj.get("created")) or _EPOCH


def _date(value) -> dt.date | None:
    moment = _timestamp(value)
    return moment.date() if moment else None


def _uuid(obj: dict) -> str:
    return obj["id"].split("--", 1)[1].replace("-", "")


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def _strings(value) -> list[str]:
    return [item for item in value if isinstance(item, str) and item.strip()] if isinstance(value, list) else []


__all__ = ["Bundle", "import_stix", "read_bundle"]
