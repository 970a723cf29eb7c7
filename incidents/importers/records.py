"""Writing imported records: each found again by a deterministic key, created as a draft, and updated
only while it is still a draft (a record a researcher has confirmed or rejected keeps their version).

Every structured importer (STIX bundles, MISP events, datasets) writes through one `Records`, which
counts what it created, updated and left unchanged, and remembers the parties and sources it has
already resolved during the job.
"""

import datetime as dt
from collections import Counter

from django.db import models
from simple_history.utils import bulk_create_with_history

from attribution.codebook import PartyKind, ReviewStatus, SourceKind
from attribution.countries import country_name
from attribution.dates import normalize_precision
from attribution.models import Party, PartyAlias, PartyExternalId
from attribution.normalize import normalize_name
from incidents import api_cache, search_index
from incidents.models import IncidentSource, Source
from incidents.urlnorm import normalize_url

# Kinds whose names are only meaningful within one country ("National Security Council", "Ministry of
# Foreign Affairs"): such a party is found again by name and country together.
NATIONAL_KINDS = (PartyKind.GOVERNMENT_BODY, PartyKind.PERSON)


def dated(field: str, value: dt.date | None, precision: str = "day") -> dict:
    """`{field: value, field_precision: precision}` with the precision the model would store."""
    return {field: value, f"{field}_precision": normalize_precision(value, precision)}


