"""Importing reports: jobs, drafts in one transaction, idempotence, the command, the API and the admin."""

import datetime as dt
import io
import json

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from attribution.models import Attribution, Consequence, Party, Reaction
from incidents.models import ImportJob, Incident, Source
from incidents.services import importjob_create
from tests.conftest import shared_path

pytestmark = pytest.mark.django_db

REPORT = (
    "Estonia blames Russia for cyberattack\n\n"
    "Estonia on Tuesday blamed Russia for the cyberattack that took down government websites on March 3. "
    "The Kremlin denied any involvement in the attack. "
    "Estonia expelled two Russian diplomats over the incident."
)


def row_counts() -> dict[str, int]:
    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models(include_auto_created=True)
        if m._meta.app_label in ("incidents", "attribution")
        and m is not ImportJob
        and m._meta.model_name != "historicalimportjob"
    }


def test_a_pasted_report_becomes_drafts_and_a_second_import_changes_nothing(tasks):
    with tasks():
        job = importjob_create(text=REPORT, published=dt.date(2023, 3, 7))
    job.refresh_from_db()
    assert job.status == "succeeded", job.errors
    incident = Incident.objects.get(pk=job.result["incidents"][0])
    assert (incident.review_status, incident.victim_countries, incident.started_on) == (
        "draft",
        ["EE"],
        dt.date(2023, 3, 3),
    )
    claim = Attribution.objects.get()
    assert (claim.made_by.country, claim.attributed_to.country, claim.review_status) == ("EE", "RU", "draft")
    assert claim.source.text.startswith("Estonia blames Russia") and claim.quote in claim.source.text
    assert Reaction.objects.get().stance == "denial"
    assert Consequence.objects.get().kind == "expelled_diplomats"
    before = row_counts()
    with tasks():
        again = importjob_create(text=REPORT, published=dt.date(2023, 3, 7))
    again.refresh_from_db()
    assert again.counts["created"] == 0 and again.status == "succeeded"
    assert row_counts() == before


def test_import_links_to_an_existing_incident_and_parties(demo, tasks):
    text = (
        "Albania blames Iran for July attack\n\nAlbania on Wednesday blamed Iran for the cyberattack on its "
        "government websites on July 15, and Iran denied it."
    )
    with tasks():
        job = importjob_create(text=text, published=dt.date(2022, 9, 7))
    job.refresh_from_db()
    assert job.result["incidents"] == [demo.pk]
    iran = Party.objects.get(name="Iran", kind="state")
    assert Attribution.objects.filter(incident=demo, attributed_to=iran, review_status="draft").exists()
    assert Party.objects.filter(kind="state", country="IR").count() == 1  # no duplicate party


def test_dry_run_writes_nothing_and_prints_the_contract(capsys, tmp_path):
    seed = shared_path("seed", "articles", "albania-2022.txt")
    before = row_counts()
    call_command("import_report", str(seed), "--dry-run", "--published", "2022-09-07")
    output = json.loads(capsys.readouterr().out)
    assert set(output) == {"source", "incidents", "attributions", "reactions", "consequences"}
    assert output["source"]["published_on"] == "2022-09-07" and output["source"]["url"] is None
    assert set(output["attributions"][0]["made_by"]) == {"name", "kind", "country"}
    assert row_counts() == before and not ImportJob.objects.exists()


