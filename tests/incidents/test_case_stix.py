"""STIX 2.1: the case export (a `FORMATS` entry rendered from the report context), valid and deterministic,
read back by our STIX importer into the same objects; the streamed STIX dataset; the read-only TAXII 2.1
server, walked with the OASIS client against a live server. Nothing above a reader's clearance ever leaves."""

import base64
import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from rest_framework.authtoken.models import Token
from stix2validator import ValidationOptions, validate_instance, validate_string
from taxii2client.v21 import Server, as_pages

from attribution.models import Attribution, Party, Reaction
from incidents.importers.stix.mapping import _confidence
from incidents.models import Incident, Source
from incidents.reports import FORMATS, case_report_context, render_case
from incidents.reports.stix import CONFIDENCE_VALUES, TLP_IDS, case_objects, object_version
from incidents.taxii import LEVELS, PUBLIC
from tests.conftest import SECRET
from tests.incidents.test_dataset_export import empty_the_database

pytestmark = pytest.mark.django_db

JULY = "albania-government-cyberattack-2022-07"
TIMS = "albania-border-control-cyberattack-2022-09"
DRAFT_QUOTE = "Tehran called the report a fabrication"
STIX_TYPE = "application/stix+json;version=2.1"
TAXII_TYPE = "application/taxii+json;version=2.1"
# The validator's warnings the export keeps, each explained in docs/case-reports.md ("Validator warnings").
KNOWN_WARNINGS = {"103", "202", "215", "302", "401"}


def stix_of(incident, user=None) -> dict:
    content, content_type, filename = render_case(case_report_context(incident, user=user or AnonymousUser()), "stix")
    assert (content_type, filename) == (STIX_TYPE, f"{incident.slug}.stix.json")
    return json.loads(content)


def by_type(bundle: dict) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for obj in bundle["objects"]:
        found.setdefault(obj["type"], []).append(obj)
    return found


def named(bundle: dict, name: str, kind: str = "identity") -> dict:
    (found,) = [obj for obj in bundle["objects"] if obj["type"] == kind and obj.get("name") == name]
    return found


def warning_codes(results) -> set[str]:
    return {re.search(r"\{(\d+)\}", str(warning)).group(1) for warning in results.warnings}


