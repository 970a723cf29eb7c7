"""The learned second reading (attribution/extraction/learned.py): what it adds and drops, the records it writes, its
bounds, its weights file and the script that trains it."""

import datetime as dt
import json
import re

import pytest

from attribution.extraction import extract_report, learned
from attribution.extraction.extract import _Extractor
from attribution.extraction.gazetteer import PartyRef
from attribution.extraction.mentions import Mention
from attribution.extraction.text import Sentence
from tests.attribution import train_weights
from tests.attribution.scoring import found_items

PUBLISHED = dt.date(2024, 6, 5)


def _both(text: str) -> tuple[dict, dict]:
    rules = found_items(extract_report(text, published=PUBLISHED, second_reading=False).as_dict())
    return rules, found_items(extract_report(text, published=PUBLISHED).as_dict())


@pytest.mark.parametrize(
    ("text", "added"),
    [
        # both parties recognised, never linked by the rules (without "on Tuesday" the linker trained in session 22
        # reads 0.69, just under its threshold of 0.7; session 21's read 0.72)
        (
            "Investigators in Seoul on Tuesday tied the theft of cryptocurrency to Pyongyang's Lazarus hackers.",
            ("KR", "lazarus"),
        ),
        (
            "The Czech foreign ministry said on Friday that APT28, a unit of Russian military intelligence, had "
            "targeted its email servers.",
            ("CZ", "apt28"),
        ),
        (
            "The Czech foreign ministry said on Friday that APT28, a unit of Russian military intelligence, had "
            "targeted its email servers.",
            ("CZ", "RU"),
        ),
    ],
)
def test_the_linker_adds_claims_the_rules_did_not_link(text, added):
    rules, read = _both(text)
    assert added not in rules["attributions"]
    assert added in read["attributions"]


def test_the_checker_drops_a_measure_against_the_state_of_people_left_unnamed():
    # the keys' convention (agreement/BRIEF.md): a measure against people targets each named person, their state only
    # when the measure is framed against it
    text = "Prosecutors in Kyiv charged two Russian military officers over the cyberattack on Ukraine's power grid."
    rules, read = _both(text)
    assert ("UA", "RU", "indictment") in rules["consequences"]
    assert ("UA", "RU", "indictment") not in read["consequences"]


def test_added_records_are_whole_and_quote_their_sentence():
    text = (
        "Hackers stole data from South Korean defence firms last year. "
        "Investigators in Seoul on Tuesday tied the theft of cryptocurrency to Pyongyang's Lazarus hackers."
    )
    rules = extract_report(text, published=PUBLISHED, second_reading=False).as_dict()
    read = extract_report(text, published=PUBLISHED).as_dict()
    added = [claim for claim in read["attributions"] if claim not in rules["attributions"]]
    assert added
    for claim in added:
        assert set(claim) == {"made_by", "attributed_to", "speaker", "stated_on", "basis", "quote", "quote_start"} | {
            "quote_end"
        }
        assert text[claim["quote_start"] : claim["quote_end"]] == claim["quote"]
        assert claim["quote"].startswith("Investigators in Seoul")
        assert claim["stated_on"] == "2024-06-04"  # "on Tuesday" before the publication date


def test_the_bounds_of_the_rules_hold_for_what_is_added():
    sentence = Sentence(0, 31, "Sandworm blamed Ukraine for it.")
    group, state = PartyRef("Sandworm", "threat_group", "RU"), PartyRef("Ukraine", "state", "UA")
    reading = learned.Reading(
        ("name", "sandworm"), ("country", "UA"), sentence, Mention(0, 8, group, "group"),
        Mention(16, 23, state, "state"), {"k:threat_group|state|ab": 1.0}, (), frozenset(), frozenset(),
    )  # fmt: skip
    assert not learned.may_claim(reading) and not learned.may_measure(reading)
    flipped = learned.Reading(
        ("country", "UA"), ("name", "sandworm"), sentence, reading.b, reading.a, {}, (), frozenset(), frozenset()
    )
    assert learned.may_claim(flipped) and learned.may_measure(flipped)


def test_names_are_read_as_their_kind_not_learned():
    text = "The Czech foreign ministry said APT28 of Russia's GRU hacked Microsoft Exchange servers."
    extractor = _Extractor(text, PUBLISHED, [])
    extractor.run(second_reading=False)
    pairs, _ = learned.readings(extractor)
    assert pairs
    for reading in pairs:
        for name in reading.features:
            pieces = re.split(r"[&:|_]", name)
            assert not any(piece[:1].isupper() for piece in pieces), name


def test_without_weights_the_rules_output_is_unchanged(tmp_path, monkeypatch):
    text = "Investigators in Seoul on Tuesday tied the theft of cryptocurrency to Pyongyang's Lazarus hackers."
    rules = extract_report(text, published=PUBLISHED, second_reading=False).as_dict()
    assert extract_report(text, published=PUBLISHED).as_dict() != rules
    monkeypatch.setattr(learned, "WEIGHTS", tmp_path / "missing.json")
    assert learned.load_weights() is None
    assert extract_report(text, published=PUBLISHED).as_dict() == rules


