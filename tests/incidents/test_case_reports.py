"""Case reports: one context per case rendered as HTML, PDF, Markdown and JSON, through the API, the case
page, `export_case` and the admin, never showing a record its reader may not see."""

import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management import CommandError, call_command
from django.urls import reverse
from pypdf import PdfReader

from attribution.models import Attribution, Party, Reaction
from incidents.models import Incident, Source
from incidents.reports import FORMATS, VERSION, UnknownFormat, case_report_context, render_case
from incidents.selectors import incident_timeline
from tests.conftest import SECRET, SECRET_WORDS

pytestmark = pytest.mark.django_db

JULY = "albania-government-cyberattack-2022-07"
TIMS = "albania-border-control-cyberattack-2022-09"
DRAFT_QUOTE = "Tehran called the report a fabrication"
CONTENT_TYPES = {"html": "text/html", "pdf": "application/pdf", "md": "text/markdown", "json": "application/json"}
SVG = "{http://www.w3.org/2000/svg}"


def anonymous():
    return AnonymousUser()


def pdf_text(content: bytes) -> str:
    """The PDF's text with whitespace folded (pypdf breaks lines where the layout does)."""
    assert content.startswith(b"%PDF-")
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


def readable(content: bytes, fmt: str) -> str:
    return pdf_text(content) if fmt == "pdf" else content.decode()


def svg_element(html: str, svg_id: str) -> ET.Element:
    """The inline <svg> with this id, parsed as XML (so it is well-formed too)."""
    found = re.search(rf'<svg [^>]*id="{svg_id}".*?</svg>', html, re.S)
    assert found, f"no <svg id={svg_id}>"
    return ET.fromstring(found.group(0))


def classes(element: ET.Element) -> set[str]:
    return set(element.get("class", "").split())


@pytest.fixture
def plant_draft(demo):
    """A draft denial on the demo case, as an importer would leave it."""
    return Reaction.objects.create(
        incident=demo,
        party=Party.objects.get(name="Iran", kind="state"),
        stance="denial",
        source=Source.objects.get(title__startswith="Iran decries"),
        quote=DRAFT_QUOTE,
        stated_on=demo.started_on.replace(month=9, day=12),
        review_status="draft",
    )


# --- The context -------------------------------------------------------------------------------------------
def test_context_holds_the_case_whole(demo):
    report = case_report_context(demo, user=anonymous())
    assert (report["schema"], report["version"]) == ("attribution-tracker/case-report", VERSION)
    assert report["tlp"]["label"] == "TLP:CLEAR"
    case = report["case"]
    assert (case["slug"], case["status"]) == (JULY, "contested")
    assert case["dates"]["started_on"] == {"date": "2022-07-15", "precision": "day", "text": "15 July 2022"}
    assert report["victims"]["countries"] == [{"code": "AL", "name": "Albania"}]
    assert [p["name"] for p in report["victims"]["parties"]] == ["Government of Albania"]
    iran, mois = report["attribution"]  # accused parties in the order first accused
    assert iran["party"]["name"] == "Iran" and mois["party"]["name"] == "Ministry of Intelligence and Security"
    assert [c["made_by"]["name"] for c in iran["claims"]] == [
        "Mandiant",
        "Albania",
        "National Security Council",
        "National Cyber Security Centre",
        "NATO",
    ]
    albania = iran["claims"][1]
    denial, counter = iran["reactions"]
    assert (denial["stance"], denial["answers"], counter["stance"]) == ("denial", albania["ref"], "counter_accusation")
    assert "baseless" in denial["quote"] and denial["speaker"]["name"] == "Nasser Kanaani"
    mandiant = iran["claims"][0]
    assert (mandiant["confidence_text"], mandiant["confidence"]) == ("moderate confidence", "likely")
    assert mois["reactions"] == [] and mois["claims"][0]["made_by"]["name"] == "Microsoft"
    sources = {s["number"]: s for s in report["sources"]}
    assert sorted(sources) == list(range(1, 9))
    severance = next(m for m in report["consequences"] if m["kind"] == "severed_diplomatic_relations")
    assert sources[severance["source"]]["title"] == "Iran decries Albania's move to snap diplomatic ties"
    assert severance["relies_on"] == [albania["ref"]] and severance["status"] == "implemented"
    sanctions = [m for m in report["consequences"] if m["kind"] == "sanctions"]
    assert {m["target"]["name"] for m in sanctions} == {"Ministry of Intelligence and Security", "Esmail Khatib"}
    assert {m["legal_instrument"] for m in sanctions} == {"EO 13694"}
    assert [i["slug"] for i in report["related_incidents"]] == [TIMS]
    json.dumps(report)  # JSON-ready as it is


