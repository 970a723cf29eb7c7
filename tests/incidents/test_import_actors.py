"""Actor lists: MISP galaxy clusters into parties, idempotent, ambiguous aliases kept apart, every
cluster accounted for; the command, the API and the shipped knowledge base."""

import io
import json
from collections import defaultdict

import pytest
from django.core.management import CommandError, call_command

from attribution.codebook import ExternalIdSystem
from attribution.extraction import extract_report
from attribution.knowledge import DEFAULT_GALAXY_DIR, read_galaxy
from attribution.models import Party, PartyAlias, PartyExternalId, PossiblySameAs
from attribution.normalize import normalize_name
from incidents.models import ImportJob
from tests.conftest import shared_path
from tests.factories import PartyFactory

pytestmark = pytest.mark.django_db


def galaxy(*values, kind="threat-actor") -> bytes:
    return json.dumps({"type": kind, "name": "Test", "uuid": "0" * 36, "values": list(values)}).encode()


def actor(name, uuid, synonyms=(), country=None, **meta):
    data = {"value": name, "uuid": uuid, "description": f"About {name}", "meta": {"synonyms": list(synonyms), **meta}}
    if country:
        data["meta"]["country"] = country
    return data


@pytest.fixture
def run(import_upload):
    """Import `content` as an actor list, the job running as it would after commit."""
    return lambda content, user=None: import_upload("actors", content, "clusters.json", user=user)


def model_rows() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in (Party, PartyAlias, PartyExternalId, PossiblySameAs)}


def test_the_real_threat_actor_galaxy_imports_every_cluster_once_and_a_second_run_creates_nothing(run):
    path = shared_path("data", "misp-galaxy", "clusters", "threat-actor.json")
    data = json.loads(path.read_text())
    job = run(path.read_bytes())
    assert job.status == "succeeded", job.errors
    clusters = data["values"]
    assert job.counts["created"] == len(clusters) == Party.objects.count()
    assert job.counts["skipped"] == 0
    assert PartyExternalId.objects.filter(system=ExternalIdSystem.MISP_GALAXY).count() == len(clusters)
    # every synonym that differs from its actor's own name is an alias of that actor
    wanted = {
        (c["uuid"], normalize_name(s))
        for c in clusters
        for s in c.get("meta", {}).get("synonyms", [])
        if normalize_name(s) and normalize_name(s) != normalize_name(c["value"])
    }
    stored = set(
        PartyAlias.objects.filter(party__external_ids__system=ExternalIdSystem.MISP_GALAXY).values_list(
            "party__external_ids__value", "normalized"
        )
    )
    assert wanted <= stored
    # "Grizzly Steppe" names APT28 and APT29: an alias of both, no merge
    owners = {a.party.name for a in PartyAlias.objects.filter(normalized="grizzly steppe").select_related("party")}
    assert owners == {"APT28", "APT29"}
    shared = defaultdict(set)
    for c in clusters:
        for name in [c["value"], *c.get("meta", {}).get("synonyms", [])]:
            shared[normalize_name(name)].add(c["uuid"])
    assert len(job.result["ambiguous_aliases"]) == sum(1 for owners in shared.values() if len(owners) > 1) == 27
    assert {a.party.country for a in PartyAlias.objects.filter(normalized="apt34").select_related("party")} == {"IR"}

    before = model_rows()
    again = run(path.read_bytes())
    assert again.counts["created"] == 0 and again.counts["unchanged"] == len(clusters)
    assert model_rows() == before


def test_other_galaxies_link_similar_clusters_and_agencies_are_government_bodies(run):
    def clusters(name):
        return json.loads(shared_path("data", "misp-galaxy", "clusters", f"{name}.json").read_text())

    mitre, actors, agencies = (
        clusters("mitre-intrusion-set"),
        clusters("threat-actor"),
        clusters("intelligence-agencies"),
    )
    # Cut to what the assertions need (the whole files are imported by the tests above and take a minute):
    # the threat-actor clusters the ATT&CK ones call similar, and the British agencies among others.
    related = {link["dest-uuid"] for c in mitre["values"] for link in c.get("related", [])}
    actors["values"] = [c for c in actors["values"] if c["uuid"] in related][:80]
    british = [c for c in agencies["values"] if c.get("meta", {}).get("country") == "GB"]
    agencies["values"] = british + [c for c in agencies["values"][:20] if c not in british]
    for data in (actors, mitre, agencies):
        job = run(json.dumps(data).encode())
        assert job.status == "succeeded", job.errors
    assert PartyExternalId.objects.filter(system=ExternalIdSystem.MITRE_ATTACK, value="G0049").exists()  # OilRig
    assert PossiblySameAs.objects.count() > 0  # mitre clusters relate to threat-actor ones as "similar"
    assert Party.objects.filter(kind="government_body", country="GB").exists()


