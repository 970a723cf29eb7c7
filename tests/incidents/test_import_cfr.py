"""The CFR Cyber Operations Tracker CSV: one draft incident per row with a sound date, CFR's sponsor
claims, the sponsors' denials and the governments' responses; every other row listed by its row
number; shifted and UN-style rows; idempotent; strict mode; files that are not a CFR export."""

import csv
import datetime as dt
import html
import io
import re
from urllib.parse import urlsplit

import pytest

from attribution.countries import country_code
from attribution.models import Attribution, Consequence, Party, Reaction
from incidents.importers import Progress
from incidents.importers.cfr import import_cfr
from incidents.models import Incident, IncidentSource, Source
from incidents.urlnorm import normalize_url
from tests.conftest import shared_path

pytestmark = pytest.mark.django_db

HEADER = ["Title", "Date", "Affiliations", "Description", "Response", "Victims", "Sponsor", "Type", "Category"]
SOURCES = ["Sources_1", "Sources_2", "Sources_3"]
TYPES = {"Espionage", "Sabotage", "Denial of service", "Data destruction", "Financial Theft", "Defacement", "Doxing"}
CATEGORIES = {"Government", "Military", "Civil society", "Private sector"}


@pytest.fixture
def run(import_upload):
    """Import `content` as a CFR dataset job, run as it would be after commit."""
    return lambda content, **options: import_upload("dataset", content, "cfr.csv", format="cfr", **options)


def cfr_csv(*rows: dict) -> bytes:
    """A CFR export holding `rows` (missing columns blank), written by the csv module."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADER + SOURCES)
    writer.writeheader()
    for row in rows:
        writer.writerow({"Type": "Espionage", "Category": "Government", **row})
    return out.getvalue().encode()


def row(title: str, date: str = "3/7/2022", **cells) -> dict:
    return {"Title": title, "Date": date, "Description": f"About {title}.", **cells}


def model_rows() -> dict[str, int]:
    models = (Incident, Attribution, Reaction, Consequence, Source, IncidentSource, Party)
    return {model.__name__: model.objects.count() for model in models}


def cfr_claims():
    return Attribution.objects.filter(made_by__name="Council on Foreign Relations")


# --- What the tests expect of the real file, computed from it with the csv module ----------------------


def sound_date(value: str) -> bool:
    if not re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", value):
        return False
    try:
        return dt.datetime.strptime(value, "%m/%d/%Y").date() <= dt.date.today()
    except ValueError:
        return False


def pieces(text: str) -> list[str]:
    return [p.strip() for p in text.split(",") if p.strip()]


def shifted(r: dict) -> bool:
    """A type or category that is none of CFR's, or a type or category in the Sponsor column."""
    return (
        any(p not in TYPES for p in pieces(r["Type"]))
        or any(p not in CATEGORIES for p in pieces(r["Category"]))
        or any(p in TYPES | CATEGORIES for p in pieces(r["Sponsor"]))
    )


def sponsor_codes(text: str) -> set[str]:
    """The sponsor states of a Sponsor cell: one UN-style name ("Palestine, State of"), else a
    comma-joined list of names."""
    whole = country_code(text)
    names = [text] if whole else pieces(text)
    return {country_code(n) or country_code(n.removeprefix("The ")) for n in names} - {None}


def response_kind(r: dict) -> str:
    return re.split(r"\s*https?://", r["Response"].strip())[0].strip()


def response_url(r: dict) -> str:
    found = re.search(r"https?://\S+", r["Response"])
    return found.group(0) if found else ""


@pytest.fixture(scope="module")
def real_file():
    path = shared_path("data", "cfr-cyber-operations", "cyber-operations-incidents.csv")
    content = path.read_bytes()
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(enumerate(csv.DictReader(handle), start=2))  # the header is row 1
    return content, rows


