"""Threat actors and agencies from a MISP galaxy cluster file into the Party table.

One Party per cluster, found again by its MISP UUID (PartyExternalId), so a second run changes
nothing. Synonyms become aliases; the same alias on several actors stays on each of them (listed in
the result as ambiguous, shown in the admin), never a merge. Clusters the file calls similar are
linked as "possibly same as". A party a researcher created under the same name and kind, without a
MISP id yet, is taken as that cluster's party.
"""

import json
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db import transaction

from attribution.codebook import ExternalIdSystem
from attribution.knowledge import ActorRecord, GalaxyError, read_galaxy
from attribution.models import Party, PartyAlias, PartyExternalId, PossiblySameAs
from attribution.normalize import normalize_name
from attribution.services import save_with_history
from incidents.importers import ImportFailure, ImportResult, Progress, item_error

REASON = "actor list import"
MISP = ExternalIdSystem.MISP_GALAXY
KINDS = ("threat_group", "government_body")  # the kinds a cluster becomes (attribution.knowledge)


def import_actors(content: bytes, *, options: dict, user, progress: Progress) -> ImportResult:
    try:
        read = read_galaxy(json.loads(content.decode("utf-8-sig")))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:  # RecursionError: nested too deep
        raise ImportFailure(f"Not a JSON file: {error}.") from error
    except GalaxyError as error:
        raise ImportFailure(str(error)) from error
    result = ImportResult(problems=list(read.problems))
    result.counts["skipped"] = len(read.problems)
    known = _Known.load()
    total = len(read.records)
    for done, record in enumerate(read.records, start=1):
        try:
            with transaction.atomic():
                outcome = _upsert(record, known, user)
        except Exception as error:  # one bad actor is reported, the others still import
            known = _Known.load()  # what the rolled-back item added to the cache is gone from the database
            result.counts["skipped"] += 1
            result.problems.append(f"{record.name} ({record.uuid}): {item_error(error)}")
            continue
        result.counts[outcome] += 1
        progress(done, total, "Actors")
    ids = {uuid: party.pk for uuid, party in known.by_uuid.items()}
    result.counts["links"] = _link_similar(read.records, ids, user)
    ambiguous = _ambiguous_aliases(read.records)
    result.details = {
        "galaxy": read.galaxy,
        "actors": total,
        "ambiguous_aliases": {alias: sorted(names) for alias, names in sorted(ambiguous.items())},
    }
    return result


@dataclass
class _Known:
    """What the database already holds, read once per import rather than once per cluster."""

    by_uuid: dict[str, Party]  # parties with a MISP UUID, their aliases prefetched
    by_name: dict[tuple[str, str], Party]  # (kind, normalized name) of parties without one
    ids: set[tuple[str, str]]  # every (system, value) external id in use

    @classmethod
    def load(cls) -> "_Known":
        by_uuid = {}
        for party in Party.objects.filter(external_ids__system=MISP).prefetch_related("aliases", "external_ids"):
            by_uuid.update({ext.value: party for ext in party.external_ids.all() if ext.system == MISP})
        others = Party.objects.filter(kind__in=KINDS).exclude(external_ids__system=MISP).order_by("-pk")
        by_name = {(party.kind, party.normalized_name): party for party in others.prefetch_related("aliases")}
        ids = set(PartyExternalId.objects.values_list("system", "value"))
        return cls(by_uuid, by_name, ids)  # by_name: of two parties with one name, the older (listed last) wins


def _upsert(record: ActorRecord, known: _Known, user) -> str:
    fields = {
        "name": record.name,
        "kind": record.kind,
        "country": record.country or "",
        "description": record.description,
        "references": list(record.refs),
    }
    party = known.by_uuid.get(record.uuid)
    if party is None:
        party = known.by_name.pop((record.kind, normalize_name(record.name)), None)
        if party is None:
            party = save_with_history(Party(**fields), user=user, reason=REASON)
            outcome = "created"
        else:
            outcome = "updated"  # a researcher's party gets the cluster's id and names, not its description
        known.by_uuid[record.uuid] = party
    else:
        changed = {name: value for name, value in fields.items() if getattr(party, name) != value}
        for name, value in changed.items():
            setattr(party, name, value)
        if changed:
            save_with_history(party, user=user, reason=REASON)
        outcome = "updated" if changed else "unchanged"
    names = {party.normalized_name}
    if outcome != "created":
        names.update(alias.normalized for alias in party.aliases.all())
    if _add_names(party, record, names, known.ids, user) and outcome == "unchanged":
        outcome = "updated"
    return outcome


def _add_names(party: Party, record: ActorRecord, names: set[str], ids: set, user) -> bool:
    """Add the cluster's synonyms and ids the party lacks (never removes what a researcher added)."""
    added = False
    for alias in record.aliases:
        key = normalize_name(alias)
        if key and key not in names:
            save_with_history(PartyAlias(party=party, name=alias), user=user, reason=REASON)
            names.add(key)
            added = True
    wanted = [(MISP, record.uuid, "")]
    if record.mitre_id:
        url = f"https://attack.mitre.org/groups/{record.mitre_id}/"
        wanted.append((ExternalIdSystem.MITRE_ATTACK, record.mitre_id, url))
    for system, value, url in wanted:
        if (system, value) not in ids:
            save_with_history(
                PartyExternalId(party=party, system=system, value=value, url=url), user=user, reason=REASON
            )
            ids.add((system, value))
            added = True
    return added


def _link_similar(records: list[ActorRecord], ids: dict[str, int], user) -> int:
    """ "Possibly same as" links for clusters the file relates as similar, when both are parties."""
    created = 0
    for record in records:
        for other in record.same_as:
            a, b = ids.get(record.uuid), ids.get(other)
            if not a or not b or a == b:
                continue
            low, high = min(a, b), max(a, b)
            if PossiblySameAs.objects.filter(party_a_id__in=(low, high), party_b_id__in=(low, high)).exists():
                continue
            link = PossiblySameAs(
                party_a_id=low, party_b_id=high, note=f"Related as similar in the MISP {record.galaxy} galaxy."
            )
            save_with_history(link, user=user, reason=REASON)
            created += 1
    return created


def _ambiguous_aliases(records: list[ActorRecord]) -> dict[str, set[str]]:
    """Names that stand for more than one actor of the file, as a synonym or as an actor's own name
    ("Grizzly Steppe": APT28 and APT29; "OilRig" is one actor and another's synonym)."""
    owners: dict[str, set[str]] = defaultdict(set)
    spelled: dict[str, Counter] = defaultdict(Counter)
    for record in records:
        for alias in (record.name, *record.aliases):
            key = normalize_name(alias)
            owners[key].add(record.name)
            spelled[key][alias] += 1
    return {spelled[key].most_common(1)[0][0]: names for key, names in owners.items() if len(names) > 1}
