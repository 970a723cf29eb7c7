"""Use-case reads over cases: the derived timeline, search, statistics."""

import datetime as dt
import re
import statistics
from dataclasses import dataclass

from django.db import connection, models
from django.db.models import Count, Min, Q, QuerySet
from django.db.models.functions import ExtractYear

from attribution.access import sees_public_only
from attribution.codebook import AttributionStance, DatePrecision, ReactionStance, ReviewStatus
from attribution.countries import country_name
from attribution.dates import Lag, format_date, lag_between, sort_key
from attribution.search import search_vector, web_search_query
from incidents import search_index
from incidents.models import Incident, Source

_ATTRIBUTION_VERBS = {
    AttributionStance.ATTRIBUTES: ("attributed", "attributed the attack to"),
    AttributionStance.ENDORSES: ("endorsed", "endorsed the attribution to"),
    AttributionStance.CONTESTS: ("contested", "contested the attribution to"),
    AttributionStance.RETRACTS: ("retracted", "retracted the attribution to"),
}
_REACTION_VERBS = {
    ReactionStance.DENIAL: ("denied", "denied involvement"),
    ReactionStance.COUNTER_ACCUSATION: ("counter-accused", "blamed others instead"),
    ReactionStance.ACKNOWLEDGEMENT: ("acknowledged", "acknowledged involvement"),
    ReactionStance.NO_COMMENT: ("declined to comment", "declined to comment"),
    ReactionStance.AMBIGUOUS: ("reacted", "reacted ambiguously"),
}
_INCIDENT_DATES = (
    ("started_on", "attack_started", "began", "The attack began"),
    ("detected_on", "detected", "detected", "The attack was detected"),
    ("disclosed_on", "disclosed", "disclosed", "The attack was made public"),
    ("ended_on", "attack_ended", "ended", "The attack ended"),
)
# At the same date and precision, events keep the order of a case's story.
_KIND_ORDER = {
    "attack_started": 0,
    "detected": 1,
    "disclosed": 2,
    "attack_ended": 3,
    "related_incident": 4,
    "attribution": 5,
    "reaction": 6,
    "consequence": 7,
    "consequence_effective": 8,
}


@dataclass(frozen=True)
class TimelineEvent:
    """One dated event of a case, with its lag after the attack."""

    date: dt.date | None
    precision: str
    kind: str
    label: str
    lag: Lag | None
    lag_text: str  # "attributed 54 days after the attack"; empty without an anchor or a date
    record: models.Model
    review_status: str

    @property
    def date_text(self) -> str:
        return format_date(self.date, self.precision)


def incident_timeline(incident: Incident, *, include_drafts: bool = True) -> list[TimelineEvent]:
    """The case's events ordered by date: attack dates, claims, reactions, consequences, related incidents.

    Drafts appear unless `include_drafts` is false; rejected records never do. Lags are measured from
    the attack's start (else its best known date) at the coarser of the two precisions.
    """
    statuses = [ReviewStatus.CONFIRMED, ReviewStatus.DRAFT] if include_drafts else [ReviewStatus.CONFIRMED]
    return timeline_from_records(
        incident,
        attributions=incident.attributions.filter(review_status__in=statuses).select_related(
            "made_by", "attributed_to"
        ),
        reactions=incident.reactions.filter(review_status__in=statuses).select_related("party"),
        consequences=incident.consequences.filter(review_status__in=statuses).select_related("initiated_by", "target"),
        related=incident.related_incidents.filter(review_status__in=statuses),
    )


def timeline_from_records(incident: Incident, *, attributions, reactions, consequences, related) -> list[TimelineEvent]:
    """The timeline of records already fetched (for example those a user may see); rejected ones are left out."""
    anchor = (incident.occurred_on, incident.occurred_on_precision)
    builder = _TimelineBuilder(anchor if anchor[0] else None)
    anchor_field = next((f for f in ("started_on", "detected_on", "disclosed_on") if getattr(incident, f)), None)
    for field, kind, verb, label in _INCIDENT_DATES:
        value = getattr(incident, field)
        if value is not None:
            precision = getattr(incident, f"{field}_precision")
            builder.add(value, precision, kind, verb, label, incident, is_anchor=field == anchor_field)
    for claim in _kept(attributions):
        verb, phrase = _ATTRIBUTION_VERBS[AttributionStance(claim.stance)]
        confidence = f' ("{claim.confidence_text}")' if claim.confidence_text else ""
        label = f"{claim.made_by.name} {phrase} {claim.attributed_to.name}{confidence}"
        builder.add(claim.stated_on, claim.stated_on_precision, "attribution", verb, label, claim)
    for reaction in _kept(reactions):
        verb, phrase = _REACTION_VERBS[ReactionStance(reaction.stance)]
        builder.add(
            reaction.stated_on,
            reaction.stated_on_precision,
            "reaction",
            verb,
            f"{reaction.party.name} {phrase}",
            reaction,
        )
    for measure in _kept(consequences):
        target = f" → {measure.target.name}" if measure.target_id else ""
        label = f"{measure.initiated_by.name}{target}: {measure.get_kind_display().lower()}"
        builder.add(measure.announced_on, measure.announced_on_precision, "consequence", "announced", label, measure)
        if measure.effective_on and measure.effective_on != measure.announced_on:
            builder.add(
                measure.effective_on,
                measure.effective_on_precision,
                "consequence_effective",
                "took effect",
                f"{label} took effect",
                measure,
            )
    for other in _kept(related):
        builder.add(
            other.occurred_on,
            other.occurred_on_precision,
            "related_incident",
            "began",
            f"Related incident: {other.title}",
            other,
        )
    return builder.ordered()


def _kept(records):
    return [record for record in records if record.review_status != ReviewStatus.REJECTED]