def test_the_real_file_imports_every_row_with_a_sound_date_and_lists_every_other_row(run, real_file):
    content, rows = real_file
    dated = [(n, r) for n, r in rows if sound_date(r["Date"].strip())]
    undated = [n for n, r in rows if not sound_date(r["Date"].strip())]
    clean = [(n, r) for n, r in dated if not shifted(r)]
    assert len(rows) == 768 and len(undated) == 15 and len(dated) - len(clean) == 7

    job = run(content)
    assert job.status == "partial"
    incidents = Incident.objects.filter(external_id__startswith="cfr:")
    assert incidents.count() == len(dated) == job.result["imported"] == Incident.objects.count()
    assert job.counts["skipped"] == len(undated) == job.result["not_imported"]
    assert set(incidents.values_list("review_status", flat=True)) == {"draft"}
    assert not incidents.filter(disclosed_on__isnull=True).exists()
    assert set(incidents.values_list("disclosed_on_precision", flat=True)) == {"day"}

    # every error names a row; every undated row is listed as not imported, every shifted one as partly
    numbers = [int(re.match(r"row (\d+)\b", e).group(1)) for e in job.errors]
    assert len(numbers) == len(job.errors)
    not_imported = {n for n, e in zip(numbers, job.errors, strict=True) if ": not imported:" in e}
    assert not_imported == set(undated)
    shifted_rows = {n for n, e in zip(numbers, job.errors, strict=True) if "look shifted" in e}
    assert shifted_rows == {n for n, r in dated if shifted(r)}
    assert numbers == sorted(set(numbers))  # one line per row, in file order

    # CFR's own claims: one per sound sponsor state of each clean row
    assert cfr_claims().count() == sum(len(sponsor_codes(r["Sponsor"])) for _, r in clean)
    assert set(cfr_claims().values_list("attributor_type", "channel", "level")) == {("researcher", "unclear", "state")}
    assert {c.attributed_to.country for c in cfr_claims().select_related("attributed_to")} >= {"IR", "KP", "PS", "PH"}

    # the five denials are the sponsors' reactions; "Confirmation" is no acknowledgement by the sponsor
    denial_rows = [r for _, r in clean if response_kind(r) == "Denial"]
    assert Reaction.objects.filter(stance="denial").count() == len(denial_rows) == 5
    assert not Reaction.objects.exclude(stance="denial").exists()
    # each government response is a consequence, or a listed note on its row
    for kind, code in [
        ("Sanctions", "sanctions"),
        ("Criminal charges", "indictment"),
        ("Denouncement", "condemnation"),
        ("Hack Back", "cyber_operation"),
    ]:
        listed = sum(1 for e in job.errors if f"its response {kind!r}" in e)
        assert Consequence.objects.filter(kind=code).count() + listed == sum(
            1 for _, r in clean if response_kind(r) == kind
        ), kind
    # a measure whose evidence is a .gov page is the United States'
    for kind, code in [("Sanctions", "sanctions"), ("Criminal charges", "indictment")]:
        on_gov = [
            r for _, r in clean if response_kind(r) == kind and urlsplit(response_url(r)).hostname.endswith(".gov")
        ]
        assert Consequence.objects.filter(kind=code, initiated_by__country="US").count() == len(on_gov) > 0

    # every source URL of a clean row is a Source linked to that row's incident; the dataset is the claims' source
    # (but for a URL that is no web address, listed on its row)
    for n, r in clean:
        incident = Incident.objects.filter(title=r["Title"].strip(), summary__startswith=r["Description"].strip()).get()
        linked = set(incident.source_links.values_list("source__normalized_url", flat=True))
        cells = [html.unescape(r[s]).strip() for s in SOURCES if r[s].strip()]
        wanted = {normalize_url(url) for cell in cells for url in re.split(r"\s*;\s*|\s+(?=https?://)", cell)}
        invalid = sum(e.count("is not a valid web address") for e in job.errors if re.match(rf"row {n}\b", e))
        assert len(wanted - linked) == invalid, r["Title"]
    dataset = Source.objects.get(external_id="cfr:dataset")
    assert (dataset.kind, dataset.title, dataset.url) == ("dataset", "CFR Cyber Operations Tracker", None)
    assert set(cfr_claims().values_list("source", flat=True)) == {dataset.pk}

    # a second run creates nothing and changes nothing
    before = model_rows()
    again = run(content)
    assert again.counts["created"] == 0 and again.counts["updated"] == 0, again.counts
    assert model_rows() == before
    assert again.errors == job.errors


def test_strict_mode_on_the_real_file_fails_writes_nothing_and_lists_every_bad_row(run, real_file):
    content, rows = real_file
    job = run(content, strict=True)
    assert job.status == "failed"
    assert job.errors[0].startswith("Strict import: nothing was imported because")
    assert all(count == 0 for count in model_rows().values()), model_rows()
    listed = {int(re.match(r"row (\d+)\b", e).group(1)) for e in job.errors[1:]}
    assert {n for n, r in rows if not sound_date(r["Date"].strip())} <= listed
    assert {n for n, r in rows if sound_date(r["Date"].strip()) and shifted(r)} <= listed
    assert not any("imported, but" in e for e in job.errors)  # nothing was


