"""From STIX properties to the product's fields: kinds, countries, dates, confidence, references."""

import datetime as dt
import re

from dateutil.parser import isoparse

from attribution.codebook import (
    AttributionChannel,
    AttributionLevel,
    AttributorType,
    Confidence,
    DatePrecision,
    PartyKind,
    SourceKind,
)
from attribution.countries import country_code, country_names
from attribution.models import Party
from attribution.normalize import normalize_name
from incidents.importers.records import dated
from incidents.importers.stix.vocab import (
    CONFIDENCE_BANDS,
    CONSEQUENCE_PROPERTY,
    GROUP_TYPES,
    IDENTITY,
    INCIDENT_TYPES,
    INTERNATIONAL_ORGS,
    LOCATED_RELATIONSHIPS,
    LOCATION,
    PARTY_TYPES,
    PRECISION_PROPERTY,
    SAME_AS_RELATIONSHIPS,
    _Problem,
)
from incidents.models import Incident, Source
from incidents.urlnorm import is_web_url


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


def _valid_url(value) -> str | None:
    return value if is_web_url(value) else None


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
