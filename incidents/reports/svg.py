"""The two pictures of a case report as inline SVG, built from the report context with escaped strings.

`timeline_svg`: the attack, each claim, reaction and consequence on one date axis (one mark per dated
timeline event), with brackets for the lag from the attack to the first event of each lane.
`attribution_graph_svg`: claimants → accused parties → the incident; a denial is a dashed red edge from
the accused back to the claimant it answers, other reactions dotted. Presentation attributes (not CSS),
so browsers and WeasyPrint draw the same picture.
"""

import datetime as dt
from html import escape

FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
RED = "#c0392b"
COLORS = {
    "attack": "#7f1d1d",
    "attribution": "#1d4ed8",
    "reaction": "#b45309",
    "denial": RED,
    "consequence": "#047857",
    "related_incident": "#6b7280",
}
ATTACK_KINDS = {"attack_started", "detected", "disclosed", "attack_ended"}
# Lanes of the timeline chart: (lane, label, event kinds drawn in it).
LANES = [
    ("attack", "The attack", ATTACK_KINDS),
    ("attribution", "Claims", {"attribution"}),
    ("reaction", "Reactions", {"reaction"}),
    ("consequence", "Consequences", {"consequence", "consequence_effective"}),
    ("related_incident", "Related cases", {"related_incident"}),
]
# Reaction stances as graph edges: (colour, dash pattern, verb).
REACTION_EDGES = {
    "denial": (RED, "6 4", "denied"),
    "counter_accusation": ("#d97706", "2 3", "counter-accused"),
    "acknowledgement": ("#047857", "", "acknowledged"),
    "no_comment": ("#6b7280", "2 3", "no comment"),
    "ambiguous": ("#6b7280", "2 3", "reacted"),
}


def el(tag: str, *children: str, **attrs) -> str:
    """One element. Attribute values are escaped (`class_` → class, `font_size` → font-size); children are
    markup already built by these helpers."""
    rendered = "".join(
        f' {name.rstrip("_").replace("_", "-")}="{escape(f"{value:.1f}" if isinstance(value, float) else str(value))}"'
        for name, value in attrs.items()
    )
    return f"<{tag}{rendered}>{''.join(children)}</{tag}>" if children else f"<{tag}{rendered}/>"


def text(x: float, y: float, content: str, size: float = 11, **attrs) -> str:
    return el("text", escape(content), x=float(x), y=float(y), font_family=FONT, font_size=size, **attrs)


def tooltip(content: str) -> str:
    return el("title", escape(content))


def _svg(svg_id: str, width: int, height: float, title: str, description: str, *body: str) -> str:
    return el(
        "svg",
        el("title", escape(title), id=f"{svg_id}-title"),
        el("desc", escape(description), id=f"{svg_id}-desc"),
        *body,
        xmlns="http://www.w3.org/2000/svg",
        id=svg_id,
        class_="case-figure",
        role="img",
        aria_labelledby=f"{svg_id}-title {svg_id}-desc",
        width=width,
        height=int(height),
        viewBox=f"0 0 {width} {int(height)}",
    )


def _short(name: str, limit: int) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


# --- Timeline chart -----------------------------------------------------------------------------------------
def _period(event: dict) -> tuple[dt.date, dt.date]:
    """The first and last day an event's date may stand for."""
    start = dt.date.fromisoformat(event["date"])
    if event["precision"] == "year":
        return start, start.replace(month=12, day=31)
    if event["precision"] == "month":
        following = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return start, following - dt.timedelta(days=1)
    return start, start


class _Axis:
    """Maps dates to x positions and chooses readable ticks."""

    def __init__(self, first: dt.date, last: dt.date, left: float, width: float):
        span = max((last - first).days, 1)
        pad = max(round(span * 0.04), 1)
        self.start = first - dt.timedelta(days=pad)
        self.end = last + dt.timedelta(days=pad)
        self.days = (self.end - self.start).days
        self.left, self.width = left, width

    def x(self, day: dt.date) -> float:
        return self.left + (day - self.start).days / self.days * self.width

    def ticks(self) -> list[tuple[dt.date, str]]:
        if self.days <= 45:  # Mondays
            first = self.start + dt.timedelta(days=(7 - self.start.weekday()) % 7)
            return [(day, f"{day.day} {day:%b}") for day in _every(first, self.end, dt.timedelta(days=7))]
        if self.days > 3 * 366:
            return [(dt.date(year, 1, 1), str(year)) for year in range(self.start.year + 1, self.end.year + 1)]
        step = 1 if self.days <= 400 else 3
        months = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
            day = dt.date(year, month, 1)
            if day <= self.end and (month - 1) % step == 0:
                months.append((day, f"{day:%b} {year}" if month == 1 or not months else f"{day:%b}"))
        return months


