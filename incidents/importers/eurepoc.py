"""The EuRepoC Global Database (incidents, responses) with its attribution dataset (claims).

Input: a ZIP archive holding the global CSV and, usually, the attribution CSV (EuRepoC publishes
them so; `import_dataset --format eurepoc GLOBAL.csv --attributions ATTRIBUTIONS.csv` builds one), or
the global CSV alone (incidents and responses, no claims). Files are recognised by their columns.

- One incident per global row (external id "eurepoc:incident:<ID>"), with its receivers' countries
  and categories, its types and dates. EuRepoC writes a date known only to the year as 1 January and
  one known only to the month as its first day, so those dates keep year / month precision.
- The attribution file repeats an attribution_ID over rows that are the cartesian product of its
  attributing actors, countries, bases, types and attributed initiators. Rows are grouped by id and
  no pairing is invented: one claim per attributing actor and attributed initiator, each actor
  matched to its own country (by name, or as the only one left), never to another actor's.
- Political and legal responses become consequences, initiated by the responding actor, aimed at the
  state the incident is attributed to when there is exactly one.
- Cells holding Python list literals are read with `ast.literal_eval` (literals only, never `eval`).

Every global row and every attribution_ID is either imported or listed as a problem with its reason.
"""

import ast
import csv
import datetime as dt
import hashlib
import io
import re
import zipfile
import zlib
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction

from attribution.codebook import (
    AttributionChannel,
    AttributionLevel,
    AttributionStance,
    AttributorType,
    ConsequenceKind,
    IncidentType,
    PartyKind,
    ReviewStatus,
    SourceKind,
    TargetCategory,
)
from attribution.countries import country_code
from attribution.models import Attribution, Consequence, Party
from attribution.normalize import normalize_name
from incidents.importers import ImportFailure, ImportResult, Progress, item_error
from incidents.importers.records import Records, dated
from incidents.models import Incident
from incidents.urlnorm import is_web_url

REASON = "EuRepoC import"
DATASET_TITLE = "EuRepoC Global Database"
DATASET_URL = "https://eurepoc.eu/"

GLOBAL_COLUMNS = {"ID", "name", "start_date", "receiver_country", "incident_type", "initiator_country"}
ATTRIBUTION_COLUMNS = {
    "incident_ID",
    "attribution_ID",
    "attribution_date",
    "attribution_type",
    "attribution_basis",
    "attributing_actor",
    "attributing_country",
    "attributed_initiator",
    "attributed_initiator_country",
}
MAX_CSV_BYTES = 50_000_000
BLANK = {"", "not available", "none", "nan", "unknown", "n"}