class _TimelineBuilder:
    """Collects events and computes each one's lag from the anchor date."""

    def __init__(self, anchor: tuple[dt.date, str] | None):
        self.anchor = anchor
        self.events: list[TimelineEvent] = []

    def add(self, value, precision, kind, verb, label, record, *, is_anchor=False) -> None:
        lag, lag_text = None, ""
        if value is not None and self.anchor is not None and not is_anchor:
            lag = lag_between(self.anchor[0], self.anchor[1], value, precision)
            lag_text = f"{verb} {lag.text} the attack"
        if value is None:
            precision = DatePrecision.UNKNOWN
        self.events.append(TimelineEvent(value, precision, kind, label, lag, lag_text, record, record.review_status))

    def ordered(self) -> list[TimelineEvent]:
        return sorted(self.events, key=lambda e: (*sort_key(e.date, e.precision), _KIND_ORDER[e.kind], e.record.pk))


# --- Search -------------------------------------------------------------------------------------------
def incident_search(incidents: QuerySet[Incident], text: str, *, user) -> QuerySet[Incident]:
    """Incidents whose title or summary, a visible statement's quote, or a visible source's title or text
    match `text` (PostgreSQL: full-text search in web-search syntax; elsewhere every word, case-insensitive).
    For the public view on PostgreSQL, the words may match across these parts of the case (one document)."""
    if search_index.enabled() and sees_public_only(user):
        # The public view: one stored document per incident behind a GIN index (incidents.search_index).
        search_index.flush()  # documents marked earlier in this transaction
        return incidents.filter(search__document=web_search_query(text))
    return incident_search_by_record(incidents, text, user=user)


def incident_search_by_record(incidents: QuerySet[Incident], text: str, *, user) -> QuerySet[Incident]:
    """The same search, record by record, within any user's view (each record checked for visibility)."""
    from attribution.models import Attribution, Consequence, Reaction

    statements = [model.objects.visible_to(user) for model in (Attribution, Reaction, Consequence)]
    sources = Source.objects.visible_to(user)
    if connection.vendor == "postgresql":
        query = web_search_query(text)
        incidents = incidents.annotate(search_document=search_vector("title", "summary"))
        own = Q(search_document=query)
        matching_sources = sources.annotate(document=search_vector("title", "text")).filter(document=query)
        statement_hits = [qs.annotate(document=search_vector("quote")).filter(document=query) for qs in statements]
    else:
        words = [word for word in re.findall(r"[\w'-]+", text) if word.upper() != "OR"] or [text]
        own = _all_words(words, "title", "summary")
        matching_sources = sources.filter(_all_words(words, "title", "text"))
        statement_hits = [qs.filter(_all_words(words, "quote")) for qs in statements]
    hits = own | Q(source_links__source__in=matching_sources.values("id"))
    for qs in statement_hits:
        hits |= Q(id__in=qs.values("incident_id"))
    for qs in statements:
        hits |= Q(id__in=qs.filter(source__in=matching_sources.values("id")).values("incident_id"))
    return incidents.filter(id__in=incidents.filter(hits).values("id"))


def _all_words(words: list[str], *fields: str) -> Q:
    condition = Q()
    for word in words:
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": word})
        condition &= any_field
    return condition


# --- Statistics ---------------------------------------------------------------------------------------
def incident_stats(incidents: QuerySet[Incident], *, user) -> dict:
    """Counts and lags for dashboards over the given (already visible and filtered) incidents."""
    from attribution.models import Attribution, Consequence

    ids = incidents.order_by().values("id")
    claims = Attribution.objects.visible_to(user).filter(incident__in=ids, stance__in=["attributes", "endorses"])
    measures = Consequence.objects.visible_to(user).filter(incident__in=ids)
    per_year = (
        incidents.exclude(occurred_on=None)
        .annotate(year=ExtractYear("occurred_on"))
        .order_by()
        .values("year")
        .annotate(n=Count("id"))
        .order_by("year")
    )
    per_state = (
        claims.exclude(attributed_to__country="")
        .order_by()
        .values("attributed_to__country")
        .annotate(n=Count("incident", distinct=True))
        .order_by("-n", "attributed_to__country")
    )
    per_kind = (
        measures.order_by()
        .values("kind")
        .annotate(n=Count("id"), m=Count("incident", distinct=True))
        .order_by("-n", "kind")
    )
    to_claim = days_to_first(incidents, claims, "stated_on")
    to_measure = days_to_first(incidents, measures, "announced_on")
    return {
        "incidents": incidents.count(),
        "per_year": [{"year": row["year"], "incidents": row["n"]} for row in per_year],
        "per_attributed_state": [
            {
                "country": row["attributed_to__country"],
                "name": country_name(row["attributed_to__country"]),
                "incidents": row["n"],
            }
            for row in per_state
        ],
        "per_consequence_kind": [{"kind": r["kind"], "consequences": r["n"], "incidents": r["m"]} for r in per_kind],
        "median_days_to_first_attribution": statistics.median(to_claim) if to_claim else None,
        "median_days_to_first_consequence": statistics.median(to_measure) if to_measure else None,
        "measured": {"to_first_attribution": len(to_claim), "to_first_consequence": len(to_measure)},
    }


def days_to_first(incidents: QuerySet[Incident], records: QuerySet, date_field: str) -> list[int]:
    """Days from each day-precise attack to its first day-precise record."""
    first = (
        records.filter(**{f"{date_field}_precision": DatePrecision.DAY})
        .order_by()
        .values("incident")
        .annotate(first=Min(date_field))
    )
    attack = dict(incidents.filter(occurred_on_precision=DatePrecision.DAY).values_list("id", "occurred_on"))
    return [(row["first"] - attack[row["incident"]]).days for row in first if row["incident"] in attack]