def _every(first: dt.date, last: dt.date, step: dt.timedelta):
    while first <= last:
        yield first
        first += step


def timeline_svg(report: dict, width: int = 780) -> str:
    """The SVG timeline chart of a report context: one mark per dated timeline event."""
    events = [e for e in report["timeline"] if e["date"]]
    undated = len(report["timeline"]) - len(events)
    title = f"Timeline of {report['case']['title']}"
    if not events:
        return _svg("case-timeline-chart", width, 30, title, "No dated events.", text(10, 20, "No dated events."))
    periods = [_period(e) for e in events]
    axis = _Axis(min(p[0] for p in periods), max(p[1] for p in periods), 130, width - 160)
    anchor = next((e for e in events if e["kind"] in ATTACK_KINDS and not e["lag_text"]), None)
    stances = {r["ref"]: r["stance"] for group in report["attribution"] for r in group["reactions"]}
    body, y = [], 6.0
    for lane, label, kinds in LANES:
        members = [(e, p) for e, p in zip(events, periods, strict=True) if e["kind"] in kinds]
        if members or lane == "attack":
            drawn, height = _lane(lane, label, members, axis, y, anchor, width, stances)
            body.append(drawn)
            y += height
    grid = []
    anchor_x = axis.x(dt.date.fromisoformat(anchor["date"])) if anchor else None
    for day, label in axis.ticks():
        x = axis.x(day)
        grid.append(el("line", x1=x, y1=6.0, x2=x, y2=y + 4, stroke="#e5e7eb"))
        if anchor_x is None or abs(x - anchor_x) > 45:
            grid.append(text(x, y + 18, label, text_anchor="middle", fill="#374151"))
    if anchor is not None:
        grid.append(
            el(
                "line",
                x1=anchor_x,
                y1=6.0,
                x2=anchor_x,
                y2=y + 4,
                stroke=COLORS["attack"],
                stroke_dasharray="3 3",
                class_="anchor",
            )
        )
        grid.append(text(anchor_x, y + 18, anchor["date_text"], text_anchor="middle", fill=COLORS["attack"]))
    grid.append(el("line", x1=130, y1=y + 4, x2=width - 30, y2=y + 4, stroke="#374151"))
    if undated:
        grid.append(text(8, y + 38, f"{undated} undated event(s) appear in the table only.", fill="#6b7280"))
    description = f"{len(events)} dated events from {events[0]['date_text']} to {events[-1]['date_text']}."
    return _svg("case-timeline-chart", width, y + (46 if undated else 28), title, description, *body, *grid)


def _lane(lane, label, members, axis, top, anchor, width, stances) -> tuple[str, float]:
    """One lane: its label, a lag bracket from the attack to its first event, and the stacked marks."""
    levels: list[float] = []  # the right-most x used on each stacking level
    marks = []
    for event, (first, last) in members:
        x = (axis.x(first) + axis.x(last)) / 2
        level = next((n for n, used in enumerate(levels) if x - used >= 34), len(levels))
        levels[level : level + 1] = [x]
        marks.append(_mark(event, x, top + 28 + level * 16, axis.x(first), axis.x(last), stances))
    height = 32 + max(len(levels), 1) * 16
    shade = "#f3f4f6" if lane in ("attribution", "consequence") else "#ffffff"
    parts = [
        el("rect", x=0, y=top, width=width, height=height, fill=shade),
        text(8, top + 32, label, 12, font_weight="bold"),
    ]
    first = next((e for e, _ in members if e["lag_text"]), None)
    if lane != "attack" and anchor is not None and first is not None:
        parts.append(_lag_bracket(first, anchor, axis, top + 13))
    return el("g", *parts, *marks, class_=f"lane lane-{lane}"), height


def _lag_bracket(event: dict, anchor: dict, axis: _Axis, y: float) -> str:
    x1, x2 = axis.x(dt.date.fromisoformat(anchor["date"])), axis.x(_period(event)[0])
    words = f"{event['lag_days']} days after the attack" if event["lag_days"] is not None else event["lag_text"]
    ends = "".join(el("line", x1=x, y1=y - 4, x2=x, y2=y + 4, stroke="#6b7280") for x in (x1, x2))
    return el(
        "g",
        tooltip(event["lag_text"]),
        el("line", x1=x1, y1=y, x2=x2, y2=y, stroke="#6b7280"),
        ends,
        text(x1 + 5, y - 3, words, 10, fill="#374151"),
        class_="lag",
        data_days="" if event["lag_days"] is None else event["lag_days"],
    )