INCIDENT_TYPES = {
    "data theft": IncidentType.DATA_THEFT,
    "data theft & doxing": IncidentType.HACK_AND_LEAK,
    "disruption": IncidentType.DISRUPTION,
    "hijacking with misuse": IncidentType.HIJACKING,
    "hijacking without misuse": IncidentType.HIJACKING,
    "ransomware": IncidentType.RANSOMWARE,
    "ddos": IncidentType.DDOS,
}
TARGET_CATEGORIES = {
    "state institutions": TargetCategory.STATE_INSTITUTIONS,
    "critical infrastructure": TargetCategory.CRITICAL_INFRASTRUCTURE,
    "corporate targets": TargetCategory.CORPORATE,
    "social groups": TargetCategory.SOCIAL_GROUPS,
    "media": TargetCategory.MEDIA,
    "science": TargetCategory.SCIENCE,
    "end user": TargetCategory.END_USERS,
    "international": TargetCategory.INTERNATIONAL_ORG,
    "military": TargetCategory.MILITARY,
    "unknown": TargetCategory.UNKNOWN,
}
# attribution_basis → who made the claim (CODEBOOK.md); "contested" is a stance, not a type.
ATTRIBUTOR_TYPES = {
    "attacker confirms": AttributorType.SELF_CLAIM,
    "attribution by receiver government / state entity": AttributorType.VICTIM_GOVERNMENT,
    "receiver attributes attacker": AttributorType.VICTIM_GOVERNMENT,
    "attribution by third-party": AttributorType.THIRD_PARTY_GOVERNMENT,
    "it-security community attributes attacker": AttributorType.SECURITY_COMPANY,
    "media-based attribution": AttributorType.MEDIA,
    "attribution by eu institution/agency": AttributorType.INTERNATIONAL_ORG,
    "attribution by international organization": AttributorType.INTERNATIONAL_ORG,
}
# attribution_type → channel, by the words it starts with.
CHANNELS = [
    ("technical report", AttributionChannel.TECHNICAL_REPORT),
    ("self-attribution", AttributionChannel.SELF_ATTRIBUTION),
    ("direct statement in media report", AttributionChannel.MEDIA_REPORT_NAMED),
    ("anonymous statement in media report", AttributionChannel.MEDIA_REPORT_ANONYMOUS),
    ("media report", AttributionChannel.MEDIA_REPORT_NAMED),
    ("political statement/report and indictment", AttributionChannel.STATEMENT_WITH_MEASURES),
    ("statement in media report and indictment", AttributionChannel.STATEMENT_WITH_MEASURES),
    ("political statement", AttributionChannel.POLITICAL_STATEMENT),
    ("statement in media report and political", AttributionChannel.POLITICAL_STATEMENT),
    ("domestic legal action", AttributionChannel.LEGAL_ACTION),
]
POLITICAL_KINDS = [
    ("statement", ConsequenceKind.CONDEMNATION),
    ("declaration", ConsequenceKind.CONDEMNATION),
    ("awareness raising", ConsequenceKind.AWARENESS_RAISING),
    ("capacity building", ConsequenceKind.CAPACITY_BUILDING),
    ("diplomatic protest", ConsequenceKind.PROTEST_NOTE),
    ("legislative", ConsequenceKind.LEGISLATION),
]
LEGAL_KINDS = [
    ("severance of diplomatic relations", ConsequenceKind.SEVERED_DIPLOMATIC_RELATIONS),
    ("economic sanctions", ConsequenceKind.SANCTIONS),
    ("other legal measures on national level", ConsequenceKind.PROSECUTION),
    ("proclamation of public emergency", ConsequenceKind.EMERGENCY_DECLARATION),
]
# Words that make a named initiator or actor a body of a state rather than a group or a company.
STATE_BODY = re.compile(
    r"\b(ministry|minister|department|agency|intelligence|bureau|directorate|army|corps|command|"
    r"government|council|police|prosecutor|office|centre|center|service|authority|parliament|cert|"
    r"gru|fsb|svr|mss|nsa|gchq|pla|fbi|cisa|ncsc|irgc|mois|unit \d+)\b",
    re.IGNORECASE,
)
PERSON_ROLE = re.compile(
    r"^(?P<name>[^()]+?)\s*\((?P<role>[^()]*\b(?:minister|president|spokes\w*|secretary|chancellor|ambassador|"
    r"director|chief|head|prime)\b[^()]*)\)\s*$",
    re.IGNORECASE,
)
COMPANY_BASES = {AttributorType.SECURITY_COMPANY}
UNNAMED = {
    AttributorType.MEDIA: ("Unnamed media source", PartyKind.MEDIA),
    AttributorType.SECURITY_COMPANY: ("Unnamed security company", PartyKind.COMPANY),
    AttributorType.VICTIM_GOVERNMENT: ("Unnamed government source", PartyKind.GOVERNMENT_BODY),
    AttributorType.THIRD_PARTY_GOVERNMENT: ("Unnamed government source", PartyKind.GOVERNMENT_BODY),
    AttributorType.INTERNATIONAL_ORG: ("Unnamed international organisation", PartyKind.INTERNATIONAL_ORG),
    AttributorType.OTHER: ("Unnamed attributor", PartyKind.OTHER),
}


