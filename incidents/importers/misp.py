"""MISP events into incidents: the event, its report links, and the organisation's attribution claims.

One MISP event becomes one draft Incident ("misp:event:<uuid>"), one Source for the event itself
(kind "dataset": the structured record shared on a MISP instance), one Source per report link it
cites, and one Attribution per threat-actor cluster it carries, made by the event's creator
organisation (Orgc) against the actor. Each event is written in its own transaction; every record is
found again by a deterministic key, so a re-import creates and updates nothing.

Actor clusters are resolved against what the database holds, by MISP UUID first. Old MISP exports
give each cluster the UUID of its whole cluster file (all threat actors share one), so such a UUID
is not trusted; the cluster is then looked up by name in the shipped knowledge base
(`attribution.knowledge`) to learn its real UUID.
"""

import datetime as dt
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from django.db import transaction
from django.utils.text import slugify

from attribution.codebook import (
    AttributionChannel,
    AttributionLevel,
    AttributionStance,
    AttributorType,
    Confidence,
    ExternalIdSystem,
    PartyKind,
    ReviewStatus,
    SourceKind,
    Tlp,
)
from attribution.countries import country_code
from attribution.knowledge import DEFAULT_CLUSTERS, DEFAULT_GALAXY_DIR, ActorRecord, default_actors
from attribution.models import Attribution, Party, PartyAlias, PartyExternalId
from attribution.normalize import normalize_name
from incidents.importers import ImportFailure, ImportResult, Progress, item_error
from incidents.importers.records import Records, dated
from incidents.models import Incident, Source
from incidents.urlnorm import is_web_url, normalize_url

REASON = "MISP event import"
MISP = ExternalIdSystem.MISP_GALAXY
# Galaxies whose clusters name threat actors (tags "misp-galaxy:<galaxy>=…" count as well).
ACTOR_GALAXIES = ("threat-actor", "mitre-intrusion-set", "microsoft-activity-group")
SOURCE_CATEGORY = "External analysis"  # where MISP puts links to the reports an event is built from
TLP_TAGS = {
    "tlp:white": Tlp.CLEAR,
    "tlp:clear": Tlp.CLEAR,
    "tlp:green": Tlp.GREEN,
    "tlp:amber": Tlp.AMBER,
    "tlp:amber+strict": Tlp.AMBER_STRICT,
    "tlp:red": Tlp.RED,
}
TLP_ORDER = [Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT, Tlp.RED]
LIKELIHOOD = {  # estimative-language:likelihood-probability
    "almost-no-chance": Confidence.ALMOST_NO_CHANCE,
    "very-unlikely": Confidence.VERY_UNLIKELY,
    "unlikely": Confidence.UNLIKELY,
    "roughly-even-chance": Confidence.ROUGHLY_EVEN,
    "likely": Confidence.LIKELY,
    "very-likely": Confidence.VERY_LIKELY,
    "almost-certain": Confidence.ALMOST_CERTAIN,
}
CREDIBILITY = {"1": "confirmed by other sources", "2": "probably true", "3": "possibly true", "4": "doubtful"}
CREDIBILITY |= {"5": "improbable", "6": "truth cannot be judged"}
SOURCE_TYPES = {  # osint:source-type of a link
    "blog-post": SourceKind.VENDOR_REPORT,
    "technical-report": SourceKind.VENDOR_REPORT,
    "news-report": SourceKind.NEWS,
    "microblog-post": SourceKind.SOCIAL_MEDIA,
}
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_MACHINE_TAG = re.compile(r'^([^:=]+):([^=]+?)(?:="(.*)")?$', re.DOTALL)
_MITRE_GROUP = re.compile(r"\bG\d{4}\b")


class EventError(ValueError):
    """One item of the input is not an importable MISP event."""


@dataclass(frozen=True)
class Cluster:
    """A threat-actor galaxy cluster the event carries (or only names in a tag)."""

    galaxy: str
    value: str
    uuid: str | None  # the cluster's own UUID, when the event gives a trustworthy one
    synonyms: tuple[str, ...] = ()
    country: str = ""
    mitre_id: str | None = None