def test_context_timeline_is_the_selectors_timeline_with_refs(demo):
    report = case_report_context(demo, user=anonymous())
    expected = incident_timeline(demo, include_drafts=False)
    assert [e["label"] for e in report["timeline"]] == [e.label for e in expected]
    first_claim = next(e for e in report["timeline"] if e["kind"] == "attribution" and "Albania" in e["label"])
    assert (first_claim["lag_days"], first_claim["lag_text"]) == (54, "attributed 54 days after the attack")
    assert (first_claim["date"], first_claim["precision"], first_claim["date_text"]) == (
        "2022-09-07",
        "day",
        "7 September 2022",
    )
    refs = {c["ref"] for g in report["attribution"] for c in g["claims"]}
    assert refs == {e["ref"] for e in report["timeline"] if e["kind"] == "attribution"}


def test_sources_carry_the_access_date(demo):
    Source.objects.filter(title__startswith="Treasury").update(retrieved_at="2022-09-10T08:30:00Z")
    report = case_report_context(demo, user=anonymous())
    treasury = next(s for s in report["sources"] if s["title"].startswith("Treasury"))
    assert treasury["accessed_at"] == "2022-09-10T08:30:00Z"
    assert treasury["url"] == "https://home.treasury.gov/news/press-releases/jy0941"


def test_data_version_changes_with_the_data_only(demo):
    first = case_report_context(demo, user=anonymous())
    again = case_report_context(demo, user=anonymous())
    assert first["data_version"]["sha256"] == again["data_version"]["sha256"]
    assert first["data_version"]["records"] == again["data_version"]["records"] > 20
    Attribution.objects.filter(incident=demo, confidence_text="almost certainly").update(note="Revised note.")
    changed = case_report_context(demo, user=anonymous())
    assert changed["data_version"]["sha256"] != first["data_version"]["sha256"]
    assert changed["data_version"]["last_updated"] >= first["data_version"]["last_updated"]


def test_context_queries_do_not_grow_with_the_case(demo, django_assert_num_queries, plant_draft, make_user):
    researcher = make_user("researcher", "amber")
    case_report_context(demo, user=researcher)  # warms the user's role cache
    with django_assert_num_queries(10) as counted:
        case_report_context(demo, user=researcher)
    for n in range(5):
        Attribution.objects.create(
            incident=demo,
            made_by=Party.objects.create(name=f"Vendor {n}", kind="company", review_status="confirmed"),
            attributed_to=Party.objects.get(name="HomeLand Justice"),
            source=Source.objects.create(title=f"Vendor report {n}", review_status="confirmed"),
            review_status="confirmed",
        )
    with django_assert_num_queries(len(counted.captured_queries)):
        report = case_report_context(demo, user=researcher)
    assert report["counts"]["claims"] == 11


# --- Formats -----------------------------------------------------------------------------------------------
def test_demo_case_exports_in_every_format(demo):
    report = case_report_context(demo, user=anonymous())
    for fmt, content_type in CONTENT_TYPES.items():
        content, served_as, filename = render_case(report, fmt)
        assert served_as.startswith(content_type) and filename == f"{JULY}.{FORMATS[fmt].extension}"
        assert "Cyberattack on Albanian government services" in readable(content, fmt)
    with pytest.raises(UnknownFormat, match="choose one of html, pdf, md, json"):
        render_case(report, "docx")


def test_pdf_text_holds_title_marking_accused_denial_and_measures(demo):
    text = pdf_text(render_case(case_report_context(demo, user=anonymous()), "pdf")[0])
    for expected in (
        "Cyberattack on Albanian government services",
        "TLP:CLEAR",
        "Iran",
        "“baseless,”",
        "Severed diplomatic relations",
        "Sanctions",
        "EO 13694",
        "attributed 54 days after the attack",
    ):
        assert expected in text, expected