def import_eurepoc(content: bytes, *, options: dict, user, progress: Progress) -> ImportResult:
    incidents, claims, has_claims_file = _read_files(content)
    result = ImportResult()
    records = Records(user=user, reason=REASON, counts=result.counts)
    dataset = records.source(title=DATASET_TITLE, kind=SourceKind.DATASET, publisher="EuRepoC", url=None)
    for model in (Incident, Attribution, Consequence):
        records.preload(model, "eurepoc:")
    by_incident: dict[str, list[_Claim]] = defaultdict(list)
    for claim in claims:
        by_incident[claim.incident_id].append(claim)
    known = {row.get("ID", "").strip() for _, row in incidents}
    for claim in claims:
        if claim.incident_id not in known:
            result.problems.append(
                f"attribution {claim.id or '(no id)'} (line {claim.line}): incident {claim.incident_id} is not in "
                "the global file"
            )
    total = len(incidents)
    links: list[tuple[int, str]] = []
    for done, (line, row) in enumerate(incidents, start=1):
        rid = row.get("ID", "").strip()
        row_links: list[tuple[int, str]] = []
        try:
            with transaction.atomic():
                problems = _import_incident(row, by_incident.get(rid, []), records, dataset, row_links)
        except Exception as error:  # one bad row is reported with its line, the others still import
            records.forget()
            result.problems.append(f"line {line} (incident {rid or '?'}): {item_error(error)}")
            result.counts["skipped"] += 1
        else:
            links.extend(row_links)
            result.problems.extend(problems)
            result.counts["rows"] += 1
        progress(done, total, "Incidents")
    progress.report(96, f"Linking {len(links):,} cited web pages as sources")
    with transaction.atomic():
        records.link_urls(links)
    result.counts["skipped"] += sum(1 for problem in result.problems if problem.startswith("attribution "))
    result.details = {
        "format": "eurepoc",
        "incidents": total,
        "attribution_ids": len(claims),
        "attribution_file": has_claims_file,
    }
    if not has_claims_file:
        result.details["note"] = "No attribution CSV was given: incidents and responses only, no claims."
    return result


# --- Reading ----------------------------------------------------------------------------------------------
@dataclass
class _Claim:
    """The rows of one attribution_ID, every column's distinct values in file order."""

    id: str
    incident_id: str
    line: int
    values: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, row: dict) -> None:
        for column, value in row.items():
            value = (value or "").strip()
            if value and value not in self.values[column]:
                self.values[column].append(value)

    def known(self, column: str) -> list[str]:
        return [value for value in self.values.get(column, []) if value.lower() not in BLANK]


def _read_files(content: bytes) -> tuple[list[tuple[int, dict]], list[_Claim], bool]:
    tables = []
    if zipfile.is_zipfile(io.BytesIO(content)):
        try:
            archive = zipfile.ZipFile(io.BytesIO(content))
            for info in archive.infolist():
                if info.is_dir() or not info.filename.lower().endswith(".csv"):
                    continue
                if info.file_size > MAX_CSV_BYTES:
                    raise ImportFailure(f"{info.filename} is larger than {MAX_CSV_BYTES:,} bytes unpacked.")
                tables.append((info.filename, archive.read(info)))
        except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, ValueError, zlib.error) as error:  # damaged
            raise ImportFailure(f"Not a readable ZIP archive: {error or type(error).__name__}.") from error
    else:
        tables.append(("the file", content))
    incidents, attributions = None, None
    for name, data in tables:
        header, rows = _csv(name, data)
        if header >= GLOBAL_COLUMNS:
            incidents = rows
        elif header >= ATTRIBUTION_COLUMNS:
            attributions = rows
    if incidents is None:
        raise ImportFailure(
            "No EuRepoC global database CSV found: it needs the columns " + ", ".join(sorted(GLOBAL_COLUMNS)) + "."
        )
    return incidents, _group_claims(attributions or []), attributions is not None


def _csv(name: str, data: bytes) -> tuple[set[str], list[tuple[int, dict]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailure(f"{name} is not UTF-8 text (byte {error.start}).") from error
    csv.field_size_limit(MAX_CSV_BYTES)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), restval="")  # a short row's missing cells: blank
        header = {column.strip() for column in reader.fieldnames or []}
        # Cells beyond the header (DictReader lists them under None) belong to no column: left out.
        rows = [(reader.line_num, {k: v for k, v in row.items() if k is not None}) for row in reader]
    except csv.Error as error:
        raise ImportFailure(f"{name} is not a readable CSV file: {error}.") from error
    return header, rows


