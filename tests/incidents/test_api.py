"""The API serves the whole case: filters, search, detail with timeline, stats, pagination, errors."""

import datetime as dt

import pytest
from django.core.management import call_command

from attribution.models import Party, PartyAlias
from incidents.models import Incident
from tests.factories import AttributionFactory, IncidentFactory, PartyFactory, SourceFactory

pytestmark = pytest.mark.django_db

JULY = "albania-government-cyberattack-2022-07"
TIMS = "albania-border-control-cyberattack-2022-09"


def slugs(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {row["slug"] for row in response.json()["results"]}


def test_attributed_to_iran_by_iso_code_returns_the_demo_incident(demo, api):
    assert slugs(api.get("/api/v1/incidents/", {"attributed_to": "IR"})) == {JULY, TIMS}


def test_attributed_to_includes_parties_under_the_state(demo, api):
    # Microsoft blamed MOIS (under Iran): filtering by MOIS finds July only, by its alias too.
    assert slugs(api.get("/api/v1/incidents/", {"attributed_to": "VAJA"})) == {JULY}
    state = PartyFactory(name="Statia", kind="state", country="RU", review_status="confirmed")
    group = PartyFactory(name="Bear Cub", kind="threat_group", country="", parent=state, review_status="confirmed")
    claim = AttributionFactory(
        attributed_to=group,
        review_status="confirmed",
        incident=IncidentFactory(review_status="confirmed"),
        made_by=PartyFactory(review_status="confirmed"),
        source=SourceFactory(review_status="confirmed"),
    )
    assert slugs(api.get("/api/v1/incidents/", {"attributed_to": state.pk})) == {claim.incident.slug}
    assert slugs(api.get("/api/v1/incidents/", {"attributed_to": "Statia"})) == {claim.incident.slug}


def test_full_text_search_finds_the_case_by_a_quote(demo, api):
    assert slugs(api.get("/api/v1/incidents/", {"q": "Tirana"})) == {JULY}  # "Tirana decided to snap…"
    assert slugs(api.get("/api/v1/incidents/", {"q": "e-Albania portal"})) == {JULY}
    assert slugs(api.get("/api/v1/incidents/", {"q": "border"})) == {TIMS}
    assert slugs(api.get("/api/v1/incidents/", {"q": "nothing-like-this-anywhere"})) == set()


def test_filters(demo, api):
    get = lambda **params: slugs(api.get("/api/v1/incidents/", params))  # noqa: E731
    assert get(victim_country="al") == {JULY, TIMS}
    assert get(victim_country="US") == set()
    assert get(made_by="US") == {JULY}  # the NSC is under the United States
    assert get(made_by="Microsoft") == {JULY}
    assert get(attributor_type="security_company") == {JULY}
    assert get(type="wiper") == {JULY}
    assert get(status="attributed") == {TIMS}
    assert get(has_denial="true") == {JULY}
    assert get(has_denial="false") == {TIMS}
    assert get(consequence_kind="sanctions") == {JULY}
    assert get(occurred_after="2022-08-01") == {TIMS}
    assert get(occurred_before="2022-08-01") == {JULY}
    assert get(attributed_after="2022-09-10") == {TIMS}
    assert get(attributed_before="2022-08-31") == {JULY}
    assert get(tlp="clear", review_status="confirmed") == {JULY, TIMS}


def test_incident_detail_holds_the_whole_case(demo, api):
    data = api.get(f"/api/v1/incidents/{demo.pk}/").json()
    claims = {(c["made_by"]["name"], c["attributed_to"]["name"], c["confidence_text"]) for c in data["attributions"]}
    assert ("Mandiant", "Iran", "moderate confidence") in claims and len(claims) == 6
    uk = next(c for c in data["attributions"] if c["made_by"]["name"] == "National Cyber Security Centre")
    assert (uk["channel"], uk["level"], uk["source"]["published_on"]) == ("political_statement", "state", "2022-09-07")
    denial = next(r for r in data["reactions"] if r["stance"] == "denial")
    assert denial["party"]["name"] == "Iran" and "baseless" in denial["quote"]
    albania_claim = next(c for c in data["attributions"] if c["made_by"]["name"] == "Albania")
    assert denial["answers"] == albania_claim["id"]
    assert {c["kind"] for c in data["consequences"]} >= {"severed_diplomatic_relations", "sanctions"}
    assert [r["slug"] for r in data["related_incidents"]] == [TIMS]
    lags = {e["lag_text"] for e in data["timeline"]}
    assert "attributed 54 days after the attack" in lags
    albania_event = next(e for e in data["timeline"] if e["label"] == "Albania attributed the attack to Iran")
    assert albania_event["lag_days"] == 54
    assert len(data["sources"]) == 8
    assert data["notes"] == []  # anonymous readers get no notes


def test_list_stays_light(demo, api):
    row = next(r for r in api.get("/api/v1/incidents/").json()["results"] if r["slug"] == JULY)
    assert "attributions" not in row and "timeline" not in row
    assert (row["attribution_count"], row["has_denial"]) == (6, True)


def test_stats_for_dashboards(demo, api):
    stats = api.get("/api/v1/stats/").json()
    assert stats["incidents"] == 2
    assert stats["per_year"] == [{"year": 2022, "incidents": 2}]
    assert stats["per_attributed_state"] == [{"country": "IR", "name": "Iran", "incidents": 2}]
    kinds = {row["kind"]: row["consequences"] for row in stats["per_consequence_kind"]}
    assert kinds == {"sanctions": 2, "severed_diplomatic_relations": 1, "expelled_diplomats": 1, "pledged_response": 1}
    # July: first claim after 20 days (Mandiant); TIMS: after 1 day. First consequence: 54 days (July only).
    assert stats["median_days_to_first_attribution"] == 10.5
    assert stats["median_days_to_first_consequence"] == 54
    assert stats["measured"] == {"to_first_attribution": 2, "to_first_consequence": 1}
    assert api.get("/api/v1/stats/", {"type": "wiper"}).json()["incidents"] == 1


def test_party_resolve_returns_every_candidate_of_an_ambiguous_alias(demo, api):
    assert [p["name"] for p in api.get("/api/v1/parties/resolve/", {"name": "vaja"}).json()] == [
        "Ministry of Intelligence and Security"
    ]
    other = PartyFactory(name="Another council", kind="government_body", country="GB", review_status="confirmed")
    PartyAlias.objects.create(party=other, name="NSC")
    names = [p["name"] for p in api.get("/api/v1/parties/resolve/", {"name": "nsc"}).json()]
    assert names == ["Another council", "National Security Council"]
    assert api.get("/api/v1/parties/resolve/").status_code == 400


def test_cursor_pages_are_bounded_and_stable_while_rows_are_added(api):
    for n in range(5):
        IncidentFactory(slug=f"case-{n}", review_status="confirmed")
    first = api.get("/api/v1/incidents/", {"page_size": 2}).json()
    assert [r["slug"] for r in first["results"]] == ["case-4", "case-3"]
    IncidentFactory(slug="case-new", review_status="confirmed")  # added while paging
    second = api.get(first["next"]).json()
    assert [r["slug"] for r in second["results"]] == ["case-2", "case-1"]
    huge = api.get("/api/v1/incidents/", {"page_size": 100000}).json()
    assert len(huge["results"]) == 6
    by_date = api.get("/api/v1/incidents/", {"ordering": "-occurred_on", "page_size": 50})
    assert by_date.status_code == 200
    bad = api.get("/api/v1/incidents/", {"ordering": "password"})
    assert bad.status_code == 400 and "ordering" in bad.json()


def test_page_size_is_capped(api):
    unknown = {
        f"{field}_precision": "unknown"
        for field in ("started_on", "ended_on", "detected_on", "disclosed_on", "occurred_on")
    }
    Incident.objects.bulk_create(
        Incident(slug=f"bulk-{n}", title=f"Bulk {n}", review_status="confirmed", **unknown) for n in range(201)
    )
    page = api.get("/api/v1/incidents/", {"page_size": 1000}).json()
    assert len(page["results"]) == 200 and page["next"]


def test_errors_are_json_with_field_messages(make_user, api):
    researcher = make_user("researcher", "amber")
    api.as_user(researcher)
    wrong_types = api.post("/api/v1/incidents/", {"title": 5, "slug": "x y", "types": "wiper", "started_on": "soon"})
    assert wrong_types.status_code == 400
    assert {"slug", "types", "started_on"} <= set(wrong_types.json())
    future = (dt.date.today() + dt.timedelta(days=5)).isoformat()
    rule = api.post("/api/v1/incidents/", {"title": "Future", "slug": "future", "started_on": future})
    assert rule.status_code == 400 and "future" in rule.json()["started_on"][0]
    assert not Incident.objects.filter(slug="future").exists()


def test_quote_not_in_the_source_text_is_a_400(make_user, api):
    researcher = make_user("researcher", "clear")
    incident = IncidentFactory(review_status="draft")
    source = SourceFactory(text="Officials blamed Iran.", review_status="draft")
    iran = PartyFactory(name="Iran", review_status="draft")
    body = {
        "incident_id": incident.pk,
        "source_id": source.pk,
        "made_by_id": iran.pk,
        "attributed_to_id": iran.pk,
        "quote": "Officials praised Iran.",
        "stated_on": "2022-09-07",
    }
    response = api.as_user(researcher).post("/api/v1/attributions/", body)
    assert response.status_code == 400 and "does not occur" in response.json()["quote"][0]
    body["quote"] = "blamed Iran"
    created = api.post("/api/v1/attributions/", body)
    assert created.status_code == 201, created.json()
    assert (created.json()["quote_start"], created.json()["quote_end"]) == (10, 21)


def test_deleting_a_referenced_party_is_a_409(demo, make_user, api):
    iran = Party.objects.get(name="Iran", kind="state")
    response = api.as_user(make_user("reviewer", "red")).delete(f"/api/v1/parties/{iran.pk}/")
    assert response.status_code == 409 and "Still referenced" in response.json()["detail"]
    assert Party.objects.filter(pk=iran.pk).exists()


def test_create_api_token_command_issues_a_working_token(make_user, api, capsys):
    make_user("viewer", "clear", username="reader")
    call_command("create_api_token", "reader")
    key = capsys.readouterr().out.strip()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get("/api/v1/notes/").status_code == 200  # notes need a signed-in user
    call_command("create_api_token", "reader", "--rotate")
    assert capsys.readouterr().out.strip() != key
    assert api.get("/api/v1/notes/").status_code == 401


def test_throttling_answers_429(settings, api):
    from django.core.cache import cache

    cache.clear()
    settings.API_THROTTLE_ANON = "3/minute"
    codes = [api.get("/api/v1/incidents/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    cache.clear()


def test_schema_and_docs_are_served_locally(client):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200 and b"/api/v1/incidents/" in schema.content
    docs = client.get("/api/docs/").content.decode()
    assert "swagger-ui" in docs and "cdn" not in docs.lower() and "/static/drf_spectacular_sidecar/" in docs


def test_openapi_schema_generates_without_warnings():
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null")
