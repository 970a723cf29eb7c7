"""The overview page `/cases/`: the cases a reader may see, with the API list's filters and search, and four
charts drawn from `incident_stats` over the filtered cases (server-rendered SVG, no script, nothing loaded).

Visibility is the API's: `Incident.objects.visible_to(user)`, then `IncidentFilter`, then `incident_stats`,
so the page, `/api/v1/incidents/` and `/api/v1/stats/` agree for the same query string and reader.
"""

import math
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import F, Prefetch, QuerySet, prefetch_related_objects
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from attribution.access import clearance_of, has_role, role_of
from attribution.codebook import ConsequenceKind, ReactionStance, ReviewStatus, Tlp
from attribution.countries import country_name
from attribution.dates import format_date
from attribution.models import Attribution, Consequence, Party, Reaction
from incidents.filters import CLAIMING, IncidentFilter
from incidents.models import Incident
from incidents.reports.svg import COLORS, _short, _svg, el, text, tooltip
from incidents.selectors import days_to_first, incident_stats

PAGE_SIZE = 50
# The API list's main filters, in the order the form shows them.
FIELDS = (
    "q",
    "victim_country",
    "attributed_to",
    "occurred_after",
    "occurred_before",
    "type",
    "status",
    "has_denial",
    "consequence_kind",
)
LABELS = {
    "q": "Search",
    "victim_country": "Victim country",
    "attributed_to": "Accused",
    "occurred_after": "Occurred on or after",
    "occurred_before": "Occurred on or before",
    "type": "Incident type",
    "status": "Status",
    "has_denial": "Denied",
    "consequence_kind": "Consequence",
}
TOP_STATES = 10
CHART_W = 480
GREY = "#374151"


@require_GET
@never_cache
def cases_overview(request: HttpRequest) -> HttpResponse:
    """The filter form, the four charts and one page of the matching cases the reader may see."""
    data = QueryDict(mutable=True)
    for name in FIELDS:
        if request.GET.get(name, "").strip():
            data[name] = request.GET[name].strip()
    incidents = IncidentFilter(data, queryset=Incident.objects.visible_to(request.user), request=request)
    form = _form(incidents)
    context = {"form": form, "fields": [form[name] for name in FIELDS], "audience": _audience(request.user)}
    if form.is_valid():
        context |= _results(request, incidents.qs, data)
        context["active_filters"] = _active_filters(form)
    return render(request, "cases/overview.html", context)


def _form(incidents: IncidentFilter):
    form = incidents.form
    for name in FIELDS:
        form.fields[name].label = LABELS[name]
    form.fields["has_denial"].widget.choices = [("unknown", "Any"), ("true", "Yes"), ("false", "No")]
    for name in ("type", "status", "consequence_kind"):  # django-filter's blank choice reads "---------"
        field = form.fields[name]
        field.empty_label = "Any"
        field.choices = [(value, label) for value, label in field.choices if value != ""]  # rebinds the widget
    form.fields["q"].widget.input_type = "search"
    for name in ("occurred_after", "occurred_before"):
        form.fields[name].widget.input_type = "date"
    return form


def _active_filters(form) -> list[tuple[str, str]]:
    """(label, value as shown) of each filter in use, so a printout says what it shows."""
    active = []
    for name in FIELDS:
        value, field = form.cleaned_data.get(name), form.fields[name]
        if value is None or value == "":
            continue
        if isinstance(value, bool):
            shown = "yes" if value else "no"
        elif getattr(field, "choices", None):
            shown = str(dict(field.choices).get(value, value))
        else:
            shown = str(value)
        active.append((field.label, shown))
    return active


def _audience(user) -> dict:
    clearance = Tlp(clearance_of(user))
    return {
        "role": role_of(user),
        "clearance": clearance.label,
        "restricted": clearance != Tlp.CLEAR,
        "drafts": has_role(user, "researcher"),
    }


