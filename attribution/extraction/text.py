"""Sentences with their offsets, and dates in news text resolved against the publication date."""

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from attribution.extraction.prefilter import prefiltered

# A sentence ends at . ! ? (optionally followed by closing quotes) before whitespace and a capital,
# a digit or an opening quote; common abbreviations do not end one.
# ("…fictitious personas. iSight said…": a name with a small first letter)
_END = re.compile(r"""[.!?…]["”’')\]]*(?=\s+["“‘(]?(?:[A-Z0-9]|[a-z][A-Z]))""")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Gens|Sen|Sens|Rep|Reps|Gov|Lt|Lts|Col|Cols|Capt|Maj|Sgt|Cpl|Adm|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    # ("ST. LOUIS (AP) —": a dateline's abbreviated saint)
    # ("Jakarta Police spokesman Sr. Comr. Argo Yuwono": police ranks)
    r"Comr|Adj|Supt|Insp|Brig|Cmdr|Cdr|"
    r"No|Inc|Ltd|Corp|Co|vs|etc|e\.g|i\.e|ST)|\b[A-Z](?:\.[A-Z])*)\.$"
)

_RANK_AFTER = re.compile(r"\s+(?:Comr|Supt|Insp|Adj)\.")

# A dateline goes on past an abbreviated state: "KANSAS CITY, Kan. (AP) — A North Korean…".
_AGENCY_DASH = re.compile(r"\s+\([^()]{1,30}\)\s+-?[-–—]")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def sentences(text: str) -> list[Sentence]:
    """Split text into sentences (paragraph breaks always end one), keeping character offsets."""
    result = []
    for paragraph in re.finditer(r"[^\n]+", text):
        begin = paragraph.start()
        for match in _END.finditer(paragraph.group()):
            stop = paragraph.start() + match.end()
            if _ABBREVIATIONS.search(text[max(begin, stop - 12) : stop]) or _AGENCY_DASH.match(text, stop):
                continue
            if text[max(begin, stop - 4) : stop] == " Sr." and _RANK_AFTER.match(text, stop):
                continue  # ("spokesman Sr. Comr. Argo Yuwono": a senior rank, not "Bob Casey Sr." ending a sentence)
            _add(result, text, begin, stop)
            begin = stop
        _add(result, text, begin, paragraph.end())
    return result


def _add(result: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        result.append(Sentence(start, end, text[start:end]))


MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
_MONTH_NAMES = "|".join(sorted((m for m in MONTHS if len(m) > 2), key=len, reverse=True))
DATE_PATTERN = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH_NAMES})\.?(?:,?\s+(?P<y1>(?:19|20)\d\d))?"
    rf"|(?P<m2>{_MONTH_NAMES})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>(?:19|20)\d\d))?"
    rf"|(?P<m3>{_MONTH_NAMES})(?:\s+(?:of\s+)?(?P<y3>(?:19|20)\d\d))?"
    rf"|(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    rf"|(?P<relative>yesterday|today|last week|last month|last year))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    value: dt.date
    precision: str  # day, month, year


def find_dates(text: str, published: dt.date | None) -> list[FoundDate]:
    """Dates in a sentence; a missing year is the latest one not after publication."""
    found = []
    for match in DATE_PATTERN.finditer(text):
        try:
            value = _resolve(match, published)
        except (OverflowError, ValueError):  # before 1 January of year 1 or after 9999: no such day
            value = None
        if value is not None:
            found.append(FoundDate(match.start(), match.end(), *value))
    return found


def _resolve(match: re.Match, published: dt.date | None) -> tuple[dt.date, str] | None:
    groups = match.groupdict()
    if groups["weekday"]:
        if published is None:
            return None
        back = (published.weekday() - WEEKDAYS[groups["weekday"].lower()]) % 7
        return published - dt.timedelta(days=back), "day"
    if groups["relative"]:
        return _relative(groups["relative"].lower(), published)
    month_name = groups["m1"] or groups["m2"] or groups["m3"]
    month = MONTHS.get(month_name.lower().rstrip("."))
    if month is None:
        return None
    year_text = groups["y1"] or groups["y2"] or groups["y3"]
    day_text = groups["d1"] or groups["d2"]
    if year_text:
        year = int(year_text)
    elif published is not None:
        year = published.year if (month, int(day_text or 1)) <= (published.month, published.day) else published.year - 1
    else:
        return None
    if day_text:
        try:
            return dt.date(year, month, int(day_text)), "day"
        except ValueError:
            return None
    if groups["m3"] and not year_text and month_name[0].islower():
        return None  # "may" as a verb
    return dt.date(year, month, 1), "month"


def _relative(word: str, published: dt.date | None) -> tuple[dt.date, str] | None:
    if published is None:
        return None
    if word == "today":
        return published, "day"
    if word == "yesterday":
        return published - dt.timedelta(days=1), "day"
    if word == "last month":
        first = published.replace(day=1) - dt.timedelta(days=1)
        return first.replace(day=1), "month"
    if word == "last year":
        return dt.date(published.year - 1, 1, 1), "year"
    return None


# The widest patterns answer at once for a text without any of the words they require (prefilter.py).
DATE_PATTERN = prefiltered(DATE_PATTERN)


def quoted_spans(text: str, open_at_start: bool) -> tuple[list[tuple[int, int]], bool]:
    """Spans of `text` inside quotation marks (a quotation may have opened in an earlier sentence) and
    whether one is still open at the end. Curly quotes say which side they are; straight ones alternate."""
    spans, start = [], 0 if open_at_start else None
    for match in re.finditer(r'["“”]', text):
        mark = match.group()
        if start is None and mark != "”":
            start = match.start()
        elif start is not None and mark != "“":
            spans.append((start, match.end()))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    # A short quoted phrase ("baseless", "rampant Russophobia") is the sentence's own words.
    spans = [(a, b) for a, b in spans if b - a > 40 or (a == 0 and b < len(text))]
    return spans, start is not None
