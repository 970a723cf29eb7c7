"""The case report as Markdown (CommonMark with GFM tables), rendered from the report context only.

Text from records is escaped: `<` and `>` become `&lt;` `&gt;`, an `&` that would start an entity becomes
`&amp;`, and Markdown punctuation (backslash, backtick, `*`, `_`, `[`, `]`, `|`, `~`) is backslash-escaped,
so a quote can neither inject HTML nor change the document's structure when the Markdown is rendered.
"""

import re

from incidents.reports.render import web_url

_ENTITY = re.compile(r"&(?=#?\w+;)")
_PUNCTUATION = re.compile(r"([\\`*_\[\]|~])")
_BLOCK_START = re.compile(r"^(#|[-+]\s|\d+[.)]\s|=+$)")


def md(value) -> str:
    """Escape record text for inline use (newlines folded to spaces)."""
    value = " ".join(str(value or "").split())
    value = _ENTITY.sub("&amp;", value).replace("<", "&lt;").replace(">", "&gt;")
    return _PUNCTUATION.sub(r"\\\1", value)


def paragraphs(value: str) -> list[str]:
    """Escaped paragraphs of a multi-line text; a line that would start a heading or a list is escaped too."""
    found = []
    for block in re.split(r"\n\s*\n", value or ""):
        text = md(block)
        if text:
            found.append(_BLOCK_START.sub(r"\\\1", text))
    return found


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _party(party: dict | None) -> str:
    if party is None:
        return ""
    where = f", {party['country_name']}" if party["country_name"] and party["kind"] != "state" else ""
    return f"**{md(party['name'])}** ({md(party['kind_label'])}{md(where)})"


def _marks(record: dict) -> str:
    marks = []
    if record.get("review_status") == "draft":
        marks.append("**DRAFT**")
    if record.get("tlp") and record["tlp"] != "clear":
        marks.append(f"**TLP:{record['tlp'].upper().replace('_STRICT', '+STRICT')}**")
    return (" " + " ".join(marks)) if marks else ""


def _quote(text: str, indent: str = "  ") -> list[str]:
    return [f"{indent}> {md(text)}"] if text else []


def render_markdown(report: dict) -> bytes:
    """The report as UTF-8 Markdown."""
    case = report["case"]
    lines = [
        f"> **{report['tlp']['label']}** — {md(report['tlp']['sharing'])} "
        "The highest marking among the records in this report.",
        "",
    ]
    if report["counts"]["drafts"]:
        lines += [
            f"> **{report['counts']['drafts']} draft record(s)** not yet confirmed by a reviewer (marked DRAFT).",
            "",
        ]
    lines += [f"# {md(case['title'])}", ""]
    severity = f" · severity {md(case['severity_label'])}" if case["severity_label"] else ""
    lines += [f"Case report · `{case['slug']}` · status **{md(case['status_label'])}**{severity}{_marks(case)}", ""]
    if case["types"]:
        lines += [" · ".join(md(t["label"]) for t in case["types"]), ""]
    lines += _facts(report)
    lines += _timeline(report)
    lines += _attribution(report)
    lines += _consequences(report)
    lines += _related(report)
    lines += _sources(report)
    version = report["data_version"]
    lines += [
        "## Provenance",
        "",
        f"Generated {report['generated_at']} from data version `{version['sha256']}` ({version['records']} records, "
        f"last changed {version['last_updated']}). Report schema {report['schema']} {report['version']}.",
        "",
        f"Prepared for: role {report['audience']['role']}, clearance {report['audience']['clearance_label']}; "
        f"{'confirmed and draft' if report['audience']['drafts_visible'] else 'confirmed'} records at or below that "
        "marking only; rejected records never appear.",
        "",
    ]
    return "\n".join(lines).encode()


def _facts(report: dict) -> list[str]:
    case, victims = report["case"], report["victims"]
    lines = ["## The case", "", f"- **Occurred:** {case['dates']['occurred_on']['text']}"]
    names = {"started_on": "Started", "ended_on": "Ended", "detected_on": "Detected", "disclosed_on": "Made public"}
    for field, name in names.items():
        date = case["dates"][field]
        if date["date"]:
            lines.append(f"- **{name}:** {date['text']} ({date['precision']} precision)")
    countries = ", ".join(f"{md(c['name'])} ({c['code']})" for c in victims["countries"]) or "—"
    targets = ", ".join(md(t["label"]) for t in victims["target_categories"]) or "—"
    sector = f" — {md(victims['sector'])}" if victims["sector"] else ""
    named = "; ".join(_party(p) for p in victims["parties"]) or "—"
    counts = report["counts"]
    lines += [
        f"- **Victim countries:** {countries}",
        f"- **Targets:** {targets}{sector}",
        f"- **Named victims:** {named}",
        f"- **On record:** {_n(counts['claims'], 'claim')}, {_n(counts['reactions'], 'reaction')} "
        f"({_n(counts['denials'], 'denial')}), {_n(counts['consequences'], 'consequence')}, "
        f"{_n(counts['sources'], 'source')}",
        "",
    ]
    if case["summary"]:
        lines += ["### Summary", ""]
        for paragraph in paragraphs(case["summary"]):
            lines += [paragraph, ""]
    return lines


