"""MISP events: an incident per event, sources from its report links, claims by its organisation against
the threat actors it names (found by MISP UUID when the knowledge base is imported), TLP from its tags;
every shipped test event accounted for, re-imports that write nothing, bad input refused whole."""

import copy
import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command

from attribution.codebook import ExternalIdSystem
from attribution.knowledge import DEFAULT_GALAXY_DIR
from attribution.models import Attribution, Party, PartyAlias, PartyExternalId
from attribution.normalize import normalize_name
from incidents.models import Incident, IncidentSource, Source
from incidents.urlnorm import normalize_url
from tests.conftest import shared_path
from tests.factories import PartyFactory

pytestmark = pytest.mark.django_db

ACTOR_GALAXIES = ("threat-actor", "mitre-intrusion-set")
TLP = {"tlp:white": "clear", "tlp:clear": "clear", "tlp:green": "green", "tlp:amber": "amber", "tlp:red": "red"}
MODELS = (Incident, Source, IncidentSource, Party, PartyAlias, PartyExternalId, Attribution)


@pytest.fixture
def run(import_upload):
    """Import `content` as a MISP event job, the job running as it would after commit."""
    return lambda content, name="event.json": import_upload("misp_event", content, name)


def rows() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def created_rows(before: dict[str, int]) -> int:
    return sum(rows().values()) - sum(before.values())


def event_file(name: str) -> tuple[bytes, dict]:
    content = shared_path("data", "misp-events", name).read_bytes()
    data = json.loads(content)
    return content, data.get("Event", data)


# --- What the test expects, read straight from the JSON ------------------------------------------------------
def report_links(event: dict) -> set[str]:
    attributes = list(event.get("Attribute", []))
    for obj in event.get("Object", []):
        attributes += obj.get("Attribute", [])
    return {
        normalize_url(a["value"])
        for a in attributes
        if a["type"] in ("link", "url") and a["category"] == "External analysis"
    }


def actor_names(event: dict) -> set[str]:
    names = {
        cluster["value"]
        for galaxy in event.get("Galaxy", [])
        for cluster in galaxy["GalaxyCluster"]
        if cluster.get("type", galaxy["type"]) in ACTOR_GALAXIES
    }
    for tag in event.get("Tag", []):
        galaxy, _, value = tag["name"].partition("=")
        if galaxy.removeprefix("misp-galaxy:") in ACTOR_GALAXIES:
            names.add(value.strip('"'))
    return names


def tlp_of(event: dict) -> str:
    marks = [TLP[tag["name"]] for tag in event.get("Tag", []) if tag["name"] in TLP]
    assert len(marks) <= 1  # the shipped events carry one marking at most
    return marks[0] if marks else "clear"


# --- The Sednit event --------------------------------------------------------------------------------------
def test_the_sednit_event_becomes_an_incident_with_its_sources_and_a_claim_by_its_organisation(run):
    content, event = event_file("existing_event.json")
    before = rows()
    job = run(content)
    assert job.status == "succeeded", job.errors

    incident = Incident.objects.get()
    assert incident.external_id == f"misp:event:{event['uuid']}"
    assert incident.title == event["info"] == "OSINT - Sednit update: How Fancy Bear Spent the Year"
    assert (incident.disclosed_on, incident.disclosed_on_precision) == (dt.date.fromisoformat(event["date"]), "day")
    assert incident.occurred_on == dt.date(2017, 12, 21)
    assert incident.summary.startswith("The Sednit group")
    assert incident.tlp == tlp_of(event) == "clear"
    assert incident.review_status == "draft"

    own = Source.objects.get(external_id=f"misp:event:{event['uuid']}")
    assert (own.kind, own.title, own.publisher, own.url) == ("dataset", event["info"], event["Orgc"]["name"], None)
    links = report_links(event)
    assert len(links) == 1
    assert {s.normalized_url for s in Source.objects.exclude(pk=own.pk)} == links
    assert Source.objects.get(url__contains="welivesecurity").kind == "vendor_report"  # tagged osint blog-post
    assert IncidentSource.objects.filter(incident=incident).count() == 1 + len(links)

    claim = Attribution.objects.get()
    assert len(actor_names(event)) == 1 and Attribution.objects.count() == len(actor_names(event))
    assert claim.made_by.name == event["Orgc"]["name"] == "CIRCL" and claim.made_by.kind == "company"
    assert claim.made_by.external_ids.get().value == f"misp:org:{event['Orgc']['uuid']}"
    accused = claim.attributed_to
    assert accused.kind == "threat_group" and accused.country == "RU"
    assert "sofacy" in {accused.normalized_name, *accused.aliases.values_list("normalized", flat=True)}
    assert "fancy bear" in set(accused.aliases.values_list("normalized", flat=True))
    assert (claim.attributor_type, claim.channel, claim.level) == (
        "security_company",
        "technical_report",
        "threat_group",
    )
    assert (claim.stated_on, claim.source, claim.incident, claim.tlp) == (incident.disclosed_on, own, incident, "clear")
    assert claim.external_id.startswith(f"misp:event:{event['uuid']}:attribution:")
    assert job.counts["created"] == created_rows(before)
    assert job.result["imported"][0]["claims"] == 1

    # The event gives Sofacy its cluster file's UUID (old export): never stored as Sofacy's own.
    assert not PartyExternalId.objects.filter(value=event["Galaxy"][0]["GalaxyCluster"][0]["uuid"]).exists()

    before = rows()
    again = run(content)
    assert again.status == "succeeded"
    assert (again.counts["created"], again.counts["updated"]) == (0, 0)
    assert rows() == before