@dataclass(frozen=True)
class Link:
    url: str
    title: str
    kind: str
    tlp: str


@dataclass
class MispEvent:
    """What the importer takes from one event, read and checked before anything is written."""

    uuid: str
    title: str
    summary: str
    date: dt.date | None
    org_name: str
    org_uuid: str | None
    tlp: str
    tlp_tagged: bool
    reliability: str = ""
    confidence: str = Confidence.UNSTATED
    confidence_text: str = ""
    note: str = ""
    clusters: list[Cluster] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # parts left out (a link that is no URL…)

    @property
    def external_id(self) -> str:
        return f"misp:event:{self.uuid}"


def import_misp_event(content: bytes, *, options: dict, user, progress: Progress) -> ImportResult:
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:  # RecursionError: nested too deep
        raise ImportFailure(f"Not a JSON file: {error}.") from error
    events, problems = read_events(data)
    result = ImportResult(problems=list(problems))
    result.counts["skipped"] = len(problems)
    summaries = []
    for done, (label, event) in enumerate(events, start=1):
        records = Records(user=user, reason=REASON)  # one per event: its counts and cache die with a rollback
        try:
            with transaction.atomic():
                summary = _write_event(event, records)
        except Exception as error:  # one bad event is reported, the others still import
            result.counts["skipped"] += 1
            result.problems.append(f"{label}: {item_error(error)}")
        else:
            result.counts.update(records.counts)
            result.problems += [f"{label}: {problem}" for problem in event.problems]
            summaries.append(summary)
        progress(done, len(events), "Events")
    result.details = {"events": len(events), "imported": summaries[:100]}
    return result


# --- Reading ---------------------------------------------------------------------------------------------
def read_events(data: object) -> tuple[list[tuple[str, MispEvent]], list[str]]:
    """The events of a decoded MISP export — `{"Event": {…}}`, a bare event, a list of either, or an API
    `{"response": […]}` — each labelled for messages, and the items that are no event. Raises
    ImportFailure when the input holds no importable event at all."""
    if isinstance(data, dict) and "response" in data and "Event" not in data:
        data = data["response"]
    if isinstance(data, list):
        if not data:
            raise ImportFailure("Not a MISP event: the input is an empty list.")
        candidates = [(f"item {index}", item) for index, item in enumerate(data, start=1)]
    else:
        candidates = [("event", data)]
    events, problems = [], []
    for label, item in candidates:
        try:
            event = _read_event(item)
        except EventError as error:
            problems.append(f"{label}: {error}")
            continue
        events.append((f"{label} {event.uuid} ({event.title[:60]})", event))
    if not events:
        if len(candidates) == 1:
            raise ImportFailure(problems[0].removeprefix("event: "))
        raise ImportFailure(f"No MISP event in the input: none of its {len(candidates):,} items is one.", problems)
    return events, problems


def _read_event(item: object) -> MispEvent:
    event = item.get("Event", item) if isinstance(item, dict) else item
    if not isinstance(event, dict) or "info" not in event or "uuid" not in event:
        raise EventError(_not_an_event(event))
    uuid = str(event.get("uuid") or "").strip().lower()
    if not _UUID.fullmatch(uuid):
        raise EventError(f'Not a MISP event: "uuid" {event.get("uuid")!r} is not a UUID.')
    tags = _tag_names(event)
    tlps = [TLP_TAGS[name.lower()] for name in tags if name.lower() in TLP_TAGS]
    tlp = max(tlps, key=TLP_ORDER.index) if tlps else Tlp.CLEAR
    org = event.get("Orgc") if isinstance(event.get("Orgc"), dict) else event.get("Org")
    org = org if isinstance(org, dict) else {}
    org_uuid = str(org.get("uuid") or "").strip().lower()
    read = MispEvent(
        uuid=uuid,
        title=_text(event.get("info")) or f"MISP event {uuid}",
        summary=_summary(event),
        date=_event_date(event),
        org_name=_text(org.get("name")),
        org_uuid=org_uuid if _UUID.fullmatch(org_uuid) else None,
        tlp=tlp,
        tlp_tagged=bool(tlps),
        clusters=_clusters(event, tags),
    )
    _read_tags(read, tags)
    read.links, read.problems = _links(event, tlp)
    return read