def _results(request: HttpRequest, incidents: QuerySet[Incident], data: QueryDict) -> dict:
    """The charts over every matching case, and the requested page of them."""
    user = request.user
    stats = incident_stats(incidents, user=user)
    lags = lag_days(incidents, user=user)
    ordered = incidents.order_by(F("occurred_on").desc(nulls_last=True), "-id")
    page = Paginator(ordered, PAGE_SIZE).get_page(request.GET.get("page"))
    query = urlencode(sorted(data.items()))
    return {
        "stats": stats,
        "page": page,
        "rows": overview_rows(list(page.object_list), user),
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "charts": _charts(stats, lags),
        "undated": stats["incidents"] - sum(row["incidents"] for row in stats["per_year"]),
        "api_links": [
            ("the cases (API)", f"{reverse('incident-list')}?{query}".rstrip("?")),
            ("their statistics (API)", f"{reverse('stats')}?{query}".rstrip("?")),
        ],
    }


def overview_rows(incidents: list[Incident], user) -> list[dict]:
    """What the list shows of one page of cases, in three queries whatever the page's length: the visible claims
    (for the accused), the visible named victims, and which cases a visible reaction denies.

    The page is fetched plain and these are looked up for its rows only (correlated subqueries in the paged
    query would run for every row the OFFSET skips)."""
    claims = (
        Attribution.objects.visible_to(user)
        .filter(stance__in=CLAIMING)
        .select_related("attributed_to")
        .order_by("stated_on", "id")
    )
    victims = Party.objects.visible_to(user).order_by("name", "id")
    prefetch_related_objects(
        incidents,
        Prefetch("attributions", claims, to_attr="overview_claims"),
        Prefetch("victims", victims, to_attr="overview_victims"),
    )
    denials = Reaction.objects.visible_to(user).filter(stance=ReactionStance.DENIAL, incident__in=incidents)
    denied = set(denials.values_list("incident_id", flat=True)) if incidents else set()
    return [_row(incident, incident.pk in denied) for incident in incidents]


def lag_days(incidents: QuerySet[Incident], *, user) -> dict[str, list[int]]:
    """The per-case days behind `incident_stats`' two medians (same claims, consequences and rules)."""
    ids = incidents.order_by().values("id")
    claims = Attribution.objects.visible_to(user).filter(incident__in=ids, stance__in=CLAIMING)
    measures = Consequence.objects.visible_to(user).filter(incident__in=ids)
    return {
        "to_first_attribution": days_to_first(incidents, claims, "stated_on"),
        "to_first_consequence": days_to_first(incidents, measures, "announced_on"),
    }


def _row(incident: Incident, has_denial: bool) -> dict:
    accused = {claim.attributed_to_id: claim.attributed_to.name for claim in incident.overview_claims}
    return {
        "title": incident.title,
        "url": None if incident.review_status == ReviewStatus.REJECTED else reverse("cases:page", args=[incident.slug]),
        "date_text": format_date(incident.occurred_on, incident.occurred_on_precision),
        "precision": incident.occurred_on_precision,
        "countries": [f"{country_name(code)} ({code})" for code in incident.victim_countries],
        "victims": [party.name for party in incident.overview_victims],
        "accused": list(accused.values()),
        "has_denial": has_denial,
        "status_label": incident.get_status_display(),
        "review_status": incident.review_status,
        "tlp": incident.tlp,
    }


