"""Writing a checked bundle, object by object, each in its own transaction."""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from attribution.codebook import (
    AttributionStance,
    ConsequenceKind,
    ExternalIdSystem,
    PartyKind,
    ReviewStatus,
    SourceKind,
    Tlp,
)
from attribution.countries import country_code
from attribution.dates import normalize_precisions
from attribution.models import Attribution, Consequence, Party, PartyAlias, PartyExternalId, PossiblySameAs, Reaction
from attribution.normalize import normalize_name
from incidents import api_cache, search_index
from incidents.importers import ImportResult, Progress, item_error
from incidents.importers.records import NATIONAL_KINDS, Records, dated
from incidents.importers.stix.bundle import Bundle, _is_read, read_bundle
from incidents.importers.stix.mapping import (
    _attributor_fields,
    _confidence,
    _date,
    _identity_kind,
    _incident_dates,
    _is_accused,
    _location_country,
    _loose_dated,
    _mitre_id,
    _references,
    _refs,
    _relationship_order,
    _relationship_role,
    _source_kind,
    _strings,
    _text,
    _urls,
    _uuid,
    _words,
)
from incidents.importers.stix.vocab import (
    CONSEQUENCE_PROPERTY,
    CONTEXT_TYPES,
    FINER_THAN_COUNTRY,
    GROUP_TYPES,
    IDENTITY,
    INCIDENT_TYPES,
    LOCATION,
    OPINION_REACTIONS,
    OPINION_STANCES,
    PARTY_TYPES,
    REASON,
    STIX,
    TLP_ORDER,
    UNKNOWN_ATTRIBUTOR,
    _Problem,
    _Skip,
)
from incidents.models import Incident, IncidentSource, Source
from incidents.urlnorm import normalize_url


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
            if model is IncidentSource:  # bulk inserts send no signals
                search_index.mark(link.incident_id for link in rows)
            api_cache.bump()

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