def test_a_row_becomes_a_draft_incident_with_cfrs_claims_and_its_sources(run):
    content = cfr_csv(
        row(
            "Targeting of Example ministries",
            "1/20/2022",
            Affiliations="APT 99",
            Victims="Germany, Ministry of Examples",
            Sponsor="Iran (Islamic Republic of)",
            Type="Denial of service",
            Category="Government, Private sector, Civil society",
            Sources_1="https://news.example.org/a?x=1&amp;y=2",
            Sources_2="https://vendor.example.com/report",
        )
    )
    job = run(content)
    assert job.status == "succeeded", job.errors
    incident = Incident.objects.get()
    assert incident.external_id.startswith("cfr:2022-01-20-")
    assert (incident.title, incident.disclosed_on, incident.disclosed_on_precision) == (
        "Targeting of Example ministries",
        dt.date(2022, 1, 20),
        "day",
    )
    assert incident.started_on is None and incident.occurred_on == dt.date(2022, 1, 20)
    assert incident.summary == (
        "About Targeting of Example ministries.\n\n"
        "Victims (CFR): Germany, Ministry of Examples\n\n"
        "Affiliations (CFR): APT 99"
    )
    assert incident.types == ["ddos"]
    assert incident.target_categories == ["state_institutions", "corporate", "social_groups"]
    assert incident.victim_countries == ["DE"]
    claim = Attribution.objects.get()
    assert claim.external_id == f"{incident.external_id}:attribution:IR"
    assert (claim.made_by.name, claim.made_by.kind, claim.made_by.alias_names) == (
        "Council on Foreign Relations",
        "ngo",
        ["CFR"],
    )
    assert (claim.attributed_to.kind, claim.attributed_to.country, claim.attributed_to.name) == ("state", "IR", "Iran")
    assert (claim.stance, claim.attributor_type, claim.channel, claim.level) == (
        "attributes",
        "researcher",
        "unclear",
        "state",
    )
    assert (claim.stated_on, claim.review_status, claim.source.external_id) == (None, "draft", "cfr:dataset")
    urls = {link.source.url: link.note for link in incident.source_links.select_related("source")}
    assert urls == {
        "https://news.example.org/a?x=1&y=2": "CFR source",
        "https://vendor.example.com/report": "CFR source",
        None: "",
    }


def test_several_sponsors_and_un_style_names_become_one_claim_per_state(run):
    content = cfr_csv(
        row("A", Sponsor="China, Russian Federation"),
        row("B", Sponsor="Palestine, State of"),
        row("C", Sponsor="Korea (Democratic People's Republic of)"),
        row("D", Sponsor="The Philippines, Korea (Republic of), United States of America"),
        row("E", Sponsor="Atlantis, Syrian Arab Republic"),
        row("F", Sponsor=""),
    )
    job = run(content)
    claimed = {
        title: sorted(cfr_claims().filter(incident__title=title).values_list("attributed_to__country", flat=True))
        for title in "ABCDEF"
    }
    assert claimed == {
        "A": ["CN", "RU"],
        "B": ["PS"],
        "C": ["KP"],
        "D": ["KR", "PH", "US"],
        "E": ["SY"],
        "F": [],
    }
    assert job.errors == ["row 6: imported, but its sponsor 'Atlantis' names no country: no claim for it"]
    assert Party.objects.filter(kind="state").count() == 8  # each state once, shared across rows


