"""STIX bundles: OASIS examples, MITRE ATT&CK (2.1 and 2.0), a hand-made bundle with every mapped object,
invalid bundles refused whole, bad objects skipped alone, idempotent re-imports, the command and the API."""

import datetime as dt
import io
import json
from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from attribution.models import (
    Attribution,
    Consequence,
    Party,
    PartyAlias,
    PartyExternalId,
    PossiblySameAs,
    Reaction,
)
from attribution.normalize import normalize_name
from incidents.models import Incident, IncidentSource, Source
from tests.conftest import shared_path
from tests.factories import PartyFactory

pytestmark = pytest.mark.django_db

MODELS = (
    Party,
    PartyAlias,
    PartyExternalId,
    PossiblySameAs,
    Incident,
    Source,
    IncidentSource,
    Attribution,
    Reaction,
    Consequence,
)
MAPPED = {"identity", "location", "intrusion-set", "threat-actor", "incident", "campaign", "report", "note", "opinion"}
TLP_AMBER = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"


@pytest.fixture
def run(import_upload):
    """Import `content` as a STIX bundle, the job running as it would after commit."""
    return lambda content, name="bundle.json": import_upload("stix", content, name)


def rows() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def party_of(stix_id: str) -> Party:
    return PartyExternalId.objects.get(system="stix", value=stix_id).party


def external(obj: dict) -> str:
    return f"stix:{obj['id']}"


# --- Real bundles -------------------------------------------------------------------------------------------
def example_files():
    folders = [
        shared_path("data", "cti-stix2-json-schemas", "examples"),
        shared_path("data", "cti-documentation", "examples", "example_json"),
    ]
    return sorted(path for folder in folders for path in folder.rglob("*.json"))


def test_every_oasis_example_bundle_imports_without_failure(run):
    files = example_files()
    assert len(files) == 19
    for path in files:
        job = run(path.read_bytes(), path.name)
        assert job.status == "succeeded", (path.name, job.errors)
        data = json.loads(path.read_text())
        objects = data.get("objects", [data])
        assert job.result["objects"] == len(objects)
        assert sum(job.result["imported"].values()) + job.counts["skipped"] == len(objects), path.name
    # the lone campaign (not a bundle) is one incident, marked TLP:RED as its marking says
    lone = Incident.objects.get(external_id="stix:campaign--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061")
    assert (lone.title, lone.tlp) == ("Spear Phishing", "red")
    # a claim whose bundle does not say who made it is drafted against the shared "Unknown attributor"
    claim = Attribution.objects.get(external_id="stix:relationship--98765000-efdf-4a86-8681-36481ceae57f")
    assert (claim.made_by.name, claim.made_by.kind, claim.attributed_to.name) == (
        "Unknown attributor",
        "other",
        "Fake BPP (Branistan Peoples Party)",
    )
    assert "does not say who made this claim" in claim.note
    assert Party.objects.filter(name="Unknown attributor").count() == 1


