"""The derived case timeline: ordering, lags and date precision."""

import datetime as dt

import pytest

from incidents.selectors import incident_timeline
from tests.factories import (
    AttributionFactory,
    ConsequenceFactory,
    IncidentFactory,
    PartyFactory,
    ReactionFactory,
)

pytestmark = pytest.mark.django_db
D = dt.date


def test_demo_timeline_orders_events_and_measures_lags(demo):
    events = incident_timeline(demo)
    dates = [e.date for e in events]
    assert dates == sorted(dates)
    assert events[0].kind == "attack_started" and events[0].lag_text == ""
    albania = next(e for e in events if e.kind == "attribution" and e.label.startswith("Albania"))
    assert (albania.lag.days, albania.lag_text) == (54, "attributed 54 days after the attack")
    denial = next(e for e in events if e.kind == "reaction" and "denied" in e.label)
    assert denial.lag_text == "denied 54 days after the attack"
    mandiant = next(e for e in events if e.label.startswith("Mandiant"))
    assert mandiant.lag.days == 20
    sanctions = [e for e in events if "sanctions" in e.label]
    assert {e.lag.days for e in sanctions} == {56}
    assert any(e.kind == "related_incident" for e in events)


def test_same_day_events_follow_the_story_order():
    incident = IncidentFactory(started_on=D(2022, 7, 15))
    day = D(2022, 9, 7)
    measure = ConsequenceFactory(incident=incident, announced_on=day)
    reaction = ReactionFactory(incident=incident, stated_on=day)
    claim = AttributionFactory(incident=incident, stated_on=day)
    kinds = [(e.kind, e.record) for e in incident_timeline(incident)]
    assert kinds == [
        ("attack_started", incident),
        ("attribution", claim),
        ("reaction", reaction),
        ("consequence", measure),
    ]


def test_lags_keep_the_coarser_precision():
    incident = IncidentFactory(started_on=D(2022, 7, 1), started_on_precision="month")
    claim = AttributionFactory(incident=incident, stated_on=D(2022, 9, 7))
    coarse = AttributionFactory(incident=incident, stated_on=D(2023, 1, 1), stated_on_precision="year")
    events = {e.record: e for e in incident_timeline(incident) if e.kind == "attribution"}
    assert events[claim].lag.days is None
    assert events[claim].lag_text == "attributed about 2 months after the attack"
    assert events[coarse].lag_text == "attributed about 1 year after the attack"
    assert events[coarse].date_text == "2023"
    assert incident_timeline(incident)[0].date_text == "July 2022"


def test_undated_events_come_last_without_a_lag():
    incident = IncidentFactory(started_on=D(2022, 7, 15))
    undated = AttributionFactory(incident=incident, stated_on=None)
    dated = AttributionFactory(incident=incident, stated_on=D(2022, 9, 7))
    events = incident_timeline(incident)
    assert [e.record for e in events][-2:] == [dated, undated]
    assert events[-1].date_text == "date unknown" and events[-1].lag is None


def test_no_attack_date_means_no_lags():
    incident = IncidentFactory(started_on=None)
    AttributionFactory(incident=incident, stated_on=D(2022, 9, 7))
    assert [e.lag_text for e in incident_timeline(incident)] == [""]


def test_rejected_records_never_appear_and_drafts_only_on_request():
    incident = IncidentFactory(started_on=D(2022, 7, 15))
    iran = PartyFactory(name="Iran")
    AttributionFactory(incident=incident, attributed_to=iran, review_status="rejected")
    draft = AttributionFactory(incident=incident, attributed_to=iran, review_status="draft")
    confirmed = AttributionFactory(incident=incident, attributed_to=iran, review_status="confirmed")
    records = [e.record for e in incident_timeline(incident) if e.kind == "attribution"]
    assert records == [draft, confirmed]
    public = [e.record for e in incident_timeline(incident, include_drafts=False) if e.kind == "attribution"]
    assert public == [confirmed]


def test_consequence_taking_effect_later_adds_an_event():
    incident = IncidentFactory(started_on=D(2022, 7, 15))
    ConsequenceFactory(
        incident=incident, kind="expelled_diplomats", announced_on=D(2022, 9, 7), effective_on=D(2022, 9, 8)
    )
    effective = [e for e in incident_timeline(incident) if e.kind == "consequence_effective"]
    assert [e.lag_text for e in effective] == ["took effect 55 days after the attack"]
