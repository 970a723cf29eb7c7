"""Threat actors and state agencies from MISP galaxy clusters: parsing, and the default knowledge base.

A MISP galaxy cluster file (threat-actor, mitre-intrusion-set, microsoft-activity-group,
intelligence-agencies) lists actors with a name, synonyms, a country and references. Parsing is
pure: `read_galaxy` turns a file's JSON into `ActorRecord`s and names what it could not read.

The product ships the four clusters (CC0 / BSD-2, `attribution/data/misp-galaxy/LICENSE.md`) so that
extraction recognises APT34, HomeLand Justice or Sandworm before anyone imports anything; the same
files can be imported into the Party table with `manage.py import_actors --default`.
"""

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from attribution.countries import country_code

DEFAULT_GALAXY_DIR = Path(__file__).parent / "data" / "misp-galaxy" / "clusters"
DEFAULT_CLUSTERS = ("threat-actor", "mitre-intrusion-set", "microsoft-activity-group", "intelligence-agencies")
# Galaxy types whose clusters are state organs rather than threat groups.
AGENCY_GALAXIES = {"intelligence-agency", "intelligence-agencies"}
# The relation between clusters that says two clusters may be the same actor (the others: uses, targets…).
SAME_ACTOR_RELATION = "similar"
_CITATION = re.compile(r"\s*\[\d+\]")


class GalaxyError(ValueError):
    """The input is not a MISP galaxy cluster file; nothing of it can be imported."""


@dataclass(frozen=True)
class ActorRecord:
    uuid: str
    name: str
    kind: str  # threat_group or government_body
    country: str | None  # ISO alpha-2: the sponsor state claimed for a group, the state of an agency
    aliases: tuple[str, ...]
    description: str
    refs: tuple[str, ...]
    galaxy: str
    mitre_id: str | None
    same_as: tuple[str, ...]  # uuids of clusters the file calls similar


@dataclass
class GalaxyRead:
    galaxy: str
    records: list[ActorRecord]
    problems: list[str]  # "value 12: no uuid", one per cluster that was not read
    total: int


def read_galaxy(data: object) -> GalaxyRead:
    """Parse one cluster file's JSON (already decoded). Raise GalaxyError when it is not a cluster file."""
    if not isinstance(data, dict) or not isinstance(data.get("values"), list):
        raise GalaxyError('Not a MISP galaxy cluster file: expected an object with a "values" list.')
    galaxy = str(data.get("type") or data.get("name") or "threat-actor")
    kind = "government_body" if galaxy in AGENCY_GALAXIES else "threat_group"
    records, problems = [], []
    for index, value in enumerate(data["values"], start=1):
        record, problem = _record(value, galaxy, kind)
        if problem:
            problems.append(f"value {index}: {problem}")
        else:
            records.append(record)
    return GalaxyRead(galaxy, records, problems, len(data["values"]))


def _record(value: object, galaxy: str, kind: str) -> tuple[ActorRecord | None, str | None]:
    if not isinstance(value, dict):
        return None, "not an object"
    name = _clean(value.get("value"))
    uuid = value.get("uuid")
    if not name:
        return None, "no name (value)"
    if not isinstance(uuid, str) or not re.fullmatch(r"[0-9a-fA-F-]{32,36}", uuid):
        return None, f"{name}: no valid uuid"
    meta = value.get("meta") if isinstance(value.get("meta"), dict) else {}
    aliases = []
    for synonym in _strings(meta.get("synonyms")):
        alias = _clean(synonym)
        if alias and alias.casefold() != name.casefold() and alias.casefold() not in {a.casefold() for a in aliases}:
            aliases.append(alias[:200])
    related = value.get("related") if isinstance(value.get("related"), list) else []
    same_as = tuple(
        r["dest-uuid"]
        for r in related
        if isinstance(r, dict) and r.get("type") == SAME_ACTOR_RELATION and isinstance(r.get("dest-uuid"), str)
    )
    record = ActorRecord(
        uuid=uuid.lower(),
        name=name[:200],
        kind=kind,
        country=_country(meta),
        aliases=tuple(aliases),
        description=str(value.get("description") or "").strip(),
        refs=tuple(ref for ref in _strings(meta.get("refs")) if ref.startswith(("http://", "https://"))),
        galaxy=galaxy,
        mitre_id=meta.get("external_id") if isinstance(meta.get("external_id"), str) else None,
        same_as=same_as,
    )
    return record, None


def _clean(value: object) -> str:
    """ "Intelligence org of the Islamic Republic of Iran[12]" -> without the citation mark."""
    return _CITATION.sub("", value).strip() if isinstance(value, str) else ""


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _country(meta: dict) -> str | None:
    """The state a cluster is tied to: the CFR's suspected sponsor first, else the galaxy's country."""
    for sponsor in _strings(meta.get("cfr-suspected-state-sponsor")):
        code = country_code(sponsor)
        if code:
            return code
    for name in _strings(meta.get("country")):
        code = country_code(name)
        if code:
            return code
    return None


def load_galaxy_file(path: Path) -> GalaxyRead:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise GalaxyError(f"{path.name}: not readable JSON ({error}).") from error
    return read_galaxy(data)


@cache
def default_actors() -> tuple[ActorRecord, ...]:
    """The shipped knowledge base: every cluster of the four default galaxies."""
    records: list[ActorRecord] = []
    for cluster in DEFAULT_CLUSTERS:
        records += load_galaxy_file(DEFAULT_GALAXY_DIR / f"{cluster}.json").records
    return tuple(records)


@dataclass(frozen=True)
class KnownName:
    """One name a text may use for an actor of the knowledge base, with the state it is tied to."""

    name: str
    kind: str
    country: str | None


@cache
def default_names() -> tuple[KnownName, ...]:
    """Names of the knowledge base fit for finding actors in running text.

    A name shared by actors tied to different states keeps no state; names of agencies that several
    states use ("Ministry of Defence") and names too short to be told from words are left out.
    """
    by_name: dict[str, set] = {}
    kinds: dict[str, str] = {}
    for record in default_actors():
        for name in (record.name, *record.aliases):
            name = re.sub(
                r"\s+\([^)]*\)\s*$", "", name
            ).strip()  # "State Security Service (Georgia)", not "NoName057(16)"
            if not _usable(name):
                continue
            by_name.setdefault(name, set()).add(record.country)
            kinds.setdefault(name, record.kind)
    names = []
    for name, countries in by_name.items():
        known = {c for c in countries if c}
        if kinds[name] == "government_body" and len(known) != 1:
            continue
        names.append(KnownName(name, kinds[name], known.pop() if len(known) == 1 else None))
    return tuple(names)


def _usable(name: str) -> bool:
    if len(name) < 3 or not re.search(r"[A-Za-z]", name) or re.search(r"[^\w\s&$.'’!-]", re.sub(r"\(\d+\)$", "", name)):
        return False
    if name.isdigit() or re.fullmatch(r"[A-Z]\d{4}", name):  # ATT&CK ids (G0049) are not used in prose
        return False
    return name[0].isupper() or name[0].isdigit()
