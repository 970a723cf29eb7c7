"""The stored public dataset rows (PostgreSQL): readers who see only public records get each incident's row as
stored beside its search document, and those rows are the rows assembled live, byte for byte in CSV and row
for row in JSON, on the demo case and on a case with draft, AMBER and RED records, after every kind of edit."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.db import connection

from attribution.models import Party
from incidents import search_index
from incidents.datasets import WrittenRow, csv_lines, dataset_incidents, dataset_rows, json_chunks
from incidents.datasets_sql import ROW_VERSION
from incidents.models import Incident, IncidentSearch, IncidentSource
from tests.conftest import SECRET, require_service
from tests.factories import AttributionFactory, ConsequenceFactory, PartyFactory, ReactionFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def postgresql(db):
    if connection.vendor != "postgresql":
        require_service("PostgreSQL", "the public dataset rows are stored on PostgreSQL only")


def _public(**fields) -> dict:
    return {"review_status": "confirmed", "tlp": "clear", **fields}


@pytest.fixture
def mixed(demo, plant_red):
    """A public case holding public, draft, AMBER and RED records side by side, a draft case and a RED case."""
    accuser = PartyFactory(**_public(name="Republic of Testland", country="AL"))
    accused = PartyFactory(**_public(name="Hostile State", country="IR"))
    amber_party = PartyFactory(name="Liaison Service", kind="agency", country="GB", **_public(tlp="amber"))
    source = SourceFactory(**_public(title="Ministry statement"))
    red_source = SourceFactory(title="Liaison cable", review_status="confirmed", tlp="red")
    case = Incident.objects.create(slug="mixed-case", title="Mixed case", summary="A case.", **_public())
    IncidentSource.objects.create(incident=case, source=source)
    IncidentSource.objects.create(incident=case, source=red_source)
    claim = AttributionFactory(incident=case, made_by=accuser, attributed_to=accused, source=source, **_public())
    AttributionFactory(incident=case, made_by=accuser, attributed_to=accused, source=source, quote="Draft claim")
    AttributionFactory(
        incident=case, made_by=accuser, attributed_to=accused, source=red_source, quote="Cabled claim", **_public()
    )
    AttributionFactory(
        incident=case, made_by=accuser, attributed_to=accused, source=source, speaker=amber_party, **_public()
    )
    hidden = AttributionFactory(
        incident=case, made_by=accuser, attributed_to=accused, source=source, quote="Amber claim",
        review_status="confirmed", tlp="amber",
    )  # fmt: skip
    denial = ReactionFactory(incident=case, party=accused, source=source, attribution=claim, **_public())
    denial.accuses.add(accuser, amber_party)
    measure = ConsequenceFactory(incident=case, initiated_by=accuser, target=accused, source=source, **_public())
    measure.relies_on.add(claim, hidden)
    Incident.objects.create(slug="draft-case", title="Draft case", review_status="draft")
    Incident.objects.create(slug="red-case", title="Red case", review_status="confirmed", tlp="red")
    return case


def _stored(fmt: str, user=None) -> list:
    return list(dataset_rows(fmt, Incident.objects.visible_to(user), user=user))


def _live(user=None) -> list[dict]:
    return list(dataset_incidents(Incident.objects.visible_to(user), user=user))


def assert_stored_rows_are_the_live_rows(user=None) -> None:
    stored_csv, stored_json, live = _stored("csv", user), _stored("json", user), _live(user)
    assert live and all(isinstance(row, WrittenRow) for row in stored_csv + stored_json)  # none assembled live
    assert "".join(csv_lines(stored_csv)) == "".join(csv_lines(live))  # byte for byte
    assert [json.loads(row) for row in stored_json] == live  # row for row
    assert [list(json.loads(row)) for row in stored_json] == [list(row) for row in live]  # key order too
    assert "".join(json_chunks(stored_json)) == "".join(json_chunks(live))


def _exported(fmt: str = "csv") -> str:
    out = io.StringIO()
    call_command("export_dataset", "--format", fmt, stdout=out)
    return out.getvalue()


def _row(slug: str) -> dict:
    return next(row for row in csv.DictReader(io.StringIO(_exported())) if row["slug"] == slug)


def test_the_stored_rows_are_the_live_rows_of_the_public(demo, mixed):
    assert_stored_rows_are_the_live_rows()
    text = _exported()
    assert demo.slug in text and "mixed-case" in text
    for hidden in ("draft-case", "red-case", "Draft claim", "Cabled claim", "Amber claim", "Liaison", SECRET):
        assert hidden not in text, hidden
    row = _row("mixed-case")
    assert [party["name"] for party in json.loads(row["reactions"])[0]["accuses"]] == ["Republic of Testland"]
    assert json.loads(row["consequences"])[0]["relies_on"] == [0]
    assert [source["title"] for source in json.loads(row["sources"])] == ["Ministry statement"]
    assert len(json.loads(row["attributions"])) == 1  # the spoken claim's speaker is AMBER: it stays out
    assert json.loads(_exported("json"))["incidents"] == [json.loads(line) for line in _stored("json")]


def test_rows_follow_a_renamed_party_and_a_retitled_source(demo, mixed):
    _stored("csv")  # rows built
    accuser = Party.objects.get(name="Republic of Testland")
    accuser.name = "Federal Republic of Testland"
    accuser.save()
    source = mixed.attributions.get(quote="", tlp="clear", speaker=None).source
    source.title = "Ministry statement, corrected"
    source.save()
    iran = Party.objects.get(name="Iran")
    iran.country, iran.name = "IR", "Islamic Republic of Iran"
    iran.save()
    assert_stored_rows_are_the_live_rows()
    row = _row("mixed-case")
    assert "Federal Republic of Testland" in row["attributed_by"]
    assert "Federal Republic of Testland" in row["reactions"]  # in the counter-accused too
    assert json.loads(row["sources"])[0]["title"] == "Ministry statement, corrected"
    assert "Islamic Republic of Iran" in _row(demo.slug)["attributed_to"]


def test_rows_follow_records_hidden_and_shown(demo, mixed, plant_red):
    _stored("csv")
    claim = mixed.attributions.get(quote="", tlp="clear", speaker=None)
    claim.review_status = "draft"  # the denial still answers it, the measure no longer relies on it
    claim.save()
    plant_red.tlp = "clear"  # a RED claim made public
    plant_red.save()
    liaison = Party.objects.get(name="Liaison Service")
    liaison.tlp = "clear"  # the AMBER speaker and counter-accused made public
    liaison.save()
    assert_stored_rows_are_the_live_rows()
    row = _row("mixed-case")
    assert json.loads(row["consequences"])[0]["relies_on"] == [] and json.loads(row["reactions"])[0]["answers"] is None
    assert "Liaison Service" in row["reactions"] and "Liaison Service" in row["attributions"]
    assert SECRET in _row(demo.slug)["attributions"]
    mixed.review_status = "draft"  # the whole case hidden
    mixed.save()
    assert_stored_rows_are_the_live_rows()
    assert "mixed-case" not in _exported()
    assert IncidentSearch.objects.get(incident=mixed).csv_row == ""  # nothing of it stored for the public


def test_rows_follow_links_to_counter_accused_parties_and_relied_on_claims(mixed):
    _stored("csv")
    denial, measure = mixed.reactions.get(), mixed.consequences.get()
    newcomer = PartyFactory(**_public(name="Neighbour State", country="ME"))
    newcomer.counter_accused_in.add(denial)  # from the party's side
    measure.relies_on.clear()
    assert_stored_rows_are_the_live_rows()
    row = _row("mixed-case")
    assert [party["name"] for party in json.loads(row["reactions"])[0]["accuses"]] == [
        "Neighbour State",
        "Republic of Testland",
    ]
    assert json.loads(row["consequences"])[0]["relies_on"] == []
    newcomer.delete()  # a party named only as counter-accused may go
    assert_stored_rows_are_the_live_rows()


def test_readers_who_see_only_public_records_get_the_stored_rows_and_others_the_live_ones(demo, mixed, make_user):
    viewer, researcher = make_user("viewer"), make_user("researcher", "amber", username="r1")
    assert_stored_rows_are_the_live_rows(viewer)
    wider = _stored("csv", researcher)
    assert wider and not any(isinstance(row, WrittenRow) for row in wider)
    assert "Draft claim" in "".join(csv_lines(wider)) and "draft-case" in "".join(csv_lines(wider))


def test_a_row_not_built_yet_or_of_another_format_is_assembled_live_then_rebuilt(demo, mixed):
    _stored("csv")
    IncidentSearch.objects.filter(incident=mixed).update(row_version="older", csv_row="stale,row\n")
    IncidentSearch.objects.filter(incident=demo).delete()
    rows = _stored("csv")
    assembled = [row["slug"] for row in rows if isinstance(row, dict)]
    assert assembled == [demo.slug, "mixed-case"] and len(rows) > 2  # these two live, the others stored
    assert "".join(csv_lines(rows)) == "".join(csv_lines(_live()))
    assert search_index.fill_missing() == 2
    assert set(IncidentSearch.objects.values_list("row_version", flat=True)) == {ROW_VERSION}
    assert_stored_rows_are_the_live_rows()


def test_filters_apply_to_the_stored_rows(demo, mixed, api):
    from django.http import QueryDict

    from incidents.filters import IncidentFilter

    def live_slugs(query: str) -> list[str]:
        filterset = IncidentFilter(QueryDict(query), queryset=Incident.objects.visible_to(None))
        return [row["slug"] for row in dataset_incidents(filterset.qs, user=None)]

    body = b"".join(api.get("/api/v1/dataset/", {"format": "csv", "victim_country": "AL"}).streaming_content)
    slugs = [row["slug"] for row in csv.DictReader(io.StringIO(body.decode()))]
    assert slugs == live_slugs("victim_country=AL") and demo.slug in slugs and "mixed-case" not in slugs
    body = b"".join(api.get("/api/v1/dataset/", {"format": "json", "q": "baseless"}).streaming_content)
    assert [row["slug"] for row in json.loads(body)["incidents"]] == live_slugs("q=baseless") == [demo.slug]