def test_apt1_maps_every_actor_identity_and_report_and_a_second_run_changes_nothing(run):
    path = shared_path("data", "cti-stix2-json-schemas", "examples", "threat-reports", "apt1.json")
    objects = json.loads(path.read_text())["objects"]
    by_id = {obj["id"]: obj for obj in objects}
    actors = [obj for obj in objects if obj["type"] in ("intrusion-set", "threat-actor", "identity")]
    aliases = {
        obj["id"]: {normalize_name(a) for a in obj.get("aliases", [])} - {normalize_name(obj["name"])} for obj in actors
    }
    report = next(obj for obj in objects if obj["type"] == "report")

    job = run(path.read_bytes())
    assert job.status == "succeeded", job.errors
    assert Party.objects.count() == len(actors)
    for obj in actors:
        party = party_of(obj["id"])
        assert party.name == obj["name"]
        assert set(party.aliases.values_list("normalized", flat=True)) == aliases[obj["id"]]
        kind = {"identity": "person"}.get(obj["type"], "threat_group")  # apt1's identities are individuals
        assert party.kind == kind
    source = Source.objects.get(external_id=external(report))
    assert (source.title, source.published_on, source.kind) == (report["name"], dt.date(2013, 2, 19), "vendor_report")
    assert Incident.objects.count() == 0

    # attributed-to between parties: a group belongs to the first party it is attributed to; a person the
    # group is attributed to belongs to the group
    expected_parent = {}
    for rel in objects:
        if rel["type"] == "relationship" and rel["relationship_type"] == "attributed-to":
            target = by_id[rel["target_ref"]]
            if target.get("identity_class") == "individual":
                expected_parent.setdefault(rel["target_ref"], rel["source_ref"])
            else:
                expected_parent.setdefault(rel["source_ref"], rel["target_ref"])
    for child, parent in expected_parent.items():
        assert party_of(child).parent == party_of(parent), by_id[child]["name"]
    assert party_of("intrusion-set--da1065ce-972c-4605-8755-9cd1074e3b5a").parent.name == "Unit 61398"

    read = MAPPED | {"relationship"}
    assert job.result["skipped_types"] == dict(Counter(o["type"] for o in objects if o["type"] not in read))
    assert job.result["context"] == {"malware": 6}
    assert job.result["skipped_relationships"] == dict(
        Counter(o["relationship_type"] for o in objects if o.get("relationship_type") not in (None, "attributed-to"))
    )
    created = len(actors) * 2 + sum(map(len, aliases.values())) + 1  # parties, their STIX ids, aliases, the report
    assert job.counts["created"] == created
    assert job.counts["updated"] == len(expected_parent)

    before = rows()
    again = run(path.read_bytes())
    assert again.status == "succeeded"
    assert (again.counts["created"], again.counts["updated"]) == (0, 0)
    assert rows() == before


def test_attack_ics_groups_campaigns_and_claims_and_a_second_run_creates_nothing(run):
    path = shared_path("data", "mitre-attack-stix-data", "ics-attack.json")
    objects = json.loads(path.read_text())["objects"]
    by_id = {obj["id"]: obj for obj in objects}
    groups = [obj for obj in objects if obj["type"] == "intrusion-set"]
    campaigns = [obj for obj in objects if obj["type"] == "campaign"]
    claims = [
        obj
        for obj in objects
        if obj["type"] == "relationship"
        and obj["relationship_type"] == "attributed-to"
        and obj["source_ref"].startswith("campaign--")
    ]
    assert (len(groups), len(campaigns), len(claims)) == (16, 8, 5)

    job = run(path.read_bytes())
    assert job.status == "succeeded", job.errors
    parties = {obj["id"]: party_of(obj["id"]) for obj in groups}
    assert len({party.pk for party in parties.values()}) == 16
    assert Party.objects.filter(kind="threat_group").count() == 16
    for obj in groups:
        party = parties[obj["id"]]
        wanted = {normalize_name(a) for a in obj.get("aliases", [])} - {normalize_name(obj["name"])}
        assert set(party.aliases.values_list("normalized", flat=True)) == wanted, obj["name"]
        attack_id = next(r["external_id"] for r in obj["external_references"] if r["source_name"] == "mitre-attack")
        assert party.external_ids.get(system="mitre_attack").value == attack_id

    assert Incident.objects.filter(external_id__startswith="stix:campaign--").count() == 8
    ukraine = Incident.objects.get(external_id="stix:campaign--46421788-b6e1-4256-b351-f8beffd1afba")
    # ATT&CK writes "December 2015" as 2015-12-01T05:00:00Z: a month, not a day
    assert (ukraine.started_on, ukraine.started_on_precision) == (dt.date(2015, 12, 1), "month")
    assert (ukraine.ended_on, ukraine.ended_on_precision) == (dt.date(2016, 1, 1), "month")
    assert ukraine.source_links.count() >= 2  # its external references, as sources

    mitre = party_of("identity--c78cb6e5-0c4b-4611-8297-d1b8b55e40b5")
    assert (mitre.name, mitre.kind) == ("The MITRE Corporation", "company")
    assert Attribution.objects.count() == len(claims)
    for rel in claims:
        claim = Attribution.objects.get(external_id=external(rel))
        assert claim.incident.external_id == external(by_id[rel["source_ref"]])
        assert claim.attributed_to == parties[rel["target_ref"]]
        assert (claim.made_by, claim.attributor_type, claim.level) == (mitre, "security_company", "threat_group")
        assert claim.source.kind == "dataset" and claim.source.external_id.startswith("stix:bundle--")
    revoked = [o for o in objects if o.get("relationship_type") == "revoked-by"]
    assert PossiblySameAs.objects.count() == len(revoked) == 2

    skipped = job.result["skipped_types"]
    for kind, n in Counter(o["type"] for o in objects).items():
        if kind.startswith("x-mitre-"):
            assert skipped[kind] == n
    assert job.result["context"] == {"malware": 30}

    before = rows()
    again = run(path.read_bytes())
    assert (again.counts["created"], again.counts["updated"]) == (0, 0)
    assert rows() == before


