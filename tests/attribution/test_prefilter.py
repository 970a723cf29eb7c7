"""The test of required words in front of the widest cue patterns (attribution/extraction/prefilter.py) must never
change what a pattern finds, only how soon it answers."""

import re
from pathlib import Path

import pytest

from attribution.extraction import cues, gazetteer, measure_cues, name_cues, text
from attribution.extraction.prefilter import Prefiltered, prefiltered, required_words

REPORTS = Path(__file__).parent / "articles"


@pytest.mark.parametrize(
    "pattern, words",
    [
        (re.compile(r"\b(?:blamed|accused)\s+(\w+)"), {"blamed", "accused"}),
        (re.compile(r"(?:state-)?sponsored\b"), {"sponsored"}),  # an optional part requires nothing
        (re.compile(r"Foreign (?:Ministry|Office)", re.IGNORECASE), {"foreign "}),  # the longest required run
        (re.compile(r"(?:denied|rejected)(?:\s+\w+)+"), {"denied", "rejected"}),  # a repeated part is required once
        (re.compile(r"\bno (?:evidence|proof)"), {"evidence", "proof"}),  # words of five letters beat "no "
        (re.compile(r"[A-Z]\w+ said"), {" said"}),
        (re.compile(r"[A-Z]\w+(?=\s+(?:group|gang)\b)"), {"group", "gang"}),  # a look-ahead's words are in the text
    ],
)
def test_the_words_a_match_requires_are_read_from_the_pattern(pattern, words):
    # (the parser may factor a common start out of branches: "group|gang" is read as "g" and "roup|ang")
    found = required_words(pattern)
    assert found and all(any(part in word for word in words) for part in found)
    assert all(any(part in word for part in found) for word in words)


@pytest.mark.parametrize(
    "pattern",
    [
        re.compile(r"blamed|[A-Z]{2,}"),  # one branch requires no word at all
        re.compile(r"(?!hack)\w+"),  # a negative look-ahead requires nothing
        re.compile(r"(?:foo)?\d+"),
        re.compile(r"a\w"),  # one letter is no test worth making
    ],
)
def test_a_pattern_without_required_words_is_not_prefiltered(pattern):
    assert required_words(pattern) is None
    assert prefiltered(pattern) is pattern


def test_a_text_without_the_words_gets_no_match_and_one_with_them_is_searched():
    pattern = prefiltered(re.compile(r"\b(?:blamed|accused)\s+(?P<who>[A-Z]\w+)", re.IGNORECASE))
    assert isinstance(pattern, Prefiltered)
    assert pattern.search("Officials declined to comment.") is None
    assert list(pattern.finditer("Officials declined to comment.")) == []
    assert pattern.search("The minister BLAMED Russia.").group("who") == "Russia"
    assert pattern.pattern.startswith(r"\b(?:blamed")  # everything else is the pattern's own
    # with a start position the pattern always runs ("… blamed" before the position may be looked back at)
    assert pattern.search("He blamed Iran", 3).group("who") == "Iran"


def test_an_alternation_runs_with_only_the_alternatives_whose_words_the_text_holds():
    pattern = prefiltered(re.compile(r"\b(?:blamed|accused (?P<who>[A-Z]\w+)|pinned|traced to (?P<place>\w+))"))
    assert len(pattern.alternatives) == 4
    found = pattern.search("Officials accused Russia and later traced to Moscow")
    assert found.group("who") == "Russia" and found.group("place") is None  # the groups keep their names
    assert found.re is not pattern.compiled and found.re.groupindex == pattern.compiled.groupindex
    assert [m.group() for m in pattern.finditer("It was pinned on them, then traced to Minsk.", 3)] == [
        "pinned",
        "traced to Minsk",
    ]
    assert pattern.search("Nobody was named.") is None


def test_a_text_longer_than_a_sentence_goes_to_the_pattern_and_is_not_kept():
    from attribution.extraction import prefilter

    pattern = prefiltered(re.compile(r"\b(?:blamed|accused)\s+(?P<who>[A-Z]\w+)"))
    report = "Nothing here. " * 1000 + "Officials blamed Russia."
    assert len(report) > prefilter._SENTENCE_LENGTH
    assert pattern.search(report).group("who") == "Russia"
    assert report not in prefilter._lowered  # (an uploaded report of megabytes is not copied into the cache)


def test_letters_that_only_match_under_ignorecase_reach_the_pattern():
    # "ſ" (long s) matches "s" and the Kelvin sign matches "k" under re.IGNORECASE, but lowercasing keeps "ſ": such a
    # text must still be searched
    raw = re.compile(r"sanction", re.IGNORECASE)
    assert raw.search("the ſanction")
    assert prefiltered(raw).search("the ſanction")


def _wrapped_patterns() -> list[tuple[str, Prefiltered]]:
    return [
        (f"{module.__name__.rsplit('.', 1)[-1]}.{name}", value)
        for module in (cues, gazetteer, measure_cues, name_cues, text)
        for name, value in vars(module).items()
        if isinstance(value, Prefiltered)
    ]


def test_the_extraction_modules_prefilter_their_widest_patterns():
    names = {name for name, _ in _wrapped_patterns()}
    assert {"name_cues.LEGAL_ACT", "cues.DENIAL", "cues.HEDGE", "cues.ATTRIBUTION_CUES", "text.DATE_PATTERN"} <= names


def test_prefiltered_patterns_find_exactly_what_the_patterns_find_in_every_sentence_of_the_reports():
    lines = [
        line
        for path in sorted(REPORTS.glob("*.txt"))
        for line in re.split(r"(?<=[.!?])\s+|\n+", path.read_text(encoding="utf-8"))
        if line.strip()
    ]
    assert len(lines) > 1000
    skipped = 0
    for name, pattern in _wrapped_patterns():
        for line in lines:
            fast = [m.span() for m in pattern.finditer(line)]
            assert fast == [m.span() for m in pattern.compiled.finditer(line)], (name, line)
            # (from a position, as the rules scan what follows a cue)
            fast = [(m.span(), m.groupdict()) for m in pattern.finditer(line, 5)]
            assert fast == [(m.span(), m.groupdict()) for m in pattern.compiled.finditer(line, 5)], (name, line)
            found = pattern.search(line)
            expected = pattern.compiled.search(line)
            assert (found and found.span()) == (expected and expected.span()), (name, line)
            skipped += expected is None and pattern._absent(line)
    assert skipped > len(lines)  # the test answered for many sentences without running a pattern
