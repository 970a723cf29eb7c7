"""The overview page /cases/: the cases a reader may see, filtered as in the API, with four SVG charts whose
counts are `incident_stats` over the same cases, never counting what the reader may not see."""

import datetime as dt
import re
import statistics
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from attribution.models import Attribution, Party, Reaction
from incidents.filters import IncidentFilter
from incidents.models import Incident
from incidents.reports.overview import PAGE_SIZE, lag_days, lag_distribution_svg, per_year_svg
from incidents.selectors import incident_stats
from tests.factories import AttributionFactory, ConsequenceFactory, IncidentFactory, ReactionFactory, SourceFactory

pytestmark = pytest.mark.django_db

URL = "/cases/"
JULY = "albania-government-cyberattack-2022-07"
TIMS = "albania-border-control-cyberattack-2022-09"
SVG = "{http://www.w3.org/2000/svg}"
CHARTS = ("chart-per-year", "chart-accused-states", "chart-consequence-kinds", "chart-lags")
CONFIRMED = {"review_status": "confirmed", "tlp": "clear"}


def page(client, query: str = "") -> str:
    response = client.get(f"{URL}?{query}" if query else URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    return response.content.decode()


def chart(html: str, svg_id: str) -> ET.Element:
    """The inline <svg> with this id, parsed as XML (so it is well-formed too)."""
    found = re.search(rf'<svg [^>]*id="{svg_id}".*?</svg>', html, re.S)
    assert found, f"no <svg id={svg_id}>"
    return ET.fromstring(found.group(0))


def bars(svg: ET.Element, series: str | None = None) -> dict[str, int]:
    """{data-key: data-count} of the chart's bars (of one series of the lag chart)."""
    found = {}
    for rect in svg.iter(f"{SVG}rect"):
        if "bar" in rect.get("class", "").split() and series in (None, rect.get("data-series")):
            found[rect.get("data-key")] = int(rect.get("data-count"))
    return found


def listed(html: str) -> list[str]:
    """Slugs of the case rows, in page order."""
    return re.findall(r'<tr class="case">\s*<td><a href="/cases/([^/"]+)/">', html)


def row_of(html: str, slug: str) -> str:
    found = re.search(rf'<tr class="case">\s*<td><a href="/cases/{slug}/">.*?</tr>', html, re.S)
    assert found, f"no row for {slug}"
    return found.group(0)


def visible_stats(user, query: str = "") -> tuple[dict, dict]:
    """What /api/v1/stats/ computes for this reader and query string, and the lags behind its medians."""

    class Request:
        pass

    request = Request()
    request.user = user
    incidents = IncidentFilter(QueryDict(query), queryset=Incident.objects.visible_to(user), request=request).qs
    return incident_stats(incidents, user=user), lag_days(incidents, user=user)


def assert_charts_match(html: str, stats: dict) -> None:
    """Every bar of the four charts is a count of the stats, and every count of the stats has its bar."""
    assert bars(chart(html, "chart-per-year")) == {str(r["year"]): r["incidents"] for r in stats["per_year"]}
    states = {r["country"]: r["incidents"] for r in stats["per_attributed_state"][:10]}
    assert bars(chart(html, "chart-accused-states")) == states
    kinds = {r["kind"]: r["consequences"] for r in stats["per_consequence_kind"]}
    assert bars(chart(html, "chart-consequence-kinds")) == kinds
    lags = chart(html, "chart-lags")
    for series, median_key in (
        ("to_first_attribution", "median_days_to_first_attribution"),
        ("to_first_consequence", "median_days_to_first_consequence"),
    ):
        assert sum(bars(lags, series).values()) == stats["measured"][series]
        panels = [g for g in lags.iter(f"{SVG}g") if f"panel-{series}" in g.get("class", "")]
        medians = [g.get("data-days") for p in panels for g in p.iter(f"{SVG}g") if g.get("class") == "median"]
        assert medians == ([] if stats[median_key] is None else [f"{stats[median_key]:g}"])


# --- The demo case ------------------------------------------------------------------------------------------
def test_demo_cases_are_listed_with_four_charts_matching_the_stats(client, demo):
    html = page(client)
    anonymous = AnonymousUser()
    stats, lags = visible_stats(anonymous)
    visible = Incident.objects.visible_to(anonymous)
    assert listed(html) == list(visible.order_by("-occurred_on").values_list("slug", flat=True)) == [TIMS, JULY]
    assert f"<strong>{stats['incidents']}</strong> cases match" in html
    for svg_id in CHARTS:
        svg = chart(html, svg_id)
        assert svg.get("role") == "img" and svg.find(f"{SVG}title").text
    # The demo fills every chart (else matching bars would prove little).
    assert stats["per_year"] and stats["per_attributed_state"] and stats["per_consequence_kind"]
    assert stats["measured"]["to_first_attribution"] and stats["measured"]["to_first_consequence"]
    assert_charts_match(html, stats)
    median = stats["median_days_to_first_consequence"]
    assert f"median {median:g} day" in html and statistics.median(lags["to_first_consequence"]) == median
    assert 'class="no-data"' not in html and "No cases match" not in html


def test_demo_row_shows_date_with_precision_victims_accused_and_denial(client, demo):
    html = page(client)
    anonymous = AnonymousUser()
    july = row_of(html, JULY)
    assert "15 July 2022" in july and "Albania (AL)" in july and "Government of Albania" in july
    claims = Attribution.objects.visible_to(anonymous).filter(incident=demo, stance__in=["attributes", "endorses"])
    accused = set(claims.values_list("attributed_to__name", flat=True))
    assert accused and all(name in july for name in accused)
    denied = Reaction.objects.visible_to(anonymous).filter(stance="denial")
    assert denied.filter(incident=demo).exists() and '<span class="denied">yes</span>' in july
    assert not denied.filter(incident__slug=TIMS).exists() and "<td>no</td>" in row_of(html, TIMS)
    # A coarser date says so, and never shows an invented day.
    Incident.objects.filter(slug=TIMS).update(occurred_on=dt.date(2022, 9, 1), occurred_on_precision="month")
    assert "September 2022 <small>(month)</small>" in row_of(page(client), TIMS)


def test_page_is_self_contained_and_print_friendly(client, demo):
    html = page(client)
    assert not re.search(r"<(script|link|img|iframe)\b", html) and "src=" not in html and "@import" not in html
    assert "@media print" in html and "@page" in html
    assert "no-store" in client.get(URL)["Cache-Control"]  # marked data, per reader


# --- Filters ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("victim_country=FR", []),
        ("victim_country=al", [TIMS, JULY]),
        ("occurred_after=2022-08-01", [TIMS]),
        ("occurred_before=2022-08-01", [JULY]),
        ("q=border", [TIMS]),
        ("q=sanctions", [JULY]),
        ("has_denial=true", [JULY]),
        ("has_denial=false", [TIMS]),
        ("consequence_kind=sanctions", [JULY]),
        ("status=contested", [JULY]),
        ("attributed_to=IR&type=disruption", [TIMS, JULY]),
    ],
)
def test_filters_narrow_the_list_and_the_charts(client, demo, query, expected):
    html = page(client, query)
    assert listed(html) == expected
    assert_charts_match(html, visible_stats(AnonymousUser(), query)[0])
    assert bars(chart(html, "chart-per-year")) == ({"2022": len(expected)} if expected else {})