def _mark(event: dict, x: float, y: float, x_first: float, x_last: float, stances: dict) -> str:
    """The event's symbol: ◆ attack dates, ● claims, ▲ reactions (red for a denial), ■ consequences, ○ related."""
    kind = event["kind"]
    lane_color = COLORS["consequence"] if kind.startswith("consequence") else COLORS.get(kind, COLORS["attack"])
    color = COLORS["denial"] if stances.get(event["ref"]) == "denial" else lane_color
    shapes = []
    if x_last - x_first > 2:  # a month or a year: shade the period it may stand for
        shapes.append(
            el(
                "rect",
                x=x_first,
                y=y - 5,
                width=x_last - x_first,
                height=10,
                fill=color,
                fill_opacity="0.18",
                class_="period",
            )
        )
    hollow = "#ffffff" if kind in ("consequence_effective", "related_incident") else color
    if kind in ATTACK_KINDS:
        points = f"{x:.1f},{y - 7:.1f} {x + 7:.1f},{y:.1f} {x:.1f},{y + 7:.1f} {x - 7:.1f},{y:.1f}"
        shapes.append(el("polygon", points=points, fill=color, class_="mark"))
    elif kind == "reaction":
        points = f"{x:.1f},{y - 7:.1f} {x + 7:.1f},{y + 6:.1f} {x - 7:.1f},{y + 6:.1f}"
        shapes.append(el("polygon", points=points, fill=color, class_="mark"))
    elif kind.startswith("consequence"):
        shapes.append(
            el(
                "rect",
                x=x - 6,
                y=y - 6,
                width=12,
                height=12,
                fill=hollow,
                stroke=color,
                stroke_width=1.5,
                class_="mark",
            )
        )
    else:
        shapes.append(el("circle", cx=x, cy=y, r=6.5, fill=hollow, stroke=color, stroke_width=1.5, class_="mark"))
    if event["ref"] and event["ref"] != "case":
        shapes.append(text(x + 10, y + 4, event["ref"], 10, fill="#111827"))
    tip = " · ".join(part for part in (event["date_text"], event["label"], event["lag_text"]) if part)
    return el(
        "g", tooltip(tip), *shapes, class_=f"event event-{kind}", data_ref=event["ref"] or "", data_date=event["date"]
    )


# --- Attribution graph --------------------------------------------------------------------------------------
NODE_W, NODE_H, ROW = 180, 42, 60


def _node(node_id: str, x: float, y: float, name: str, detail: str, fill: str) -> str:
    return el(
        "g",
        tooltip(f"{name} ({detail})" if detail else name),
        el("rect", x=x, y=y, width=NODE_W, height=NODE_H, rx=6, fill=fill, stroke="#374151"),
        text(x + 8, y + 17, _short(name, 23), 12, font_weight="bold", fill="#111827"),
        text(x + 8, y + 33, _short(detail, 29), 10, fill="#4b5563"),
        class_="node",
        id=node_id,
    )


def _party_detail(party: dict) -> str:
    country = party["country_name"]
    return f"{party['kind_label']}, {country}" if country and party["kind"] != "state" else party["kind_label"]


def _edge(kind, start, end, *, color, dash="", bend=0.0, label="", at=0.5, tip="", width=1.8) -> str:
    """A curved arrow from start to end; `bend` moves the curve's middle down (positive) or up; the label
    sits at fraction `at` of the way."""
    (x1, y1), (x2, y2) = start, end
    cx, cy = (x1 + x2) / 2, (y1 + y2) / 2 + bend
    dx, dy = x2 - cx, y2 - cy  # the curve's last tangent points the arrow head
    norm = max((dx * dx + dy * dy) ** 0.5, 1)
    ux, uy = dx / norm, dy / norm
    head = " ".join(
        f"{px:.1f},{py:.1f}"
        for px, py in (
            (x2, y2),
            (x2 - 10 * ux - 4 * uy, y2 - 10 * uy + 4 * ux),
            (x2 - 10 * ux + 4 * uy, y2 - 10 * uy - 4 * ux),
        )
    )
    lx = (1 - at) ** 2 * x1 + 2 * (1 - at) * at * cx + at**2 * x2
    ly = (1 - at) ** 2 * y1 + 2 * (1 - at) * at * cy + at**2 * y2
    path = {"stroke_dasharray": dash} if dash else {}
    return el(
        "g",
        tooltip(tip),
        el(
            "path",
            d=f"M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}",
            fill="none",
            stroke=color,
            stroke_width=width,
            class_=f"edge edge-{kind}",
            **path,
        ),
        el("polygon", points=head, fill=color),
        _label(lx, ly, label, color) if label else "",
        class_=f"link link-{kind}",
    )


def _label(x: float, y: float, label: str, color: str) -> str:
    """Bold text centred at (x, y) on a light patch, so it stays legible across other edges."""
    half = len(label) * 3.3 + 3
    patch = el("rect", x=x - half, y=y - 11, width=2 * half, height=14, rx=3, fill="#ffffff", fill_opacity="0.85")
    return patch + text(x, y, label, 10, fill=color, text_anchor="middle", font_weight="bold")


