"""The case as a STIX 2.1 bundle, rendered from the report context only (docs/case-reports.md, "STIX 2.1").

Threat groups become intrusion sets, every other party an identity (a country a location it is
`located-at`); the case an incident; a claim an `attributed-to` relationship from the incident, authored
(`created_by_ref`) by the claimant; an endorsement or a contestation an opinion on the claim it backs or
disputes; a reaction (a denial) an opinion on the claim it answers, authored by the accused; a
consequence a note carrying `x_attribution_consequence`; a source a report. Every object carries the
TLP 2.0 marking of its record. The importer (incidents/importers/stix) reads all of this back.

Ids are UUIDv5 over stable keys (a STIX id a record already holds wins), `created` is the statement's own
date (the importer reads it as such) or the record's creation time, `modified` the record's last change:
two exports of an unchanged case are byte-identical, and a re-export after an import names the same objects.
"""

import hashlib
import json
import re
import uuid
from collections import Counter
from urllib.parse import urlsplit

import stix2

from attribution.normalize import normalize_name

SPEC_VERSION = "2.1"
MEDIA_TYPE = "application/stix+json;version=2.1"
# All ids of this product are UUIDv5 in this namespace (uuid5(NAMESPACE_URL, "https://attribution-tracker/stix")).
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://attribution-tracker/stix")
CONSEQUENCE_PROPERTY = "x_attribution_consequence"
PRECISION_PROPERTY = "x_attribution_date_precision"
DRAFT_LABEL = "draft"
# A location is a country, not a record of ours: it never changes.
LOCATION_TIME = "2000-01-01T00:00:00.000Z"

# TLP 2.0 marking definitions as OASIS publishes them (cti-stix-common-objects,
# extension-definition-specifications/tlp-2.0).
TLP_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
TLP_IDS = {
    "clear": "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    "green": "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    "amber": "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    "amber_strict": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    "red": "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}
TLP_ORDER = list(TLP_IDS)


def tlp_marking(code: str) -> dict:
    """The TLP 2.0 marking definition of a TLP code."""
    word = code.replace("_", "+")
    return {
        "type": "marking-definition",
        "spec_version": SPEC_VERSION,
        "id": TLP_IDS[code],
        "created": "2022-10-01T00:00:00.000Z",
        "name": f"TLP:{word.upper()}",
        "extensions": {TLP_EXTENSION: {"extension_type": "property-extension", "tlp_2_0": word}},
    }