def test_a_stix_2_0_group_bundle_from_mitre_cti_imports(run):
    path = shared_path(
        "data",
        "mitre-cti",
        "enterprise-attack",
        "intrusion-set",
        "intrusion-set--00f67a77-86a4-4adf-be26-1a54fc713340.json",
    )
    (obj,) = json.loads(path.read_text())["objects"]
    assert "spec_version" not in obj
    job = run(path.read_bytes())
    assert job.status == "succeeded", job.errors
    assert job.result["spec_version"] == "2.0"
    party = party_of(obj["id"])
    assert (party.name, party.kind) == (obj["name"], "threat_group")
    wanted = {normalize_name(a) for a in obj["aliases"]} - {normalize_name(obj["name"])}
    assert set(party.aliases.values_list("normalized", flat=True)) == wanted
    assert party.external_ids.filter(system="mitre_attack").get().value == "G0082"


# --- A hand-made bundle ---------------------------------------------------------------------------------------
def sdo(kind: str, number: int, created: str = "2022-09-07T10:00:00.000Z", **props) -> dict:
    uuid = f"{number:08d}-0000-4000-8000-{number:012d}"
    return {
        "type": kind,
        "spec_version": "2.1",
        "id": f"{kind}--{uuid}",
        "created": created,
        "modified": created,
        **props,
    }


def relationship(number: int, kind: str, source: dict, target: dict, **props) -> dict:
    return sdo(
        "relationship", number, relationship_type=kind, source_ref=source["id"], target_ref=target["id"], **props
    )


def bundle(*objects: dict, number: int = 1) -> bytes:
    envelope = {"type": "bundle", "id": f"bundle--{number:08d}-0000-4000-8000-000000000000", "objects": objects}
    return json.dumps(envelope).encode()


