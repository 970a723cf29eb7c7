"""Writing parties, claims and consequences through the API: services, history, rules."""

import pytest

from attribution.models import Attribution, Party
from tests.factories import AttributionFactory, IncidentFactory, PartyFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def researcher(make_user):
    return make_user("researcher", "amber")


def test_party_with_aliases_and_external_ids_round_trips(api, researcher):
    api.as_user(researcher)
    iran = PartyFactory(name="Iran", review_status="confirmed")
    body = {
        "name": "OilRig",
        "kind": "threat_group",
        "country": "IR",
        "parent_id": iran.pk,
        "aliases": ["APT34", "Helix Kitten"],
        "external_ids": [{"system": "mitre_attack", "value": "G0049"}],
    }
    created = api.post("/api/v1/parties/", body)
    assert created.status_code == 201, created.json()
    data = created.json()
    assert (data["aliases"], data["parent"]["name"], data["review_status"]) == (
        ["APT34", "Helix Kitten"],
        "Iran",
        "draft",
    )
    party = Party.objects.get(pk=data["id"])
    assert party.history.first().history_user == researcher  # written through a service, with the actor
    updated = api.patch(f"/api/v1/parties/{party.pk}/", {"aliases": ["APT34", "Cobalt Gypsy"]})
    assert updated.status_code == 200 and updated.json()["aliases"] == ["APT34", "Cobalt Gypsy"]
    assert updated.json()["external_ids"] == [{"system": "mitre_attack", "value": "G0049", "url": ""}]
    other = api.post(
        "/api/v1/parties/",
        {"name": "Other", "kind": "threat_group", "external_ids": [{"system": "mitre_attack", "value": "G0049"}]},
    )
    assert other.status_code == 400  # an external id names one party only
    assert not Party.objects.filter(name="Other").exists()


def test_consequence_may_not_rely_on_another_incidents_claim(api, researcher):
    api.as_user(researcher)
    incident = IncidentFactory(review_status="draft")
    foreign_claim = AttributionFactory(
        review_status="draft",
        incident=IncidentFactory(review_status="draft"),
        made_by=PartyFactory(review_status="draft"),
        attributed_to=PartyFactory(review_status="draft"),
        source=SourceFactory(review_status="draft"),
    )
    body = {
        "incident_id": incident.pk,
        "source_id": foreign_claim.source_id,
        "initiated_by_id": foreign_claim.made_by_id,
        "target_id": foreign_claim.attributed_to_id,
        "kind": "sanctions",
        "relies_on_ids": [foreign_claim.pk],
    }
    response = api.post("/api/v1/consequences/", body)
    assert response.status_code == 400 and "other incidents" in response.json()["relies_on"][0]
    assert not incident.consequences.exists()  # nothing half-written


def test_incident_write_links_victims_related_cases_and_sources(api, researcher):
    api.as_user(researcher)
    victim = PartyFactory(name="Albania", country="AL", review_status="confirmed")
    related = IncidentFactory(review_status="confirmed")
    source = SourceFactory(review_status="confirmed")
    body = {
        "title": "New case",
        "slug": "new-case",
        "started_on": "2022-07-15",
        "types": ["wiper"],
        "victim_countries": ["AL"],
        "victim_ids": [victim.pk],
        "related_incident_ids": [related.pk],
        "source_ids": [source.pk],
    }
    created = api.post("/api/v1/incidents/", body)
    assert created.status_code == 201, created.json()
    data = created.json()
    assert [v["name"] for v in data["victims"]] == ["Albania"]
    assert [r["id"] for r in data["related_incidents"]] == [related.pk]
    assert [s["id"] for s in data["sources"]] == [source.pk]
    cleared = api.patch(f"/api/v1/incidents/{data['id']}/", {"source_ids": []})
    assert cleared.json()["sources"] == []


def test_claims_can_be_filtered_by_accused_country(api, demo):
    claims = api.get("/api/v1/attributions/", {"attributed_to": "IR", "page_size": 50}).json()["results"]
    assert len(claims) == Attribution.objects.filter(attributed_to__country="IR").count() == 7
    by_alias = api.get("/api/v1/attributions/", {"made_by": "NSC"}).json()["results"]
    assert [c["made_by"]["name"] for c in by_alias] == ["National Security Council"]
