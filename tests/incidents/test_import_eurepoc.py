"""EuRepoC: the global database with its attribution dataset — incidents, claims grouped by attribution id
without invented pairings, responses as consequences, every row and id accounted for, idempotent."""

import csv
import io
import zipfile
from collections import defaultdict

import pytest
from django.core.management import CommandError, call_command

from attribution.models import Attribution, Consequence, Party
from incidents.models import ImportJob, Incident, IncidentSource, Source
from tests.conftest import shared_path

pytestmark = pytest.mark.django_db

GLOBAL = [
    "ID",
    "name",
    "description",
    "start_date",
    "end_date",
    "incident_type",
    "receiver_name",
    "receiver_country",
    "receiver_category",
    "receiver_category_subcode",
    "initiator_country",
    "number_of_political_responses",
    "political_response_date",
    "political_response_type",
    "political_response_type_subcode",
    "political_response_country",
    "political_response_actor",
    "number_of_legal_responses",
    "legal_response_date",
    "legal_response_type",
    "legal_response_type_subcode",
    "legal_response_country",
    "legal_response_actor",
    "sources_url",
    "sources_attribution",
]
ATTRIBUTION = [
    "incident_ID",
    "attribution_ID",
    "attribution_date",
    "attribution_type",
    "attribution_basis",
    "attributing_actor",
    "attribution_it_company",
    "attributing_country",
    "attributed_initiator",
    "attributed_initiator_country",
    "attributed_initiator_category",
]
POLITICAL = "Political statement / report (e.g., on government / state agency websites)"
TECHNICAL = "Technical report (e.g., by IT-companies, Citizen Lab, EFF)"
SELF = "Self-attribution in the course of the attack (e.g., via defacement statements on websites)"