@pytest.fixture
def case():
    """The objects of a small case: an incident on Albania, a claim against a group acting for Iran, Iran's
    denial, a vendor's endorsement, Albania's severance of relations, and a vendor report."""
    o = {}
    o["albania_loc"] = sdo("location", 1, name="Albania", country="AL")
    o["iran_loc"] = sdo("location", 2, name="Iran", country="IR")
    gov = ["government-national"]
    o["agency"] = sdo(
        "identity", 3, name="National Agency for Information Society", identity_class="organization", sectors=gov
    )
    o["vendor"] = sdo("identity", 4, name="Vendor Labs", identity_class="organization", sectors=["technology"])
    o["mfa"] = sdo("identity", 5, name="Ministry of Foreign Affairs", identity_class="organization", sectors=gov)
    o["albania"] = sdo("identity", 6, name="Albania", identity_class="organization", sectors=gov)
    o["iran"] = sdo("identity", 7, name="Iran", identity_class="organization")
    attack = [{"source_name": "mitre-attack", "external_id": "G9999", "url": "https://attack.mitre.org/groups/G9999/"}]
    o["group"] = sdo(
        "intrusion-set",
        8,
        name="HomeLand Justice",
        aliases=["HomeLand Justice", "Homeland Justice Team"],
        external_references=attack,
    )
    o["incident"] = sdo(
        "incident",
        9,
        name="Cyberattack on Albanian government services",
        description="Government e-services went offline.",
        first_seen="2022-07-15T03:00:00.000Z",
        object_marking_refs=[TLP_AMBER],
    )
    o["agency_at"] = relationship(10, "located-at", o["agency"], o["albania_loc"])
    o["mfa_at"] = relationship(11, "located-at", o["mfa"], o["iran_loc"])
    o["group_for_iran"] = relationship(12, "attributed-to", o["group"], o["iran"])
    o["targets"] = relationship(13, "targets", o["incident"], o["albania_loc"])
    o["claim"] = relationship(
        14,
        "attributed-to",
        o["incident"],
        o["group"],
        created_by_ref=o["agency"]["id"],
        confidence=85,
        description="The attack was carried out by HomeLand Justice.",
    )
    o["denial"] = sdo(
        "opinion",
        15,
        "2022-09-08T09:30:00.000Z",
        opinion="strongly-disagree",
        object_refs=[o["claim"]["id"]],
        created_by_ref=o["mfa"]["id"],
        explanation="Iran rejects the baseless claim.",
    )
    o["endorsement"] = sdo(
        "opinion",
        16,
        "2022-09-09T09:30:00.000Z",
        opinion="agree",
        object_refs=[o["claim"]["id"]],
        created_by_ref=o["vendor"]["id"],
    )
    consequence = {
        "kind": "severed_diplomatic_relations",
        "initiated_by_ref": o["albania"]["id"],
        "target_ref": o["iran"]["id"],
        "announced_on": "2022-09-07",
        "status": "implemented",
        "relies_on_refs": [o["claim"]["id"]],
    }
    o["severance"] = sdo(
        "note",
        17,
        content="Albania severed diplomatic relations with Iran.",
        object_refs=[o["incident"]["id"]],
        x_attribution_consequence=consequence,
    )
    o["remark"] = sdo("note", 18, content="Worth a second look.", object_refs=[o["incident"]["id"]])
    o["report"] = sdo(
        "report",
        19,
        name="HomeLand Justice strikes Albania",
        published="2022-09-08T00:00:00.000Z",
        report_types=["threat-report"],
        created_by_ref=o["vendor"]["id"],
        object_refs=[o["incident"]["id"], o["claim"]["id"], o["group"]["id"]],
        external_references=[{"source_name": "Vendor Labs", "url": "https://vendor.example/reports/homeland-justice"}],
    )
    o["pattern"] = sdo("attack-pattern", 20, name="Wiper")
    o["custom"] = sdo("x-acme-widget", 21, x_acme_size=3)
    return o


