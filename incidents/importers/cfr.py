"""The CFR Cyber Operations Tracker export (a CSV) into incidents, claims, denials and consequences.

One draft incident per row with a sound date, found again by "cfr:<key>" (the file has no id column:
the key is the reporting date and a hash of the title, plus the affiliations when two rows share both),
so a second run changes nothing. CFR's "Date" is the day an operation was reported, stored as the
incident's `disclosed_on`. CFR itself is the author of each "Sponsor" claim (a researcher, channel
unclear); a government that the row shows reacting (its own website as the evidence, or the one victim
state) makes a claim and a consequence of its own; "Denial" is the sponsor's reaction. Rows that cannot
be imported, and parts of imported rows that cannot, are listed as "row N: reason", N counting the
header as row 1 as spreadsheets do. docs/ (the CFR section) explains every mapping and why.
"""

import csv
import hashlib
import html
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from attribution.codebook import (
    AttributionChannel,
    AttributionLevel,
    AttributionStance,
    AttributorType,
    ConsequenceKind,
    IncidentType,
    PartyKind,
    ReactionStance,
    SourceKind,
    TargetCategory,
)
from attribution.countries import country_code, country_names
from attribution.models import Attribution, Consequence, Reaction
from attribution.normalize import normalize_name
from incidents.importers import ImportFailure, ImportResult, Progress, item_error
from incidents.importers.records import Records, dated
from incidents.models import Incident, IncidentSource
from incidents.urlnorm import is_web_url

REASON = "CFR dataset import"
DATASET_TITLE = "CFR Cyber Operations Tracker"
CFR_NAME = "Council on Foreign Relations"
COLUMNS = ("Title", "Date", "Affiliations", "Description", "Response", "Victims", "Sponsor", "Type", "Category")

TYPES = {
    "espionage": IncidentType.ESPIONAGE,
    "sabotage": IncidentType.SABOTAGE,
    "denial of service": IncidentType.DDOS,
    "data destruction": IncidentType.WIPER,
    "financial theft": IncidentType.FINANCIAL_THEFT,
    "defacement": IncidentType.DEFACEMENT,
    "doxing": IncidentType.HACK_AND_LEAK,
}
CATEGORIES = {
    "government": TargetCategory.STATE_INSTITUTIONS,
    "military": TargetCategory.MILITARY,
    "civil society": TargetCategory.SOCIAL_GROUPS,
    "private sector": TargetCategory.CORPORATE,
}


@dataclass(frozen=True)
class Response:
    """What one CFR "Response" kind becomes: a consequence kind, and the channel of the claim a
    government makes by it (None: the response states no attribution)."""

    consequence: str | None
    channel: str | None


RESPONSES = {
    "denouncement": Response(ConsequenceKind.CONDEMNATION, AttributionChannel.POLITICAL_STATEMENT),
    "criminal charges": Response(ConsequenceKind.INDICTMENT, AttributionChannel.LEGAL_ACTION),
    "sanctions": Response(ConsequenceKind.SANCTIONS, AttributionChannel.STATEMENT_WITH_MEASURES),
    "hack back": Response(ConsequenceKind.CYBER_OPERATION, None),
    # CFR's "Confirmation" links a government confirming the attribution (CISA, CERT-UA, DOJ pages),
    # not the sponsor acknowledging it: a claim by that government, no consequence.
    "confirmation": Response(None, AttributionChannel.UNCLEAR),
    "denial": Response(None, None),  # the sponsor's reaction, handled apart
    "unknown": Response(None, None),  # CFR does not know of a response
}

# Government websites whose host does not follow the gov.<cc> pattern.
GOVERNMENT_HOSTS = {
    "gc.ca": "CA",
    "canada.ca": "CA",
    "admin.ch": "CH",
    "belgium.be": "BE",
    "defensie.nl": "NL",
    "government.nl": "NL",
    "fe-ddis.dk": "DK",
    "bund.de": "DE",
    "verfassungsschutz.de": "DE",
    "regjeringen.no": "NO",
}
_GOVERNMENT_LABELS = {"gov", "gouv", "gob", "govt", "go", "mil", "gv"}
_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}")