def test_html_holds_the_timeline_chart_and_the_attribution_graph(demo):
    report = case_report_context(demo, user=anonymous())
    html = render_case(report, "html")[0].decode()
    chart = svg_element(html, "case-timeline-chart")
    assert chart.get("role") == "img" and chart.find(f"{SVG}title").text.startswith("Timeline of")
    events = [g for g in chart.iter(f"{SVG}g") if "event" in classes(g)]
    dated = [e for e in report["timeline"] if e["date"]]
    assert len(events) == len(dated) == 17  # one mark per timeline event
    assert all(len([m for m in g if "mark" in classes(m)]) == 1 for g in events)
    assert sorted(g.get("data-ref") for g in events) == sorted(e["ref"] for e in dated)  # drawn lane by lane
    lags = {g.get("data-days") for g in chart.iter(f"{SVG}g") if "lag" in classes(g)}
    assert {"20", "54", "56"} <= lags  # first claim, first reaction and measure, the related case

    graph = svg_element(html, "attribution-graph")
    assert graph.get("role") == "img"
    edges = {}
    for path in graph.iter(f"{SVG}path"):
        edges.setdefault(path.get("class").split()[-1], []).append(path)
    claims = sum(len(g["claims"]) for g in report["attribution"])
    assert len(edges["edge-claim"]) + len(edges["edge-endorses"]) == claims == 6
    (denial,) = edges["edge-denial"]
    assert denial.get("stroke") == "#c0392b" and denial.get("stroke-dasharray")
    assert all(edge.get("stroke-dasharray") is None for edge in edges["edge-claim"])
    assert all(edge.get("stroke") != "#c0392b" for edge in edges["edge-claim"] + edges["edge-accused"])
    iran = Party.objects.get(name="Iran", kind="state")
    assert graph.find(f".//{SVG}g[@id='node-accused-{iran.pk}']") is not None
    assert graph.find(f".//{SVG}g[@id='node-incident']") is not None


def test_html_is_standalone(demo):
    html = render_case(case_report_context(demo, user=anonymous()), "html")[0].decode()
    assert "@media print" in html and "@page" in html
    assert not re.search(r"<(script|link)\b", html) and "src=" not in html  # nothing loaded from outside


def _documented_skeleton() -> dict:
    """The abridged JSON example in docs/case-reports.md (lists hold one element each)."""
    doc = (Path(settings.BASE_DIR) / "docs" / "case-reports.md").read_text(encoding="utf-8")
    assert f"version {VERSION}" in doc
    section = doc.split("## The JSON format", 1)[1]
    return json.loads(re.search(r"```json\n(.*?)\n```", section, re.S).group(1))


def _same_keys(documented, actual, where="report") -> None:
    if documented is None or actual is None:
        return
    if isinstance(documented, dict):
        assert isinstance(actual, dict) and set(actual) == set(documented), f"{where}: {set(actual) ^ set(documented)}"
        for key in documented:
            _same_keys(documented[key], actual[key], f"{where}.{key}")
    elif isinstance(documented, list) and documented:
        for n, item in enumerate(actual):
            _same_keys(documented[0], item, f"{where}[{n}]")


def test_json_validates_against_its_documented_keys_and_version(demo):
    report = json.loads(render_case(case_report_context(demo, user=anonymous()), "json")[0])
    documented = _documented_skeleton()
    assert report["version"] == documented["version"] == VERSION
    _same_keys(documented, report)


def test_script_in_quote_summary_and_title_is_escaped(demo):
    attack = "<script>alert(1)</script>"
    Incident.objects.filter(pk=demo.pk).update(summary=f"Before {attack} after.", title=f"Case {attack}")
    quote = f"Quoted {attack} [link](javascript:x)"
    Reaction.objects.filter(incident=demo, stance="denial").update(quote=quote, quote_start=None, quote_end=None)
    report = case_report_context(demo, user=anonymous())
    html = render_case(report, "html")[0].decode()
    markdown = render_case(report, "md")[0].decode()
    for text in (html, markdown):
        assert "<script" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "[link](javascript" not in markdown and r"\[link\](javascript:x)" in markdown
    svg_element(html, "attribution-graph")  # still well-formed with the title inside
    assert json.loads(render_case(report, "json")[0])["case"]["title"] == f"Case {attack}"  # JSON keeps the data


