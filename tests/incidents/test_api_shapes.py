"""The hot reads (incident lists, the case, party and source summaries) are written by plain functions; they
must give byte for byte the JSON the declared serializers give, for every reader and every kind of record."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer

from attribution.api.serializers import PartySummarySerializer, SourceSummarySerializer
from incidents.api.serializers import IncidentListSerializer, IncidentSerializer
from incidents.models import CaseNote, Incident
from tests.factories import (
    AttributionFactory,
    ConsequenceFactory,
    IncidentFactory,
    PartyFactory,
    ReactionFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

PLAIN = [IncidentListSerializer, IncidentSerializer, PartySummarySerializer, SourceSummarySerializer]


def _render(serializer_class, instances) -> bytes:
    return JSONRenderer().render(serializer_class(instances, many=True).data)


def _both(monkeypatch, serializer_class, instances) -> tuple[bytes, bytes]:
    """(what the plain functions write, what the declared fields write)."""
    plain = _render(serializer_class, instances)
    with monkeypatch.context() as patched:
        for each in PLAIN:
            patched.setattr(each, "to_representation", serializers.Serializer.to_representation)
        declared = _render(serializer_class, instances)
    return plain, declared


@pytest.fixture
def odd_cases(demo):
    """Records with the empty and unusual values a case can hold: no speaker, no target, a reaction answering
    a claim the public may not see, a note without author, a source without date, fractional timestamps."""
    state = PartyFactory(name="Oddland", kind="state", country="", review_status="confirmed")
    group = PartyFactory(name="Odd Group", kind="threat_group", country="", review_status="confirmed")
    case = IncidentFactory(
        review_status="confirmed", started_on=None, detected_on=dt.date(2021, 3, 1), severity=None, summary=""
    )
    source = SourceFactory(review_status="confirmed", published_on=None, url="")
    claim = {"incident": case, "source": source, "made_by": state, "review_status": "confirmed"}
    hidden = AttributionFactory(**claim, attributed_to=group, tlp="red")
    shown = AttributionFactory(**claim, attributed_to=group, speaker=None, basis=["technical"], stated_on=None)
    AttributionFactory(**claim, attributed_to=state, stated_on=dt.date(2022, 10, 1), stated_on_precision="month")
    ReactionFactory(incident=case, party=group, attribution=hidden, source=source, review_status="confirmed")
    ReactionFactory(incident=case, party=group, attribution=shown, source=source, review_status="confirmed")
    measure = ConsequenceFactory(
        incident=case, initiated_by=state, target=None, source=source, review_status="confirmed", kind="sanctions"
    )
    measure.relies_on.set([shown, hidden])
    ConsequenceFactory(
        incident=case, initiated_by=state, target=group, source=source, review_status="draft",
        effective_on=dt.date(2022, 10, 1),
    )  # fmt: skip
    CaseNote.objects.create(incident=case, author=None, body="Unsigned.", tlp="clear")
    Incident.objects.filter(pk=demo.pk).update(created_at=dt.datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=dt.UTC))
    return case


@pytest.mark.parametrize("role", [None, ("viewer", "clear"), ("researcher", "amber"), ("admin", "red")])
def test_the_case_and_the_list_read_as_the_declared_serializers(monkeypatch, odd_cases, plant_red, make_user, role):
    user = AnonymousUser() if role is None else make_user(*role)
    visible = Incident.objects.visible_to(user)
    cases = list(visible.with_api_relations(user).order_by("pk"))
    assert len(cases) >= 2
    plain, declared = _both(monkeypatch, IncidentSerializer, cases)
    assert plain == declared
    rows = list(visible.with_list_relations(user).order_by("pk"))
    plain, declared = _both(monkeypatch, IncidentListSerializer, rows)
    assert plain == declared
    assert b'"created_at":"2024-05-06T07:08:09.123456Z"' in plain  # DRF's format, microseconds kept
    assert b'"lag_days":null' in _both(monkeypatch, IncidentSerializer, cases)[0]  # a month-precise claim


def test_party_and_source_summaries_read_as_declared(monkeypatch, odd_cases):
    from attribution.models import Party
    from incidents.models import Source

    plain, declared = _both(monkeypatch, PartySummarySerializer, list(Party.objects.order_by("pk")))
    assert plain == declared
    plain, declared = _both(monkeypatch, SourceSummarySerializer, list(Source.objects.order_by("pk")))
    assert plain == declared and b'"published_on":null' in plain


@pytest.mark.parametrize("zone", ["UTC", "Asia/Tehran", "America/New_York"])
def test_timestamps_read_as_drfs_datetime_field_in_any_time_zone(settings, zone):
    """The fast timestamp writer gives DRF's DateTimeField output (offsets, microseconds, "Z" for UTC)."""
    from django.utils import timezone

    from incidents.api.serializers import _datetime

    settings.TIME_ZONE = zone
    field = serializers.DateTimeField(read_only=True)
    values = [
        dt.datetime(2022, 7, 15, 8, 30, tzinfo=dt.UTC),
        dt.datetime(2022, 12, 31, 23, 59, 59, 123456, tzinfo=dt.UTC),
        dt.datetime(2023, 3, 26, 1, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
        dt.datetime(2023, 3, 26, 1, 30),  # naive: made aware in the current zone, as the field does
    ]
    with timezone.override(zone):
        assert [_datetime(v) for v in values] == [field.to_representation(v) for v in values]
    assert _datetime(None) is None