def _group_claims(rows: list[tuple[int, dict]]) -> list[_Claim]:
    groups: dict[str, _Claim] = {}
    for line, row in rows:
        raw = (row.get("attribution_ID") or "").strip()
        key = raw[:-2] if raw.endswith(".0") else raw
        incident = (row.get("incident_ID") or "").strip()
        group = key or f"line-{line}"  # a row without an id stands alone
        if group not in groups:
            groups[group] = _Claim(id=key, incident_id=incident, line=line)
        groups[group].add(row)
    return list(groups.values())


def _literal(value: str) -> list:
    """A cell holding a Python list literal ("['Albania', 'Albania']"), flattened; plain text as one item."""
    value = (value or "").strip()
    if not value.startswith("["):
        return [value] if value else []
    try:
        parsed = ast.literal_eval(value)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return []
    flat, stack = [], [parsed]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list | tuple):
            stack[0:0] = list(item)
        elif isinstance(item, str) and item.strip():
            flat.append(item.strip())
    return flat


def _split(value: str) -> list[str]:
    return [part.strip() for part in (value or "").split(";")] if (value or "").strip() else []


def _date(value: str) -> tuple[dt.date | None, str]:
    """A EuRepoC date with the precision its form implies (1 January: the year; the 1st: the month)."""
    value = (value or "").strip()[:10]
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return None, "unknown"
    if day.month == 1 and day.day == 1:
        return day, "year"
    if day.day == 1:
        return day, "month"
    return day, "day"


def _key(*parts: str) -> str:
    joined = ":".join(parts)
    return joined if len(joined) <= 200 else joined[:150] + ":" + hashlib.sha256(joined.encode()).hexdigest()[:16]


# --- Writing ----------------------------------------------------------------------------------------------
def _import_incident(row: dict, claims: list[_Claim], records: Records, dataset, links: list) -> list[str]:
    """Write one global row; the web addresses it cites are added to `links` (linked in bulk later)."""
    rid = row["ID"].strip()
    if not rid:
        raise ValueError("the row has no ID")
    problems: list[str] = []
    incident = _incident(row, records)
    records.link_source(incident, dataset)
    for column in ("sources_url", "sources_attribution"):
        for url in _literal(row.get(column, "")):
            if is_web_url(url):
                links.append((incident.pk, url))
            else:
                problems.append(f"incident {rid}: {column} holds {url[:80]!r}, which is not a web address; left out")
    attributed_states = _attributed_states(row, claims)
    for claim in claims:
        problems.extend(_claims(claim, incident, records, dataset))
    problems.extend(_responses(row, incident, attributed_states, records, dataset))
    return problems


def _incident(row: dict, records: Records) -> Incident:
    started, started_precision = _date(row.get("start_date", ""))
    ended, ended_precision = _date(row.get("end_date", ""))
    if started and ended and ended < started:
        ended, ended_precision = None, "unknown"
    countries = []
    for name in _literal(row.get("receiver_country", "")):
        code = country_code(name)
        if code and code not in countries:
            countries.append(code)
    categories = []
    for name in _literal(row.get("receiver_category", "")):
        category = next((value for prefix, value in TARGET_CATEGORIES.items() if name.lower().startswith(prefix)), None)
        if category and category not in categories:
            categories.append(category)
    types = []
    for name in _split(row.get("incident_type", "")):
        kind = INCIDENT_TYPES.get(name.lower())
        if kind and kind not in types:
            types.append(kind)
    sectors = []
    for name in _literal(row.get("receiver_category_subcode", "")):
        if name.lower() not in BLANK and name not in sectors:
            sectors.append(name)
    receivers = [name for name in _literal(row.get("receiver_name", "")) if name.lower() not in BLANK]
    summary = (row.get("description") or "").strip()
    if receivers:
        summary += ("\n\n" if summary else "") + "Receivers (EuRepoC): " + "; ".join(dict.fromkeys(receivers))
    title = (row.get("name") or "").strip() or f"EuRepoC incident {row['ID'].strip()}"
    values = {
        "title": title[:300],
        "summary": summary,
        "types": types,
        "victim_countries": countries,
        "target_categories": categories,
        "sector": "; ".join(sectors)[:200],
        **dated("started_on", started, started_precision),
        **dated("ended_on", ended, ended_precision),
    }
    external_id = f"eurepoc:incident:{row['ID'].strip()}"
    slug = f"eurepoc-{row['ID'].strip()}"
    lookup = {"external_id": external_id}
    if records.is_new(Incident, external_id):
        values["slug"] = slug if not Incident.objects.filter(slug=slug).exists() else _key(slug, "x")[:120]
        values["review_status"] = ReviewStatus.DRAFT
    return records.upsert(Incident, lookup=lookup, values=values)