class RowError(Exception):
    """A row that cannot become an incident (its reason is the message)."""


@dataclass
class Row:
    """One data row of the file, read and checked, nothing written yet."""

    number: int  # spreadsheet row (the header is row 1)
    line: int  # line of the file where the row starts (larger when cells hold line breaks)
    title: str
    reported: date
    summary: str
    affiliations: str
    types: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    victims: list[str] = field(default_factory=list)  # ISO codes of victim states
    sponsors: list[str] = field(default_factory=list)  # ISO codes of suspected sponsor states
    response: str = ""  # a key of RESPONSES, or "" for none
    response_text: str = ""  # the kind as CFR spells it
    response_url: str = ""
    urls: dict[str, str] = field(default_factory=dict)  # URL -> what it is for this row
    notes: list[str] = field(default_factory=list)  # what of the row was not imported, and why
    key: str = ""

    def label(self) -> str:
        return _label(self.number, self.line)


def import_cfr(content: bytes, *, options: dict, user, progress: Progress) -> ImportResult:
    """Import a CFR export; options: `source_url` (the dataset Source's URL), `strict` (see datasets)."""
    source_url = (options.get("source_url") or "").strip()
    if source_url and not is_web_url(source_url):
        raise ImportFailure(f"The option source_url {source_url!r} is not a web address.")
    lines, columns = _read_csv(content)
    result = ImportResult()
    rows = []
    for number, line, cells in lines:
        try:
            rows.append(_read_row(number, line, cells, columns))
        except RowError as error:
            result.problems.append(f"{_label(number, line)}: not imported: {error}")
            result.counts["skipped"] += 1
    rows = _assign_keys(rows, result)
    records = Records(user=user, reason=REASON, counts=result.counts)
    for model in (Incident, Attribution, Reaction, Consequence):
        records.preload(model, "cfr:")  # new records then cost no lookup
    writer = _Writer(records, source_url=source_url)
    partly = "" if options.get("strict") else "imported, but "  # a strict import that fails imports nothing
    outcomes = Counter()
    for done, row in enumerate(rows, start=1):
        outcomes[_write_row(writer, row, result, partly)] += 1
        progress(done, len(rows), "Rows")
    result.problems.sort(key=_row_order)
    imported = outcomes["imported"] + outcomes["noted"]
    result.details = {
        "format": "cfr",
        "rows": len(lines),
        "imported": imported,
        "imported_with_notes": outcomes["noted"],
        "not_imported": len(lines) - imported,
    }
    return result


def _write_row(writer: "_Writer", row: "Row", result: ImportResult, partly: str) -> str:
    """Write one row in its own transaction: "imported", "noted" (imported, with notes) or "failed"."""
    records = writer.records
    before = records.counts.copy()
    try:
        with transaction.atomic():
            notes = writer.write(row)
    except Exception as error:  # one bad row is reported, the others still import
        records.forget()  # what the rolled-back row resolved is gone from the database
        records.counts.clear()
        records.counts.update(before)
        records.counts["skipped"] += 1
        result.problems.append(f"{row.label()}: not imported: {item_error(error)}")
        return "failed"
    if notes:
        result.problems.append(f"{row.label()}: {partly}{'; '.join(notes)}")
    return "noted" if notes else "imported"


# --- Reading the file (no database) --------------------------------------------------------------------