def test_no_match_says_so_and_every_chart_says_there_is_no_data(client, demo):
    html = page(client, "victim_country=FR")
    assert listed(html) == [] and "No cases match these filters." in html
    assert "<strong>0</strong> cases match" in html and "<em>Victim country</em>: FR" in html
    for svg_id in CHARTS:
        svg = chart(html, svg_id)
        assert bars(svg) == {}
        assert any("No data" in (t.text or "") for t in svg.iter(f"{SVG}text"))


def test_bad_filter_input_shows_the_errors_and_no_cases(client, demo):
    response = client.get(URL, {"occurred_after": "not-a-date", "type": "bogus", "victim_country": "AL"})
    assert response.status_code == 200
    html = response.content.decode()
    errors = re.search(r'<div class="errors" role="alert" id="filter-errors">.*?</div>', html, re.S).group(0)
    assert "Occurred on or after</strong>: Enter a valid date." in errors
    assert "Incident type</strong>: Select a valid choice." in errors and "bogus" in errors
    assert listed(html) == [] and "<svg" not in html
    assert 'value="AL"' in html  # the valid filters stay in the form


def test_pagination_keeps_the_filters(client, demo):
    source, iran = SourceFactory(**CONFIRMED), Party.objects.get(name="Iran", kind="state")
    for n in range(PAGE_SIZE + 3):
        case = IncidentFactory(started_on=dt.date(2015, 1, 1) + dt.timedelta(days=n), **CONFIRMED)
        AttributionFactory(incident=case, attributed_to=iran, made_by=iran, source=source, **CONFIRMED)
    first = page(client, "victim_country=AL")
    assert len(listed(first)) == PAGE_SIZE and "Page 1 of 2" in first
    link = re.search(r'<a href="\?([^"]+)" rel="next">', first).group(1).replace("&amp;", "&")
    assert QueryDict(link) == QueryDict("victim_country=AL&page=2")
    second = page(client, link)
    assert len(listed(second)) == 5 and set(listed(first)).isdisjoint(listed(second))
    assert listed(second)[-1] == Incident.objects.order_by("occurred_on", "id").first().slug  # oldest last
    assert bars(chart(second, "chart-per-year"))["2015"] == PAGE_SIZE + 3  # charts cover every page