def _not_an_event(data: object) -> str:
    if isinstance(data, dict) and ("GalaxyCluster" in data or "values" in data):
        return "Not a MISP event: this is a MISP galaxy (clusters); import it with import_actors."
    if isinstance(data, dict) and "objects" in data and data.get("type") == "bundle":
        return "Not a MISP event: this is a STIX bundle; import it as kind stix."
    return 'Not a MISP event: expected {"Event": {…}} or an event object with "uuid" and "info".'


def _event_date(event: dict) -> dt.date | None:
    """The event's `date` (day precision), else the day it was published, else none."""
    value = event.get("date")
    if value not in (None, ""):
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise EventError(f'"date" {value!r} is not a date (YYYY-MM-DD).') from None
    try:
        published = int(str(event.get("publish_timestamp") or "0"))
        return dt.datetime.fromtimestamp(published, tz=dt.UTC).date() if published > 0 else None
    except (ValueError, OverflowError, OSError):  # not a number, or no time a date can hold
        return None


def _tag_names(holder: dict) -> list[str]:
    """Tag names of an event or attribute (`Tag: [{name}]`, or `EventTag: [{Tag: {name}}]`)."""
    tags = [tag for tag in _list(holder.get("Tag")) if isinstance(tag, dict)]
    tags += [link["Tag"] for link in _list(holder.get("EventTag")) if isinstance(link, dict) and "Tag" in link]
    return [name.strip() for tag in tags if isinstance(tag, dict) and isinstance(name := tag.get("name"), str)]


def _machine_tag(name: str) -> tuple[str, str, str] | None:
    match = _MACHINE_TAG.match(name.strip())
    return (match[1].lower(), match[2].lower(), match[3] or "") if match else None


def _read_tags(event: MispEvent, tags: list[str]) -> None:
    """Estimative language → the claims' confidence; admiralty scale → the event source's reliability
    and a note on the claims about the information's credibility."""
    words, notes = [], []
    for name in tags:
        parsed = _machine_tag(name)
        if parsed is None:
            continue
        namespace, predicate, value = parsed
        value = value.strip().lower()
        if (namespace, predicate) == ("estimative-language", "likelihood-probability") and value in LIKELIHOOD:
            event.confidence = LIKELIHOOD[value]
            words.insert(0, value.replace("-", " "))
        elif (namespace, predicate) == ("estimative-language", "confidence-in-analytic-judgment") and value:
            words.append(f"{value} confidence")
        elif (namespace, predicate) == ("admiralty-scale", "source-reliability") and value in tuple("abcdef"):
            event.reliability = value
        elif (namespace, predicate) == ("admiralty-scale", "information-credibility") and value in CREDIBILITY:
            notes.append(f"Information credibility (Admiralty scale, MISP tag): {value} - {CREDIBILITY[value]}.")
    event.confidence_text = "; ".join(words)[:200]
    event.note = " ".join(notes)


def _attributes(event: dict) -> list[tuple[dict, bool]]:
    """Every attribute not deleted, with whether it belongs to an object."""
    found = [(a, False) for a in _list(event.get("Attribute")) if isinstance(a, dict)]
    for obj in _list(event.get("Object")):
        if isinstance(obj, dict) and not obj.get("deleted"):
            found += [(a, True) for a in _list(obj.get("Attribute")) if isinstance(a, dict)]
    return [(a, in_object) for a, in_object in found if not a.get("deleted")]


def _summary(event: dict) -> str:
    """The event's own words: its text and comment attributes of "External analysis", else its reports."""
    texts = [
        _text(a.get("value"))
        for a, in_object in _attributes(event)
        if not in_object and a.get("category") == SOURCE_CATEGORY and a.get("type") in ("text", "comment")
    ]
    if not any(texts):
        reports = _list(event.get("EventReport"))
        texts = [_text(r.get("content")) for r in reports if isinstance(r, dict) and not r.get("deleted")]
    return "\n\n".join(text for text in texts if text)