def test_a_row_with_shifted_columns_keeps_its_title_date_description_and_urls_only(run):
    content = cfr_csv(
        row(
            "Shifted by two",
            "3/29/2022",
            Affiliations="APT 36",
            Response="Pakistan",
            Victims="Espionage",
            Sponsor="Government, Military",
            Type="https://blog.example.org/shifted",
            Category="https://news.example.org/other",
        ),
        row(
            "Shifted by one",
            "6/6/2021",
            Response="Confirmation   https://www.nsa.gov/advisory",
            Victims="Russian Federation",
            Sponsor="Espionage",
            Type="Private sector",
            Category="https://media.defense.gov/a.pdf",
        ),
        row("Sound", Sponsor="China"),
    )
    job = run(content)
    assert job.status == "partial"
    assert Incident.objects.count() == 3
    two = Incident.objects.get(title="Shifted by two")
    assert (two.types, two.target_categories, two.victim_countries) == ([], [], [])
    assert two.summary == "About Shifted by two.\n\nAffiliations (CFR): APT 36"
    assert set(two.source_links.values_list("source__url", flat=True)) == {
        "https://blog.example.org/shifted",
        "https://news.example.org/other",
        None,
    }
    one = Incident.objects.get(title="Shifted by one")
    assert set(one.source_links.values_list("source__url", flat=True)) == {"https://media.defense.gov/a.pdf", None}
    # no claim, reaction or consequence is read from shifted cells
    assert list(Attribution.objects.values_list("incident__title", "attributed_to__country")) == [("Sound", "CN")]
    assert not Consequence.objects.exists() and not Reaction.objects.exists()
    assert len(job.errors) == 2
    assert job.errors[0].startswith(
        "row 2: imported, but its columns after Description look shifted (Type holds "
        "'https://blog.example.org/shifted', Category holds 'https://news.example.org/other', "
        "Sponsor holds 'Government, Military'): only the title, date, description, affiliations and 2 URL(s)"
    )
    assert job.errors[1].startswith(
        "row 3: imported, but its columns after Description look shifted (Type holds 'Private sector', "
        "Category holds 'https://media.defense.gov/a.pdf', Sponsor holds 'Espionage')"
    )


def test_rows_without_a_sound_date_are_listed_and_the_others_import(run):
    future = (dt.date.today() + dt.timedelta(days=40)).strftime("%m/%d/%Y")
    content = cfr_csv(
        row("Good", "12/24/2022", Sponsor="China"),
        row("APT 99", "", Sponsor="China"),
        row("ISO date", "2022-03-01"),
        row("No such day", "2/30/2021"),
        row("Future", future),
        row("", "1/1/2020"),
    )
    job = run(content)
    assert job.status == "partial"
    assert list(Incident.objects.values_list("title", flat=True)) == ["Good"]
    assert job.counts["skipped"] == 5
    assert job.errors == [
        "row 3: not imported: it has no date (CFR lists threat-actor profiles so); an incident needs the day it was "
        "reported",
        "row 4: not imported: its date '2022-03-01' is not a day written M/D/YYYY",
        "row 5: not imported: its date '2/30/2021' is not a day written M/D/YYYY",
        f"row 6: not imported: its date '{future}' is in the future",
        "row 7: not imported: it has no title",
    ]


def test_row_numbers_count_spreadsheet_rows_and_name_the_line_when_cells_hold_line_breaks(run):
    content = cfr_csv(row("Multi", Description="First line.\nSecond line."), row("Undated", ""))
    job = run(content)
    assert job.errors[0].startswith("row 3 (line 4): not imported: it has no date")
    assert Incident.objects.get().summary.startswith("First line.\nSecond line.")