# --- The case export ------------------------------------------------------------------------------------------
def test_the_demo_case_exports_as_stix_objects_mapped_from_its_report(demo):
    report = case_report_context(demo, user=AnonymousUser())
    bundle = stix_of(demo)
    assert FORMATS["stix"].label == "STIX 2.1" and bundle["type"] == "bundle"
    objects = by_type(bundle)
    claims = [claim for group in report["attribution"] for claim in group["claims"]]
    reactions = [reaction for group in report["attribution"] for reaction in group["reactions"]]
    claims_by = {claim["made_by"]["name"]: claim for claim in claims}
    attributions = [r for r in objects["relationship"] if r["relationship_type"] == "attributed-to"]
    assert len(attributions) == sum(claim["stance"] == "attributes" for claim in claims) == 5
    assert len(objects["opinion"]) == len(reactions) + sum(claim["stance"] != "attributes" for claim in claims) == 3
    assert len(objects["note"]) == len(report["consequences"]) == 5
    assert len(objects["report"]) == len(report["sources"]) == 8
    (incident,) = objects["incident"]
    assert (incident["name"], incident["first_seen"]) == (report["case"]["title"], "2022-07-15T00:00:00.000Z")
    assert incident["x_attribution_date_precision"] == {"first_seen": "day"}

    albania, iran = named(bundle, "Albania"), named(bundle, "Iran")
    assert (albania["identity_class"], albania["sectors"]) == ("organization", ["government-national"])
    (claim,) = [r for r in attributions if r["created_by_ref"] == albania["id"]]
    assert (claim["source_ref"], claim["target_ref"]) == (incident["id"], iran["id"])
    assert claim["description"] == claims_by["Albania"]["quote"] and claim["created"] == "2022-09-07T00:00:00.000Z"
    mandiant = named(bundle, "Mandiant")
    (vendor,) = [r for r in attributions if r["created_by_ref"] == mandiant["id"]]
    assert vendor["confidence"] == 70  # "likely" on the DNI scale
    denial = next(o for o in objects["opinion"] if "baseless" in o.get("explanation", ""))
    assert (denial["opinion"], denial["object_refs"], denial["created_by_ref"]) == (
        "strongly-disagree",
        [claim["id"]],
        iran["id"],
    )
    nato = named(bundle, "NATO")
    (endorsement,) = [o for o in objects["opinion"] if o["created_by_ref"] == nato["id"]]
    assert (endorsement["opinion"], endorsement["object_refs"]) == ("agree", [claim["id"]])  # the victim's claim

    severance = next(
        n for n in objects["note"] if n["x_attribution_consequence"]["kind"] == "severed_diplomatic_relations"
    )
    assert severance["object_refs"] == [incident["id"]]
    assert severance["x_attribution_consequence"] == {
        "kind": "severed_diplomatic_relations",
        "initiated_by_ref": albania["id"],
        "target_ref": iran["id"],
        "announced_on": "2022-09-07",
        "effective_on": "2022-09-07",
        "status": "implemented",
        "relies_on_refs": [claim["id"]],
    }
    location = named(bundle, "Albania", "location")
    located = {(r["source_ref"], r["relationship_type"], r["target_ref"]) for r in objects["relationship"]}
    assert (albania["id"], "located-at", location["id"]) in located
    assert (incident["id"], "targets", location["id"]) in located
    assert (incident["id"], "targets", named(bundle, "Government of Albania")["id"]) in located
    treasury = next(r for r in objects["report"] if r["name"].startswith("Treasury"))
    assert treasury["external_references"][0]["url"] == "https://home.treasury.gov/news/press-releases/jy0941"
    assert treasury["created_by_ref"] == named(bundle, "US Department of the Treasury")["id"]
    sanctions = [n["id"] for n in objects["note"] if n["x_attribution_consequence"]["kind"] == "sanctions"]
    assert treasury["object_refs"] == [incident["id"], *sanctions]  # the case and what the source is the source of
    assert [m["name"] for m in objects["marking-definition"]] == ["TLP:CLEAR"]
    assert all(obj["object_marking_refs"] == [TLP_IDS["clear"]] for obj in bundle["objects"] if "created_by_ref" in obj)
    assert "labels" not in json.dumps(bundle)  # nothing of the public case is a draft


def test_the_bundle_is_valid_stix_with_only_the_documented_warnings(demo, owner):
    content = render_case(case_report_context(demo, user=owner), "stix")[0].decode()
    results = validate_string(content, ValidationOptions(version="2.1"))
    assert results.is_valid and results.errors == []
    assert warning_codes(results) == KNOWN_WARNINGS - {"215"}  # the demo has no media party
    for obj in json.loads(content)["objects"]:
        one = validate_instance(obj, ValidationOptions(version="2.1"))
        assert one.is_valid and one.errors == [], obj["id"]
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", obj["created"]), obj["id"]
        assert all(re.fullmatch(r".*\.\d{3}Z", obj[key]) for key in ("modified", "published") if key in obj)
    doc = (Path(settings.BASE_DIR) / "docs" / "case-reports.md").read_text(encoding="utf-8")
    section = doc.split("### Validator warnings", 1)[1]
    assert all(f"{{{code}}}" in section for code in KNOWN_WARNINGS)


def test_two_exports_of_an_unchanged_case_are_byte_identical_and_a_change_shows(demo):
    first = render_case(case_report_context(demo, user=AnonymousUser()), "stix")[0]
    second = render_case(case_report_context(demo, user=AnonymousUser()), "stix")[0]
    assert first == second
    claim = Attribution.objects.get(incident=demo, made_by__name="Albania")
    claim.confidence = "likely"
    claim.save()
    changed = json.loads(render_case(case_report_context(demo, user=AnonymousUser()), "stix")[0])
    before = {obj["id"]: obj for obj in json.loads(first)["objects"]}
    after = {obj["id"]: obj for obj in changed["objects"]}
    assert set(before) == set(after)  # the same objects, ids and all
    moved = [i for i in after if after[i] != before[i]]
    assert len(moved) == 1 and after[moved[0]]["modified"] > before[moved[0]]["modified"]
    assert after[moved[0]]["modified"].startswith(claim.updated_at.strftime("%Y-%m-%dT%H:%M:%S"))
    assert (after[moved[0]]["confidence"], "confidence" in before[moved[0]]) == (70, False)