def test_with_the_actor_knowledge_base_imported_the_claim_points_to_its_sofacy_party(run, tmp_path):
    galaxy = json.loads((DEFAULT_GALAXY_DIR / "threat-actor.json").read_text())
    (sofacy,) = [c for c in galaxy["values"] if "Sofacy" in [c["value"], *c.get("meta", {}).get("synonyms", [])]]
    # The shipped cluster file, cut to APT28 and forty others (the whole file takes half a minute).
    others = [c for c in galaxy["values"][:41] if c["uuid"] != sofacy["uuid"]][:40]
    cut = tmp_path / "threat-actor.json"
    cut.write_text(json.dumps({**galaxy, "values": [sofacy, *others]}))
    call_command("import_actors", str(cut), stdout=io.StringIO())
    party = PartyExternalId.objects.get(system=ExternalIdSystem.MISP_GALAXY, value=sofacy["uuid"]).party
    groups = Party.objects.filter(kind="threat_group").count()
    before = rows()

    content, event = event_file("existing_event.json")
    job = run(content)
    assert job.status == "succeeded", job.errors
    claim = Attribution.objects.get()
    assert claim.attributed_to == party and party.name == sofacy["value"] == "APT28"
    assert Party.objects.filter(kind="threat_group").count() == groups  # no new actor
    assert rows()["Party"] == before["Party"] + 1  # the organisation, CIRCL
    assert rows()["PartyAlias"] == before["PartyAlias"]


def test_a_researchers_party_named_like_the_cluster_is_the_accused_when_no_uuid_matches(run):
    mine = PartyFactory(name="Sofacy", kind="threat_group", country="RU")
    content, _ = event_file("existing_event.json")
    job = run(content)
    assert job.status == "succeeded", job.errors
    assert Attribution.objects.get().attributed_to == mine
    assert Party.objects.filter(kind="threat_group").count() == 1


# --- Every shipped event -----------------------------------------------------------------------------------
REFUSED = {"galaxy.json": "this is a MISP galaxy (clusters); import it with import_actors"}


def test_every_shipped_misp_file_imports_or_is_refused_with_its_reason(run):
    folder = shared_path("data", "misp-events")
    files = sorted(path.name for path in folder.glob("*.json"))
    assert len(files) == 9
    outcomes = {}
    for name in files:
        content = (folder / name).read_bytes()
        before = rows()
        job = run(content, name)
        outcomes[name] = job.status
        if name in REFUSED:
            assert job.status == "failed" and REFUSED[name] in job.errors[0], (name, job.errors)
            assert rows() == before
            continue
        assert job.status == "succeeded", (name, job.errors)
        data = json.loads(content)
        event = data.get("Event", data)
        incident = Incident.objects.get(external_id=f"misp:event:{event['uuid']}")
        assert incident.title == event["info"] and incident.tlp == tlp_of(event), name
        assert incident.disclosed_on == dt.date.fromisoformat(event["date"]), name
        new_links = {
            s.normalized_url for s in Source.objects.filter(incident_links__incident=incident, url__isnull=False)
        }
        assert new_links == report_links(event), name
        claims = Attribution.objects.filter(incident=incident)
        assert claims.count() == len(actor_names(event)), name
        assert {c.made_by.name for c in claims} <= {event["Orgc"]["name"]}
        assert all(c.tlp == incident.tlp for c in claims)
        assert job.counts["created"] == created_rows(before), name
        summary = job.result["imported"][0]
        assert summary["tlp_tagged"] == any(tag["name"] in TLP for tag in event.get("Tag", [])), name

        before = rows()
        again = run(content, name)
        assert (again.status, again.counts["created"], again.counts["updated"]) == ("succeeded", 0, 0), name
        assert rows() == before, name
    assert {name for name, status in outcomes.items() if status == "failed"} == set(REFUSED)
    # the events name APT1 and APT12 (galaxy_1) and APT32 (japanese_test) by ATT&CK group, Sofacy by the galaxy
    ids = set(PartyExternalId.objects.filter(system=ExternalIdSystem.MITRE_ATTACK).values_list("value", flat=True))
    assert ids == {"G0005", "G0006", "G0050"}
    assert Incident.objects.get(title="A Random Event").tlp == "clear"  # no TLP tag: clear