# The codebook's estimative words as STIX confidence: the "DNI scale" values of STIX 2.1 (appendix A), which
# the importer's CONFIDENCE_BANDS read back as the same words. "unstated" writes no confidence.
CONFIDENCE_VALUES = {
    "almost_no_chance": 5,
    "very_unlikely": 15,
    "unlikely": 30,
    "roughly_even": 50,
    "likely": 70,
    "very_likely": 85,
    "almost_certain": 95,
}
# A reaction of the accused: an opinion on the claim it answers. A counter-accusation rejects the claim as
# outright as a denial does (whom it blames instead has no place in an opinion); the importer reads both as denials.
REACTION_OPINIONS = {
    "denial": "strongly-disagree",
    "counter_accusation": "strongly-disagree",
    "acknowledgement": "agree",
    "ambiguous": "neutral",
    "no_comment": "neutral",
}
# A claim that is no attribution of its own: an opinion of its maker on a claim against the same party.
CLAIM_OPINIONS = {"endorses": "agree", "contests": "disagree", "retracts": "strongly-disagree"}
# Whose claim an endorsement or a contestation is taken to answer first: the victim's, then another government's.
BASE_PREFERENCE = ("victim_government", "third_party_government")
# Party kinds as identities: (identity_class, sectors); the importer's `_identity_kind` reads them back.
IDENTITY_CLASSES = {
    "state": ("organization", ["government-national"]),
    "government_body": ("organization", ["government-national"]),
    "person": ("individual", []),
    "company": ("organization", []),
    "international_org": ("organization", []),
    "media": ("organization", ["media"]),
    "ngo": ("organization", ["non-profit"]),
    "other": ("unknown", []),
}
EXTERNAL_SOURCES = {"mitre_attack": "mitre-attack", "misp_galaxy": "misp-galaxy", "wikidata": "wikidata"}
EXTERNAL_URLS = {
    "mitre_attack": "https://attack.mitre.org/groups/{}/",
    "wikidata": "https://www.wikidata.org/wiki/{}",
}
# Output order of the object types in a bundle.
TYPE_ORDER = ("marking-definition", "location", "identity", "intrusion-set", "incident")
TYPE_ORDER += ("relationship", "opinion", "note", "report")
_STIX_ID = re.compile(r"^([a-z][a-z0-9-]*)--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def render_stix(context: dict) -> bytes:
    """The case's bundle, indented UTF-8 JSON (the `stix` entry of FORMATS)."""
    objects = case_objects(context)
    bundle = {"type": "bundle", "id": bundle_id(objects), "objects": objects}
    return (json.dumps(bundle, ensure_ascii=False, indent=2) + "\n").encode()


def case_objects(context: dict) -> list[dict]:
    """The case's STIX objects (JSON-ready dicts), in a fixed order."""
    return _CaseBundle(context).objects()


def bundle_id(objects: list[dict]) -> str:
    """A bundle id that depends on the objects only (same objects, same id)."""
    digest = hashlib.sha256(json.dumps(objects, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return _uuid5("bundle", digest)


def object_version(obj: dict) -> str:
    """The version of an object: its `modified`, or `created` for objects without one (marking definitions)."""
    return obj.get("modified") or obj["created"]


def _uuid5(kind: str, *parts) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, '|'.join([kind, *(str(part) for part in parts)]))}"


def stored_id(external_id: str | None, kind: str) -> str | None:
    """The STIX id a record keeps from an import (`stix:<type>--<uuid>`), when it is of this type."""
    if external_id and external_id.startswith("stix:"):
        value = external_id[5:].lower()
        found = _STIX_ID.match(value)
        if found and found.group(1) == kind:
            return value
    return None


def _day(value: str) -> str:
    return f"{value}T00:00:00.000Z"


def _ms(timestamp: str) -> str:
    """A UTC timestamp to the millisecond (the context's `accessed_at` is to the second)."""
    return timestamp if "." in timestamp else timestamp.replace("Z", ".000Z")


def _loose_date(dated: dict) -> str | None:
    """A date at its precision as the importer reads it: YYYY, YYYY-MM or YYYY-MM-DD."""
    if not dated["date"]:
        return None
    return {"year": dated["date"][:4], "month": dated["date"][:7]}.get(dated["precision"], dated["date"])


def _highest(*codes: str) -> str:
    return max(codes, key=TLP_ORDER.index)


def _host(url: str) -> str:
    return urlsplit(url).hostname or "web"


class _CaseBundle:
    """Builds the objects of one report context; parties are written once each, when something names them."""

    def __init__(self, context: dict):
        self.context = context
        self.case = context["case"]
        self.parties = {party["id"]: party for party in context["parties"]}
        self.built: dict[str, dict] = {}
        self.named: dict[int, None] = {}  # ids of parties the bundle names, in order
        self.authors: dict[int, None] = {}  # threat groups that author something: written as identities too
        self.keys: Counter = Counter()
        self.claim_ids: dict[str, str] = {}  # claim ref -> id of its object
        self.relationship_refs: set[str] = set()  # claim refs written as attributed-to relationships
        self.cited: dict[int, list[str]] = {}  # source number -> ids of the objects citing it

    # --- Assembly -----------------------------------------------------------------------------------------
    def objects(self) -> list[dict]:
        self.incident_id = stored_id(self.case["external_id"], "incident") or _uuid5(
            "incident", self.case["external_id"] or self.case["slug"]
        )
        self._incident()
        self._victims()
        claims = [claim for group in self.context["attribution"] for claim in group["claims"]]
        for claim in claims:  # attributions first: the other claims and the reactions refer to them
            if claim["stance"] == "attributes":
                self._attribution(claim)
        for claim in claims:
            if claim["stance"] != "attributes":
                self._claim_opinion(claim, claims)
        for group in self.context["attribution"]:
            for reaction in group["reactions"]:
                self._reaction(reaction)
        for measure in self.context["consequences"]:
            self._consequence(measure)
        for source in self.context["sources"]:
            self._report(source)
        for party_id in list(self.named):
            self._party(self.parties[party_id])
        for party_id in self.authors:
            self._author_identity(self.parties[party_id])
        used = {ref for obj in self.built.values() for ref in obj.get("object_marking_refs", ())}
        for code in TLP_ORDER:
            if TLP_IDS[code] in used:
                self.built[TLP_IDS[code]] = tlp_marking(code)
        rank = {kind: n for n, kind in enumerate(TYPE_ORDER)}
        return sorted(self.built.values(), key=lambda obj: rank[obj["type"]])

    def _add(self, properties: dict, *, custom: bool = False) -> dict:
        """Checks the object with the stix2 library and keeps it as JSON in the library's property order."""
        properties = {key: value for key, value in properties.items() if value not in (None, "", [], {})}
        obj = json.loads(stix2.parse({**properties, "spec_version": SPEC_VERSION}, allow_custom=custom).serialize())
        if "published" in obj:  # the library drops a zero millisecond part of this one
            obj["published"] = properties["published"]
        self.built[obj["id"]] = obj
        return obj

    def _unique(self, kind: str, *parts) -> str:
        """A UUIDv5 id over the parts; a second record with the same parts gets `#2` in its key, and so on."""
        key = "|".join(str(part) for part in parts)
        self.keys[(kind, key)] += 1
        n = self.keys[(kind, key)]
        return _uuid5(kind, key if n == 1 else f"{key}#{n}")

    def _common(self, record: dict, *, created: str | None = None, tlp: str | None = None) -> dict:
        """created (the record's own date when given, else its creation), modified (its last change, never
        before created), marking and the draft label."""
        created = created or record["created_at"]
        return {
            "created": created,
            "modified": max(created, record["updated_at"]),
            "object_marking_refs": [TLP_IDS[tlp or record["tlp"]]],
            "labels": [DRAFT_LABEL] if record["review_status"] == "draft" else None,
        }

    # --- Parties ------------------------------------------------------------------------------------------
    def party_ref(self, party: dict) -> str:
        """The id of the party's object (intrusion set or identity); the party is written to the bundle."""
        self.named.setdefault(party["id"], None)
        return self._party_id(self.parties[party["id"]])

    def author_ref(self, party: dict) -> str:
        """The identity that authors an object (`created_by_ref` must name an identity: a threat group that
        claims or reacts is written as an identity of class "group" besides its intrusion set)."""
        details = self.parties[party["id"]]
        if details["kind"] != "threat_group":
            return self.party_ref(party)
        self.authors.setdefault(party["id"], None)
        return _uuid5("identity", "author", self._party_id(details))

    def _party_id(self, party: dict) -> str:
        kind = "intrusion-set" if party["kind"] == "threat_group" else "identity"
        stored = sorted(
            found
            for ext in party["external_ids"]
            if ext["system"] == "stix" and (found := stored_id(f"stix:{ext['value']}", kind))
        )
        if stored:
            return stored[0]
        if party["kind"] == "state" and party["country"]:
            return _uuid5(kind, "state", party["country"])
        return _uuid5(kind, party["kind"], normalize_name(party["name"]), party["country"] or "")

    def _party(self, party: dict) -> None:
        common = self._common(party)
        base = {
            "id": self._party_id(party),
            **common,
            "name": party["name"],
            "description": party["description"],
            "external_references": _party_references(party),
        }
        if party["kind"] == "threat_group":
            self._add({**base, "type": "intrusion-set", "aliases": party["aliases"]})
        else:
            identity_class, sectors = IDENTITY_CLASSES.get(party["kind"], ("unknown", []))
            self._add({**base, "type": "identity", "identity_class": identity_class, "sectors": sectors})
        if party["country"]:
            self._located(party, base["id"], common)

    def _author_identity(self, group: dict) -> None:
        group_id = self._party_id(group)
        self._add(
            {
                "type": "identity",
                "id": _uuid5("identity", "author", group_id),
                **self._common(group),
                "name": group["name"],
                "description": group["description"],
                "identity_class": "group",
            }
        )

    def _located(self, party: dict, party_id: str, common: dict) -> None:
        """The party's country: a location, `located-at` (an intrusion set `originates-from` it)."""
        location_id = self._location(party["country"], party["country_name"])
        kind = "originates-from" if party["kind"] == "threat_group" else "located-at"
        self._add(
            {
                "type": "relationship",
                "id": _uuid5("relationship", kind, party_id, location_id),
                **common,
                "relationship_type": kind,
                "source_ref": party_id,
                "target_ref": location_id,
            }
        )

    def _location(self, code: str, name: str | None) -> str:
        location_id = _uuid5("location", "country", code)
        if location_id not in self.built:
            self._add(
                {
                    "type": "location",
                    "id": location_id,
                    "created": LOCATION_TIME,
                    "modified": LOCATION_TIME,
                    "name": name or code,
                    "country": code,
                    "object_marking_refs": [TLP_IDS["clear"]],
                }
            )
        return location_id

    # --- The incident -------------------------------------------------------------------------------------
    def _incident(self) -> None:
        dates = self.case["dates"]
        seen, hints = {}, {}
        for name, field in (("first_seen", "started_on"), ("last_seen", "ended_on")):
            if dates[field]["date"]:
                seen[name] = _day(dates[field]["date"])
                hints[name] = dates[field]["precision"]
        self._add(
            {
                "type": "incident",
                "id": self.incident_id,
                **self._common(self.case),
                "name": self.case["title"],
                "description": self.case["summary"],
                **seen,
                PRECISION_PROPERTY: hints,
            },
            custom=True,
        )

    def _victims(self) -> None:
        """`targets` from the incident to each victim party and each victim country."""
        victims = [self.parties[party["id"]] for party in self.context["victims"]["parties"]]
        targets = [(self.party_ref(party), party["tlp"]) for party in victims]
        targets += [(self._location(c["code"], c["name"]), "clear") for c in self.context["victims"]["countries"]]
        for target, tlp in targets:
            self._add(
                {
                    "type": "relationship",
                    "id": _uuid5("relationship", "targets", self.incident_id, target),
                    **self._common(self.case, tlp=_highest(self.case["tlp"], tlp)),
                    "relationship_type": "targets",
                    "source_ref": self.incident_id,
                    "target_ref": target,
                }
            )

    # --- Statements ---------------------------------------------------------------------------------------
    def _stated(self, record: dict, field: str) -> str | None:
        return _day(record[field]["date"]) if record[field]["date"] else None

    def _cite(self, record: dict, object_id: str) -> None:
        self.cited.setdefault(record["source"], []).append(object_id)

    def _attribution(self, claim: dict) -> None:
        accused = self.party_ref(claim["attributed_to"])
        author = self.author_ref(claim["made_by"])
        object_id = stored_id(claim["external_id"], "relationship") or self._unique(
            "relationship", "claim", self.incident_id, author, accused, claim["stance"], claim["stated_on"]["date"]
        )
        self._add(
            {
                "type": "relationship",
                "id": object_id,
                "created_by_ref": author,
                **self._common(claim, created=self._stated(claim, "stated_on")),
                "relationship_type": "attributed-to",
                "description": claim["quote"],
                "source_ref": self.incident_id,
                "target_ref": accused,
                "confidence": CONFIDENCE_VALUES.get(claim["confidence"]),
            }
        )
        self.claim_ids[claim["ref"]] = object_id
        self.relationship_refs.add(claim["ref"])
        self._cite(claim, object_id)

    def _claim_opinion(self, claim: dict, claims: list[dict]) -> None:
        """An endorsement, contestation or retraction: its maker's opinion on the attribution it answers (one
        against the same party: for a retraction the maker's own, else the victim's, another government's,
        the earliest). Without one, an endorsement is an attribution of its own; the others are opinions on
        the incident, which the importer skips."""
        base = _base_claim(claim, [c for c in claims if c["ref"] in self.relationship_refs])
        if base is None and claim["stance"] == "endorses":
            self._attribution(claim)
            return
        author = self.author_ref(claim["made_by"])
        accused = self._party_id(self.parties[claim["attributed_to"]["id"]])
        object_id = stored_id(claim["external_id"], "opinion") or self._unique(
            "opinion", "claim", self.incident_id, author, accused, claim["stance"], claim["stated_on"]["date"]
        )
        self._add(
            {
                "type": "opinion",
                "id": object_id,
                "created_by_ref": author,
                **self._common(claim, created=self._stated(claim, "stated_on")),
                "explanation": claim["quote"],
                "opinion": CLAIM_OPINIONS.get(claim["stance"], "neutral"),
                "object_refs": [self.claim_ids[base["ref"]] if base else self.incident_id],
                "confidence": CONFIDENCE_VALUES.get(claim["confidence"]),
            }
        )
        self.claim_ids[claim["ref"]] = object_id
        self._cite(claim, object_id)

    def _reaction(self, reaction: dict) -> None:
        """The reacting party's opinion on the claim it answers (on the incident when it answers none)."""
        author = self.author_ref(reaction["party"])
        answered = self.claim_ids.get(reaction["answers"] or "")
        object_id = stored_id(reaction["external_id"], "opinion") or self._unique(
            "opinion",
            "reaction",
            self.incident_id,
            author,
            reaction["stance"],
            reaction["stated_on"]["date"],
            answered or "",
        )
        self._add(
            {
                "type": "opinion",
                "id": object_id,
                "created_by_ref": author,
                **self._common(reaction, created=self._stated(reaction, "stated_on")),
                "explanation": reaction["quote"],
                "opinion": REACTION_OPINIONS.get(reaction["stance"], "neutral"),
                "object_refs": [answered or self.incident_id],
            }
        )
        self._cite(reaction, object_id)

    def _consequence(self, measure: dict) -> None:
        """A note on the incident carrying `x_attribution_consequence` (docs/import-stix.md)."""
        initiator = self.party_ref(measure["initiated_by"])
        target = self.party_ref(measure["target"]) if measure["target"] else None
        object_id = stored_id(measure["external_id"], "note") or self._unique(
            "note",
            "consequence",
            self.incident_id,
            measure["kind"],
            initiator,
            target or "",
            _loose_date(measure["announced_on"]) or "",
        )
        spec = {
            "kind": measure["kind"],
            "initiated_by_ref": initiator,
            "target_ref": target,
            "announced_on": _loose_date(measure["announced_on"]),
            "effective_on": _loose_date(measure["effective_on"]),
            "status": measure["status"],
            "legal_instrument": measure["legal_instrument"],
            # Claims written as relationships only: the importer refuses a note relying on anything else.
            "relies_on_refs": [self.claim_ids[ref] for ref in measure["relies_on"] if ref in self.relationship_refs],
        }
        summary = f"{measure['initiated_by']['name']}: {measure['kind_label']}"
        if measure["target"]:
            summary += f" (target: {measure['target']['name']})"
        self._add(
            {
                "type": "note",
                "id": object_id,
                "created_by_ref": self.author_ref(measure["initiated_by"]),
                **self._common(measure, created=self._stated(measure, "announced_on")),
                "content": measure["description"] or f"{summary}.",
                "object_refs": [self.incident_id],
                CONSEQUENCE_PROPERTY: {key: value for key, value in spec.items() if value not in (None, "", [])},
            },
            custom=True,
        )
        self._cite(measure, object_id)

    # --- Sources ------------------------------------------------------------------------------------------
    def _report(self, source: dict) -> None:
        """The source as a report on this case: the incident and the statements it is the source of."""
        key = source["url"] or f"{source['title']}|{source['published_on']['date'] or ''}"
        published = source["published_on"]["date"]
        publisher = self._publisher(source["publisher"])
        url = source["url"]
        self._add(
            {
                "type": "report",
                "id": self._unique("report", self.incident_id, key),
                "created_by_ref": self.author_ref(publisher) if publisher else None,
                **self._common(source),
                "name": source["title"] or url or "Untitled source",
                "report_types": ["threat-report"],
                "published": _day(published) if published else _ms(source["accessed_at"] or source["created_at"]),
                "object_refs": list(dict.fromkeys([self.incident_id, *self.cited.get(source["number"], [])])),
                "external_references": [{"source_name": source["publisher"] or _host(url), "url": url}]
                if url
                else None,
            }
        )

    def _publisher(self, name: str) -> dict | None:
        """The party of the report that published the source (by its exact name), when there is one."""
        if not name:
            return None
        found = [party for party in self.context["parties"] if party["name"] == name]
        return min(found, key=lambda party: party["kind"] == "threat_group") if found else None


def _party_references(party: dict) -> list[dict]:
    """The identifiers other catalogues give the party (ATT&CK, MISP galaxy, Wikidata…) and its reference links."""
    found, urls = [], set()
    for ext in party["external_ids"]:
        if ext["system"] == "stix":
            continue
        url = ext["url"] or (
            EXTERNAL_URLS[ext["system"]].format(ext["value"]) if ext["system"] in EXTERNAL_URLS else ""
        )
        ref = {"source_name": EXTERNAL_SOURCES.get(ext["system"], ext["system"]), "external_id": ext["value"]}
        if url:
            ref["url"] = url
            urls.add(url)
        found.append(ref)
    for url in party["references"] or []:
        if isinstance(url, str) and url.startswith(("http://", "https://")) and url not in urls:
            urls.add(url)
            found.append({"source_name": _host(url), "url": url})
    return found


def _base_claim(claim: dict, attributions: list[dict]) -> dict | None:
    """The attribution an endorsement, contestation or retraction answers (see `_claim_opinion`)."""
    same = [c for c in attributions if c["attributed_to"]["id"] == claim["attributed_to"]["id"]]
    if not same:
        return None

    def preference(candidate: dict) -> tuple:
        own = claim["stance"] == "retracts" and candidate["made_by"]["id"] == claim["made_by"]["id"]
        kind = candidate["attributor_type"]
        return (not own, BASE_PREFERENCE.index(kind) if kind in BASE_PREFERENCE else len(BASE_PREFERENCE))

    return min(same, key=preference)  # min keeps the earliest among equals