def test_every_confidence_word_reads_back_as_the_same_word():
    for word, value in CONFIDENCE_VALUES.items():
        assert _confidence(value)[0] == word, word


def test_types_of_party_map_to_identity_classes_the_importer_reads_back(demo, import_upload, owner):
    """A media party (sector "media", validator warning 215) and a self-claim by a threat group (whose
    claim an identity of class "group" authors)."""
    media = Party.objects.create(name="Example Daily", kind="media", country="AL", review_status="confirmed")
    group = Party.objects.get(name="HomeLand Justice")
    source = Source.objects.create(
        title="Example Daily report",
        publisher="Example Daily",
        retrieved_at="2022-09-10T08:30:00Z",
        review_status="confirmed",
    )
    Attribution.objects.create(
        incident=demo, made_by=media, attributed_to=group, source=source, review_status="confirmed"
    )
    Attribution.objects.create(
        incident=demo, made_by=group, attributed_to=group, source=source, review_status="confirmed", stance="attributes"
    )
    content = render_case(case_report_context(demo, user=owner), "stix")[0]
    bundle = json.loads(content)
    daily = named(bundle, "Example Daily")
    assert daily["sectors"] == ["media"]
    report = next(obj for obj in bundle["objects"] if obj.get("name") == "Example Daily report")
    assert (report["published"], report["created_by_ref"]) == ("2022-09-10T08:30:00.000Z", daily["id"])  # undated
    hlj = named(bundle, "HomeLand Justice", "intrusion-set")
    author = named(bundle, "HomeLand Justice")  # the group as the author of its own claim
    assert author["identity_class"] == "group"
    self_claim = next(r for r in bundle["objects"] if r.get("created_by_ref") == author["id"])
    assert self_claim["target_ref"] == hlj["id"]
    assert {r["target_ref"] for r in bundle["objects"] if r.get("source_ref") == hlj["id"]} == {
        named(bundle, "Iran", "location")["id"]
    }
    results = validate_string(content.decode(), ValidationOptions(version="2.1"))
    assert results.is_valid and "215" in warning_codes(results)
    empty_the_database()
    job = import_upload("stix", content, "case.stix.json", user=owner)
    assert job.status == "succeeded", job.errors
    assert Party.objects.get(name="Example Daily").kind == "media"
    assert Party.objects.get(name="HomeLand Justice", kind="threat_group").country == "IR"


# --- Round trip -------------------------------------------------------------------------------------------------
RECORD_TIMES = {"identity", "intrusion-set", "incident", "report"}  # created = the record's creation


def comparable(obj: dict) -> dict:
    """The object without what an import legitimately changes: `modified` (the records' last change, now the
    import), `created` where it is the record's creation rather than the statement's own date, the draft label
    (imported records are drafts), and a report's reference name where the publisher is no party of the case
    (the importer reads a publisher from `created_by_ref` only)."""
    kept = {key: value for key, value in obj.items() if key not in ("modified", "labels")}
    record_time = obj["type"] in RECORD_TIMES or obj.get("relationship_type") in ("targets", "located-at")
    if record_time or obj.get("relationship_type") == "originates-from":
        kept.pop("created", None)
    if obj["type"] == "report" and "external_references" in obj:
        kept["external_references"] = [ref["url"] for ref in obj["external_references"]]
    return kept


def test_round_trip_through_the_stix_importer_gives_the_same_objects(demo, owner, make_user, import_upload):
    first = render_case(case_report_context(demo, user=owner), "stix")[0]
    exported = {obj["id"]: obj for obj in json.loads(first)["objects"]}
    empty_the_database()
    assert not Incident.objects.exists() and not Party.objects.exists()
    job = import_upload("stix", first, f"{JULY}.stix.json", user=owner)
    assert (job.status, job.errors) == ("succeeded", [])
    read = Counter(obj["type"] for obj in exported.values() if obj["type"] != "marking-definition")
    assert job.result["imported"] == dict(read)  # every object read, none skipped but the marking
    assert job.result["skipped_types"] == {"marking-definition": 1}

    (incident,) = Incident.objects.all()
    researcher = make_user("researcher", "clear")  # imported records are drafts: a reader who sees drafts
    second = render_case(case_report_context(incident, user=researcher), "stix")[0]
    again = {obj["id"]: obj for obj in json.loads(second)["objects"]}
    assert set(again) == set(exported)
    for object_id, obj in exported.items():
        assert comparable(again[object_id]) == comparable(obj), object_id
        if obj["type"] != "marking-definition" and obj["type"] != "location":
            assert again[object_id]["labels"] == ["draft"], object_id
    counter = next(o for o in again.values() if "third parties" in o.get("explanation", ""))
    assert counter["opinion"] == "strongly-disagree"  # a counter-accusation rejects the claim as a denial does

    rerun = import_upload("stix", second, "again.stix.json", user=owner)  # the same ids: nothing new
    assert rerun.status == "succeeded" and rerun.counts["created"] == 0