# --- Wrappers, markings, bad input ---------------------------------------------------------------------------
def small_event(uuid: str, **changes) -> dict:
    event = {
        "uuid": uuid,
        "info": f"Event {uuid[:4]}",
        "date": "2022-07-18",
        "Orgc": {"name": "Example Security", "uuid": "11111111-2222-3333-4444-555555555555"},
        "Tag": [{"name": "tlp:green"}, {"name": 'misp-galaxy:threat-actor="HomeLand Justice"'}],
        "Attribute": [
            {"type": "link", "category": "External analysis", "value": f"https://example.org/{uuid}", "comment": "c"},
            {"type": "url", "category": "Network activity", "value": "http://evil.example/payload"},
        ],
    }
    event.update(changes)
    return event


def test_an_api_response_with_several_events_imports_each_in_its_own_transaction(run):
    events = [small_event("aaaaaaaa-0000-0000-0000-000000000001"), small_event("bbbbbbbb-0000-0000-0000-000000000002")]
    future = small_event("cccccccc-0000-0000-0000-000000000003", date="2999-01-01")  # refused when saved
    content = json.dumps({"response": [{"Event": events[0]}, events[1], {"Event": future}, {"nothing": 1}]})
    job = run(content.encode())
    assert job.status == "partial"
    assert Incident.objects.count() == 2 and Attribution.objects.count() == 2
    assert job.counts["skipped"] == 2
    assert (
        job.errors[0] == 'item 4: Not a MISP event: expected {"Event": {…}} or an event object with "uuid" and "info".'
    )
    assert job.errors[1].startswith("item 3 cccccccc") and "in the future" in job.errors[1]
    assert not Incident.objects.filter(external_id__contains="cccccccc").exists()
    # indicators are not sources: only the report link of each event
    assert Source.objects.filter(url__startswith="https://example.org/").count() == 2
    assert not Source.objects.filter(url__contains="evil.example").exists()
    # one party for the organisation and one for the actor, shared by both events
    assert Party.objects.filter(name="Example Security", kind="company").count() == 1
    assert {c.attributed_to.name for c in Attribution.objects.all()} == {"HomeLand Justice"}
    assert Party.objects.get(name="HomeLand Justice").tlp == "clear"  # a public galaxy actor, not the event's green


def test_tags_set_the_marking_confidence_and_reliability(run):
    event = small_event(
        "dddddddd-0000-0000-0000-000000000004",
        Tag=[
            {"name": "tlp:amber+strict"},
            {"name": 'estimative-language:likelihood-probability="very-likely"'},
            {"name": 'estimative-language:confidence-in-analytic-judgment="moderate"'},
            {"name": 'admiralty-scale:source-reliability="b"'},
            {"name": 'admiralty-scale:information-credibility="2"'},
        ],
        Galaxy=[
            {
                "type": "threat-actor",
                "uuid": "698774c7-8022-42c4-917f-8d6e4f06ada3",
                "GalaxyCluster": [
                    {
                        "type": "threat-actor",
                        "value": "Quiet Otter",
                        "uuid": "eeeeeeee-0000-4000-8000-000000000005",
                        "meta": {"synonyms": ["Otter Team"], "country": ["IR"]},
                    }
                ],
            }
        ],
    )
    event["Attribute"][0]["Tag"] = [{"name": "tlp:green"}, {"name": 'osint:source-type="news-report"'}]
    job = run(json.dumps({"Event": event}).encode())
    assert job.status == "succeeded", job.errors
    incident = Incident.objects.get()
    claim = Attribution.objects.get()
    own = Source.objects.get(external_id=incident.external_id)
    link = Source.objects.get(url__startswith="https://example.org/")
    assert incident.tlp == own.tlp == claim.tlp == "amber_strict"
    assert (link.tlp, link.kind, link.title) == ("green", "news", "c")
    assert (claim.confidence, claim.confidence_text) == ("very_likely", "very likely; moderate confidence")
    assert own.reliability == "b" and "probably true" in claim.note
    actor = claim.attributed_to
    assert (actor.name, actor.country, actor.alias_names) == ("Quiet Otter", "IR", ["Otter Team"])
    assert actor.tlp == "amber_strict"  # known only from this event: marked as the event
    assert claim.made_by.tlp == "clear"  # the organisation's name is no secret
    assert actor.external_ids.get().value == "eeeeeeee-0000-4000-8000-000000000005"
    assert claim.external_id == f"{incident.external_id}:attribution:eeeeeeee-0000-4000-8000-000000000005"

    # renamed in a later version of the event: still found by its UUID, nothing new
    renamed = copy.deepcopy(event)
    renamed["Galaxy"][0]["GalaxyCluster"][0]["value"] = "Quiet Otter Group"
    before = rows()
    again = run(json.dumps(renamed).encode())
    assert again.counts["created"] == 0 and rows() == before
    assert Attribution.objects.get().attributed_to == actor