def _attributed_states(row: dict, claims: list[_Claim]) -> list[str]:
    codes: list[str] = []
    names = [*_literal(row.get("initiator_country", ""))]
    for claim in claims:
        names.extend(claim.known("attributed_initiator_country"))
    for name in names:
        code = country_code(name)
        if code and code not in codes:
            codes.append(code)
    return codes


def _claims(claim: _Claim, incident: Incident, records: Records, dataset) -> list[str]:
    """One claim per attributing actor and attributed initiator of one attribution_ID."""
    label = f"attribution {claim.id or '(no id)'} (incident {claim.incident_id}, line {claim.line})"
    if not claim.id and not any(claim.known(column) for column in ATTRIBUTION_COLUMNS - {"incident_ID"}):
        return [f"{label}: an empty row (no attribution_ID, no claim)"]
    accused = _accused(claim, records)
    if not accused:
        return [f"{label}: attributed to no one (EuRepoC: not attributed)"]
    bases = [ATTRIBUTOR_TYPES.get(value.lower()) for value in claim.known("attribution_basis")]
    contested = any(value.lower() == "contested attribution" for value in claim.known("attribution_basis"))
    kinds = [kind for kind in bases if kind]
    channels = [_channel(value) for value in claim.known("attribution_type")]
    stated, precision = _date((claim.known("attribution_date") or [""])[0])
    makers = _makers(claim, kinds, accused, records)
    for maker, attributor_type, speaker, maker_key in makers:
        channel = _pick(channels, AttributionChannel.SELF_ATTRIBUTION, AttributionChannel.UNCLEAR)
        if attributor_type != AttributorType.SELF_CLAIM and channel == AttributionChannel.SELF_ATTRIBUTION:
            channel = _pick([c for c in channels if c != AttributionChannel.SELF_ATTRIBUTION], None, channel)
        for target, level, target_key in accused:
            if maker is None and target.kind == PartyKind.STATE:
                # Unnamed attackers of a known country claimed the attack: a state said nothing.
                target, level = _unnamed_attackers(target, records), AttributionLevel.THREAT_GROUP
            maker_party = target if maker is None else maker  # an unnamed self-claim: the attacker itself
            external_id = _key("eurepoc:attribution", claim.id or f"line-{claim.line}", maker_key, target_key)
            records.upsert(
                Attribution,
                lookup={"external_id": external_id},
                values={
                    "incident": incident,
                    "source": dataset,
                    "made_by": maker_party,
                    "attributed_to": target,
                    "speaker": speaker,
                    "stance": AttributionStance.CONTESTS if contested else AttributionStance.ATTRIBUTES,
                    "attributor_type": attributor_type,
                    "channel": channel,
                    "level": level,
                    "note": _note(claim),
                    "review_status": ReviewStatus.DRAFT,
                    **dated("stated_on", stated, precision),
                },
            )
    return []


def _unnamed_attackers(state: Party, records: Records) -> Party:
    return records.party(
        f"Unnamed self-declared attackers ({state.name})", kind=PartyKind.THREAT_GROUP, country=state.country
    )


def _pick(values: list, avoid, default):
    chosen = [value for value in values if value and value != avoid]
    if chosen:
        return chosen[0]
    return next((value for value in values if value), default)


def _channel(value: str) -> str | None:
    lowered = value.lower()
    return next((channel for prefix, channel in CHANNELS if lowered.startswith(prefix)), None)