def test_a_hand_made_bundle_maps_each_object_to_the_right_record(run, case, monkeypatch):
    import stix2validator.validator

    def offline(*args, **kwargs):
        raise AssertionError("the validator must not go online")

    monkeypatch.setattr(stix2validator.validator.requests, "get", offline)
    job = run(bundle(*case.values()))
    assert job.status == "succeeded", job.errors

    albania, iran = Party.objects.get(kind="state", country="AL"), Party.objects.get(kind="state", country="IR")
    assert party_of(case["albania"]["id"]) == albania and party_of(case["iran"]["id"]) == iran
    agency, vendor, mfa = (party_of(case[key]["id"]) for key in ("agency", "vendor", "mfa"))
    assert (agency.kind, agency.country, agency.parent) == ("government_body", "AL", albania)
    assert (mfa.kind, mfa.country, mfa.parent) == ("government_body", "IR", iran)
    assert (vendor.kind, vendor.country) == ("company", "")
    group = party_of(case["group"]["id"])
    assert (group.kind, group.country, group.parent, group.alias_names) == (
        "threat_group",
        "IR",
        iran,
        ["Homeland Justice Team"],
    )
    assert group.external_ids.get(system="mitre_attack").value == "G9999"

    incident = Incident.objects.get(external_id=external(case["incident"]))
    assert (incident.title, incident.started_on, incident.started_on_precision) == (
        "Cyberattack on Albanian government services",
        dt.date(2022, 7, 15),
        "day",
    )
    assert (incident.victim_countries, incident.tlp, incident.review_status) == (["AL"], "amber", "draft")

    report = Source.objects.get(external_id=external(case["report"]))
    assert (report.url, report.kind, report.publisher, report.published_on) == (
        "https://vendor.example/reports/homeland-justice",
        "vendor_report",
        "Vendor Labs",
        dt.date(2022, 9, 8),
    )
    dataset = Source.objects.get(external_id="stix:bundle--00000001-0000-4000-8000-000000000000")
    assert (dataset.kind, dataset.title) == ("dataset", "STIX bundle bundle--00000001-0000-4000-8000-000000000000")
    assert set(incident.source_links.values_list("source", flat=True)) == {report.pk, dataset.pk}

    claim = Attribution.objects.get(external_id=external(case["claim"]))
    assert (claim.incident, claim.made_by, claim.attributed_to, claim.source) == (incident, agency, group, report)
    assert (claim.confidence, claim.confidence_text) == ("very_likely", "STIX confidence 85/100")
    assert (claim.stated_on, claim.stance, claim.attributor_type, claim.channel, claim.level) == (
        dt.date(2022, 9, 7),
        "attributes",
        "victim_government",
        "political_statement",
        "threat_group",
    )
    assert claim.quote == "The attack was carried out by HomeLand Justice."

    denial = Reaction.objects.get(external_id=external(case["denial"]))
    assert (denial.party, denial.stance, denial.attribution, denial.incident, denial.stated_on) == (
        mfa,
        "denial",
        claim,
        incident,
        dt.date(2022, 9, 8),
    )
    assert (denial.quote, denial.source) == ("Iran rejects the baseless claim.", dataset)
    endorsement = Attribution.objects.get(external_id=external(case["endorsement"]))
    assert (endorsement.made_by, endorsement.attributed_to, endorsement.stance, endorsement.attributor_type) == (
        vendor,
        group,
        "endorses",
        "security_company",
    )

    severance = Consequence.objects.get(external_id=external(case["severance"]))
    assert (severance.kind, severance.initiated_by, severance.target, severance.status) == (
        "severed_diplomatic_relations",
        albania,
        iran,
        "implemented",
    )
    assert (severance.announced_on, severance.announced_on_precision) == (dt.date(2022, 9, 7), "day")
    assert list(severance.relies_on.all()) == [claim] and severance.incident == incident

    assert job.result["skipped_types"] == {"attack-pattern": 1, "x-acme-widget": 1}
    assert job.result["not_imported"] == {"note without x_attribution_consequence": 1}
    assert job.counts["skipped"] == 3

    before = rows()
    again = run(bundle(*case.values()))
    assert again.status == "succeeded", again.errors
    assert (again.counts["created"], again.counts["updated"]) == (0, 0)
    assert rows() == before


def test_a_bad_object_is_listed_by_id_and_the_rest_imports(run, case):
    stray = relationship(30, "attributed-to", case["incident"], sdo("intrusion-set", 31))
    bad_kind = {**case["severance"], "x_attribution_consequence": {"kind": "stern_look"}}
    job = run(bundle(case["incident"], case["group"], case["vendor"], stray, bad_kind))
    assert job.status == "partial"
    assert job.errors == [
        f"{stray['id']}: its attributed party {stray['target_ref']} is neither in the bundle nor stored",
        f"{bad_kind['id']}: x_attribution_consequence.kind 'stern_look' is not a consequence kind of the codebook",
    ]
    assert Incident.objects.count() == 1 and Party.objects.filter(kind="threat_group").count() == 1
    # a later bundle may refer to what an earlier one stored
    claim = relationship(32, "attributed-to", case["incident"], case["group"], created_by_ref=case["vendor"]["id"])
    later = run(bundle(claim, number=2))
    assert later.status == "succeeded", later.errors
    assert Attribution.objects.get().attributed_to == party_of(case["group"]["id"])