def _charts(stats: dict, lags: dict[str, list[int]]) -> list[dict]:
    """The four figures: heading, SVG (built from escaped strings only) and caption."""
    more = len(stats["per_attributed_state"]) - TOP_STATES
    return [
        {
            "heading": "Incidents per year",
            "svg": mark_safe(per_year_svg(stats)),  # noqa: S308
            "caption": "By the year the attack occurred (its start when known).",
        },
        {
            "heading": "Most-accused states",
            "svg": mark_safe(accused_states_svg(stats)),  # noqa: S308
            "caption": "Cases in which a claim attributes the attack (or endorses an attribution) to a party of that "
            "state: the state itself, its agencies, or groups placed there. A case counts once per state."
            + (f" {more} more state{'s' if more != 1 else ''} not shown." if more > 0 else ""),
        },
        {
            "heading": "Consequences by kind",
            "svg": mark_safe(consequence_kinds_svg(stats)),  # noqa: S308
            "caption": "Consequences on record, and in how many cases.",
        },
        {
            "heading": "Days from the attack to the first attribution and the first consequence",
            "svg": mark_safe(lag_distribution_svg(stats, lags)),  # noqa: S308
            "caption": "Cases whose attack date and first claim (or consequence) are both known to the day.",
        },
    ]


# --- Charts ---------------------------------------------------------------------------------------------------
def _no_data(svg_id: str, title: str, message: str = "No data for the cases shown.") -> str:
    return _svg(svg_id, CHART_W, 40, title, message, text(10, 24, message, 12, fill="#6b7280", class_="no-data"))


def _step(peak: int) -> int:
    """A round grid step (1, 2, 5, 10, 20…) giving at most five lines up to `peak`."""
    magnitude = 10 ** max(math.floor(math.log10(max(peak, 1) / 4)), 0)
    return next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude * 5 >= peak)


def _bar(key, count: int, x: float, y: float, w: float, h: float, color: str, tip: str, **data) -> str:
    rect = el("rect", x=x, y=y, width=w, height=h, fill=color, class_="bar", data_key=key, data_count=count, **data)
    return el("g", tooltip(tip), rect)


def _cases(n: int) -> str:
    return f"{n} case{'s' if n != 1 else ''}"


def per_year_svg(stats: dict) -> str:
    """Vertical bars, one per year with cases; years between them stay on the axis as gaps."""
    svg_id, title = "chart-per-year", "Incidents per year"
    counts = {row["year"]: row["incidents"] for row in stats["per_year"]}
    if not counts:
        return _no_data(svg_id, title)
    years = list(range(min(counts), max(counts) + 1))
    left, top, plot_h, plot_w = 36.0, 16.0, 150.0, CHART_W - 46.0
    slot, peak = plot_w / len(years), max(counts.values())
    step = _step(peak)
    ceiling = math.ceil(peak / step) * step
    body = []
    for level in range(0, ceiling + 1, step):
        y = top + plot_h - level / ceiling * plot_h
        body += [
            el("line", x1=left, y1=y, x2=left + plot_w, y2=y, stroke="#e5e7eb"),
            text(left - 4, y + 4, str(level), 10, text_anchor="end", fill=GREY),
        ]
    every = math.ceil(38 / slot)  # year labels at least 38 px apart
    for n, year in enumerate(years):
        x = left + n * slot
        if n % every == 0:
            body.append(text(x + slot / 2, top + plot_h + 16, str(year), 10, text_anchor="middle", fill=GREY))
        if year in counts:
            h = max(counts[year] / ceiling * plot_h, 1.0)
            tip = f"{year}: {_cases(counts[year])}"
            w = min(slot * 0.7, 48.0)
            body.append(_bar(year, counts[year], x + (slot - w) / 2, top + plot_h - h, w, h, GREY, tip))
            if slot >= 16:
                body.append(text(x + slot / 2, top + plot_h - h - 3, str(counts[year]), 10, text_anchor="middle"))
    body.append(el("line", x1=left, y1=top + plot_h, x2=left + plot_w, y2=top + plot_h, stroke=GREY))
    description = "; ".join(f"{year}: {_cases(n)}" for year, n in counts.items()) + "."
    return _svg(svg_id, CHART_W, top + plot_h + 26, title, description, *body)


