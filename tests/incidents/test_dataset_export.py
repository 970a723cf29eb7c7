"""The product's dataset format: streamed CSV/JSON exports of what the user may see, read back by
`import_dataset --format csv` into an empty database (the same data) or into its own (nothing new)."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from attribution.models import Attribution, Consequence, Party, PartyAlias, PartyExternalId, PossiblySameAs, Reaction
from incidents.datasets import CSV_COLUMNS
from incidents.models import CaseNote, Incident, IncidentSource, Source
from tests.factories import AttributionFactory

pytestmark = pytest.mark.django_db

VOLATILE = {"review_status", "key"}  # drafts on import; keys of the exporting database


def export(fmt="csv", user=None, *filters) -> str:
    out = io.StringIO()
    args = ["--format", fmt, *[part for item in filters for part in ("--filter", item)]]
    if user is not None:
        args += ["--user", user.username]
    call_command("export_dataset", *args, stdout=out)
    return out.getvalue()


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def comparable(row: dict) -> dict:
    """A row without what an import may change: review statuses and the exporting database's keys."""
    kept = {k: v for k, v in row.items() if k not in VOLATILE}
    for column in ("attributions", "reactions", "consequences", "sources"):
        kept[column] = [_strip(item) for item in json.loads(row[column])]
    return kept


def _strip(item):
    if isinstance(item, dict):
        return {k: _strip(v) for k, v in item.items() if k not in VOLATILE}
    return item


@pytest.fixture
def run(import_upload):
    return lambda content, **options: import_upload("dataset", content, "incidents.csv", format="csv", **options)


def empty_the_database() -> None:
    for model in (Reaction, Consequence, Attribution, CaseNote, IncidentSource, Incident, Source):
        model.objects.all().delete()
    for model in (PossiblySameAs, PartyAlias, PartyExternalId):
        model.objects.all().delete()
    Party.objects.update(parent=None)
    Party.objects.all().delete()


def test_the_demo_case_row_holds_the_whole_case(demo, owner):
    exported = {row["slug"]: row for row in rows(export("csv", owner))}
    assert list(rows(export("csv", owner))[0]) == CSV_COLUMNS
    row = exported[demo.slug]
    assert (row["title"], row["victim_countries"], row["started_on"]) == (demo.title, "AL", "2022-07-15")
    assert "Iran" in row["attributed_to"] and "Iran" in row["denied_by"]
    assert {"severed_diplomatic_relations", "sanctions"} <= set(row["consequence_kinds"].split("; "))
    claims = json.loads(row["attributions"])
    sources = json.loads(row["sources"])
    assert len(claims) == demo.attributions.count() and len(sources) >= 1
    denial = next(r for r in json.loads(row["reactions"]) if r["stance"] == "denial")
    assert "baseless" in denial["quote"] and denial["party"]["country"] == "IR"
    assert all(0 <= claim["source"] < len(sources) for claim in claims)


def test_an_export_imports_into_an_empty_database_as_the_same_data_and_into_its_own_as_nothing_new(demo, owner, run):
    first = export("csv", owner)
    again = run(first.encode())  # into the database it came from
    assert again.status == "succeeded", again.errors
    assert (again.counts["created"], again.counts["updated"]) == (0, 0), again.counts

    empty_the_database()
    job = run(first.encode())
    assert job.status == "succeeded", job.errors
    assert job.counts["rows"] == len(rows(first)) == Incident.objects.count()
    assert set(Incident.objects.values_list("review_status", flat=True)) == {"draft"}
    second = export("csv", owner)
    before = sorted((comparable(row) for row in rows(first)), key=lambda r: r["slug"])
    after = sorted((comparable(row) for row in rows(second)), key=lambda r: r["slug"])
    assert after == before
    third = run(second.encode())
    assert (third.counts["created"], third.counts["updated"]) == (0, 0), third.counts