def test_the_weights_never_learned_from_the_measured_batches():
    model = learned.load_weights()
    assert model is not None
    trained = model["trained_on"]
    assert not set(trained["folders"]) & set(train_weights.MEASURED)
    assert not {f"battery{n}" for n in train_weights.MEASURED_BATTERIES} & set(trained["batteries"])
    assert trained["folders"] == [folder.name for folder in train_weights.training_folders()]
    assert trained["texts"] > 2000
    for part in ("linker", "measures", "checker"):
        assert 0 < model[part]["threshold"] < 1 and model[part]["weights"]
    assert "claim" in model["checker"]["reads"]


def test_training_leaves_out_reports_of_the_measured_events():
    avoid = train_weights.measured_sentences()
    measured = next(iter(sorted((train_weights.HERE / "heldout7").glob("*.txt"))))
    sentence = max(train_weights.long_sentences(measured.read_text(encoding="utf-8")), key=len)
    assert sentence in avoid
    assert train_weights.long_sentences(f"An older report. {sentence}") & avoid
    kept = sum(1 for _ in train_weights.keyed(train_weights.training_folders(), avoid))
    assert 0 < kept < sum(1 for _ in train_weights.keyed(train_weights.training_folders()))


@pytest.mark.parametrize(
    "argv",
    [
        ["--folders", "heldout4", "--out", "{out}"],  # kept for measuring
        ["--batteries", "14", "--out", "{out}"],  # likewise
        ["--folders", "heldout999", "--out", "{out}"],  # no such folder
        ["--batteries", "x", "--out", "{out}"],
        ["--folders", "heldout2"],  # a part of the texts would overwrite the shipped weights
    ],
)
def test_the_training_script_refuses_measured_unknown_or_partial_runs_over_the_shipped_weights(argv, tmp_path):
    out = tmp_path / "weights.json"
    with pytest.raises(SystemExit) as refused:
        train_weights.main([arg.format(out=out) for arg in argv])
    assert refused.value.code == 2
    assert not out.exists()


def test_the_training_script_writes_the_same_weights_twice(tmp_path):
    folders = [train_weights.HERE / "heldout2"]
    first = train_weights.train(folders, batteries=(1,))
    assert first == train_weights.train(folders, batteries=(1,))
    avoid = train_weights.measured_sentences()
    expected = sum(1 for _ in train_weights.keyed(folders, avoid))
    assert first["trained_on"]["texts"] == expected + sum(1 for _ in train_weights.battery_passages((1,), avoid))
    out = tmp_path / "weights.json"
    assert train_weights.main(["--out", str(out), "--folders", "heldout2", "--batteries", "1"]) == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written == json.loads(json.dumps(first))
    assert learned.load_weights(out) == written


def test_what_the_second_reading_adds_keeps_to_the_rules_bounds():
    # a model that adds every pair it reads and drops every claim it checks: what the bounds leave out never appears
    everything = {"bias": 30.0, "weights": {}, "threshold": 0.5}
    model = {"linker": everything, "measures": everything, "checker": {**everything, "bias": -30.0, "reads": ["claim"]}}
    for path in sorted((train_weights.HERE / "heldout2").glob("*.txt"))[:6]:
        text = path.read_text(encoding="utf-8")
        extractor = _Extractor(text, PUBLISHED, [])
        extractor.run(second_reading=False)
        rules = extractor.result.as_dict()
        learned.second_reading(extractor, model)
        read = extractor.result.as_dict()
        assert read["consequences"][: len(rules["consequences"])] == rules["consequences"]  # measures are not checked
        assert read["attributions"]
        for claim in read["attributions"]:
            assert claim["made_by"]["kind"] not in ("threat_group", "person")
        for measure in read["consequences"]:
            assert measure["initiated_by"]["kind"] not in ("threat_group", "person", "media")
        for item in read["attributions"] + read["consequences"]:
            assert text[item["quote_start"] : item["quote_end"]] == item["quote"]
        keys = [learned.record_key(claim, "attributions") for claim in read["attributions"]]
        assert len(keys) == len(set(keys))


def test_the_quick_measure_score_is_the_model_on_the_measure_features():
    """second_reading scores a measure kind from the pair's features summed once and the kind's weights indexed
    (measure_probability); it must be exactly the model on measure_features, which training uses."""
    model = learned.load_weights()["measures"]
    texts = [path.read_text(encoding="utf-8") for path in sorted((train_weights.HERE / "articles").glob("*.txt"))[:12]]
    compared = 0
    for text in texts:
        extractor = _Extractor(text, PUBLISHED, [])
        extractor.run(second_reading=False)
        readings, _ = learned.readings(extractor)
        summed: dict = {}
        for reading in readings:
            for kind in reading.kinds:
                quick = learned.measure_probability(model, reading, kind, summed)
                assert quick == learned.probability(model, learned.measure_features(reading, kind))
                compared += 1
    assert compared > 100
