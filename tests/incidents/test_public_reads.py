"""The public search document (PostgreSQL): the same answers as the record-by-record search for anonymous
readers, kept current by every write, never holding what the public may not see; and the cache of
anonymous API answers, invalidated by writes."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from incidents import search_index
from incidents.models import Incident, IncidentSearch
from incidents.selectors import incident_search, incident_search_by_record
from tests.conftest import SECRET, require_service


@pytest.fixture(autouse=True)
def postgresql(db):
    if connection.vendor != "postgresql":
        require_service("PostgreSQL", "the public search document is PostgreSQL's full-text search")


def _public_hits(text: str) -> set[int]:
    visible = Incident.objects.visible_to(AnonymousUser())
    return set(incident_search(visible, text, user=AnonymousUser()).values_list("pk", flat=True))


def _record_hits(text: str) -> set[int]:
    visible = Incident.objects.visible_to(AnonymousUser())
    return set(incident_search_by_record(visible, text, user=AnonymousUser()).values_list("pk", flat=True))


QUERIES = ["Albania", "baseless", "Iran", "Homeland Justice", '"diplomatic relations"', "ransomware", "Tirana -Iran"]


def test_the_document_answers_as_the_record_by_record_search(demo, plant_red):
    search_index.flush()  # what this transaction marked (in production: when it commits)
    assert IncidentSearch.objects.count() == Incident.objects.count()
    for text in QUERIES:
        assert _public_hits(text) == _record_hits(text), text
    assert _public_hits("baseless") == {demo.pk}


def test_restricted_and_draft_words_are_never_in_the_public_document(demo, plant_red):
    assert _public_hits(SECRET) == set()
    plant_red.tlp = "clear"
    plant_red.save()
    assert _public_hits(SECRET) == {demo.pk}
    plant_red.review_status = "draft"
    plant_red.save()
    assert _public_hits(SECRET) == set()


def test_a_party_hidden_later_takes_its_quotes_out_of_the_document(demo, plant_red):
    plant_red.tlp = "clear"
    plant_red.save()
    assert _public_hits(SECRET) == {demo.pk}
    accuser = plant_red.made_by
    accuser.tlp = "red"
    accuser.save()
    assert _public_hits(SECRET) == set() == _record_hits(SECRET)


def test_a_source_linked_later_is_found_and_unlinking_it_forgets_it(demo):
    from incidents.models import IncidentSource, Source

    source = Source.objects.create(
        title="Quarterly review", text="The xylophonist campaign reached ministries.", review_status="confirmed"
    )
    assert _public_hits("xylophonist") == set()
    link = IncidentSource.objects.create(incident=demo, source=source)
    assert _public_hits("xylophonist") == {demo.pk}
    source.text = "Nothing of note."
    source.save()
    assert _public_hits("xylophonist") == set()
    assert _public_hits("note") == {demo.pk}
    link.delete()
    assert _public_hits("note") == set()


def test_rebuilding_every_document_gives_the_same_documents(demo, plant_red):
    search_index.flush()
    before = dict(IncidentSearch.objects.values_list("incident_id", "document"))
    assert len(before) == Incident.objects.count()
    IncidentSearch.objects.all().delete()
    assert _public_hits("baseless") == set()
    assert search_index.fill_missing() == len(before)
    assert dict(IncidentSearch.objects.values_list("incident_id", "document")) == before


def test_signed_in_researchers_search_their_wider_view(demo, plant_red, make_user, api):
    researcher = make_user("researcher", "red")
    api.force_authenticate(researcher)
    found = api.get("/api/v1/incidents/", {"q": SECRET}).json()["results"]
    assert [row["id"] for row in found] == [demo.pk]
    api.force_authenticate(None)
    assert api.get("/api/v1/incidents/", {"q": SECRET}).json()["results"] == []


@pytest.mark.django_db(transaction=True)
def test_anonymous_answers_are_cached_until_the_data_changes(settings, client):
    from incidents.demo import demo_load

    settings.API_CACHE_SECONDS = 300
    demo_load()
    case = Incident.objects.get(slug="albania-government-cyberattack-2022-07")
    first = client.get("/api/v1/stats/").json()
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/api/v1/stats/?x=0").json()
        cached = client.get("/api/v1/stats/?x=0").json()
    assert first == again == cached
    # the second identical request is one query: the data generation
    assert len([q for q in queries.captured_queries if "last_value" in q["sql"]]) == 2
    assert len(queries.captured_queries) < 30
    with CaptureQueriesContext(connection) as queries:
        client.get("/api/v1/stats/?x=0")
    assert [q["sql"] for q in queries.captured_queries if q["sql"] not in ("BEGIN", "COMMIT")] == [
        "SELECT last_value FROM incidents_data_generation"
    ]

    Incident.objects.create(
        slug="later-case", title="A later case", started_on=case.started_on, review_status="confirmed"
    )
    changed = client.get("/api/v1/stats/?x=0").json()
    assert changed["incidents"] == first["incidents"] + 1
    # signed-in users are never served from the cache
    from django.contrib.auth.models import User

    user = User.objects.create_user("cache-reader", password="pw")
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        client.get("/api/v1/stats/")
    assert not any("last_value" in q["sql"] for q in queries.captured_queries)


@pytest.mark.django_db(transaction=True)
def test_a_cached_case_is_served_until_a_claim_changes_it(settings, client):
    from attribution.models import Attribution
    from incidents.demo import demo_load

    settings.API_CACHE_SECONDS = 300
    demo_load()
    case = Incident.objects.get(slug="albania-government-cyberattack-2022-07")
    url = f"/api/v1/incidents/{case.pk}/"
    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    assert again.json() == first.json() and again["ETag"] == first["ETag"]
    assert [q["sql"] for q in queries.captured_queries if q["sql"] not in ("BEGIN", "COMMIT")] == [
        "SELECT last_value FROM incidents_data_generation"
    ]
    claim = Attribution.objects.filter(incident=case).first()
    claim.quote = claim.quote + " (as corrected)"
    claim.save()
    quotes = [c["quote"] for c in client.get(url).json()["attributions"]]
    assert claim.quote in quotes
    claim.tlp = "amber"
    claim.save()
    assert claim.pk not in [c["id"] for c in client.get(url).json()["attributions"]]