def attribution_graph_svg(report: dict, width: int = 820) -> str:
    """Claimants → accused parties → the incident; the accused's reactions as dashed or dotted edges."""
    groups = report["attribution"]
    title = f"Who attributed {report['case']['title']} to whom"
    if not groups:
        return _svg("attribution-graph", width, 40, title, "No claims or reactions.", text(10, 24, "No claims yet."))
    claimants: dict[int, dict] = {}
    for group in groups:
        for claim in group["claims"]:
            claimants.setdefault(claim["made_by"]["id"], claim["made_by"])
    rows = max(len(claimants), len(groups), 1)
    cols = (8.0, width * 0.4, float(width - NODE_W - 8))

    def top(n: int, count: int) -> float:  # short columns are centred
        return 34 + n * ROW + (rows - count) * ROW / 2

    where = {("claimant", pid): (cols[0], top(n, len(claimants))) for n, pid in enumerate(claimants)}
    where |= {("accused", g["party"]["id"]): (cols[1], top(n, len(groups))) for n, g in enumerate(groups)}
    case_xy = (cols[2], top(0, 1))
    nodes = [
        text(cols[0], 18, "Claimed by", 12, font_weight="bold"),
        text(cols[1], 18, "Accused", 12, font_weight="bold"),
    ]
    nodes += [
        _node(f"node-claimant-{pid}", *where[("claimant", pid)], p["name"], _party_detail(p), "#eff6ff")
        for pid, p in claimants.items()
    ]
    for group in groups:
        party = group["party"]
        fill = "#fef2f2" if group["claims"] else "#f9fafb"
        nodes.append(
            _node(
                f"node-accused-{party['id']}",
                *where[("accused", party["id"])],
                party["name"],
                _party_detail(party),
                fill,
            )
        )
    case = report["case"]
    nodes.append(_node("node-incident", *case_xy, case["title"], case["dates"]["occurred_on"]["text"], "#e5e7eb"))
    edges = []
    for group in groups:
        edges += _claim_edges(group, where, case_xy)
    description = (
        f"{sum(len(g['claims']) for g in groups)} claims against {sum(bool(g['claims']) for g in groups)} parties; "
        f"{sum(len(g['reactions']) for g in groups)} reactions (denials dashed red)."
    )
    return _svg("attribution-graph", width, rows * ROW + 50, title, description, *edges, *nodes)


def _right(xy: tuple) -> tuple:
    return xy[0] + NODE_W, xy[1] + NODE_H / 2


def _left(xy: tuple) -> tuple:
    return xy[0], xy[1] + NODE_H / 2


def _claim_edges(group: dict, where: dict, case_xy: tuple) -> list[str]:
    """Claims against one party, the party's link to the case, and its reactions."""
    accused = where[("accused", group["party"]["id"])]
    name = group["party"]["name"]
    edges = []
    for claim in group["claims"]:
        solid = claim["stance"] == "attributes"
        color = COLORS["attribution"] if claim["stance"] in ("attributes", "endorses") else "#6b7280"
        tip = (
            f"{claim['ref']}: {claim['made_by']['name']} {claim['stance_phrase']} {name}, {claim['stated_on']['text']}"
        )
        edges.append(
            _edge(
                "claim" if solid else claim["stance"],
                _right(where[("claimant", claim["made_by"]["id"])]),
                _left(accused),
                color=color,
                dash="" if solid else "9 3 2 3",
                label=claim["ref"],
                at=0.2,
                tip=tip,
            )
        )
    if group["claims"]:
        edges.append(
            _edge(
                "accused",
                _right(accused),
                _left(case_xy),
                color="#9ca3af",
                width=1.2,
                label="accused",
                at=0.25,
                tip=f"{name} accused of the case",
            )
        )
    claimant_of = {claim["ref"]: claim["made_by"]["id"] for claim in group["claims"]}
    for n, reaction in enumerate(group["reactions"]):
        color, dash, verb = REACTION_EDGES.get(reaction["stance"], REACTION_EDGES["ambiguous"])
        claimant = claimant_of.get(reaction["answers"])
        if claimant is not None:  # back to the claimant it answers, curving above the claim
            (ax, ay), (cx, cy) = _left(accused), _right(where[("claimant", claimant)])
            start, end, bend = (ax, ay - 12), (cx, cy - 10), -40.0 - 44 * n
        else:  # at the case itself, curving below the accusation
            start, end, bend = _right(accused), _left(case_xy), 30.0 + 22 * n
        tip = f"{reaction['ref']}: {reaction['party']['name']} {verb} ({reaction['stated_on']['text']})"
        edges.append(
            _edge(
                reaction["stance"],
                start,
                end,
                color=color,
                dash=dash,
                bend=bend,
                label=f"{reaction['ref']} {verb}",
                tip=tip,
            )
        )
    return edges