def _read_csv(content: bytes) -> tuple[list[tuple[int, int, list[str]]], dict[str, int]]:
    """The data rows as (row number, start line, cells) and the column index of each CFR column;
    ImportFailure when the bytes are not a CFR Cyber Operations Tracker CSV."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailure(
            f"Not a UTF-8 text file (byte {error.start} cannot be read): export the CFR tracker as a UTF-8 CSV."
        ) from error
    if "\x00" in text:
        raise ImportFailure("Not a CSV file: it holds NUL bytes (a binary file?).")
    reader = csv.reader(io.StringIO(text, newline=""))
    rows, line = [], 1
    try:
        header = next(reader, None)
        line = reader.line_num + 1
        for number, cells in enumerate(reader, start=2):
            if any(cell.strip() for cell in cells):  # blank rows hold nothing to import
                rows.append((number, line, cells))
            line = reader.line_num + 1
    except csv.Error as error:
        raise ImportFailure(f"Not a CSV file: line {reader.line_num}: {error}.") from error
    if not header:
        raise ImportFailure("The file is empty: a CFR Cyber Operations Tracker CSV starts with a header row.")
    columns = {}
    for index, name in enumerate(header):
        columns.setdefault(normalize_name(name), index)
    missing = [name for name in COLUMNS if normalize_name(name) not in columns]
    if missing:
        shown = ", ".join(repr(name.strip()) for name in header[:12])
        hint = " Is it separated by commas?" if len(header) == 1 and re.search(r"[;\t|]", header[0]) else ""
        raise ImportFailure(
            f"Not a CFR Cyber Operations Tracker CSV: the header lacks the column(s) {', '.join(missing)} "
            f"(it has {shown}).{hint}"
        )
    columns["sources"] = [i for i, name in enumerate(header) if re.fullmatch(r"sources( \d+)?", normalize_name(name))]
    columns["width"] = len(header)
    return rows, columns


def _read_row(number: int, line: int, cells: list[str], columns: dict) -> Row:
    """Check one row and read what of it is sound; RowError when it cannot become an incident."""
    extra = [cell for cell in cells[columns["width"] :] if cell.strip()]
    if extra:
        raise RowError(f"it has {len(cells)} cells where the header has {columns['width']} (a broken quote?)")
    cells = [cell.replace("\r\n", "\n").strip() for cell in cells] + [""] * (columns["width"] - len(cells))

    def cell(name: str) -> str:
        return cells[columns[normalize_name(name)]]

    title = cell("Title")
    if not title:
        raise RowError("it has no title")
    row = Row(
        number=number,
        line=line,
        title=title[:300],
        reported=_reported(cell("Date")),
        summary=cell("Description"),
        affiliations=cell("Affiliations"),
    )
    shifted = _shift_signs(cell("Sponsor"), cell("Type"), cell("Category"))
    if shifted:
        _read_shifted(row, cells, columns, shifted)
        return row
    row.types = [TYPES[normalize_name(piece)] for piece in _pieces(cell("Type"))]
    row.categories = list(dict.fromkeys(CATEGORIES[normalize_name(piece)] for piece in _pieces(cell("Category"))))
    victims = cell("Victims")
    row.victims = [code for code in _countries(victims, row, "victim") if code]
    row.sponsors = [code for code in _countries(cell("Sponsor"), row, "sponsor") if code]
    row.summary = _summary(row.summary, victims, row.affiliations)
    _read_response(row, cell("Response"))
    for index in columns["sources"]:
        for url in re.split(r"\s*;\s*|\s+(?=https?://)", html.unescape(cells[index])):  # a few hold "URL; URL"
            _add_url(row, url, "CFR source")
    return row


def _summary(description: str, victims: str, affiliations: str) -> str:
    """CFR's description, then its victims and affiliations texts (which have no field of their own)."""
    victims = f"Victims (CFR): {victims}" if victims else ""
    affiliations = f"Affiliations (CFR): {affiliations}" if affiliations else ""
    return "\n\n".join(part for part in (description, victims, affiliations) if part)


