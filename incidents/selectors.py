"""Use-case reads over cases: the derived timeline."""

import datetime as dt
from dataclasses import dataclass

from django.db import models

from attribution.codebook import AttributionStance, DatePrecision, ReactionStance, ReviewStatus
from attribution.dates import Lag, format_date, lag_between, sort_key
from incidents.models import Incident

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

    Rejected records never appear; drafts appear unless `include_drafts` is false. Lags are measured
    from the attack's start (else its best known date) at the coarser of the two precisions.
    """
    anchor = (incident.occurred_on, incident.occurred_on_precision)
    builder = _TimelineBuilder(anchor if anchor[0] else None)
    anchor_field = next((f for f in ("started_on", "detected_on", "disclosed_on") if getattr(incident, f)), None)
    for field, kind, verb, label in _INCIDENT_DATES:
        value = getattr(incident, field)
        if value is not None:
            builder.add(
                value,
                getattr(incident, f"{field}_precision"),
                kind,
                verb,
                label,
                incident,
                incident.review_status,
                is_anchor=field == anchor_field,
            )
    statuses = [ReviewStatus.CONFIRMED, ReviewStatus.DRAFT] if include_drafts else [ReviewStatus.CONFIRMED]
    for claim in incident.attributions.filter(review_status__in=statuses).select_related("made_by", "attributed_to"):
        verb, phrase = _ATTRIBUTION_VERBS[AttributionStance(claim.stance)]
        confidence = f' ("{claim.confidence_text}")' if claim.confidence_text else ""
        label = f"{claim.made_by.name} {phrase} {claim.attributed_to.name}{confidence}"
        builder.add(claim.stated_on, claim.stated_on_precision, "attribution", verb, label, claim, claim.review_status)
    for reaction in incident.reactions.filter(review_status__in=statuses).select_related("party"):
        verb, phrase = _REACTION_VERBS[ReactionStance(reaction.stance)]
        label = f"{reaction.party.name} {phrase}"
        builder.add(
            reaction.stated_on, reaction.stated_on_precision, "reaction", verb, label, reaction, reaction.review_status
        )
    consequences = incident.consequences.filter(review_status__in=statuses).select_related("initiated_by", "target")
    for measure in consequences:
        target = f" → {measure.target.name}" if measure.target_id else ""
        label = f"{measure.initiated_by.name}{target}: {measure.get_kind_display().lower()}"
        builder.add(
            measure.announced_on,
            measure.announced_on_precision,
            "consequence",
            "announced",
            label,
            measure,
            measure.review_status,
        )
        if measure.effective_on and measure.effective_on != measure.announced_on:
            builder.add(
                measure.effective_on,
                measure.effective_on_precision,
                "consequence_effective",
                "took effect",
                f"{label} took effect",
                measure,
                measure.review_status,
            )
    for related in incident.related_incidents.exclude(review_status=ReviewStatus.REJECTED):
        if include_drafts or related.review_status == ReviewStatus.CONFIRMED:
            builder.add(
                related.occurred_on,
                related.occurred_on_precision,
                "related_incident",
                "began",
                f"Related incident: {related.title}",
                related,
                related.review_status,
            )
    return builder.ordered()


class _TimelineBuilder:
    """Collects events and computes each one's lag from the anchor date."""

    def __init__(self, anchor: tuple[dt.date, str] | None):
        self.anchor = anchor
        self.events: list[TimelineEvent] = []

    def add(self, value, precision, kind, verb, label, record, review_status, *, is_anchor=False) -> None:
        lag, lag_text = None, ""
        if value is not None and self.anchor is not None and not is_anchor:
            lag = lag_between(self.anchor[0], self.anchor[1], value, precision)
            lag_text = f"{verb} {lag.text} the attack"
        if value is None:
            precision = DatePrecision.UNKNOWN
        self.events.append(TimelineEvent(value, precision, kind, label, lag, lag_text, record, review_status))

    def ordered(self) -> list[TimelineEvent]:
        return sorted(self.events, key=lambda e: (*sort_key(e.date, e.precision), _KIND_ORDER[e.kind], e.record.pk))