def test_exports_hold_only_what_the_user_may_see(demo, owner, make_user):
    secret = AttributionFactory(incident=demo, tlp="red", quote="", note="RED-ONLY-NOTE")
    Incident.objects.create(title="Draft case", slug="draft-case", review_status="draft")
    public = export("csv")
    assert "RED-ONLY-NOTE" not in public and "draft-case" not in public
    assert "RED-ONLY-NOTE" not in export("json", make_user("researcher", "amber"))
    assert "RED-ONLY-NOTE" in export("json", owner) and secret.pk
    assert "draft-case" in export("csv", make_user("researcher", "clear", username="r2"))


def test_json_is_one_document_and_filters_apply(demo, owner):
    document = json.loads(export("json", owner))
    assert document["format"] == "attribution-tracker/dataset" and document["version"] == "1.0"
    assert demo.slug in {row["slug"] for row in document["incidents"]}
    assert rows(export("csv", owner, "victim_country=FR")) == []
    assert [row["slug"] for row in rows(export("csv", owner, "attributed_to=IR", "occurred_after=2022-07-01"))]
    with pytest.raises(CommandError, match="Unknown filter"):
        export("csv", owner, "colour=red")
    with pytest.raises(CommandError, match="Bad filter"):
        export("csv", owner, "occurred_after=yesterday")
    with pytest.raises(CommandError, match="No user named"):
        call_command("export_dataset", "--user", "nobody", stdout=io.StringIO())


def test_the_api_streams_the_dataset_with_the_list_filters(demo, api, make_user):
    client = api.as_user(make_user("viewer"))
    response = client.get("/api/v1/dataset/", {"format": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="incidents-')
    body = b"".join(response.streaming_content).decode()
    assert demo.slug in {row["slug"] for row in rows(body)}
    response = client.get("/api/v1/dataset/", {"format": "json", "victim_country": "FR"})
    assert json.loads(b"".join(response.streaming_content))["incidents"] == []
    unknown = client.get("/api/v1/dataset/", {"format": "xml"})
    assert unknown.status_code == 400 and "choose one of csv, json, stix" in unknown.json()["format"][0]
    assert client.get("/api/v1/dataset/", {"occurred_after": "never"}).status_code == 400


def test_a_bad_file_or_row_is_refused_with_a_clear_reason(demo, owner, run):
    job = run(b"slug,title\nx,y\n")
    assert job.status == "failed" and "missing column(s) attributions, consequences" in job.errors[0]
    good = rows(export("csv", owner))
    broken = dict(good[0], slug="broken-one", attributions="[not json", external_id="")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    writer.writerow(broken)
    before = Incident.objects.count()
    job = run(out.getvalue().encode())
    assert job.status == "partial"
    assert job.errors == ["line 2 (broken-one): the attributions column is not JSON (Expecting value at 1)"]
    assert Incident.objects.count() == before


@pytest.mark.parametrize("persona", ["anonymous", "viewer", "researcher", "owner"])
def test_postgresql_assembles_the_same_rows_as_the_orm(demo, owner, plant_red, make_user, persona):
    """The rows PostgreSQL builds (incidents.datasets_sql) equal the ORM path's, key for key and in order,
    for every view, on a case with a denial, consequences relying on claims, a speaker and a hidden claim."""
    from django.db import connection

    from incidents.datasets import dataset_incidents, dataset_incidents_orm
    from tests.conftest import require_service

    if connection.vendor != "postgresql":
        require_service("PostgreSQL", "the dataset rows are assembled in SQL on PostgreSQL only")
    user = {"anonymous": None, "owner": owner}[persona] if persona in ("anonymous", "owner") else None
    user = user if persona in ("anonymous", "owner") else make_user(persona, "green")
    draft = AttributionFactory(incident=demo, review_status="draft", quote="A draft claim")
    reaction = demo.reactions.first()
    reaction.accuses.add(draft.made_by, Party.objects.get(name="United States"))
    orm_rows = list(dataset_incidents_orm(Incident.objects.all(), user=user))
    sql_rows = list(dataset_incidents(Incident.objects.all(), user=user))
    assert orm_rows and sql_rows == orm_rows
    assert [list(row) for row in sql_rows] == [list(row) for row in orm_rows]  # key order, for the JSON export
    texts = json.dumps(sql_rows)
    assert ("A draft claim" in texts) == (persona in ("researcher", "owner"))
    assert ("Intercepted tasking order" in texts) == (persona == "owner")