def _timeline(report: dict) -> list[str]:
    lines = ["## Timeline", "", "| Date | Event | Lag | Ref |", "|---|---|---|---|"]
    for e in report["timeline"]:
        ref = e["ref"] if e["ref"] and e["ref"] != "case" else ""
        lines.append(f"| {e['date_text']} | {md(e['label'])}{_marks(e)} | {md(e['lag_text']) or '—'} | {ref} |")
    return [*lines, ""]


def _attribution(report: dict) -> list[str]:
    lines = ["## Attribution: claims and reactions", ""]
    if not report["attribution"]:
        return [*lines, "No attribution claims on record.", ""]
    for group in report["attribution"]:
        lines += [f"### {'Accused' if group['claims'] else 'Reacting'}: {_party(group['party'])}", ""]
        for c in group["claims"]:
            words = f"“{md(c['confidence_text'])}” — " if c["confidence_text"] else ""
            level = f" · level: {md(c['level_label'])}" if c["level_label"] else ""
            basis = ", ".join(md(b["label"]) for b in c["basis"]) or "not recorded"
            speaker = f" · speaker: {md(c['speaker']['name'])}" if c["speaker"] else ""
            lines += [
                f"- **{c['ref']}** · {c['stated_on']['text']} — **{md(c['made_by']['name'])}** "
                f"({md(c['attributor_type_label'].lower())}) {md(c['stance_phrase'])} "
                f"**{md(c['attributed_to']['name'])}**"
                f"{_marks(c)}",
                f"  - Confidence: {words}{md(c['confidence_label'])}{level} · channel: {md(c['channel_label'])}",
                f"  - Basis: {basis}{speaker} · source [{c['source']}]",
                *_quote(c["quote"]),
                *([f"  - Note: {md(c['note'])}"] if c["note"] else []),
            ]
        if group["reactions"]:
            lines += ["", "Reactions:", ""]
        for r in group["reactions"]:
            answers = f" answering {r['answers']}" if r["answers"] else ""
            accuses = ", ".join(md(p["name"]) for p in r["accuses"])
            speaker = f"speaker: {md(r['speaker']['name'])} · " if r["speaker"] else ""
            lines += [
                f"- **{r['ref']}** · {r['stated_on']['text']} — {_party(r['party'])}: "
                f"{md(r['stance_label'])}{answers}{_marks(r)}",
                *([f"  - Blames instead: {accuses}"] if accuses else []),
                f"  - {speaker}source [{r['source']}]",
                *_quote(r["quote"]),
                *([f"  - Note: {md(r['note'])}"] if r["note"] else []),
            ]
        lines.append("")
    return lines


def _consequences(report: dict) -> list[str]:
    lines = ["## Consequences", ""]
    for m in report["consequences"]:
        target = f" against {_party(m['target'])}" if m["target"] else ""
        details = [f"source [{m['source']}]"]
        if m["relies_on"]:
            details.insert(0, f"relies on {', '.join(m['relies_on'])}")
        if m["legal_instrument"]:
            details.insert(0, f"legal instrument: {md(m['legal_instrument'])}")
        if m["effective_on"]["date"]:
            details.insert(0, f"effective {m['effective_on']['text']}")
        lines += [
            f"- **{m['ref']}** · {m['announced_on']['text']} — {_party(m['initiated_by'])}: "
            f"{md(m['kind_label'])}{target} · {md(m['status_label'])}{_marks(m)}",
            f"  - {' · '.join(details)}",
            *([f"  - {md(m['description'])}"] if m["description"] else []),
            *_quote(m["quote"]),
            *([f"  - Note: {md(m['note'])}"] if m["note"] else []),
        ]
    if not report["consequences"]:
        lines.append("No consequences on record.")
    return [*lines, ""]


def _related(report: dict) -> list[str]:
    if not report["related_incidents"]:
        return []
    lines = ["## Related incidents", ""]
    for i in report["related_incidents"]:
        lines.append(
            f"- **{i['ref']}** {md(i['title'])} — {i['occurred_on']['text']} · {md(i['status_label'])} · "
            f"`{i['slug']}`{_marks(i)}"
        )
    return [*lines, ""]


def _sources(report: dict) -> list[str]:
    lines = ["## Sources", ""]
    for s in report["sources"]:
        title = f"**{md(s['title'])}**" if s["title"] else "*untitled*"
        publisher = f". {md(s['publisher'])}" if s["publisher"] else ""
        accessed = f" Accessed {s['accessed_at']}." if s["accessed_at"] else ""
        url = web_url(s["url"])
        link = f" <{url}>" if url and not re.search(r"[\s<>]", url) else (f" {md(s['url'])}" if s["url"] else "")
        lines.append(
            f"{s['number']}. {title}{publisher}. {md(s['kind_label'])}, published {s['published_on']['text']}."
            f"{accessed}{link}{_marks(s)}"
        )
    if not report["sources"]:
        lines.append("No sources.")
    return [*lines, ""]