def table(columns: list[str], rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow({column: row.get(column, "") for column in columns})
    return out.getvalue().encode()


def archive(global_rows: list[dict], attribution_rows: list[dict] | None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zipped:
        zipped.writestr("EuRepoC_Global_Database.csv", table(GLOBAL, global_rows))
        if attribution_rows is not None:
            zipped.writestr("EuRepoC_Attribution_dataset.csv", table(ATTRIBUTION, attribution_rows))
    return buffer.getvalue()


@pytest.fixture
def run(import_upload):
    return lambda content, **options: import_upload("dataset", content, "eurepoc.zip", format="eurepoc", **options)


def incident_row(**values) -> dict:
    row = {
        "ID": "7",
        "name": "Hackers disrupted a ministry",
        "description": "A disruption.",
        "start_date": "2022-07-15",
        "end_date": "2022-07-21",
        "incident_type": "Disruption; Data theft & Doxing",
        "receiver_name": "[['Ministry of Things'], ['Government']]",
        "receiver_country": "['Albania', 'Albania']",
        "receiver_category": "[['State institutions / political system'], ['Critical infrastructure']]",
        "receiver_category_subcode": "[['Government / ministries']]",
        "initiator_country": "['Iran, Islamic Republic of']",
        "number_of_political_responses": "0",
        "number_of_legal_responses": "0",
        "sources_url": "['https://news.example.org/a', 'https://news.example.org/b']",
    }
    row.update(values)
    return row


def claim_row(attribution_id: str, **values) -> dict:
    row = {
        "incident_ID": "7",
        "attribution_ID": f"{attribution_id}.0",
        "attribution_date": "2022-09-07",
        "attribution_type": POLITICAL,
        "attribution_basis": "Attribution by third-party",
        "attributed_initiator_country": "Iran, Islamic Republic of",
        "attributed_initiator_category": "State",
    }
    row.update(values)
    return row


def test_an_attribution_id_repeated_as_a_cartesian_product_gives_one_claim_per_actor_with_its_own_country(run):
    # Two actors and two countries in one id: the file lists every combination.
    rows = [
        claim_row("20", attributing_actor=actor, attributing_country=country)
        for actor in ("United Kingdom’s National Cyber Security Centre (NCSC)", "National Security Council")
        for country in ("United Kingdom", "United States")
    ]
    job = run(archive([incident_row()], rows))
    assert job.status == "succeeded", job.errors
    claims = {(c.made_by.name, c.made_by.country, c.attributed_to.name) for c in Attribution.objects.all()}
    assert claims == {("National Cyber Security Centre", "GB", "Iran"), ("National Security Council", "US", "Iran")}
    ncsc = Party.objects.get(name="National Cyber Security Centre")
    assert ncsc.kind == "government_body" and ncsc.parent.name == "United Kingdom"
    assert ncsc.alias_names == ["NCSC"]
    claim = Attribution.objects.get(made_by=ncsc)
    assert (claim.stated_on.isoformat(), claim.stated_on_precision) == ("2022-09-07", "day")
    assert (claim.attributor_type, claim.channel, claim.level) == (
        "third_party_government",
        "political_statement",
        "state",
    )
    assert claim.source.kind == "dataset" and claim.review_status == "draft"


def test_several_actors_and_countries_that_cannot_be_paired_leave_the_actor_without_a_country(run):
    rows = [
        claim_row(
            "21", attributing_actor=actor, attributing_country=country, attribution_basis="Media-based attribution"
        )
        for actor in ("Daily Planet", "Evening Star")
        for country in ("United Kingdom", "United States")
    ]
    job = run(archive([incident_row()], rows))
    assert job.status == "succeeded", job.errors
    assert sorted(Attribution.objects.values_list("made_by__name", "made_by__country")) == [
        ("Daily Planet", ""),
        ("Evening Star", ""),
    ]


def test_one_claim_per_attributed_initiator_with_group_names_as_aliases(run):
    rows = [
        claim_row(
            "22",
            attributing_actor="Microsoft",
            attributing_country="United States",
            attribution_type=TECHNICAL,
            attribution_basis="IT-security community attributes attacker",
            attributed_initiator=initiator,
            attributed_initiator_category=category,
        )
        for initiator in ("OilRig/APT34/Helix Kitten/G0049", "DEV-0861", "Ministry of Intelligence and Security (MOIS)")
        for category in ("State", "Non-state actor, state-affiliation suggested")
    ]
    job = run(archive([incident_row()], rows))
    assert job.status == "succeeded", job.errors
    claims = Attribution.objects.select_related("made_by", "attributed_to")
    assert sorted((c.attributed_to.name, c.attributed_to.kind, c.level) for c in claims) == [
        ("DEV-0861", "threat_group", "threat_group"),
        ("Ministry of Intelligence and Security", "government_body", "state_body"),
        ("OilRig", "threat_group", "threat_group"),
    ]
    assert {c.made_by.name for c in claims} == {"Microsoft"}
    assert claims[0].made_by.kind == "company" and claims[0].attributor_type == "security_company"
    oilrig = Party.objects.get(name="OilRig")
    assert oilrig.country == "IR" and sorted(oilrig.alias_names) == ["APT34", "G0049", "Helix Kitten"]


def test_a_self_claim_without_a_named_actor_is_made_by_the_attacker_and_unattributed_ids_are_reported(run):
    rows = [
        claim_row(
            "23",
            attribution_type=SELF,
            attribution_basis="Attacker confirms",
            attributed_initiator="HomeLand Justice",
            attributed_initiator_category="Non-state-group",
        ),
        claim_row(
            "24",
            attributed_initiator="",
            attributed_initiator_country="Unknown",
            attributed_initiator_category="Unknown - not attributed",
        ),
    ]
    job = run(archive([incident_row()], rows))
    assert job.status == "partial"
    claim = Attribution.objects.get()
    assert claim.made_by == claim.attributed_to and claim.made_by.name == "HomeLand Justice"
    assert (claim.attributor_type, claim.channel) == ("self_claim", "self_attribution")
    assert job.errors == ["attribution 24 (incident 7, line 3): attributed to no one (EuRepoC: not attributed)"]


def test_incident_fields_dates_keep_their_precision_and_list_cells_are_read_as_literals_only(run):
    hostile = "__import__('os').system('touch /tmp/eurepoc-pwned')"
    rows = [
        incident_row(),
        incident_row(ID="8", name="Year only", start_date="2019-01-01", end_date="", receiver_country=hostile),
        incident_row(ID="9", name="Month only", start_date="2020-03-01", end_date="2020-02-01"),
    ]
    job = run(archive(rows, []))
    assert job.status == "succeeded", job.errors
    first = Incident.objects.get(external_id="eurepoc:incident:7")
    assert (first.title, first.slug, first.summary.split("\n")[0]) == (
        "Hackers disrupted a ministry",
        "eurepoc-7",
        "A disruption.",
    )
    assert "Receivers (EuRepoC): Ministry of Things; Government" in first.summary
    assert first.types == ["disruption", "hack_and_leak"]
    assert first.victim_countries == ["AL"]
    assert first.target_categories == ["state_institutions", "critical_infrastructure"]
    assert first.sector == "Government / ministries"
    assert (first.started_on.isoformat(), first.started_on_precision) == ("2022-07-15", "day")
    year = Incident.objects.get(external_id="eurepoc:incident:8")
    assert (year.started_on.isoformat(), year.started_on_precision, year.victim_countries) == ("2019-01-01", "year", [])
    month = Incident.objects.get(external_id="eurepoc:incident:9")
    assert (month.started_on_precision, month.ended_on) == ("month", None)  # an end before the start is dropped
    assert sorted(Source.objects.filter(kind="other").values_list("url", flat=True)) == [
        "https://news.example.org/a",
        "https://news.example.org/b",
    ]
    assert IncidentSource.objects.filter(incident=first).count() == 3  # the dataset and the two pages
    assert not __import__("os").path.exists("/tmp/eurepoc-pwned")


def test_responses_become_consequences_and_misaligned_lists_are_reported(run):
    row = incident_row(
        number_of_political_responses="2",
        political_response_date="2022-09-06; 2022-09-08",
        political_response_type="State Actors: Stabilizing measures; International organizations: Stabilizing measures",
        political_response_type_subcode="Statement by head of state/head of government; Statement by secretary-general",
        political_response_country="Albania; NATO (region)",
        political_response_actor="Albanian Government; North Atlantic Treaty Organization (NATO)",
        number_of_legal_responses="2",
        legal_response_date="2022-09-07; 2022-09-09",
        legal_response_type="; ".join(["Peaceful means: Retorsion (International Law)"] * 2),
        legal_response_type_subcode="Severance of diplomatic relations; Economic sanctions",
        legal_response_country="Albania; United States",
        legal_response_actor="Council of ministers; US Department of the Treasury",
    )
    broken = incident_row(
        ID="8",
        number_of_political_responses="2",
        political_response_date="2022-09-06; 2022-09-08; 2022-09-09",
        political_response_type="A; B; C",
    )
    job = run(archive([row, broken], []))
    assert job.status == "partial"
    assert job.errors == ["incident 8: political responses: 2 listed but 3 dates and 3 types; not imported"]
    found = {
        (c.initiated_by.name, c.initiated_by.country, c.kind, c.target.name if c.target else None)
        for c in Consequence.objects.select_related("initiated_by", "target")
    }
    assert found == {
        ("Albanian Government", "AL", "condemnation", "Iran"),
        ("North Atlantic Treaty Organization", "", "condemnation", "Iran"),
        ("Council of ministers", "AL", "severed_diplomatic_relations", "Iran"),
        ("US Department of the Treasury", "US", "sanctions", "Iran"),
    }


def test_strict_mode_writes_nothing_when_a_row_is_not_sound(run):
    rows = [incident_row(), incident_row(ID="8", start_date="2022-13-45", name="x" * 10)]
    bad_claim = [claim_row("24", attributed_initiator="", attributed_initiator_country="Unknown")]
    job = run(archive(rows, bad_claim), strict=True)
    assert job.status == "failed"
    assert job.errors[0].startswith("Strict import: nothing was imported because 1 row(s) are not sound.")
    assert job.errors[1:] == ["attribution 24 (incident 7, line 2): attributed to no one (EuRepoC: not attributed)"]
    assert Incident.objects.count() == Source.objects.count() == Party.objects.count() == 0


def test_the_global_file_alone_imports_incidents_and_says_no_claims_were_given(run):
    job = run(table(GLOBAL, [incident_row()]))
    assert job.status == "succeeded"
    assert job.result["attribution_file"] is False and "no claims" in job.result["note"]
    assert Incident.objects.count() == 1 and Attribution.objects.count() == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"a,b\n1,2\n", "No EuRepoC global database CSV found"),
        (b"\xff\xfe\x00bad", "is not UTF-8 text"),
        (b"PK\x03\x04 broken zip", "No EuRepoC global database CSV found"),
    ],
)
def test_a_file_that_is_not_eurepoc_is_refused_whole(run, content, message):
    job = run(content)
    assert job.status == "failed" and message in job.errors[0]
    assert Incident.objects.count() == Source.objects.count() == 0