# --- Visibility ---------------------------------------------------------------------------------------------
@pytest.fixture
def hidden_cases(demo):
    """A confirmed TLP:RED case (2019, victim France) and a TLP:CLEAR draft (2018, victim Germany), each with a
    TLP:CLEAR confirmed claim against Russia and an indictment: only their case hides them."""
    russia = Party.objects.create(name="Russia", kind="state", country="RU", **CONFIRMED)
    france = Party.objects.create(name="France", kind="state", country="FR", **CONFIRMED)
    source = SourceFactory(**CONFIRMED)
    cases = {
        "red": IncidentFactory(
            title="Sealed RED case",
            started_on=dt.date(2019, 3, 1),
            victim_countries=["FR"],
            tlp="red",
            review_status="confirmed",
        ),
        "draft": IncidentFactory(
            title="Unreviewed draft case", started_on=dt.date(2018, 5, 1), victim_countries=["DE"], tlp="clear"
        ),
    }
    for case in cases.values():
        AttributionFactory(
            incident=case,
            made_by=france,
            attributed_to=russia,
            source=source,
            stated_on=case.started_on + dt.timedelta(days=10),
            **CONFIRMED,
        )
        ConsequenceFactory(
            incident=case,
            initiated_by=france,
            target=russia,
            kind="indictment",
            source=source,
            announced_on=case.started_on + dt.timedelta(days=100),
            **CONFIRMED,
        )
    assert cases["draft"].review_status == "draft"
    return cases


def test_red_and_draft_cases_never_reach_an_anonymous_visitor(client, hidden_cases):
    html = page(client)
    assert listed(html) == [TIMS, JULY]
    assert "Sealed RED case" not in html and "Unreviewed draft case" not in html
    stats, _ = visible_stats(AnonymousUser())
    assert_charts_match(html, stats)
    assert not {"2018", "2019"} & set(bars(chart(html, "chart-per-year")))
    assert "RU" not in bars(chart(html, "chart-accused-states")) and "Russia" not in html
    assert "indictment" not in bars(chart(html, "chart-consequence-kinds"))
    assert stats["measured"] == {"to_first_attribution": 2, "to_first_consequence": 1}  # the demo's own
    # Nor through a filter that names them.
    assert listed(page(client, "victim_country=FR")) == [] and listed(page(client, "attributed_to=RU")) == []


def test_a_cleared_reviewer_sees_them_in_the_list_and_the_charts(client, hidden_cases, make_user):
    reviewer = make_user("reviewer", "red")
    client.force_login(reviewer)
    html = page(client)
    assert set(listed(html)) == {TIMS, JULY, hidden_cases["red"].slug, hidden_cases["draft"].slug}
    stats, _ = visible_stats(reviewer)
    assert_charts_match(html, stats)
    assert bars(chart(html, "chart-per-year")) == {"2018": 1, "2019": 1, "2022": 2}
    assert bars(chart(html, "chart-accused-states"))["RU"] == 2
    assert bars(chart(html, "chart-consequence-kinds"))["indictment"] == 2
    assert stats["measured"] == {"to_first_attribution": 4, "to_first_consequence": 3}
    assert "Records up to TLP:RED" in html and "TLP:RED</span>" in row_of(html, hidden_cases["red"].slug)
    assert "DRAFT</span>" in row_of(html, hidden_cases["draft"].slug)