class Records:
    """Upserts for one import job, counting created / updated / unchanged records in `counts`."""

    def __init__(self, *, user=None, reason: str, counts: Counter | None = None):
        self.user, self.reason = user, reason
        self.counts = counts if counts is not None else Counter()
        self._parties: dict[tuple, Party] = {}
        self._sources: dict[tuple, Source] = {}
        self._external_ids: dict[type, set[str]] = {}

    def preload(self, model: type[models.Model], prefix: str) -> None:
        """Read once which external ids starting with `prefix` exist, so that upserts of new records
        (looked up by `external_id`) need no query to learn that they are new."""
        self._external_ids[model] = set(
            model.objects.filter(external_id__startswith=prefix).values_list("external_id", flat=True)
        )

    def forget(self) -> None:
        """Drop what was resolved so far (after a rolled-back item, whose rows are gone)."""
        self._parties.clear()
        self._sources.clear()

    def is_new(self, model: type[models.Model], external_id: str) -> bool:
        """Whether no record of `model` has this external id (from the preloaded ids when there are)."""
        known = self._external_ids.get(model)
        if known is not None:
            return external_id not in known
        return not model.objects.filter(external_id=external_id).exists()

    # --- Any record ------------------------------------------------------------------------------------
    def upsert(self, model: type[models.Model], *, lookup: dict, values: dict, m2m: dict | None = None):
        """The record matching `lookup`, created with `values` (and many-to-many `m2m`) when there is
        none, brought up to date when it is still a draft, else left as the researcher has it."""
        known = self._external_ids.get(model)
        if known is not None and set(lookup) == {"external_id"} and lookup["external_id"] not in known:
            instance = None
        else:
            instance = model.objects.filter(**lookup).order_by("pk").first()
        if instance is None:
            instance = model(**lookup, **values)
            self._save(instance)
            if known is not None and "external_id" in lookup:
                known.add(lookup["external_id"])
            for name, items in (m2m or {}).items():
                getattr(instance, name).set(items)
            self.counts["created"] += 1
            return instance
        if getattr(instance, "review_status", ReviewStatus.DRAFT) != ReviewStatus.DRAFT:
            self.counts["unchanged"] += 1
            return instance
        changed = [name for name, value in values.items() if _stored(instance, name) != _stored_value(value)]
        for name in changed:
            setattr(instance, name, values[name])
        if changed:
            self._save(instance)
        m2m_changed = False
        for name, items in (m2m or {}).items():
            manager = getattr(instance, name)
            if set(manager.values_list("pk", flat=True)) != {item.pk for item in items}:
                manager.set(items)
                m2m_changed = True
        self.counts["updated" if changed or m2m_changed else "unchanged"] += 1
        return instance

    def create(self, instance: models.Model) -> models.Model:
        self._save(instance)
        self.counts["created"] += 1
        return instance

    def _save(self, instance: models.Model) -> None:
        """Check the record's fields and its own rules, then save it with its history row.

        Unlike `save_with_history`, related rows are not looked up again (the importer passes the
        instances it has just read or written) and uniqueness is left to the database's constraints,
        whose violation rolls back the item being imported: a dataset of thousands of rows would
        otherwise spend most of its time on those queries."""
        relations = [field.name for field in instance._meta.concrete_fields if field.is_relation]
        instance.clean_fields(exclude=relations)
        instance.clean()
        instance._history_user = self.user
        instance._change_reason = self.reason
        instance.save()

    # --- Parties ---------------------------------------------------------------------------------------
    def state(self, code: str) -> Party:
        """The state party of an ISO alpha-2 code (the oldest such party), created when missing."""
        key = ("state", code)
        if key not in self._parties:
            party = Party.objects.filter(kind=PartyKind.STATE, country=code).order_by("pk").first()
            if party is None:
                party = self.create(
                    Party(name=country_name(code), kind=PartyKind.STATE, country=code, review_status=ReviewStatus.DRAFT)
                )
            self._parties[key] = party
        return self._parties[key]

    def find_party(self, names: list[str], *, kinds: tuple[str, ...], country: str = "") -> Party | None:
        """An existing party known by any of `names` (its own name first, then an alias), of one of
        `kinds`; for bodies and people only within `country`. Among several, the one of `country`,
        then the oldest."""
        for name in names:
            key = normalize_name(name)
            if not key:
                continue
            cache_key = ("find", kinds, country, key)
            if cache_key in self._parties:
                return self._parties[cache_key]
            candidates = list(Party.objects.filter(kind__in=kinds, normalized_name=key).order_by("pk")) or [
                alias.party
                for alias in PartyAlias.objects.filter(normalized=key, party__kind__in=kinds)
                .select_related("party")
                .order_by("party_id")
            ]
            candidates = [party for party in candidates if party.kind not in NATIONAL_KINDS or party.country == country]
            if candidates:
                best = next((party for party in candidates if country and party.country == country), candidates[0])
                self._parties[cache_key] = best
                return best
        return None

    def add_aliases(self, party: Party, names: list[str]) -> None:
        """Give `party` the names it is not yet known by (a dataset says they name the same actor)."""
        have = {party.normalized_name, *party.aliases.values_list("normalized", flat=True)}
        for name in names:
            normalized = normalize_name(name)
            if normalized and normalized not in have:
                self.create(PartyAlias(party=party, name=name.strip()[:200]))
                have.add(normalized)

    def party(
        self,
        name: str,
        *,
        kind: str,
        country: str = "",
        parent: Party | None = None,
        aliases: list[str] | tuple = (),
        external: tuple[str, str] | None = None,
        description: str = "",
    ) -> Party:
        """The party `name` of `kind`: found by its external id (system, value), else by its name or
        an alias, else created as a draft with its aliases and external id."""
        key = ("party", kind, country, normalize_name(name), external)
        if key in self._parties:
            return self._parties[key]
        party = None
        if external is not None:
            ext = PartyExternalId.objects.filter(system=external[0], value=external[1]).select_related("party").first()
            party = ext.party if ext else None
        if party is None:
            party = self.find_party([name, *aliases], kinds=(kind,), country=country)
        if party is None:
            party = self.create(
                Party(
                    name=name.strip()[:200],
                    kind=kind,
                    country=country,
                    parent=parent,
                    description=description,
                    review_status=ReviewStatus.DRAFT,
                )
            )
            own = {party.normalized_name}
            for alias in aliases:
                normalized = normalize_name(alias)
                if normalized and normalized not in own:
                    self.create(PartyAlias(party=party, name=alias.strip()[:200]))
                    own.add(normalized)
        if external is not None and not PartyExternalId.objects.filter(system=external[0], value=external[1]).exists():
            self.create(PartyExternalId(party=party, system=external[0], value=external[1][:200]))
        self._parties[key] = party
        return party

    # --- Sources ---------------------------------------------------------------------------------------
    def source(
        self,
        *,
        url: str | None = None,
        title: str = "",
        kind: str = SourceKind.NEWS,
        publisher: str = "",
        published_on: dt.date | None = None,
        external_id: str | None = None,
        text: str = "",
        language: str = "",
        retrieved_at=None,
    ) -> Source:
        """A source found by its external id, its normalised URL or (without a URL) its title and kind;
        created as a draft when none matches. An existing source is never changed by an import."""
        url = (url or "").strip() or None
        key = (external_id, normalize_url(url) if url else None, None if url else (kind, title))
        if key in self._sources:
            return self._sources[key]
        found = None
        if external_id:
            found = Source.objects.filter(external_id=external_id).first()
        if found is None and url:
            found = Source.objects.filter(normalized_url=normalize_url(url)).first()
        if found is None and not url and title:
            found = Source.objects.filter(url__isnull=True, kind=kind, title=title[:500]).order_by("pk").first()
        if found is None:
            found = self.create(
                Source(
                    url=url,
                    title=title[:500],
                    kind=kind,
                    publisher=publisher[:200],
                    published_on=published_on,
                    external_id=external_id,
                    text=text,
                    language=language[:16],
                    retrieved_at=retrieved_at,
                    review_status=ReviewStatus.DRAFT,
                )
            )
        else:
            self.counts["unchanged"] += 1
        self._sources[key] = found
        return found

    def link_urls(self, links: list[tuple[int, str]], *, kind: str = SourceKind.OTHER, batch: int = 500) -> None:
        """Many (incident id, web address) links at once: a source per address (found by its normalised
        URL, the missing ones created as drafts) linked to its incident; in bulk, with history rows, so a
        dataset citing thousands of pages does not write them one by one. Addresses must be valid."""
        wanted: dict[str, str] = {}
        for _, url in links:
            wanted.setdefault(normalize_url(url), url)
        found: dict[str, int] = {}
        keys = list(wanted)
        for start in range(0, len(keys), batch):
            chunk = keys[start : start + batch]
            found.update(Source.objects.filter(normalized_url__in=chunk).values_list("normalized_url", "pk"))
        new = []
        for key, url in wanted.items():
            if key not in found:
                source = Source(url=url, kind=kind, review_status=ReviewStatus.DRAFT, published_on_precision="unknown")
                source.set_keys()
                new.append(source)
        self._bulk(new, Source, batch)
        found.update({source.normalized_url: source.pk for source in new})
        pairs = {(incident_id, found[normalize_url(url)]) for incident_id, url in links}
        incident_ids = sorted({incident_id for incident_id, _ in pairs})
        have: set[tuple[int, int]] = set()
        for start in range(0, len(incident_ids), batch):
            chunk = incident_ids[start : start + batch]
            have.update(IncidentSource.objects.filter(incident_id__in=chunk).values_list("incident_id", "source_id"))
        new_links = [IncidentSource(incident_id=i, source_id=s) for i, s in sorted(pairs - have)]
        self._bulk(new_links, IncidentSource, batch)
        self.counts["unchanged"] += (len(wanted) - len(new)) + (len(pairs) - len(new_links))

    def _bulk(self, instances: list, model: type[models.Model], batch: int) -> None:
        if instances:
            bulk_create_with_history(
                instances, model, batch_size=batch, default_user=self.user, default_change_reason=self.reason
            )
            self.counts["created"] += len(instances)
            if model is IncidentSource:  # bulk inserts send no signals
                search_index.mark(link.incident_id for link in instances)
            api_cache.bump()

    def link_source(self, incident, source: Source) -> None:
        """Record that `source` documents `incident` (once)."""
        if not IncidentSource.objects.filter(incident=incident, source=source).exists():
            self.create(IncidentSource(incident=incident, source=source))


def _stored(instance: models.Model, name: str):
    field = instance._meta.get_field(name)
    if field.many_to_one or field.one_to_one:
        return getattr(instance, field.attname)
    return getattr(instance, name)


def _stored_value(value):
    return value.pk if isinstance(value, models.Model) else value