def test_responses_become_denials_claims_and_consequences_of_the_government_that_made_them(run):
    content = cfr_csv(
        row("Denied", Sponsor="Ghana", Response="Denial   https://news.example.org/denied"),
        row(
            "Sanctioned",
            Sponsor="Korea (Democratic People's Republic of)",
            Victims="Users of a finance platform",
            Response="Sanctions   https://home.treasury.gov/news/press-releases/x1",
        ),
        row(
            "Denounced", Sponsor="Russian Federation", Victims="Germany", Response="Denouncement   https://n.example/d"
        ),
        row(
            "Charged",
            Sponsor="China, Russian Federation",
            Response="Criminal charges   https://www.justice.gov/opa/pr/c",
        ),
        row("Confirmed", Sponsor="China", Response="Confirmation   https://www.cisa.gov/uscert/ncas/alerts/aa22"),
        row("Hacked back", Sponsor="Iran", Victims="Israel", Response="Hack Back   https://news.example.org/hb"),
        row("Unknown response", Sponsor="China", Response="Unknown"),
        row("Who denounced", Sponsor="China", Victims="A ministry", Response="Denouncement   https://n.example/w"),
        row("Self", Sponsor="Israel", Victims="Israel", Response="Denouncement   https://n.example/s"),
        row("Odd", Sponsor="China", Response="Applause   https://n.example/o"),
    )
    job = run(content)
    denial = Reaction.objects.get()
    assert (denial.incident.title, denial.party.country, denial.stance, denial.source.url) == (
        "Denied",
        "GH",
        "denial",
        "https://news.example.org/denied",
    )
    assert denial.external_id == f"{denial.incident.external_id}:denial:GH"

    def consequence(title):
        c = Consequence.objects.select_related("initiated_by", "target", "source").get(incident__title=title)
        return c.kind, c.initiated_by.country, c.target.country if c.target else None, c.source.url

    assert consequence("Sanctioned") == ("sanctions", "US", "KP", "https://home.treasury.gov/news/press-releases/x1")
    assert consequence("Denounced") == ("condemnation", "DE", "RU", "https://n.example/d")
    assert consequence("Charged") == ("indictment", "US", None, "https://www.justice.gov/opa/pr/c")
    assert consequence("Hacked back") == ("cyber_operation", "IL", "IR", "https://news.example.org/hb")
    assert Consequence.objects.count() == 4

    government = Attribution.objects.exclude(made_by__name="Council on Foreign Relations")
    assert sorted(
        government.values_list(
            "incident__title", "made_by__country", "attributed_to__country", "attributor_type", "channel"
        )
    ) == [
        ("Charged", "US", "CN", "third_party_government", "legal_action"),
        ("Charged", "US", "RU", "third_party_government", "legal_action"),
        ("Confirmed", "US", "CN", "third_party_government", "unclear"),
        ("Denounced", "DE", "RU", "victim_government", "political_statement"),
        ("Sanctioned", "US", "KP", "third_party_government", "statement_with_measures"),
    ]
    assert set(
        Consequence.objects.get(kind="indictment").relies_on.values_list("attributed_to__country", flat=True)
    ) == {
        "CN",
        "RU",
    }
    assert Source.objects.get(url="https://home.treasury.gov/news/press-releases/x1").kind == "government_statement"
    assert Source.objects.get(url="https://n.example/d").kind == "other"
    # the response URL is linked to its incident, with what CFR cites it for
    link = IncidentSource.objects.get(source__url="https://n.example/w")
    assert (link.incident.title, link.note) == ("Who denounced", "CFR response: denouncement")
    assert job.errors == [
        "row 9: imported, but its response 'Denouncement' is kept only as the linked source: who made it cannot be "
        "told (the evidence is no government website; the victims name no one state)",
        "row 10: imported, but its response 'Denouncement' is kept only as the linked source: the state it points to "
        "(IL) is the sponsor itself",
        "row 11: imported, but its response 'Applause   https://n.example/o' is none of CFR's kinds (denouncement, "
        "criminal charges, sanctions, hack back, confirmation, denial, unknown): not recorded",
    ]
    assert Incident.objects.count() == 10


def test_rows_sharing_a_title_and_date_are_kept_apart_by_their_affiliations(run):
    content = cfr_csv(
        row("Targeting of a telecom", "9/28/2021", Affiliations="RedFoxTrot", Sponsor="China"),
        row("Targeting of a telecom", "9/28/2021", Affiliations="Calypso", Sponsor="China"),
        row("Targeting of a telecom", "9/28/2021", Affiliations="Calypso", Sponsor="China"),
        row("Targeting of a telecom", "1/16/2022", Sponsor="China"),
    )
    job = run(content)
    assert Incident.objects.count() == 3
    assert len(set(Incident.objects.values_list("slug", flat=True))) == 3
    assert job.errors == ["row 4: not imported: it repeats row 3 (same title, date, affiliations)"]


def test_an_edited_row_updates_its_draft_and_a_confirmed_incident_keeps_the_researchers_version(run):
    first = row("Stable", "5/1/2020", Sponsor="China")
    run(cfr_csv(first, row("Other", "5/2/2020")))
    incident = Incident.objects.get(title="Stable")
    job = run(cfr_csv({**first, "Description": "CFR rewrote this."}, row("Other", "5/2/2020")))
    assert (job.counts["created"], job.counts["updated"]) == (0, 1)
    incident.refresh_from_db()
    assert incident.summary == "CFR rewrote this."
    Incident.objects.filter(pk=incident.pk).update(review_status="confirmed", summary="Mine.")
    job = run(cfr_csv({**first, "Description": "Again."}, row("Other", "5/2/2020")))
    assert (job.counts["created"], job.counts["updated"]) == (0, 0)
    incident.refresh_from_db()
    assert incident.summary == "Mine."