def test_a_newer_version_updates_a_draft_and_a_researchers_party_keeps_its_own_words(run, case):
    mine = PartyFactory(name="Vendor Labs", kind="company", description="Our notes.", review_status="confirmed")
    run(bundle(case["group"], case["vendor"]))
    assert party_of(case["vendor"]["id"]) == mine  # found by name and kind, given the STIX id
    newer = {
        **case["group"],
        "modified": "2023-01-01T00:00:00.000Z",
        "description": "Iranian state actor.",
        "aliases": [*case["group"]["aliases"], "Storm-0842"],
    }
    vendor = {**case["vendor"], "modified": "2023-01-01T00:00:00.000Z", "description": "A vendor."}
    job = run(bundle(case["group"], newer, vendor))  # two versions of one group: the latest counts
    assert (job.counts["updated"], job.counts["created"]) == (1, 1), job.counts  # the group; its new alias
    group = party_of(case["group"]["id"])
    assert (group.description, sorted(group.alias_names)) == (
        "Iranian state actor.",
        ["Homeland Justice Team", "Storm-0842"],
    )
    mine.refresh_from_db()
    assert (mine.description, mine.review_status) == ("Our notes.", "confirmed")
    assert Party.objects.filter(name="Vendor Labs").count() == 1


def test_a_draft_found_by_name_follows_the_bundle_at_once_so_the_second_run_changes_nothing(run, case):
    spelled = case["group"]["name"].upper()
    draft = PartyFactory(name=spelled, kind="threat_group", description="From a dataset.", review_status="draft")
    group = {**case["group"], "description": "From the bundle."}
    first = run(bundle(group))
    draft.refresh_from_db()
    assert party_of(group["id"]) == draft
    assert (draft.name, draft.description) == (group["name"], "From the bundle.")
    assert first.counts["updated"] == 1
    second = run(bundle(group))
    assert (second.counts["created"], second.counts["updated"]) == (0, 0), second.counts


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda o: o["claim"].pop("relationship_type"), "'relationship_type' is a required property"),
        (lambda o: o["incident"].update(id="incident--not-a-uuid"), "does not match the id format"),
        (lambda o: o["group"].update(created="2022-09-07T10:00:00Z"), "must be precise to the millisecond"),
        (lambda o: o["pattern"].update(id="attack-pattern--1"), "is not of the form attack-pattern--<UUID>"),
    ],
)
def test_an_invalid_bundle_is_refused_whole_with_the_validators_reason(run, case, change, reason):
    PartyFactory(name="Already here")
    change(case)
    before = rows()
    job = run(bundle(*case.values()))
    assert job.status == "failed"
    assert job.errors[0].startswith("The STIX bundle is not valid")
    assert any(reason in error for error in job.errors[1:]), job.errors
    assert rows() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty"),
        (b"  \n", "The file is empty"),
        (b"\xff\xfe garbage", "Not a JSON file"),
        (b"{not json", "Not a JSON file"),
        (b"[1, 2]", "Not a STIX bundle"),
        (b'{"type": "bundle", "id": "bundle--1", "objects": {}}', "is not a list"),
        (b'{"hello": "world"}', "Not a STIX bundle"),
    ],
)
def test_an_input_that_is_no_stix_bundle_fails_with_a_clear_error(run, content, message):
    job = run(content)
    assert job.status == "failed" and message in job.errors[0], job.errors
    assert sum(rows().values()) == 0


# --- Command and API ------------------------------------------------------------------------------------------
def test_the_command_prints_its_summary_and_what_it_skipped(tmp_path):
    path = shared_path("data", "cti-stix2-json-schemas", "examples", "threat-reports", "apt1.json")
    out = io.StringIO()
    call_command("import_stix", str(path), stdout=out)
    text = out.getvalue()
    assert "(apt1.json) succeeded:" in text and " created" in text
    assert "skipped object types: indicator 12, tool 10, attack-pattern 7, malware 6" in text
    assert "skipped relationship types: uses 16, indicates 7" in text
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "bundle"')
    with pytest.raises(CommandError, match="Not a JSON file"):
        call_command("import_stix", str(bad), stdout=io.StringIO())


def test_the_api_takes_a_stix_bundle_as_an_import_of_kind_stix(api, make_user, tasks, case):
    client = api.as_user(make_user("researcher"))
    upload = io.BytesIO(bundle(case["group"]))
    upload.name = "bundle.json"
    with tasks():
        response = client.post("/api/v1/imports/", {"kind": "stix", "file": upload}, format="multipart")
    assert response.status_code == 201, response.content
    job = client.get(f"/api/v1/imports/{response.json()['id']}/").json()
    assert (job["kind"], job["status"]) == ("stix", "succeeded"), job
    assert party_of(case["group"]["id"]).name == "HomeLand Justice"