def test_a_researcher_sees_drafts_but_nothing_above_their_clearance(client, hidden_cases, make_user):
    client.force_login(make_user("researcher", "amber"))
    html = page(client)
    assert set(listed(html)) == {TIMS, JULY, hidden_cases["draft"].slug}
    assert bars(chart(html, "chart-per-year")) == {"2018": 1, "2022": 2}
    assert bars(chart(html, "chart-accused-states"))["RU"] == 1


# --- Escaping -----------------------------------------------------------------------------------------------
def test_text_from_records_and_the_query_is_escaped(client, demo):
    evil = Party.objects.create(name="<img src=x onerror=alert(1)>", kind="threat_group", country="RU", **CONFIRMED)
    case = IncidentFactory(slug="xss-case", title='<script>alert("x")</script> Evil', **CONFIRMED)
    AttributionFactory(incident=case, attributed_to=evil, made_by=evil, source=SourceFactory(**CONFIRMED), **CONFIRMED)
    html = page(client)
    assert "xss-case" in listed(html)
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Evil" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in row_of(html, "xss-case")
    assert bars(chart(html, "chart-accused-states"))["RU"] == 1
    searched = page(client, 'q="><script>alert(2)</script>')
    assert "&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in searched
    for output in (html, searched):
        assert "<script" not in output and "<img" not in output
        for svg_id in CHARTS:
            chart(output, svg_id)  # still well-formed XML


# --- Cost ---------------------------------------------------------------------------------------------------
def _add_cases(count: int, start: int) -> None:
    """Cases with a claim, a denial, a consequence and a named victim each: everything a row shows."""
    source, iran = SourceFactory(**CONFIRMED), Party.objects.get(name="Iran", kind="state")
    victim = Party.objects.get(name="Government of Albania")
    for n in range(start, start + count):
        case = IncidentFactory(started_on=dt.date(2010, 1, 1) + dt.timedelta(days=30 * n), **CONFIRMED)
        case.victims.add(victim)
        AttributionFactory(incident=case, attributed_to=iran, made_by=victim, source=source, **CONFIRMED)
        ReactionFactory(incident=case, party=iran, source=source, **CONFIRMED)
        ConsequenceFactory(incident=case, initiated_by=victim, target=iran, source=source, **CONFIRMED)


@pytest.mark.parametrize("role", ["anonymous", "reviewer"])
def test_queries_do_not_grow_with_the_rows_on_a_page(client, demo, make_user, django_assert_max_num_queries, role):
    if role == "reviewer":
        client.force_login(make_user("reviewer", "red"))
    _add_cases(2, 0)
    with CaptureQueriesContext(connection) as few:
        assert len(listed(page(client, "victim_country=AL"))) == 4
    _add_cases(PAGE_SIZE + 10, 2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        full = page(client, "victim_country=AL")
    assert len(listed(full)) == PAGE_SIZE
    assert all('<span class="denied">yes</span>' in row_of(full, slug) for slug in listed(full) if slug != TIMS)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(listed(page(client, "victim_country=AL&page=2"))) == 14


# --- Chart builders -----------------------------------------------------------------------------------------
def test_lag_histogram_bins_every_case_and_marks_the_stats_median():
    stats = {"median_days_to_first_attribution": 5, "median_days_to_first_consequence": 400.5}
    lags = {"to_first_attribution": [-3, 0, 5, 7, 8, 1000], "to_first_consequence": [366, 435]}
    svg = ET.fromstring(lag_distribution_svg(stats, lags))
    assert bars(svg, "to_first_attribution") == {"before": 1, "0": 1, "1-7": 2, "8-30": 1, "731+": 1}
    assert bars(svg, "to_first_consequence") == {"366-730": 2}
    medians = [g.get("data-days") for g in svg.iter(f"{SVG}g") if g.get("class") == "median"]
    assert medians == ["5", "400.5"]
    text = " ".join(t.text or "" for t in svg.iter(f"{SVG}text"))
    assert "median 5 days" in text and "median 400.5 days" in text and "before" in text
    assert "before" not in lag_distribution_svg(stats, {"to_first_attribution": [1], "to_first_consequence": []})


def test_per_year_chart_keeps_empty_years_on_its_axis():
    svg = ET.fromstring(per_year_svg({"per_year": [{"year": 2001, "incidents": 3}, {"year": 2024, "incidents": 12}]}))
    assert bars(svg) == {"2001": 3, "2024": 12}
    labels = [t.text for t in svg.iter(f"{SVG}text")]
    assert "2001" in labels and any(label in labels for label in ("2012", "2013", "2011"))  # the gap is on the axis