def _links(event: dict, tlp: str) -> tuple[list[Link], list[str]]:
    """The reports the event cites: link and url attributes of "External analysis", once per address.
    (A url elsewhere is an indicator — a malicious address — never a source.)"""
    links, problems, seen = [], [], set()
    for attribute, _ in _attributes(event):
        if attribute.get("type") not in ("link", "url") or attribute.get("category") != SOURCE_CATEGORY:
            continue
        url = _text(attribute.get("value"))
        if not is_web_url(url):
            problems.append(f"link {url[:100]!r} is not an http(s) URL; not imported as a source")
            continue
        if normalize_url(url) in seen:
            continue
        seen.add(normalize_url(url))
        tags = _tag_names(attribute)
        own_tlps = [TLP_TAGS[name.lower()] for name in tags if name.lower() in TLP_TAGS]
        kinds = [
            SOURCE_TYPES.get(p[2].lower()) for p in map(_machine_tag, tags) if p and p[:2] == ("osint", "source-type")
        ]
        links.append(
            Link(
                url=url,
                title=_text(attribute.get("comment"))[:500],
                kind=next((kind for kind in kinds if kind), SourceKind.OTHER),
                tlp=max(own_tlps, key=TLP_ORDER.index) if own_tlps else tlp,
            )
        )
    return links, problems


def _clusters(event: dict, tags: list[str]) -> list[Cluster]:
    """The actor clusters of the event's galaxies, then those only named in its tags, once each."""
    raw = [
        (galaxy, cluster)
        for galaxy in _list(event.get("Galaxy"))
        if isinstance(galaxy, dict)
        for cluster in _list(galaxy.get("GalaxyCluster"))
        if isinstance(cluster, dict) and _text(cluster.get("value"))
    ]
    holders = defaultdict(set)  # a UUID that several clusters share is their file's (old MISP exports)
    for _, cluster in raw:
        for uuid in _uuids(cluster):
            holders[uuid].add(_text(cluster.get("value")))
    found: dict[tuple[str, str], Cluster] = {}
    for galaxy, cluster in raw:
        kind, value = _text(cluster.get("type") or galaxy.get("type")).lower(), _text(cluster.get("value"))[:200]
        if kind in ACTOR_GALAXIES and normalize_name(value):
            foreign = _collection_uuids() | {_text(galaxy.get("uuid")).lower()}
            meta = cluster.get("meta") if isinstance(cluster.get("meta"), dict) else {}
            found.setdefault(
                (kind, normalize_name(value)),
                Cluster(
                    galaxy=kind,
                    value=value,
                    uuid=next((u for u in _uuids(cluster) if u not in foreign and len(holders[u]) == 1), None),
                    synonyms=tuple(s[:200] for s in dict.fromkeys(_strings(meta.get("synonyms"))) if s != value),
                    country=next(filter(None, map(country_code, _strings(meta.get("country")))), None) or "",
                    mitre_id=_mitre_id(value, meta),
                ),
            )
    for name in tags:
        match = re.fullmatch(r'misp-galaxy:([\w-]+)="(.+)"', name, re.DOTALL)
        if match and match[1].lower() in ACTOR_GALAXIES and normalize_name(match[2]):
            kind, value = match[1].lower(), match[2].strip()[:200]
            found.setdefault((kind, normalize_name(value)), Cluster(kind, value, None, mitre_id=_mitre_id(value, {})))
    return list(found.values())


def _uuids(cluster: dict) -> list[str]:
    meta = cluster.get("meta") if isinstance(cluster.get("meta"), dict) else {}
    values = [cluster.get("uuid"), *_strings(meta.get("uuid"))]
    return [v.strip().lower() for v in values if isinstance(v, str) and _UUID.fullmatch(v.strip().lower())]