def test_an_event_without_an_organisation_imports_without_claims_and_says_why(run):
    event = small_event("ffffffff-0000-0000-0000-000000000006")
    del event["Orgc"]
    job = run(json.dumps(event).encode())
    assert job.status == "partial"
    assert Incident.objects.count() == 1 and Attribution.objects.count() == 0
    assert job.errors == [
        f"event {event['uuid']} ({event['info']}): no creator organisation (Orgc): its 1 claim(s) were not imported"
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe garbage", "Not a JSON file"),
        (b"[1, 2]", "No MISP event in the input: none of its 2 items is one"),
        (b"[]", "the input is an empty list"),
        (b'{"response": []}', "the input is an empty list"),
        (b'{"Event": {"info": "x", "uuid": "not-a-uuid"}}', "is not a UUID"),
        (
            b'{"Event": {"info": "x", "uuid": "aaaaaaaa-0000-0000-0000-000000000009", "date": "18/07/2022"}}',
            "not a date",
        ),
        (b'{"type": "bundle", "id": "bundle--1", "objects": []}', "this is a STIX bundle"),
    ],
)
def test_input_that_holds_no_event_fails_whole_with_a_clear_error(run, content, message):
    job = run(content)
    assert job.status == "failed" and message in job.errors[0], job.errors
    assert sum(rows().values()) == 0


def test_a_malformed_event_file_fails_and_writes_nothing(run):
    content, _ = event_file("existing_event.json")
    run(event_file("misp_event.json")[0])
    before = rows()
    job = run(content[: len(content) // 2])  # cut off mid-way
    assert job.status == "failed" and job.errors[0].startswith("Not a JSON file")
    assert rows() == before


def test_the_command_prints_its_summary_and_refuses_what_is_no_event(tmp_path):
    path = shared_path("data", "misp-events", "existing_event.json")
    out = io.StringIO()
    call_command("import_misp_event", str(path), stdout=out)
    text = out.getvalue()
    assert "succeeded" in text and "created" in text
    assert "How Fancy Bear Spent the Year: incident" in text and "2 source(s), 1 claim(s), TLP:CLEAR" in text
    out = io.StringIO()
    call_command("import_misp_event", str(path), stdout=out)
    assert "0 created, 0 updated" in out.getvalue()

    galaxy = shared_path("data", "misp-events", "galaxy.json")
    with pytest.raises(CommandError, match="import it with import_actors"):
        call_command("import_misp_event", str(galaxy), stdout=io.StringIO())
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 of 2 inputs failed: galaxy.json"):
        call_command("import_misp_event", str(galaxy), str(path), stdout=io.StringIO(), stderr=err)
    assert "galaxy.json) failed" in err.getvalue()
    with pytest.raises(CommandError, match="neither a file"):
        call_command("import_misp_event", str(tmp_path / "missing.json"), stdout=io.StringIO())


def test_the_api_takes_a_misp_event(api, make_user, tasks):
    client = api.as_user(make_user("researcher"))
    upload = io.BytesIO(json.dumps({"Event": small_event("abababab-0000-0000-0000-00000000000a")}).encode())
    upload.name = "event.json"
    with tasks():
        response = client.post("/api/v1/imports/", {"kind": "misp_event", "file": upload}, format="multipart")
    assert response.status_code == 201, response.content
    job = client.get(f"/api/v1/imports/{response.json()['id']}/").json()
    assert (job["kind"], job["status"]) == ("misp_event", "succeeded"), job
    assert job["result"]["imported"][0]["claims"] == 1
    assert normalize_name(Attribution.objects.get().attributed_to.name) == "homeland justice"


def test_without_a_date_the_publication_day_dates_the_incident_and_claim(run):
    event = small_event("acacacac-0000-0000-0000-00000000000b", publish_timestamp="1472548231")
    del event["date"]
    job = run(json.dumps({"Event": event}).encode())
    assert job.status == "succeeded", job.errors
    published = dt.datetime.fromtimestamp(1472548231, tz=dt.UTC).date()
    assert Incident.objects.get().disclosed_on == Attribution.objects.get().stated_on == published
    del event["publish_timestamp"]
    event["uuid"] = "adadadad-0000-0000-0000-00000000000c"
    run(json.dumps(event).encode())
    undated = Incident.objects.get(external_id__endswith="adadadad-0000-0000-0000-00000000000c")
    assert (undated.disclosed_on, undated.disclosed_on_precision) == (None, "unknown")