def test_command_imports_a_file_and_reports_the_job(capsys, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    call_command("import_report", str(path), "--published", "2023-03-07")
    out = capsys.readouterr().out
    assert "succeeded" in out and "1 claim(s)" in out
    with pytest.raises(CommandError, match="neither a file nor"):
        call_command("import_report", str(tmp_path / "missing.txt"))
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("import_report", str(path), "--published", "7 March")


def test_invalid_text_fails_the_job_with_a_clear_error(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\xff\xfe\x00bad" + bytes(range(128, 255)))
    with pytest.raises(CommandError, match="not valid"):
        call_command("import_report", str(path))
    assert Source.objects.count() == 0


def test_url_import_through_a_local_server(settings, httpserver, tasks):
    settings.IMPORT_ALLOW_PRIVATE_ADDRESSES = True
    page = (
        f"<html><head><title>Estonia blames Russia</title></head><body><article><h1>Estonia blames Russia</h1>"
        f"<p>{REPORT.split(chr(10))[2]}</p><p>More reporting about the incident followed later in the day.</p>"
        f"</article></body></html>"
    )
    httpserver.expect_request("/news/estonia").respond_with_data(page, content_type="text/html")
    with tasks():
        job = importjob_create(url=httpserver.url_for("/news/estonia"), published=dt.date(2023, 3, 7))
    job.refresh_from_db()
    assert job.status == "succeeded", job.errors
    source = Source.objects.get(pk=job.result["source"])
    assert source.url.endswith("/news/estonia") and "blamed Russia" in source.text


@pytest.mark.parametrize(
    "url", ["http://10.0.0.1/report", "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://127.0.0.1/"]
)
def test_ssrf_urls_fail_the_job_with_a_clear_error(url, tasks):
    with tasks():
        job = importjob_create(url=url)
    job.refresh_from_db()
    assert job.status == "failed" and "Refused" in job.errors[0]
    assert Source.objects.count() == 0


def test_api_submits_and_polls_imports(api, make_user, tasks):
    researcher = make_user("researcher", "amber")
    assert api.post("/api/v1/imports/", {"text": REPORT}).status_code == 401
    assert api.as_user(make_user("viewer", "clear")).post("/api/v1/imports/", {"text": REPORT}).status_code == 403
    with tasks():
        created = api.as_user(researcher).post("/api/v1/imports/", {"text": REPORT, "published": "2023-03-07"})
    assert created.status_code == 201, created.json()
    job = api.get(f"/api/v1/imports/{created.json()['id']}/").json()
    assert job["status"] == "succeeded" and job["counts"]["created"] > 0
    assert len(api.get("/api/v1/imports/").json()["results"]) == 1
    other = make_user("researcher", "clear", username="someone-else")
    assert api.as_user(other).get(f"/api/v1/imports/{job['id']}/").status_code == 404
    both = api.as_user(researcher).post("/api/v1/imports/", {"text": "x", "url": "https://example.org/"})
    assert both.status_code == 400


def test_api_upload_and_oversize_refusal(api, make_user, settings, tasks):
    api.as_user(make_user("researcher", "clear"))
    upload = io.BytesIO(REPORT.encode())
    upload.name = "report.txt"
    with tasks():
        created = api.post("/api/v1/imports/", {"file": upload, "published": "2023-03-07"}, format="multipart")
    assert created.status_code == 201
    assert ImportJob.objects.get(pk=created.json()["id"]).status == "succeeded"
    settings.IMPORT_MAX_BYTES = 100
    big = io.BytesIO(b"x" * 500)
    big.name = "big.txt"
    refused = api.post("/api/v1/imports/", {"file": big}, format="multipart")
    assert refused.status_code == 400 and "limit" in refused.json()["file"][0]


def test_admin_import_form(owner_client, tasks):
    with tasks():
        response = owner_client.post(
            "/admin/incidents/importjob/add/", {"input_text": REPORT, "published": "2023-03-07"}
        )
    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert job.status == "succeeded" and job.created_by.username == "owner"
    refused = owner_client.post("/admin/incidents/importjob/add/", {"input_text": "", "input_url": ""})
    assert "Give exactly one of" in refused.content.decode() and ImportJob.objects.count() == 1
    listing = owner_client.get("/admin/incidents/importjob/").content.decode()
    assert "<progress" in listing and "succeeded" in listing.lower()


def test_confirming_a_drafted_claim_confirms_its_parties_and_source(tasks, owner):
    from attribution.services import review_status_set

    with tasks():
        importjob_create(text=REPORT, published=dt.date(2023, 3, 7))
    claim = Attribution.objects.get()
    assert {claim.made_by.review_status, claim.source.review_status} == {"draft"}
    review_status_set(records=Attribution.objects.filter(pk=claim.pk), status="confirmed", user=owner)
    claim.refresh_from_db()
    assert (
        claim.review_status,
        claim.made_by.review_status,
        claim.attributed_to.review_status,
        claim.source.review_status,
    ) == ("confirmed",) * 4
    assert claim.made_by.history.first().history_change_reason == "needed by confirmed attribution"
    assert claim.incident.review_status == "draft"  # the case itself is reviewed on its own


def test_speakers_become_person_parties_under_whom_they_speak_for(tasks):
    text = (
        "Estonia blames Russia\n\nForeign Minister Urmas Reinsalu said on Tuesday that Estonia blamed Russia "
        "for the cyberattack on government websites on March 3."
    )
    with tasks():
        importjob_create(text=text, published=dt.date(2023, 3, 7))
    claim = Attribution.objects.get()
    assert (claim.speaker.name, claim.speaker.kind, claim.speaker.country) == ("Urmas Reinsalu", "person", "EE")
    assert claim.speaker.parent == claim.made_by
