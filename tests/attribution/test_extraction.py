"""Extraction: the seed article meets ../shared/seed/expected.json, and the rules hold on other reports."""

import datetime as dt
import json
from pathlib import Path

import pytest

from attribution.extraction import extract_report
from attribution.extraction.text import find_dates, sentences
from tests.attribution.scoring import Score, score
from tests.conftest import shared_path

ARTICLES = Path(__file__).parent / "articles"


def test_seed_article_finds_every_required_item_and_nothing_outside_the_expected():
    expected = json.loads(shared_path("seed", "expected.json").read_text())["albania-2022"]
    text = shared_path("seed", "articles", "albania-2022.txt").read_text(encoding="utf-8")
    output = extract_report(text, published=dt.date.fromisoformat(expected["published"])).as_dict()
    result = score(output, expected, "albania-2022")
    assert (result.wrong, result.missed) == (0, 0), result.details
    for item in output["attributions"] + output["reactions"] + output["consequences"]:
        assert text[item["quote_start"] : item["quote_end"]] == item["quote"]


def test_rules_generalise_over_reports_of_other_incidents():
    total = Score()
    for path in sorted(ARTICLES.glob("*.txt")):
        expected = json.loads(path.with_suffix(".expected.json").read_text())
        output = extract_report(
            path.read_text(encoding="utf-8"), published=dt.date.fromisoformat(expected["published"])
        ).as_dict()
        total = total.add(score(output, expected, path.stem))
    assert total.precision >= 0.85 and total.recall >= 0.80, total.details


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said there was no evidence that Russia was behind the cyberattack.", []),
        ("The ministry declined to speculate on whether China carried out the hack.", []),
        ("Analysts speculated that Iran may have been behind the attack on the port.", []),
        ("The United States and Britain on Monday blamed Russia for the cyberattack.", [("US", "RU"), ("GB", "RU")]),
        ("The hack was blamed on North Korea by the FBI.", [("US", "KP")]),
        ("The hack was blamed on North Korea.", []),  # passive without an accuser: no claim
    ],
)
def test_hedges_negations_and_coordination(text, expected):
    output = extract_report(text, published=dt.date(2023, 1, 10)).as_dict()
    pairs = [(a["made_by"]["country"], a["attributed_to"]["country"]) for a in output["attributions"]]
    assert pairs == expected


def test_reported_denial_belongs_to_the_accused():
    text = (
        "Estonia blamed Russia for the cyberattack on its government websites. "
        "The Kremlin denied any involvement in the attack."
    )
    output = extract_report(text, published=dt.date(2023, 1, 10)).as_dict()
    assert [(r["party"]["country"], r["stance"]) for r in output["reactions"]] == [("RU", "denial")]


def test_relative_dates_resolve_against_publication():
    found = find_dates("On Wednesday the ministry said the July 15 attack", dt.date(2022, 9, 7))
    assert [(f.value.isoformat(), f.precision) for f in found] == [("2022-09-07", "day"), ("2022-07-15", "day")]
    assert find_dates("in December", dt.date(2022, 9, 7))[0].value == dt.date(2021, 12, 1)


def test_sentences_keep_offsets_and_abbreviations():
    text = "The U.S. said so. Mr. Smith agreed.\nA new paragraph"
    parts = sentences(text)
    assert [p.text for p in parts] == ["The U.S. said so.", "Mr. Smith agreed.", "A new paragraph"]
    assert all(text[p.start : p.end] == p.text for p in parts)