# --- Who sees what ----------------------------------------------------------------------------------------------
def test_a_red_claim_never_reaches_the_stix_of_uncleared_readers(demo, plant_red, make_user, api, client):
    readers = {"anonymous": None, "viewer": make_user("viewer", "clear"), "amber": make_user("researcher", "amber")}
    for name, user in readers.items():
        content = render_case(case_report_context(demo, user=user or AnonymousUser()), "stix")[0].decode()
        assert SECRET not in content and TLP_IDS["red"] not in content, name
        response = api.as_user(user).get(f"/api/v1/incidents/{demo.pk}/report/", {"format": "stix"})
        assert response.status_code == 200 and response["Content-Type"] == STIX_TYPE, name
        assert response["Content-Disposition"] == f'attachment; filename="{JULY}.stix.json"'
        assert SECRET not in response.content.decode(), name
    assert SECRET not in client.get(f"/cases/{JULY}/report.stix").content.decode()
    cleared = stix_of(demo, make_user("researcher", "red"))
    (secret,) = [obj for obj in cleared["objects"] if obj.get("description") == SECRET]
    assert secret["object_marking_refs"] == [TLP_IDS["red"]]
    assert "TLP:RED" in {obj["name"] for obj in by_type(cleared)["marking-definition"]}


def test_drafts_reach_only_readers_who_may_see_drafts_and_are_labelled(demo, make_user, client):
    denial = Reaction.objects.create(
        incident=demo,
        party=Party.objects.get(name="Iran", kind="state"),
        stance="denial",
        source=Source.objects.get(title__startswith="Iran decries"),
        quote=DRAFT_QUOTE,
        stated_on=demo.started_on.replace(month=9, day=12),
        review_status="draft",
    )
    assert DRAFT_QUOTE not in json.dumps(stix_of(demo, make_user("viewer", "red")))
    researcher = make_user("researcher", "clear")
    (opinion,) = [obj for obj in stix_of(demo, researcher)["objects"] if obj.get("explanation") == DRAFT_QUOTE]
    assert (opinion["labels"], opinion["opinion"], opinion["created"]) == (
        ["draft"],
        "strongly-disagree",
        f"{denial.stated_on}T00:00:00.000Z",
    )
    url = f"/taxii2/cases/collections/{LEVELS['clear'].id}/objects/"
    client.force_login(researcher)
    assert DRAFT_QUOTE in taxii_get(client, url).content.decode()
    public = f"/taxii2/cases/collections/{PUBLIC.id}/objects/"
    assert DRAFT_QUOTE not in taxii_get(client, public).content.decode()


def test_export_case_writes_the_stix_file(demo, tmp_path):
    target = tmp_path / "july.stix.json"
    call_command("export_case", JULY, "--format", "stix", "-o", str(target), stdout=io.StringIO())
    assert json.loads(target.read_bytes()) == stix_of(demo)


# --- The dataset ------------------------------------------------------------------------------------------------
def dataset(fmt: str, user=None) -> str:
    out = io.StringIO()
    call_command("export_dataset", "--format", fmt, *(["--user", user.username] if user else []), stdout=out)
    return out.getvalue()


def test_the_stix_dataset_is_one_bundle_of_every_visible_case_each_object_once(demo, owner, plant_red):
    text = dataset("stix", owner)
    bundle = json.loads(text)
    ids = [obj["id"] for obj in bundle["objects"]]
    assert len(ids) == len(set(ids))
    expected: dict[str, dict] = {}
    for incident in Incident.objects.order_by("pk"):
        for obj in case_objects(case_report_context(incident, user=owner)):
            expected.setdefault(obj["id"], obj)
    assert {obj["id"]: obj for obj in bundle["objects"]} == expected
    cases = by_type(bundle)
    assert {i["name"] for i in cases["incident"]} == set(Incident.objects.values_list("title", flat=True))
    assert len([obj for obj in cases["identity"] if obj["name"] == "Iran"]) == 1  # in both cases, written once
    assert SECRET in text
    assert text.count("\n") == len(ids) + 2  # the envelope's head, one object a line, its tail
    results = validate_string(text, ValidationOptions(version="2.1"))
    assert results.is_valid and results.errors == []
    assert SECRET not in dataset("stix")  # anonymous: confirmed TLP:CLEAR only