def _note(claim: _Claim) -> str:
    parts = [f"EuRepoC attribution {claim.id}"]
    for column in ("attribution_type", "attribution_basis", "attributed_initiator_category"):
        values = claim.known(column)
        if values:
            parts.append(f"{column.replace('_', ' ')}: {' | '.join(values)}")
    return ". ".join(parts) + "."


def _accused(claim: _Claim, records: Records) -> list[tuple[Party, str, str]]:
    """(party, level, key) for each attributed initiator: a named group or body, else the state named as
    its country; the key is the file's own text, so a claim is found again whatever the party is called."""
    countries = [code for code in map(country_code, claim.known("attributed_initiator_country")) if code]
    country = countries[0] if len(countries) == 1 else ""
    accused: list[tuple[Party, str, str]] = []
    for text in claim.known("attributed_initiator"):
        names, sponsor = _initiator_names(text)
        if not names:
            continue
        party = records.find_party(names, kinds=(PartyKind.THREAT_GROUP, PartyKind.GOVERNMENT_BODY), country=country)
        if party is not None:
            records.add_aliases(party, names)  # so that any of the names finds this party next time
        else:
            body = bool(STATE_BODY.search(names[0])) and country
            kind = PartyKind.GOVERNMENT_BODY if body else PartyKind.THREAT_GROUP
            parent = records.state(country) if body else None
            description = f"Said to act for: {sponsor}." if sponsor else ""
            party = records.party(
                names[0], kind=kind, country=country, parent=parent, aliases=names[1:], description=description
            )
        level = (
            AttributionLevel.STATE_BODY if party.kind == PartyKind.GOVERNMENT_BODY else AttributionLevel.THREAT_GROUP
        )
        if all(party != known for known, _, _ in accused):
            accused.append((party, level, normalize_name(text)))
    if not accused:
        for code in countries:
            accused.append((records.state(code), AttributionLevel.STATE, code))
    return accused


def _initiator_names(text: str) -> tuple[list[str], str]:
    """ "Fancy Bear/APT28/… (GRU, 85th …)" → (["Fancy Bear", "APT28", …], "GRU, 85th …")."""
    text = text.split("<")[0].strip()  # "APT41/… < Winnti Umbrella": the part before the umbrella
    sponsor = ""
    match = re.search(r"\((.*)\)\s*$", text)
    if match:
        sponsor, text = match.group(1).strip(), text[: match.start()].strip()
    names = []
    for part in text.split("/"):
        part = re.sub(r"^group\s+(?=g\d{4}$)", "", part.strip(), flags=re.IGNORECASE)
        if part and part.lower() not in BLANK and normalize_name(part) and part not in names:
            names.append(part[:200])
    if not names and sponsor:
        names = [sponsor.split(";")[0].strip()]
        sponsor = ""
    return names, sponsor


def _makers(claim: _Claim, kinds: list[str], accused, records: Records) -> list[tuple]:
    """(party, attributor type, speaker, key) for each attributing actor, each with its own country; the
    party is None for a self-claim by the unnamed attacker; the key is the file's text for the actor."""
    actors = [actor for actor in claim.known("attributing_actor")]
    companies = [name for name in claim.known("attribution_it_company")]
    countries = [code for code in map(country_code, claim.known("attributing_country")) if code]
    if not actors and companies:
        actors = companies
    if not actors:
        if AttributorType.SELF_CLAIM in kinds:
            return [(None, AttributorType.SELF_CLAIM, None, "self")]
        kind = next((k for k in kinds if k != AttributorType.SELF_CLAIM), AttributorType.OTHER)
        if len(countries) == 1 and kind in (AttributorType.VICTIM_GOVERNMENT, AttributorType.THIRD_PARTY_GOVERNMENT):
            return [(records.state(countries[0]), kind, None, countries[0])]
        name, party_kind = UNNAMED[kind if kind in UNNAMED else AttributorType.OTHER]
        return [(records.party(name, kind=party_kind), kind, None, "unnamed")]
    paired = _pair_countries(actors, countries)
    makers = []
    for actor in actors:
        country = paired.get(actor, "")
        makers.append((*_maker(actor, country, kinds, accused, records), normalize_name(actor)))
    return makers