def _reported(value: str) -> date:
    if not value:
        raise RowError("it has no date (CFR lists threat-actor profiles so); an incident needs the day it was reported")
    try:
        if not _DATE.fullmatch(value):
            raise ValueError
        reported = datetime.strptime(value, "%m/%d/%Y").date()
    except ValueError:
        raise RowError(f"its date {value!r} is not a day written M/D/YYYY") from None
    if reported > timezone.localdate():
        raise RowError(f"its date {value!r} is in the future")
    return reported


def _shift_signs(sponsor: str, kind: str, category: str) -> list[str]:
    """Why the cells after Description look shifted: a type, category or URL where another belongs."""
    signs = []
    if any(normalize_name(piece) not in TYPES for piece in _pieces(kind)):
        signs.append(f"Type holds {_short(kind)}")
    if any(normalize_name(piece) not in CATEGORIES for piece in _pieces(category)):
        signs.append(f"Category holds {_short(category)}")
    if any(normalize_name(piece) in TYPES or normalize_name(piece) in CATEGORIES for piece in _pieces(sponsor)):
        signs.append(f"Sponsor holds {_short(sponsor)}")
    return signs


def _read_shifted(row: Row, cells: list[str], columns: dict, signs: list[str]) -> None:
    """Keep what precedes the shift (title, date, description, affiliations) and every cell that is a
    URL; which cell is the sponsor, the victims or the type can no longer be told."""
    row.summary = _summary(row.summary, "", row.affiliations)
    after = columns[normalize_name("Description")] + 1
    for value in cells[after:]:
        if value.startswith(("http://", "https://")) and not re.search(r"\s", value):
            _add_url(row, value, "CFR source (from a shifted row)")
    row.notes.insert(
        0,
        f"its columns after Description look shifted ({', '.join(signs)}): only the title, date, description, "
        f"affiliations and {len(row.urls)} URL(s) were imported; the sponsor, victims, type, category and "
        f"response need a researcher (the description may hold the cells that follow it)",
    )


def _read_response(row: Row, value: str) -> None:
    """ "<kind>   <evidence URL>" into the row's response and its URL."""
    if not value:
        return
    match = re.search(r"https?://", value)
    kind, url = (value[: match.start()], value[match.start() :]) if match else (value, "")
    row.response_text = kind.strip()
    kind = normalize_name(kind)
    if kind and kind not in RESPONSES:
        row.notes.append(f"its response {_short(value)} is none of CFR's kinds ({', '.join(RESPONSES)}): not recorded")
    elif kind:
        row.response = kind
    if url:
        row.response_url = _add_url(row, url.split()[0], f"CFR response: {kind or 'unnamed'}")


def _add_url(row: Row, value: str, note: str) -> str:
    """Remember a URL the row cites (once, its notes joined); "" when it is not a valid URL."""
    url = html.unescape(value.strip())
    if not url:
        return ""
    if not is_web_url(url):
        row.notes.append(f"the URL {_short(url)} is not a valid web address: not linked")
        return ""
    if url not in row.urls:
        row.urls[url] = note
    elif note not in row.urls[url]:
        row.urls[url] += f"; {note}"
    return url


def _countries(text: str, row: Row, role: str) -> list[str | None]:
    """ISO codes of the comma-joined country names in `text` ("Palestine, State of" is one name).
    A sponsor that names no country is noted; victims that are not countries (firms, ministries,
    "North America") stay in the summary only."""
    codes: list[str | None] = []
    pieces = _pieces(text)
    i = 0
    while i < len(pieces):
        pair = f"{pieces[i]}, {pieces[i + 1]}" if i + 1 < len(pieces) else ""
        if pair and _code(pair) and not _code(pieces[i + 1]):
            name, i = pair, i + 2
        else:
            name, i = pieces[i], i + 1
        code = _code(name)
        if code is None and role == "sponsor":
            row.notes.append(f"its sponsor {_short(name)} names no country: no claim for it")
        codes.append(code)
    return list(dict.fromkeys(codes))


