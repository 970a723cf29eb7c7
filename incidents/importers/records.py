"""Writing imported records: each found again by a deterministic key, created as a draft, and updated
only while it is still a draft (a record a researcher has confirmed or rejected keeps their version).

Every structured importer (STIX bundles, MISP events, datasets) writes through one `Records`, which
counts what it created, updated and left unchanged, and remembers the parties and sources it has
already resolved during the job.
"""

import datetime as dt
from collections import Counter

from django.db import models

from attribution.codebook import PartyKind, ReviewStatus, SourceKind
from attribution.countries import country_name
from attribution.dates import normalize_precision
from attribution.models import Party, PartyAlias, PartyExternalId
from attribution.normalize import normalize_name
from attribution.services import save_with_history
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

    def forget(self) -> None:
        """Drop what was resolved so far (after a rolled-back item, whose rows are gone)."""
        self._parties.clear()
        self._sources.clear()

    # --- Any record ------------------------------------------------------------------------------------
    def upsert(self, model: type[models.Model], *, lookup: dict, values: dict, m2m: dict | None = None):
        """The record matching `lookup`, created with `values` (and many-to-many `m2m`) when there is
        none, brought up to date when it is still a draft, else left as the researcher has it."""
        instance = model.objects.filter(**lookup).order_by("pk").first()
        if instance is None:
            instance = model(**lookup, **values)
            self._save(instance)
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
        save_with_history(instance, user=self.user, reason=self.reason)

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
            candidates = list(
                Party.objects.filter(kind__in=kinds, normalized_name=key).order_by("pk")
            ) or [
                alias.party
                for alias in PartyAlias.objects.filter(normalized=key, party__kind__in=kinds)
                .select_related("party")
                .order_by("party_id")
            ]
            candidates = [
                party for party in candidates if party.kind not in NATIONAL_KINDS or party.country == country
            ]
            if candidates:
                best = next((party for party in candidates if country and party.country == country), candidates[0])
                self._parties[cache_key] = best
                return best
        return None

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
                    review_status=ReviewStatus.DRAFT,
                )
            )
        else:
            self.counts["unchanged"] += 1
        self._sources[key] = found
        return found

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