def _pair_countries(actors: list[str], countries: list[str]) -> dict[str, str]:
    """Each actor's own country: the one its name mentions ("United Kingdom's NCSC", "(… ALB)"), else
    the group's only country, else the only country left for the only actor left; never a guess
    between several."""
    paired: dict[str, str] = {}
    left = list(dict.fromkeys(countries))
    for actor in actors:
        mentioned = _country_in(actor)
        if mentioned:
            paired[actor] = mentioned
            if mentioned in left:
                left.remove(mentioned)
    unpaired = [actor for actor in actors if actor not in paired]
    if len(set(countries)) == 1:  # one country for the whole group: every actor is of it
        paired.update(dict.fromkeys(unpaired, countries[0]))
    elif len(unpaired) == 1 and len(left) == 1:
        paired[unpaired[0]] = left[0]
    return paired


def _country_in(actor: str) -> str | None:
    whole = country_code(actor)
    if whole:
        return whole
    possessive = re.match(r"^(.+?)[’']s\s", actor)
    if possessive and country_code(possessive.group(1)):
        return country_code(possessive.group(1))
    for inner in re.findall(r"\(([^()]*)\)", actor):
        for part in re.split(r"[,;]", inner):
            part = part.strip()
            code = country_code(part)
            if code and (len(part) > 3 or part.isupper()):  # "(Prime Minister, ALB)", "(MOIS; Iran)"
                return code
    first = actor.split()[0] if actor.split() else ""
    if first in ("US", "U.S.", "UK"):
        return country_code(first)
    return None


def _maker(actor: str, country: str, kinds: list[str], accused, records: Records):
    """The party an attributing actor names, with the attributor type that fits it."""
    company = AttributorType.SECURITY_COMPANY in kinds
    org = AttributorType.INTERNATIONAL_ORG in kinds
    code = country_code(actor)
    if code:
        kind = _government_type(kinds)
        return records.state(code), kind, None
    person = PERSON_ROLE.match(actor)
    if person and country:
        state = records.state(country)
        speaker = records.party(person.group("name").strip(), kind=PartyKind.PERSON, country=country, parent=state)
        return state, _government_type(kinds), speaker
    name, short = _name_and_acronym(actor, country)
    if AttributorType.SELF_CLAIM in kinds and not company and not org and not STATE_BODY.search(actor):
        found = records.find_party([name, *short], kinds=(PartyKind.THREAT_GROUP,))
        party = found or records.party(name, kind=PartyKind.THREAT_GROUP, country="", aliases=short)
        if any(party == target for target, _, _ in accused):
            return party, AttributorType.SELF_CLAIM, None
        return party, AttributorType.OTHER, None
    if org or (not country and re.search(r"\b(nato|union|nations|organi[sz]ation)\b", actor, re.IGNORECASE)):
        party = records.party(name, kind=PartyKind.INTERNATIONAL_ORG, aliases=short)
        return party, AttributorType.INTERNATIONAL_ORG, None
    if company and not STATE_BODY.search(actor):
        party = records.party(name, kind=PartyKind.COMPANY, country=country, aliases=short)
        return party, AttributorType.SECURITY_COMPANY, None
    if STATE_BODY.search(actor) and country:
        party = records.party(
            name, kind=PartyKind.GOVERNMENT_BODY, country=country, parent=records.state(country), aliases=short
        )
        return party, _government_type(kinds), None
    if AttributorType.MEDIA in kinds:
        return records.party(name, kind=PartyKind.MEDIA, country=country, aliases=short), AttributorType.MEDIA, None
    kind = next((k for k in kinds if k != AttributorType.SELF_CLAIM), AttributorType.OTHER)
    return records.party(name, kind=PartyKind.OTHER, country=country, aliases=short), kind, None


def _government_type(kinds: list[str]) -> str:
    for kind in kinds:
        if kind in (AttributorType.VICTIM_GOVERNMENT, AttributorType.THIRD_PARTY_GOVERNMENT):
            return kind
    return next((k for k in kinds if k != AttributorType.SELF_CLAIM), AttributorType.OTHER)