def _code(name: str) -> str | None:
    """The ISO code of a country name, also when written "The Philippines"."""
    code = country_code(name)
    if code is None and name[:4].casefold() == "the ":
        code = country_code(name[4:])
    return code


def _pieces(text: str) -> list[str]:
    return [piece.strip() for piece in text.split(",") if piece.strip()]


def _assign_keys(rows: list[Row], result: ImportResult) -> list[Row]:
    """Give each row its stable key: reporting day + hash of the title, and of the affiliations when
    another row has the same title and day; a row repeating another in all three is not imported."""
    base = Counter((normalize_name(row.title), row.reported) for row in rows)
    seen: dict[str, Row] = {}
    kept = []
    for row in rows:
        parts = [normalize_name(row.title), row.reported.isoformat()]
        if base[(parts[0], row.reported)] > 1:
            parts.append(normalize_name(row.affiliations))
        row.key = f"{row.reported.isoformat()}-{hashlib.sha256('|'.join(parts).encode()).hexdigest()[:12]}"
        if row.key in seen:
            result.problems.append(
                f"{row.label()}: not imported: it repeats row {seen[row.key].number} (same title, date, affiliations)"
            )
            result.counts["skipped"] += 1
            continue
        seen[row.key] = row
        kept.append(row)
    return kept


# --- Writing one row ---------------------------------------------------------------------------------------


class _Writer:
    """Writes one row's incident, sources, claims, reactions and consequence through `records`."""

    def __init__(self, records: Records, *, source_url: str):
        self.records, self.source_url = records, source_url or None

    def write(self, row: Row) -> list[str]:
        """Upsert the row's records; return the notes on what of it was not imported."""
        notes = list(row.notes)
        incident = self._incident(row)
        sources = {url: self._link(incident, url, note) for url, note in row.urls.items()}
        dataset = self.records.source(
            url=self.source_url,
            title=DATASET_TITLE,
            kind=SourceKind.DATASET,
            publisher=CFR_NAME,
            external_id="cfr:dataset",
        )
        self.records.link_source(incident, dataset)
        cfr = self.records.party(CFR_NAME, kind=PartyKind.NGO, aliases=["CFR"])
        for code in row.sponsors:
            self._claim(
                incident,
                f"cfr:{row.key}:attribution:{code}",
                made_by=cfr,
                code=code,
                source=dataset,
                attributor_type=AttributorType.RESEARCHER,
                channel=AttributionChannel.UNCLEAR,
            )
        evidence = sources.get(row.response_url) or dataset
        if row.response == "denial":
            notes += self._denials(row, incident, evidence)
        elif row.response and row.response != "unknown":
            notes += self._response(row, incident, evidence)
        return notes

    def _incident(self, row: Row) -> Incident:
        title_slug = slugify(row.title)[:100].strip("-") or "cfr"
        values = {
            "title": row.title,
            "slug": f"{title_slug}-{row.key[-12:-4]}",
            "summary": row.summary,
            **dated("disclosed_on", row.reported, "day"),
            "types": row.types,
            "victim_countries": row.victims,
            "target_categories": row.categories,
        }
        return self.records.upsert(Incident, lookup={"external_id": f"cfr:{row.key}"}, values=values)

    def _link(self, incident: Incident, url: str, note: str):
        """The Source of a URL the row cites, linked to the incident with what CFR cites it for."""
        source = self.records.source(url=url, kind=_source_kind(url))
        if not IncidentSource.objects.filter(incident=incident, source=source).exists():
            self.records.create(IncidentSource(incident=incident, source=source, note=note[:300]))
        return source

    def _claim(self, incident: Incident, external_id: str, *, made_by, code: str, source, **values):
        return self.records.upsert(
            Attribution,
            lookup={"external_id": external_id},
            values={
                "incident": incident,
                "source": source,
                "made_by": made_by,
                "attributed_to": self.records.state(code),
                "stance": AttributionStance.ATTRIBUTES,
                "level": AttributionLevel.STATE,
                **dated("stated_on", None),
                **values,
            },
        )

    def _denials(self, row: Row, incident: Incident, evidence) -> list[str]:
        """CFR's "Denial": each sponsor state denied the operation."""
        if not row.sponsors:
            return ["its response 'Denial' names no sponsor state that denied: no reaction recorded"]
        for code in row.sponsors:
            self.records.upsert(
                Reaction,
                lookup={"external_id": f"cfr:{row.key}:denial:{code}"},
                values={
                    "incident": incident,
                    "source": evidence,
                    "party": self.records.state(code),
                    "stance": ReactionStance.DENIAL,
                    **dated("stated_on", None),
                },
            )
        return []

    def _response(self, row: Row, incident: Incident, evidence) -> list[str]:
        """A government's response: its claim against each sponsor and the measure it took."""
        mapping = RESPONSES[row.response]
        kept = "is kept only as the linked source" if row.response_url else "is not recorded"
        if mapping.consequence is None and not row.sponsors:
            return [f"its response {row.response_text!r} {kept}: no sponsor state is named"]
        government, how = _government(row)
        if government is None:
            return [f"its response {row.response_text!r} {kept}: {how}"]
        state = self.records.state(government)
        claims = []
        if mapping.channel is not None:
            victim = government in row.victims
            own = AttributorType.VICTIM_GOVERNMENT if victim else AttributorType.THIRD_PARTY_GOVERNMENT
            claims = [
                self._claim(
                    incident,
                    f"cfr:{row.key}:response:attribution:{code}",
                    made_by=state,
                    code=code,
                    source=evidence,
                    attributor_type=own,
                    channel=mapping.channel,
                )
                for code in row.sponsors
            ]
        if mapping.consequence is not None:
            target = self.records.state(row.sponsors[0]) if len(row.sponsors) == 1 else None
            self.records.upsert(
                Consequence,
                lookup={"external_id": f"cfr:{row.key}:response:{mapping.consequence}"},
                values={
                    "incident": incident,
                    "source": evidence,
                    "initiated_by": state,
                    "target": target,
                    "kind": mapping.consequence,
                    **dated("announced_on", None),
                },
                m2m={"relies_on": claims},
            )
        return []