def test_the_real_eurepoc_files_every_row_and_attribution_id_accounted_for_albania_and_a_second_run(run):
    global_path = shared_path("data", "eurepoc", "EuRepoC_Global_Database_1.1.csv")
    claims_path = shared_path("data", "eurepoc", "EuRepoC_Attribution_dataset_1.1.csv")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.write(global_path, global_path.name)
        zipped.write(claims_path, claims_path.name)
    csv.field_size_limit(10**8)
    with global_path.open(encoding="utf-8-sig", newline="") as handle:
        incident_ids = [row["ID"] for row in csv.DictReader(handle)]
    with claims_path.open(encoding="utf-8-sig", newline="") as handle:
        claim_rows = list(csv.DictReader(handle))
    attribution_ids = {row["attribution_ID"].removesuffix(".0") for row in claim_rows}
    blank_rows = sum(1 for row in claim_rows if not row["attribution_ID"])

    job = run(buffer.getvalue())
    assert job.status == "partial"
    assert Incident.objects.filter(external_id__startswith="eurepoc:incident:").count() == len(set(incident_ids))
    assert job.counts["rows"] == len(incident_ids)
    claimed = defaultdict(int)
    for external_id in Attribution.objects.values_list("external_id", flat=True):
        claimed[external_id.split(":")[2]] += 1
    rejected = {line.split()[1] for line in job.errors if line.startswith("attribution ")}
    assert attribution_ids - {""} == set(claimed) | rejected - {"(no"}  # every id: its claims or a rejection
    assert not set(claimed) & rejected
    empty = [line for line in job.errors if line.startswith("attribution (no id)")]
    assert len(empty) == blank_rows and all(
        line.endswith("an empty row (no attribution_ID, no claim)") for line in empty
    )
    assert all(line.startswith(("attribution ", "incident ")) for line in job.errors), job.errors[:5]

    albania = Incident.objects.get(external_id="eurepoc:incident:1502")
    assert albania.victim_countries == ["AL"] and "15 July 2022" in albania.title
    makers = Attribution.objects.filter(incident=albania).select_related("made_by")
    countries = {claim.made_by.country for claim in makers}
    names = {claim.made_by.name for claim in makers}
    assert {"AL", "US", "GB"} <= countries
    assert {"Microsoft", "Mandiant", "North Atlantic Treaty Organization"} <= names
    assert all(claim.attributed_to.country == "IR" for claim in makers.select_related("attributed_to"))
    kinds = set(Consequence.objects.filter(incident=albania).values_list("kind", flat=True))
    assert {"severed_diplomatic_relations", "sanctions"} <= kinds

    again = run(buffer.getvalue())
    assert again.counts["created"] == again.counts["updated"] == 0
    assert again.errors == job.errors