def _hbars(svg_id: str, title: str, rows: list[tuple], color: str) -> str:
    """Horizontal bars, one per (key, label, count, end label, tooltip) row, longest first."""
    label_w, bar_h, gap, top = 196.0, 18.0, 6.0, 6.0
    plot_w = CHART_W - label_w - 90
    peak = max(row[2] for row in rows)
    body = []
    for n, (key, label, count, end_label, tip) in enumerate(rows):
        y = top + n * (bar_h + gap)
        w = max(count / peak * plot_w, 1.0)
        body += [
            text(label_w - 6, y + 13, _short(label, 30), 11, text_anchor="end"),
            _bar(key, count, label_w, y, w, bar_h, color, tip),
            text(label_w + w + 4, y + 13, end_label, 10, fill=GREY),
        ]
    description = "; ".join(f"{label}: {end_label}" for _, label, _, end_label, _ in rows) + "."
    return _svg(svg_id, CHART_W, top + len(rows) * (bar_h + gap) + 4, title, description, *body)


def accused_states_svg(stats: dict) -> str:
    """The ten states accused in the most cases."""
    svg_id, title = "chart-accused-states", "Most-accused states"
    rows = [
        (
            row["country"],
            row["name"],
            row["incidents"],
            _cases(row["incidents"]),
            f"{row['name']}: {_cases(row['incidents'])}",
        )
        for row in stats["per_attributed_state"][:TOP_STATES]
    ]
    return _hbars(svg_id, title, rows, COLORS["attribution"]) if rows else _no_data(svg_id, title)


def consequence_kinds_svg(stats: dict) -> str:
    """Consequences per kind (how many, and in how many cases)."""
    svg_id, title = "chart-consequence-kinds", "Consequences by kind"
    labels = dict(ConsequenceKind.choices)
    rows = []
    for row in stats["per_consequence_kind"]:
        label = labels.get(row["kind"], row["kind"])
        end = f"{row['consequences']} in {_cases(row['incidents'])}"
        rows.append((row["kind"], label, row["consequences"], end, f"{label}: {end}"))
    return _hbars(svg_id, title, rows, COLORS["consequence"]) if rows else _no_data(svg_id, title)


# Histogram bins of the lag in days: (key, label, first day, last day); None is open-ended.
LAG_BINS = [
    ("before", "before", None, -1),
    ("0", "same day", 0, 0),
    ("1-7", "1–7 d", 1, 7),
    ("8-30", "8–30 d", 8, 30),
    ("31-90", "31–90 d", 31, 90),
    ("91-365", "91 d–1 y", 91, 365),
    ("366-730", "1–2 y", 366, 730),
    ("731+", "> 2 y", 731, None),
]
LAG_SERIES = [
    ("to_first_attribution", "Attack → first attribution", "median_days_to_first_attribution", "attribution"),
    ("to_first_consequence", "Attack → first consequence", "median_days_to_first_consequence", "consequence"),
]


def _bin_index(days: float, bins: list[tuple]) -> int:
    """The bin holding `days` (bins are whole days: 7.5 falls in 1–7's day 7, before 8)."""
    return next(
        n for n, (_, _, lo, hi) in enumerate(bins) if (lo is None or days >= lo) and (hi is None or days < hi + 1)
    )


def _days(value: float) -> str:
    shown = f"{value:g}" if value == int(value) else f"{value:.1f}"
    return f"{shown} day{'' if value == 1 else 's'}"


def lag_distribution_svg(stats: dict, lags: dict[str, list[int]]) -> str:
    """Two histograms on the same bins: days from the attack to the first claim, and to the first consequence,
    each with its median (from the stats) marked and labelled."""
    svg_id, title = "chart-lags", "Days from the attack to the first attribution and the first consequence"
    if not any(lags.values()):
        return _no_data(svg_id, title, "No data: no case has day-precise dates to measure.")
    early = any(days < 0 for series in lags.values() for days in series)
    bins = LAG_BINS if early else LAG_BINS[1:]
    panels, descriptions = [], []
    for n, (series, label, median_key, color) in enumerate(LAG_SERIES):
        median = stats[median_key]
        panels.append(_lag_panel(series, label, lags[series], median, bins, COLORS[color], 6.0 + n * 130))
        measured = f"{_cases(len(lags[series]))} measured"
        descriptions.append(f"{label}: {measured}" + (f", median {_days(median)}" if median is not None else ""))
    return _svg(svg_id, CHART_W, 266, title, "; ".join(descriptions) + ".", *panels)