def test_the_dataset_api_streams_stix_and_keeps_csv_and_json(demo, plant_red, api):
    response = api.get("/api/v1/dataset/", {"format": "stix", "slug": TIMS})
    assert response.status_code == 200 and response.streaming and response["Content-Type"] == STIX_TYPE
    assert response["Content-Disposition"].endswith('.stix.json"')
    bundle = json.loads(b"".join(response.streaming_content))
    assert [i["name"] for i in by_type(bundle)["incident"]] == [Incident.objects.get(slug=TIMS).title]
    everything = b"".join(api.get("/api/v1/dataset/", {"format": "stix"}).streaming_content).decode()
    assert SECRET not in everything and "Cyberattack on Albanian government services" in everything
    assert api.get("/api/v1/dataset/", {"format": "csv"})["Content-Type"].startswith("text/csv")
    assert api.get("/api/v1/dataset/", {"format": "json"})["Content-Type"] == "application/json"


# --- TAXII 2.1 --------------------------------------------------------------------------------------------------
def taxii_get(client, url: str, params: dict | None = None, accept: str = TAXII_TYPE, **headers):
    return client.get(url, params, HTTP_ACCEPT=accept, **headers)


def basic(user) -> str:
    return "Basic " + base64.b64encode(f"{user.username}:pw".encode()).decode()


def test_taxii_speaks_its_media_type_and_answers_errors_as_taxii_error_messages(demo, client, make_user):
    discovery = taxii_get(client, "/taxii2/")
    assert discovery.status_code == 200 and discovery["Content-Type"] == TAXII_TYPE
    assert discovery.json()["api_roots"] == ["http://testserver/taxii2/cases/"]
    assert taxii_get(client, "/taxii2/", accept="application/taxii+json").status_code == 200
    for accept in ("application/json", "application/taxii+json;version=2.0", "text/html"):
        refused = taxii_get(client, "/taxii2/", accept=accept)
        assert refused.status_code == 406 and refused["Content-Type"] == TAXII_TYPE, accept
        assert refused.json()["http_status"] == "406" and refused.json()["title"] == "Not acceptable"
    root = taxii_get(client, "/taxii2/cases/").json()
    assert root["versions"] == [TAXII_TYPE]
    assert [c["id"] for c in taxii_get(client, "/taxii2/cases/collections/").json()["collections"]] == [PUBLIC.id]
    secret_collection = f"/taxii2/cases/collections/{LEVELS['red'].id}/objects/"
    assert taxii_get(client, secret_collection).status_code == 404  # not open to anonymous readers
    wrong = taxii_get(client, "/taxii2/cases/collections/", HTTP_AUTHORIZATION="Basic " + "eDp5")  # x:y
    assert wrong.status_code == 401 and wrong["WWW-Authenticate"].startswith("Basic")
    assert wrong.json()["http_status"] == "401"
    objects = f"/taxii2/cases/collections/{PUBLIC.id}/objects/"
    assert client.post(objects, HTTP_ACCEPT=TAXII_TYPE).status_code == 403  # read-only
    assert taxii_get(client, objects, {"limit": 0}).status_code == 400
    assert taxii_get(client, objects, {"next": "not-a-token"}).json()["title"] == "Bad next"
    assert taxii_get(client, "/taxii2/nothing/here/").json()["http_status"] == "404"
    viewer = make_user("viewer", "amber")
    token, _ = Token.objects.get_or_create(user=viewer)
    mine = taxii_get(client, "/taxii2/cases/collections/", HTTP_AUTHORIZATION=f"Token {token.key}").json()
    assert [c["id"] for c in mine["collections"]] == [PUBLIC.id, *(LEVELS[lv].id for lv in ("clear", "green", "amber"))]
    client.force_login(viewer)  # the admin's session counts too
    assert len(taxii_get(client, "/taxii2/cases/collections/").json()["collections"]) == 4