def test_bad_clusters_are_listed_by_position_and_the_rest_import(run):
    content = galaxy(
        actor("Good Group", "11111111-1111-1111-1111-111111111111", ["Goodies"], "RU"),
        {"value": "No Id"},
        "not an object",
        actor("Other Group", "22222222-2222-2222-2222-222222222222", cfr_suspected_state_sponsor="x"),
    )
    job = run(content)
    assert job.status == "partial"
    assert job.counts["created"] == 2 and job.counts["skipped"] == 2
    assert job.errors == ["value 2: No Id: no valid uuid", "value 3: not an object"]
    assert Party.objects.get(name="Good Group").alias_names == ["Goodies"]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\xff\xfe garbage", "Not a JSON file"), (b"[1, 2]", "Not a MISP galaxy cluster file"), (b"{}", "values")],
)
def test_an_input_that_is_no_cluster_file_fails_whole_with_a_clear_error(run, content, message):
    job = run(content)
    assert job.status == "failed" and message in job.errors[0]
    assert Party.objects.count() == 0


def test_a_researchers_party_of_the_same_name_gets_the_cluster_id_and_is_not_duplicated(run):
    mine = PartyFactory(name="HomeLand Justice", kind="threat_group", country="IR")
    job = run(galaxy(actor("HomeLand Justice", "33333333-3333-3333-3333-333333333333", ["Homeland Justice Team"])))
    assert job.counts["updated"] == 1 and Party.objects.count() == 1
    assert mine.external_ids.get().value == "33333333-3333-3333-3333-333333333333"


def test_a_changed_cluster_updates_its_party_and_keeps_the_researchers_aliases(run):
    uuid = "44444444-4444-4444-4444-444444444444"
    run(galaxy(actor("Group X", uuid, ["X1"])))
    party = Party.objects.get()
    PartyAlias.objects.create(party=party, name="Researcher's name")
    job = run(galaxy(actor("Group X", uuid, ["X1", "X2"], "CN")))
    assert job.counts["updated"] == 1
    party.refresh_from_db()
    assert party.country == "CN"
    assert sorted(party.alias_names) == ["Researcher's name", "X1", "X2"]
    assert party.history.count() == 2


def test_the_command_imports_the_shipped_knowledge_base_and_reports_ambiguous_names(tmp_path):
    out = io.StringIO()
    call_command("import_actors", str(DEFAULT_GALAXY_DIR / "threat-actor.json"), stdout=out)
    assert "1,041 created" in out.getvalue()
    assert "name more than one actor" in out.getvalue()
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    with pytest.raises(CommandError, match="Not a JSON file"):
        call_command("import_actors", str(bad), stdout=io.StringIO())
    with pytest.raises(CommandError, match="neither a file"):
        call_command("import_actors", str(tmp_path / "missing.json"), stdout=io.StringIO())


def test_the_api_takes_an_actor_list_as_an_import_of_kind_actors(api, make_user, tasks):
    client = api.as_user(make_user("researcher"))
    upload = io.BytesIO(galaxy(actor("API Group", "55555555-5555-5555-5555-555555555555", ["Via API"])))
    upload.name = "clusters.json"
    with tasks():
        response = client.post("/api/v1/imports/", {"kind": "actors", "file": upload}, format="multipart")
    assert response.status_code == 201, response.content
    job = client.get(f"/api/v1/imports/{response.json()['id']}/").json()
    assert (job["kind"], job["status"], job["counts"].get("created")) == ("actors", "succeeded", 1), job
    assert Party.objects.get(name="API Group").alias_names == ["Via API"]


def test_the_shipped_knowledge_base_is_known_to_extraction_without_any_import():
    assert Party.objects.count() == 0
    text = (
        "Kenya blames hackers for outage\n\n"
        "The United States on Friday accused the Cyber Army of Russia Reborn of attacking water utilities. "
        "Albania said the attack was carried out by HomeLand Justice."
    )
    output = extract_report(text).as_dict()
    accused = {(a["made_by"]["name"], a["attributed_to"]["name"]) for a in output["attributions"]}
    assert accused == {("United States", "Cyber Army of Russia Reborn"), ("Albania", "HomeLand Justice")}


def test_the_shipped_galaxies_parse_whole():
    for path in sorted(DEFAULT_GALAXY_DIR.glob("*.json")):
        read = read_galaxy(json.loads(path.read_text()))
        assert read.problems == [] and len(read.records) == read.total > 100


def test_the_admin_form_imports_an_actor_list(owner_client, tasks):
    upload = io.BytesIO(galaxy(actor("Admin Group", "66666666-6666-6666-6666-666666666666", ["Via Admin"])))
    upload.name = "clusters.json"
    with tasks():
        response = owner_client.post("/admin/incidents/importjob/add/", {"kind": "actors", "upload": upload})
    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert (job.kind, job.status, job.counts["created"]) == ("actors", "succeeded", 1)
    page = owner_client.get(f"/admin/attribution/party/{Party.objects.get().pk}/change/").content.decode()
    assert "names shared with other parties" in page.lower()