def _lag_panel(series: str, label: str, values: list[int], median, bins: list[tuple], color: str, top: float) -> str:
    """One histogram: a heading with the count measured and the median, the bars, and the median's mark."""
    left, plot_w, bar_top, plot_h = 10.0, CHART_W - 20.0, top + 46, 60.0
    heading = f"{label} · {_cases(len(values))} measured" + (f" · median {_days(median)}" if median is not None else "")
    parts = [text(left, top + 14, heading, 11, font_weight="bold")]
    if not values:
        message = "No case with day-precise dates to measure."
        parts.append(text(left, bar_top + 30, message, 11, fill="#6b7280", class_="no-data"))
        return el("g", *parts, class_=f"panel panel-{series}")
    slot = plot_w / len(bins)
    if median is not None:  # drawn first: the bars and their counts cover its line
        parts.append(_median_mark(median, bins, left, slot, bar_top, plot_h))
    counts = [0] * len(bins)
    for days in values:
        counts[_bin_index(days, bins)] += 1
    for n, ((key, bin_label, _, _), count) in enumerate(zip(bins, counts, strict=True)):
        x = left + n * slot
        parts.append(text(x + slot / 2, bar_top + plot_h + 14, bin_label, 10, text_anchor="middle", fill=GREY))
        if count:
            h = max(count / max(counts) * plot_h, 1.0)
            tip = f"{label}, {bin_label}: {_cases(count)}"
            y = bar_top + plot_h - h
            parts.append(_bar(key, count, x + slot * 0.12, y, slot * 0.76, h, color, tip, data_series=series))
            parts.append(_count_label(x + slot / 2, y - 3, count))
    parts.append(el("line", x1=left, y1=bar_top + plot_h, x2=left + plot_w, y2=bar_top + plot_h, stroke=GREY))
    return el("g", *parts, class_=f"panel panel-{series}")


def _count_label(x: float, y: float, count: int) -> str:
    """A bar's count centred above it, on a white patch so a median line behind it does not cross it."""
    half = len(str(count)) * 3.2 + 2
    patch = el("rect", x=x - half, y=y - 9, width=2 * half, height=11, fill="#ffffff")
    return patch + text(x, y, str(count), 10, text_anchor="middle")


def _median_mark(median, bins: list[tuple], left: float, slot: float, bar_top: float, plot_h: float) -> str:
    """A labelled ▼ above the plot at the median's place within its bin (the middle of an open-ended bin),
    with a dashed line down to the axis."""
    n = _bin_index(median, bins)
    _, _, lo, hi = bins[n]
    within = 0.5 if lo is None or hi is None else (median - lo + 0.5) / (hi - lo + 1)
    x = left + (n + within) * slot
    right_side, tip_y = x > CHART_W - 110, bar_top - 18  # a row of its own, above the bars' counts
    points = f"{x - 4:.1f},{tip_y - 7:.1f} {x + 4:.1f},{tip_y - 7:.1f} {x:.1f},{tip_y:.1f}"
    label = text(
        x + (-7 if right_side else 7),
        tip_y,
        f"median {_days(median)}",
        10,
        text_anchor="end" if right_side else "start",
    )
    return el(
        "g",
        tooltip(f"median {_days(median)}"),
        el("line", x1=x, y1=tip_y, x2=x, y2=bar_top + plot_h, stroke="#111827", stroke_dasharray="3 3"),
        el("polygon", points=points, fill="#111827"),
        label,
        class_="median",
        data_days=f"{median:g}",
    )