def test_the_command_packs_the_two_files_and_prints_its_summary(tmp_path):
    (tmp_path / "global.csv").write_bytes(table(GLOBAL, [incident_row()]))
    (tmp_path / "claims.csv").write_bytes(table(ATTRIBUTION, [claim_row("20", attributing_actor="Albania")]))
    out = io.StringIO()
    call_command(
        "import_dataset",
        str(tmp_path / "global.csv"),
        "--format",
        "eurepoc",
        "--attributions",
        str(tmp_path / "claims.csv"),
        stdout=out,
    )
    assert "(eurepoc dataset) succeeded:" in out.getvalue()
    claim = Attribution.objects.get()
    assert (claim.made_by.kind, claim.made_by.country) == ("state", "AL")
    with pytest.raises(CommandError, match="belongs to the eurepoc format only"):
        call_command("import_dataset", str(tmp_path / "global.csv"), "--format", "cfr", "--attributions", "x")


def test_the_api_and_the_admin_take_a_dataset_with_its_format(api, make_user, owner_client, tasks):
    client = api.as_user(make_user("researcher"))
    content = archive([incident_row()], [claim_row("20", attributing_actor="Albania")])

    def upload(name="eurepoc.zip"):
        handle = io.BytesIO(content)
        handle.name = name
        return handle

    response = client.post("/api/v1/imports/", {"kind": "dataset", "file": upload()}, format="multipart")
    assert response.status_code == 400 and "needs its format" in str(response.json()["format"])
    response = client.post(
        "/api/v1/imports/", {"kind": "actors", "format": "cfr", "file": upload()}, format="multipart"
    )
    assert response.status_code == 400 and "dataset imports only" in str(response.json()["format"])
    assert ImportJob.objects.count() == 0
    with tasks():
        response = client.post(
            "/api/v1/imports/", {"kind": "dataset", "format": "eurepoc", "file": upload()}, format="multipart"
        )
    assert response.status_code == 201, response.content
    job = client.get(f"/api/v1/imports/{response.json()['id']}/").json()
    assert (job["status"], job["options"]) == ("succeeded", {"format": "eurepoc", "strict": False})
    assert Attribution.objects.get().made_by.country == "AL"

    with tasks():
        response = owner_client.post(
            "/admin/incidents/importjob/add/",
            {"kind": "dataset", "format": "eurepoc", "strict": "on", "upload": upload()},
        )
    assert response.status_code == 302
    job = ImportJob.objects.order_by("-pk").first()
    assert (job.status, job.options, job.counts["created"]) == ("succeeded", {"format": "eurepoc", "strict": True}, 0)