def _mitre_id(value: str, meta: dict) -> str | None:
    """The ATT&CK group id of "APT1 - G0006" or of the cluster's `external_id`."""
    for text in (value, *_strings(meta.get("external_id"))):
        match = _MITRE_GROUP.search(text)
        if match:
            return match[0]
    return None


@cache
def _collection_uuids() -> frozenset[str]:
    """UUIDs of the shipped cluster files themselves, which old exports give every cluster of a file."""
    uuids = set()
    for name in DEFAULT_CLUSTERS:
        data = json.loads((DEFAULT_GALAXY_DIR / f"{name}.json").read_text(encoding="utf-8"))
        uuids.add(str(data.get("uuid", "")).lower())
    return frozenset(uuids)


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _list(value: object) -> list:
    """A list the event holds, or none where it holds something else (`"Tag": true` is no list of tags)."""
    return value if isinstance(value, list) else []


def _strings(value: object) -> list[str]:
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [item.strip() for item in values if isinstance(item, str) and item.strip()]


# --- Writing ---------------------------------------------------------------------------------------------
def _write_event(event: MispEvent, records: Records) -> dict:
    """The event's incident, sources and claims; a summary of what it holds."""
    incident = records.upsert(
        Incident,
        lookup={"external_id": event.external_id},
        values={
            "title": event.title[:300],
            "slug": _slug(event),
            "summary": event.summary,
            **dated("disclosed_on", event.date),
            "tlp": event.tlp,
        },
    )
    own = records.upsert(
        Source,
        lookup={"external_id": event.external_id},
        values={
            "title": event.title[:500],
            "kind": SourceKind.DATASET,
            "publisher": event.org_name[:200],
            **dated("published_on", event.date),
            "reliability": event.reliability,
            "tlp": event.tlp,
        },
    )
    records.link_source(incident, own)
    for link in event.links:
        records.link_source(incident, _link_source(link, records))
    claims = _claims(event, incident, own, records)
    return {
        "uuid": event.uuid,
        "incident": incident.pk,
        "title": event.title[:300],
        "sources": 1 + len(event.links),
        "claims": claims,
        "tlp": event.tlp,
        "tlp_tagged": event.tlp_tagged,
    }


def _slug(event: MispEvent) -> str:
    return f"{slugify(event.title)[:100].strip('-') or 'misp-event'}-{event.uuid.replace('-', '')[:12]}"


def _link_source(link: Link, records: Records) -> Source:
    """The source at the link's address; created (as a draft, with the link's TLP) when there is none.
    An existing source is never changed by an import."""
    found = Source.objects.filter(normalized_url=normalize_url(link.url)).order_by("pk").first()
    if found is not None:
        records.counts["unchanged"] += 1
        return found
    return records.create(
        Source(url=link.url, title=link.title, kind=link.kind, tlp=link.tlp, review_status=ReviewStatus.DRAFT)
    )


def _claims(event: MispEvent, incident: Incident, source: Source, records: Records) -> int:
    """One claim by the event's organisation against each actor it names (once per actor)."""
    if not event.clusters:
        return 0
    if not event.org_name:
        event.problems.append(f"no creator organisation (Orgc): its {len(event.clusters)} claim(s) were not imported")
        return 0
    external = (ExternalIdSystem.OTHER, f"misp:org:{event.org_uuid}") if event.org_uuid else None
    org = records.party(event.org_name, kind=PartyKind.COMPANY, external=external)
    accused = set()
    for cluster in event.clusters:
        known = _known_actor(cluster)
        actor = _actor(cluster, known, records, tlp=event.tlp)
        if actor.pk in accused:
            continue
        accused.add(actor.pk)
        key = cluster.uuid or (known.uuid if known else f"{cluster.galaxy}:{slugify(cluster.value) or 'actor'}")
        records.upsert(
            Attribution,
            lookup={"external_id": f"{event.external_id}:attribution:{key}"[:200]},
            values={
                "incident": incident,
                "source": source,
                "made_by": org,
                "attributed_to": actor,
                "stance": AttributionStance.ATTRIBUTES,
                **dated("stated_on", event.date),
                "attributor_type": AttributorType.SECURITY_COMPANY,
                "channel": AttributionChannel.TECHNICAL_REPORT,
                "level": AttributionLevel.THREAT_GROUP,
                "confidence": event.confidence,
                "confidence_text": event.confidence_text,
                "note": event.note,
                "tlp": event.tlp,
            },
        )
    return len(accused)