# --- Who sees what -----------------------------------------------------------------------------------------
def _uncleared(make_user):
    return {
        "anonymous": None,
        "viewer": make_user("viewer", "clear"),
        "researcher (amber)": make_user("researcher", "amber"),
    }


def test_red_claim_never_reaches_readers_below_red(demo, plant_red, make_user, api, client):
    for name, user in _uncleared(make_user).items():
        report = case_report_context(demo, user=user or anonymous())
        assert report["tlp"]["code"] != "red" and report["counts"]["claims"] == 6, name
        for fmt in FORMATS:
            response = api.as_user(user).get(f"/api/v1/incidents/{demo.pk}/report/", {"format": fmt})
            assert response.status_code == 200, (name, fmt)
            text = readable(response.content, fmt)
            assert SECRET not in text and SECRET_WORDS not in text, (name, fmt)
        client.logout()
        if user is not None:
            client.force_login(user)
        page = client.get(f"/cases/{JULY}/").content.decode()
        assert "Cyberattack on Albanian government services" in page and SECRET not in page, name
        assert SECRET_WORDS not in page and "TLP:RED" not in page, name


def test_red_claim_reaches_a_cleared_reader(demo, plant_red, make_user, api, client):
    cleared = make_user("researcher", "red")
    report = case_report_context(demo, user=cleared)
    assert report["tlp"]["label"] == "TLP:RED" and report["counts"]["claims"] == 7
    for fmt in FORMATS:
        response = api.as_user(cleared).get(f"/api/v1/incidents/{demo.pk}/report/", {"format": fmt})
        assert SECRET in readable(response.content, fmt), fmt
    assert "TLP:RED" in pdf_text(render_case(report, "pdf")[0])
    client.force_login(cleared)
    assert SECRET in client.get(f"/cases/{JULY}/").content.decode()


def test_drafts_are_hidden_from_anonymous_and_marked_for_researchers(demo, plant_draft, make_user, api, client):
    for fmt in ("html", "md", "json"):
        response = api.as_user(None).get(f"/api/v1/incidents/{demo.pk}/report/", {"format": fmt})
        assert DRAFT_QUOTE not in response.content.decode(), fmt
    assert DRAFT_QUOTE not in client.get(f"/cases/{JULY}/").content.decode()
    researcher = make_user("researcher", "clear")
    report = case_report_context(demo, user=researcher)
    assert report["counts"]["drafts"] == 1 and report["audience"]["drafts_visible"] is True
    html = render_case(report, "html")[0].decode()
    assert DRAFT_QUOTE in html and "1 draft record not yet confirmed" in html and ">DRAFT</span>" in html
    assert "**DRAFT**" in render_case(report, "md")[0].decode()


def test_rejected_records_never_appear_even_for_reviewers(demo, plant_red, make_user):
    Attribution.objects.filter(pk=plant_red.pk).update(review_status="rejected")
    reviewer = make_user("reviewer", "red")
    report = case_report_context(demo, user=reviewer)
    assert SECRET not in json.dumps(report) and report["tlp"]["code"] == "clear"
    Incident.objects.filter(pk=demo.pk).update(review_status="rejected")
    with pytest.raises(Incident.DoesNotExist):
        case_report_context(demo, user=reviewer)


# --- Where to get them -------------------------------------------------------------------------------------
def test_api_report_content_types_and_file_names(demo, api):
    for fmt, content_type in CONTENT_TYPES.items():
        response = api.get(f"/api/v1/incidents/{demo.pk}/report/", {"format": fmt})
        assert response.status_code == 200, fmt
        assert response["Content-Type"].startswith(content_type), fmt
        assert response["Content-Disposition"] == f'attachment; filename="{JULY}.{FORMATS[fmt].extension}"'
    default = api.get(f"/api/v1/incidents/{demo.pk}/report/")
    assert default["Content-Type"] == "application/json" and json.loads(default.content)["case"]["slug"] == JULY