def test_a_row_that_fails_to_write_is_rolled_back_whole_and_the_others_import(run):
    content = cfr_csv(
        row("Clashing", Sponsor="China", Sources_1="https://only.example.org/clash"), row("Fine", Sponsor="Iran")
    )
    run(content)
    clashing = Incident.objects.get(title="Clashing")
    slug = clashing.slug
    Attribution.objects.filter(incident=clashing).delete()
    clashing.delete()
    Source.objects.filter(url="https://only.example.org/clash").delete()
    Incident.objects.create(title="A researcher's case", slug=slug)  # takes the slug the row would get
    job = run(content)
    assert job.status == "partial"
    assert len(job.errors) == 1 and job.errors[0].startswith("row 2: not imported: ")
    assert "slug" in job.errors[0].lower()
    assert (job.counts["created"], job.counts["skipped"]) == (0, 1)
    assert not Source.objects.filter(url="https://only.example.org/clash").exists()
    assert Incident.objects.filter(title="Fine").exists() and not Incident.objects.filter(title="Clashing").exists()


def test_progress_is_reported_per_row():
    seen = []
    import_cfr(
        cfr_csv(*(row(f"Row {i}") for i in range(5))),
        options={},
        user=None,
        progress=Progress(lambda percent, message: seen.append((percent, message)), every=2),
    )
    assert seen == [(44, "Rows 2/5"), (78, "Rows 4/5"), (95, "Rows 5/5")]


def test_the_dataset_source_takes_a_url_from_the_options(run):
    job = run(cfr_csv(row("A", Sponsor="China")), source_url="https://www.cfr.org/cyber-operations/")
    assert job.status == "succeeded", job.errors
    dataset = Source.objects.get(external_id="cfr:dataset")
    assert (dataset.url, dataset.kind) == ("https://www.cfr.org/cyber-operations/", "dataset")
    job = run(cfr_csv(row("B")), source_url="cfr.org tracker")
    assert job.status == "failed" and job.errors == ["The option source_url 'cfr.org tracker' is not a web address."]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"id,name\n1,x\n", "the header lacks the column(s) Title, Date, Affiliations, Description, Response"),
        (b"Title;Date;Affiliations\nA;1/1/2020;x\n", "Is it separated by commas?"),
        ("Title,Date\nCaf\u00e9,1/1/2020\n".encode("latin-1"), "Not a UTF-8 text file"),
        (b"%PDF-1.7\x00\x01\x02", "Not a CSV file: it holds NUL bytes"),
        (b"", "The file is empty"),
        (b'Title,Date\n"unclosed,1/1/2020\n', "Not a CFR Cyber Operations Tracker CSV"),
    ],
)
def test_a_file_that_is_no_cfr_export_fails_whole_with_a_clear_error(run, content, message):
    job = run(content)
    assert job.status == "failed"
    assert message in job.errors[0], job.errors
    assert all(count == 0 for count in model_rows().values())


def test_a_missing_column_is_named(run):
    content = cfr_csv(row("A")).replace(b",Sponsor,", b",Sponsors,")
    job = run(content)
    assert job.status == "failed"
    assert job.errors[0].startswith("Not a CFR Cyber Operations Tracker CSV: the header lacks the column(s) Sponsor ")


def test_what_a_row_loses_is_listed_on_one_line_and_its_urls_are_linked_once(run):
    content = cfr_csv(
        row(
            "Lossy",
            Sponsor="Atlantis, China",
            Response="Denouncement   https://a.example/x",
            Sources_1="not a url",
            Sources_2="https://a.example/x; https://b.example/y",
        )
    )
    job = run(content)
    assert job.errors == [
        "row 2: imported, but its sponsor 'Atlantis' names no country: no claim for it; the URL 'not a url' is "
        "not a valid web address: not linked; its response 'Denouncement' is kept only as the linked source: who "
        "made it cannot be told (the evidence is no government website; the victims name no one state)"
    ]
    notes = dict(IncidentSource.objects.filter(source__url__isnull=False).values_list("source__url", "note"))
    assert notes == {
        "https://a.example/x": "CFR response: denouncement; CFR source",
        "https://b.example/y": "CFR source",
    }
    assert list(cfr_claims().values_list("attributed_to__country", flat=True)) == ["CN"]


def test_a_strict_import_with_one_bad_row_writes_nothing_and_one_without_imports_all(run):
    good, bad = row("Good", Sponsor="China"), row("Undated", "")
    job = run(cfr_csv(good, bad), strict=True)
    assert job.status == "failed"
    assert job.errors[1:] == [
        "row 3: not imported: it has no date (CFR lists threat-actor profiles so); an incident needs the day it "
        "was reported"
    ]
    assert all(count == 0 for count in model_rows().values())
    job = run(cfr_csv(good), strict=True)
    assert job.status == "succeeded" and Incident.objects.count() == 1