def _name_and_acronym(actor: str, country: str) -> tuple[str, list[str]]:
    """ "United Kingdom’s National Cyber Security Centre (NCSC)" → ("National Cyber Security Centre", ["NCSC"])."""
    name = actor.strip()
    possessive = re.match(r"^(.+?)[’']s\s+(.+)$", name)
    if possessive and country_code(possessive.group(1)):
        name = possessive.group(2)
    aliases = []
    match = re.search(r"\s*\(([^()]*)\)\s*$", name)
    if match and match.start() > 0:
        inner = match.group(1)
        name = name[: match.start()].strip()
        for part in re.split(r"\s*/\s*|;\s*", inner):
            part = part.strip()
            if part and not country_code(part) and normalize_name(part) != normalize_name(name):
                aliases.append(part[:200])
    return name[:200], aliases


def _responses(row: dict, incident: Incident, targets: list[str], records: Records, dataset) -> list[str]:
    problems = []
    target = records.state(targets[0]) if len(targets) == 1 else None
    for prefix, kinds in (("political", POLITICAL_KINDS), ("legal", LEGAL_KINDS)):
        try:
            count = int(float(row.get(f"number_of_{prefix}_responses") or 0))
        except ValueError:
            count = 0
        if not count:
            continue
        dates, types, subcodes, countries, actors = (
            _split(row.get(f"{prefix}_response_{column}", ""))
            for column in ("date", "type", "type_subcode", "country", "actor")
        )
        label = f"incident {row['ID'].strip()}: {prefix} responses"
        if len(dates) != count or len(types) != count:
            problems.append(f"{label}: {count} listed but {len(dates)} dates and {len(types)} types; not imported")
            continue
        subcodes = subcodes if len(subcodes) == count else [""] * count
        countries = countries if len(countries) == count else []
        actors = actors if len(actors) == count else []
        for index in range(count):
            kind = _response_kind(types[index], subcodes[index], kinds)
            code = country_code(countries[index]) if countries else None
            initiator = _response_actor(actors[index] if actors else "", countries[index] if countries else "", code)
            if initiator is None:
                problems.append(f"{label} #{index + 1}: neither the actor nor the country is known; not imported")
                continue
            party = _resolve_response_actor(initiator, records)
            announced, precision = _date(dates[index])
            description = "; ".join(part for part in (types[index], subcodes[index]) if part)
            records.upsert(
                Consequence,
                lookup={"external_id": f"eurepoc:incident:{row['ID'].strip()}:{prefix}:{index + 1}"},
                values={
                    "incident": incident,
                    "source": dataset,
                    "initiated_by": party,
                    "target": target if target and target != party else None,
                    "kind": kind,
                    "description": description,
                    "review_status": ReviewStatus.DRAFT,
                    **dated("announced_on", announced, precision),
                },
            )
    return problems


def _response_kind(kind: str, subcode: str, kinds: list[tuple[str, str]]) -> str:
    for text in (subcode.lower(), kind.lower()):
        for words, consequence in kinds:
            if words in text:
                return consequence
    return ConsequenceKind.OTHER


def _response_actor(actor: str, country_text: str, code: str | None) -> tuple[str, str, str] | None:
    """(actor name or "", country code or "", region text) — what the response names as its initiator."""
    actor = "" if actor.lower() in BLANK else actor
    region = country_text if not code and country_text.lower() not in BLANK else ""
    if not actor and not code and not region:
        return None
    return actor, code or "", region


def _resolve_response_actor(initiator: tuple[str, str, str], records: Records) -> Party:
    actor, code, region = initiator
    if not actor and code:
        return records.state(code)
    if not actor:
        return records.party(_region_name(region), kind=PartyKind.INTERNATIONAL_ORG)
    if country_code(actor):
        return records.state(country_code(actor))
    name, aliases = _name_and_acronym(actor, code)
    if code:
        return records.party(
            name, kind=PartyKind.GOVERNMENT_BODY, country=code, parent=records.state(code), aliases=aliases
        )
    return records.party(name, kind=PartyKind.INTERNATIONAL_ORG, aliases=aliases)


def _region_name(region: str) -> str:
    return {"eu (region)": "European Union", "nato (region)": "North Atlantic Treaty Organization (NATO)"}.get(
        region.lower(), re.sub(r"\s*\(region\)$", "", region)
    )