def test_api_report_refuses_an_unknown_format(demo, api):
    response = api.get(f"/api/v1/incidents/{demo.pk}/report/", {"format": "docx"})
    assert response.status_code == 400
    assert response.json() == {"format": ["Unknown report format 'docx'; choose one of html, pdf, md, json, stix."]}


def test_api_report_is_404_for_cases_the_user_may_not_see(demo, api, make_user):
    Incident.objects.filter(slug=TIMS).update(tlp="amber")
    tims = Incident.objects.get(slug=TIMS)
    assert api.get(f"/api/v1/incidents/{tims.pk}/report/", {"format": "md"}).status_code == 404
    assert api.get("/api/v1/incidents/999999/report/").status_code == 404
    cleared = make_user("viewer", "amber")
    response = api.as_user(cleared).get(f"/api/v1/incidents/{tims.pk}/report/", {"format": "md"})
    assert response.status_code == 200 and "TLP:AMBER" in response.content.decode()
    # The July case no longer lists the amber case as related for anonymous readers.
    anonymous_md = api.as_user(None).get(f"/api/v1/incidents/{demo.pk}/report/", {"format": "md"})
    assert "border-control" not in anonymous_md.content.decode()


def test_case_page_shows_what_the_viewer_may_see(demo, client, owner):
    response = client.get(f"/cases/{JULY}/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert 'id="case-timeline-chart"' in page and 'id="attribution-graph"' in page
    for fmt in FORMATS:
        assert f'href="/cases/{JULY}/report.{fmt}"' in page
    download = client.get(f"/cases/{JULY}/report.md")
    assert download["Content-Disposition"] == f'attachment; filename="{JULY}.md"'
    assert client.get(f"/cases/{JULY}/report.docx").status_code == 400
    assert client.get("/cases/no-such-case/").status_code == 404
    Incident.objects.filter(pk=demo.pk).update(review_status="draft")
    assert client.get(f"/cases/{JULY}/").status_code == 404
    client.force_login(owner)
    assert client.get(f"/cases/{JULY}/").status_code == 200


def test_export_case_command_writes_files(demo, plant_red, owner, tmp_path, monkeypatch):
    target = tmp_path / "july.md"
    call_command("export_case", JULY, "--format", "md", "-o", str(target), stdout=io.StringIO())
    assert target.read_text().startswith("> **TLP:CLEAR**") and SECRET not in target.read_text()
    monkeypatch.chdir(tmp_path)
    call_command("export_case", JULY, "--format", "pdf", stdout=io.StringIO())
    assert "Cyberattack on Albanian government services" in pdf_text((tmp_path / f"{JULY}.pdf").read_bytes())
    out = io.StringIO()
    call_command("export_case", JULY, "--format", "json", "--as", owner.username, stdout=out)
    report = json.loads(out.getvalue())
    assert report["tlp"]["code"] == "red" and SECRET in json.dumps(report)
    with pytest.raises(CommandError, match="No case 'no-such-case' visible"):
        call_command("export_case", "no-such-case", "--format", "md")
    with pytest.raises(CommandError, match="No user 'nobody'"):
        call_command("export_case", JULY, "--as", "nobody")


def test_admin_case_report_button_and_zip_action(demo, owner_client):
    page = owner_client.get(reverse("admin:incidents_incident_change", args=[demo.pk])).content.decode()
    assert re.search(rf'<a href="/cases/{JULY}/" id="case-report-button"[^>]*>Case report</a>', page)
    for fmt in FORMATS:
        assert f'href="/cases/{JULY}/report.{fmt}"' in page
    tims = Incident.objects.get(slug=TIMS)
    response = owner_client.post(
        reverse("admin:incidents_incident_changelist"),
        {"action": "export_case_reports", "_selected_action": [demo.pk, tims.pk]},
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="case-reports.zip"'
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    expected = {f"{slug}.{spec.extension}" for slug in (JULY, TIMS) for spec in FORMATS.values()}
    assert set(archive.namelist()) == expected
    assert json.loads(archive.read(f"{TIMS}.json"))["case"]["slug"] == TIMS
    assert archive.read(f"{JULY}.pdf").startswith(b"%PDF-")