def _actor(cluster: Cluster, known: ActorRecord | None, records: Records, *, tlp: str) -> Party:
    """The accused's party: by the cluster's MISP UUID (its own, or the knowledge base's for its name),
    then its ATT&CK id, then its name as a party's name or alias; else a new draft threat group."""
    for uuid in dict.fromkeys(u for u in (cluster.uuid, known and known.uuid) if u):
        ext = PartyExternalId.objects.filter(system=MISP, value=uuid).select_related("party").first()
        if ext is not None:
            return ext.party
    mitre_id = cluster.mitre_id or (known.mitre_id if known else None)
    if mitre_id:
        ext = PartyExternalId.objects.filter(system=ExternalIdSystem.MITRE_ATTACK, value=mitre_id).first()
        if ext is not None:
            return ext.party
    names = [cluster.value, _MITRE_GROUP.sub("", cluster.value).strip(" -"), known.name if known else ""]
    party = records.find_party([name for name in names if name], kinds=(PartyKind.THREAT_GROUP,))
    return party or _create_actor(cluster, known, mitre_id, records, tlp=Tlp.CLEAR if known else tlp)


def _create_actor(
    cluster: Cluster, known: ActorRecord | None, mitre_id: str | None, records: Records, *, tlp: str
) -> Party:
    """A draft threat group under the knowledge base's name when it knows the cluster, with every
    synonym as an alias and the MISP UUID (and ATT&CK id) as external ids. Marked `tlp`: an actor the
    public galaxy does not know may be known only from this event."""
    name = known.name if known else cluster.value
    party = records.create(
        Party(
            name=name,
            kind=PartyKind.THREAT_GROUP,
            country=cluster.country or (known.country if known else "") or "",
            description=known.description if known else "",
            review_status=ReviewStatus.DRAFT,
            tlp=tlp,
        )
    )
    names = {party.normalized_name}
    for alias in (cluster.value, *cluster.synonyms, *(known.aliases if known else ())):
        if normalize_name(alias) and normalize_name(alias) not in names:
            records.create(PartyAlias(party=party, name=alias[:200]))
            names.add(normalize_name(alias))
    uuid = cluster.uuid or (known.uuid if known else None)
    if uuid:
        records.create(PartyExternalId(party=party, system=MISP, value=uuid))
    if mitre_id and not PartyExternalId.objects.filter(system=ExternalIdSystem.MITRE_ATTACK, value=mitre_id).exists():
        url = f"https://attack.mitre.org/groups/{mitre_id}/"
        records.create(PartyExternalId(party=party, system=ExternalIdSystem.MITRE_ATTACK, value=mitre_id, url=url))
    return party


@cache
def _knowledge_index() -> tuple[dict, dict, dict]:
    by_uuid, by_name, by_alias = {}, defaultdict(list), defaultdict(list)
    for record in default_actors():
        by_uuid[record.uuid] = record
        by_name[(record.galaxy, normalize_name(record.name))].append(record)
        for alias in record.aliases:
            by_alias[(record.galaxy, normalize_name(alias))].append(record)
    return by_uuid, dict(by_name), dict(by_alias)


def _known_actor(cluster: Cluster) -> ActorRecord | None:
    """The shipped knowledge base's cluster for this one: by UUID, else the one cluster of the same
    galaxy with that name, else the one with that synonym (a synonym of several clusters: none)."""
    by_uuid, by_name, by_alias = _knowledge_index()
    if cluster.uuid in by_uuid:
        return by_uuid[cluster.uuid]
    key = (cluster.galaxy, normalize_name(cluster.value))
    for index in (by_name, by_alias):
        matches = {record.uuid: record for record in index.get(key, [])}
        if len(matches) == 1:
            return next(iter(matches.values()))
        if matches:
            return None
    return None