def _government(row: Row) -> tuple[str | None, str]:
    """The state that made the row's response: the one whose website is the evidence, else the one
    victim state; (None, why not) when neither tells, or when it would be a sponsor itself."""
    code = _government_of(row.response_url) if row.response_url else None
    if code is None and len(row.victims) == 1:
        code = row.victims[0]
    if code is None:
        return None, "who made it cannot be told (the evidence is no government website; the victims name no one state)"
    if code in row.sponsors:
        return None, f"the state it points to ({code}) is the sponsor itself"
    return code, ""


def _government_of(url: str) -> str | None:
    """The state whose government website `url` is on (.gov/.mil: the United States; gov.<cc> and the
    like: that country; a few ministries by name), else None."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    labels = host.split(".")
    if labels[-1] in ("gov", "mil"):
        return "US"
    for known, code in GOVERNMENT_HOSTS.items():
        if host == known or host.endswith(f".{known}"):
            return code
    if len(labels) >= 3 and labels[-2] in _GOVERNMENT_LABELS and len(labels[-1]) == 2:
        code = {"uk": "GB"}.get(labels[-1], labels[-1].upper())
        return code if code in country_names() else None
    return None


def _source_kind(url: str) -> str:
    return SourceKind.GOVERNMENT_STATEMENT if _government_of(url) else SourceKind.OTHER


def _label(number: int, line: int) -> str:
    return f"row {number}" if number == line else f"row {number} (line {line})"


def _row_order(problem: str) -> int:
    match = re.match(r"row (\d+)", problem)
    return int(match.group(1)) if match else 0


def _short(value: str, limit: int = 60) -> str:
    return repr(value if len(value) <= limit else value[: limit - 1] + "…")