def test_taxii_filters_pages_manifest_and_object_endpoints(demo, client):
    base = f"/taxii2/cases/collections/{PUBLIC.id}"
    everything = taxii_get(client, f"{base}/objects/").json()["objects"]
    expected = {
        obj["id"] for i in Incident.objects.all() for obj in case_objects(case_report_context(i, user=AnonymousUser()))
    }
    assert {obj["id"] for obj in everything} == expected
    versions = [object_version(obj) for obj in everything]
    assert versions == sorted(versions)
    manifest = taxii_get(client, f"{base}/manifest/").json()["objects"]
    assert [(m["id"], m["date_added"], m["version"]) for m in manifest] == [
        (obj["id"], object_version(obj), object_version(obj)) for obj in everything
    ]
    middle = versions[len(versions) // 2]
    later = taxii_get(client, f"{base}/objects/", {"added_after": middle}).json()
    assert [o["id"] for o in later["objects"]] == [o["id"] for o in everything if object_version(o) > middle]
    notes = taxii_get(client, f"{base}/objects/", {"match[type]": "note,incident"}).json()
    assert Counter(o["type"] for o in notes["objects"]) == Counter({"note": 5, "incident": 2})
    page = taxii_get(client, f"{base}/objects/", {"limit": 4})
    assert page.json()["more"] is True and len(page.json()["objects"]) == 4
    assert page["X-TAXII-Date-Added-First"] == versions[0] and page["X-TAXII-Date-Added-Last"] == versions[3]
    rest = taxii_get(client, f"{base}/objects/", {"limit": 1000, "next": page.json()["next"]})
    assert [o["id"] for o in page.json()["objects"] + rest.json()["objects"]] == [o["id"] for o in everything]
    assert rest.json()["more"] is False and "next" not in rest.json()
    one = everything[7]
    found = taxii_get(client, f"{base}/objects/{one['id']}/").json()
    assert found["objects"] == [one]
    assert taxii_get(client, f"{base}/objects/{one['id']}/versions/").json()["versions"] == [object_version(one)]
    assert taxii_get(client, f"{base}/objects/incident--00000000-0000-4000-8000-000000000000/").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_the_oasis_taxii_client_walks_the_server_and_pages_through_the_demo_case(
    demo, plant_red, live_server, make_user
):
    server = Server(f"{live_server.url}/taxii2/")
    (root,) = server.api_roots
    assert server.default.url == root.url and root.versions == [TAXII_TYPE]
    (public,) = root.collections
    assert (public.id, public.can_read, public.can_write) == (PUBLIC.id, True, False)
    pages = list(as_pages(public.get_objects, per_request=7))
    assert len(pages) > 3 and all(len(page.get("objects", [])) <= 7 for page in pages)
    received = [obj for page in pages for obj in page.get("objects", [])]
    anonymous = {
        obj["id"]: obj
        for i in Incident.objects.all()
        for obj in case_objects(case_report_context(i, user=AnonymousUser()))
    }
    assert {obj["id"]: obj for obj in received} == anonymous and len(received) == len(anonymous)
    july = {obj["id"] for obj in stix_of(demo)["objects"]}
    assert july <= set(anonymous)
    assert SECRET not in json.dumps(received) and TLP_IDS["red"] not in json.dumps(received)
    manifest = [entry for page in as_pages(public.get_manifest, per_request=10) for entry in page.get("objects", [])]
    assert [entry["id"] for entry in manifest] == [obj["id"] for obj in received]
    assert public.get_object(received[0]["id"])["objects"] == [received[0]]

    cleared = make_user("researcher", "red")
    signed_in = Server(f"{live_server.url}/taxii2/", user=cleared.username, password="pw")
    collections = {c.id: c for c in signed_in.api_roots[0].collections}
    assert set(collections) == {PUBLIC.id, *(level.id for level in LEVELS.values())}
    red = json.dumps(collections[LEVELS["red"].id].get_objects())
    amber = json.dumps(collections[LEVELS["amber"].id].get_objects())
    assert SECRET in red and TLP_IDS["red"] in red and SECRET not in amber
    refused = requests.get(f"{live_server.url}/taxii2/", headers={"Accept": "application/json"}, timeout=10)
    assert refused.status_code == 406 and refused.headers["Content-Type"] == TAXII_TYPE
