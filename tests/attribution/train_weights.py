"""Training the second reading's three models (attribution/extraction/learned.py) on the keyed reports.

    DJANGO_SETTINGS_MODULE=config.settings_test .venv/bin/python -m tests.attribution.train_weights

writes attribution/data/extraction_weights.json from every keyed batch and studied phrasing battery but those kept
for measuring (`MEASURED`, `MEASURED_BATTERIES`), leaving out any report that shares a sentence with a measured one (a
report of the same event). The models read what the rules found, so retrain after changing the rules.
`--leave-out heldout69,… --out /tmp/w.json --report heldout69,…` trains without more batches and prints what the
second reading changes on them.
"""

import argparse
import datetime as dt
import itertools
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from attribution.extraction import learned
from attribution.extraction.extract import _Extractor
from attribution.extraction.text import sentences
from tests.attribution.scoring import Score, found_items, key_items, score_items

HERE = Path(__file__).parent

# Never trained on: the pool of batches nobody working on the rules has read (their totals measure how the rules and
# models do on reports they never saw) and heldout4, whose totals alone were used once. A batch written to measure
# must be added here before the weights are trained again.
MEASURED = ("heldout4", "heldout6", "heldout7", "heldout8", "heldout14", "heldout22", "heldout25", "heldout26")
MEASURED += ("heldout27", "heldout28", "heldout78", "heldout80", "heldout82", "heldout84", "heldout86", "heldout88")
MEASURED += ("heldout90", "heldout92", "heldout94", "heldout96", "heldout98", "heldout100")
MEASURED += ("heldout102", "heldout104", "heldout106", "heldout108")
MEASURED += ("heldout110", "heldout112", "heldout114", "heldout116")
MEASURED += ("heldout118", "heldout120", "heldout122", "heldout124")
MEASURED += ("heldout126", "heldout128", "heldout130", "heldout132")
MEASURED += ("heldout134", "heldout136", "heldout138", "heldout140")
MEASURED += ("heldout142", "heldout144", "heldout146", "heldout148")
MEASURED += ("heldout150", "heldout152", "heldout154", "heldout156")
MEASURED += ("heldout158", "heldout160", "heldout162", "heldout164")
MEASURED += ("heldout166", "heldout168", "heldout170", "heldout172")
MEASURED += ("heldout174", "heldout176", "heldout178", "heldout180")

# The phrasing batteries read while the rules were written, and those never looked at.
STUDIED_BATTERIES = (1, 2, 3, 6, 7, 8, 9, 10, 11, 12, 13, *range(15, 35))
MEASURED_BATTERIES = (4, 5, 14)

# A training report sharing a sentence this long with a measured report tells of the same event: it is left out.
SHARED_SENTENCE = 80

# Inverse regularisation strength of each model (chosen on heldout69-76 with the models trained without them) and the
# probability at which it acts. Session 20 chose the thresholds by five-fold cross-validation on the training texts
# (0.6, 0.6, 0.4: the highest recall whose precision is no lower than the rules' alone); but the rules read their own
# training texts better than fresh ones, and on the batches written in sessions 20 and 21 and studied (heldout77-107
# odd, 192 reports), with the models trained without them, a linker at 0.7 and a checker at 0.5 keep 16 wrong items
# out for 6 right ones (0.822 / 0.671 against 0.798 / 0.681), in both sessions' batches alike. Session 22 checked them
# again in five folds of the studied batches of sessions 20-22 (heldout77-123 odd, 288 reports; models retrained for
# each fold without it): a linker at 0.6 or 0.8 reads no better than at 0.7; a checker at 0.6 keeps 18 wrong items out
# for 5 right ones there (0.802 / 0.616 against 0.780 / 0.622), within noise, but it drops 16 more of the single
# readings the tests pin (44 change with the second reading against 28), plain claims among them, so it stays at 0.5.
LINKER_C, LINK_AT = 0.3, 0.7
MEASURES_C, MEASURE_AT = 0.3, 0.6
CHECKER_C, KEEP_AT = 1.0, 0.5


# What the checker may drop: claims and the measure kinds whose drops, in five-fold cross-validation on the training
# texts, were wrong items at least twice as often as right ones (for expulsions, summoned envoys, extraditions and
# closed missions they were as often right as wrong).
CHECKED = ["claim", "sanctions", "indictment", "reward", "arrest", "awareness_raising", "condemnation", "prosecution"]
CHECKED += ["cyber_operation", "pledged_response", "court_order"]

# A feature held by fewer training rows is not learned, and smaller weights are not kept (the weights file stays small).
MIN_ROWS, SMALLEST_WEIGHT = 3, 0.05


def training_folders(leave_out: tuple[str, ...] = ()) -> list[Path]:
    folders = [HERE / "articles", *sorted(HERE.glob("heldout*"))]
    return [f for f in folders if f.is_dir() and f.name not in MEASURED + leave_out]


def keyed(folders: list[Path], avoid: frozenset[str] = frozenset()) -> Iterator[tuple[str, dict]]:
    """(the report's text, its key) for every NAME.txt with a NAME.expected.json, but those sharing a sentence of
    `avoid`."""
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            key_path = path.with_name(f"{path.stem}.expected.json")
            text = path.read_text(encoding="utf-8")
            if key_path.exists() and not (long_sentences(text) & avoid):
                yield text, json.loads(key_path.read_text(encoding="utf-8"))


def long_sentences(text: str) -> set[str]:
    return {" ".join(s.text.split()) for s in sentences(text) if len(s.text) >= SHARED_SENTENCE}


def measured_sentences() -> frozenset[str]:
    """The long sentences of the measured reports and batteries: training texts holding one are left out."""
    found = set()
    for folder in MEASURED:
        for path in (HERE / folder).glob("*.txt"):
            found |= long_sentences(path.read_text(encoding="utf-8"))
    for text, _ in battery_passages(MEASURED_BATTERIES):
        found |= long_sentences(text)
    return frozenset(found)


def battery_passages(
    batteries: tuple[int, ...] = STUDIED_BATTERIES, avoid: frozenset[str] = frozenset()
) -> Iterator[tuple[str, dict]]:
    """(the passage, a key of it) for every passage of the phrasing batteries: what a passage does not require it
    does not hold (the batteries count every other item found against the rules)."""
    for number in batteries:
        for line in (HERE / "phrasings" / f"battery{number}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                if long_sentences(item["text"]) & avoid:
                    continue
                key = {"published": item["published"]}
                for category in ("attributions", "denials", "consequences"):
                    key[category] = {"required": item["required"].get(category, []), "optional": []}
                yield item["text"], key


def examples(text: str, key: dict) -> tuple[list, list, list]:
    """The linker's rows (features, whether the key requires the claim) for the pairs the rules did not link, the
    measure linker's for the measures they did not find, and the checker's for the items they found; items the key
    leaves optional are none of these."""
    extractor = _Extractor(text, dt.date.fromisoformat(key["published"]), [])
    extractor.run(second_reading=False)
    found = found_items(extractor.result.as_dict())
    pairs, evidence = learned.readings(extractor)
    required, optional = key_items(key), key_items(key, "optional")
    # neither linker learns from what the rules found or from what the key leaves optional
    left = {category: found[category] | optional[category] for category in ("attributions", "consequences")}
    linker = [
        (reading.features, (reading.a_key[1], reading.b_key[1]) in required["attributions"])
        for reading in pairs
        if learned.may_claim(reading) and (reading.a_key[1], reading.b_key[1]) not in left["attributions"]
    ]
    measures = [
        (
            learned.measure_features(reading, kind),
            (reading.a_key[1], reading.b_key[1], kind) in required["consequences"],
        )
        for reading in pairs
        if learned.may_measure(reading)
        for kind in reading.kinds
        if (reading.a_key[1], reading.b_key[1], kind) not in left["consequences"]
    ]
    checker = []
    for category, item, _, features in learned.checked_items(extractor, evidence):
        item = tuple(part[1] if isinstance(part, tuple) else part for part in item)  # the keys' form
        if item not in optional[category]:
            checker.append((features, item in required[category]))
    return linker, measures, checker


def fit(rows: list, strength: float, seen: int = MIN_ROWS, smallest: float = SMALLEST_WEIGHT) -> dict:
    """A logistic model over the rows' features that `seen` rows or more hold: its bias and weights of at least
    `smallest`, rounded."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([features for features, _ in rows])
    vectorizer.restrict(seen <= (matrix != 0).sum(axis=0).A1)
    matrix = vectorizer.transform([features for features, _ in rows])
    model = LogisticRegression(C=strength, max_iter=5000).fit(matrix, [int(label) for _, label in rows])
    weights = {
        name: round(float(weight), 4)
        for name, weight in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(weight) >= smallest
    }
    return {"bias": round(float(model.intercept_[0]), 4), "weights": dict(sorted(weights.items()))}


def train(folders: list[Path], batteries: tuple[int, ...] = STUDIED_BATTERIES) -> dict:
    avoid = measured_sentences()
    linker_rows, measure_rows, checker_rows, reports = [], [], [], 0
    for text, key in itertools.chain(keyed(folders, avoid), battery_passages(batteries, avoid)):
        linker, measures, checker = examples(text, key)
        linker_rows += linker
        measure_rows += measures
        checker_rows += checker
        reports += 1
    return {
        "trained_on": {
            "texts": reports,
            "folders": [folder.name for folder in folders],
            "batteries": [f"battery{number}" for number in batteries],
        },
        "linker": {"threshold": LINK_AT, "C": LINKER_C, **fit(linker_rows, LINKER_C)},
        "measures": {"threshold": MEASURE_AT, "C": MEASURES_C, **fit(measure_rows, MEASURES_C)},
        "checker": {"threshold": KEEP_AT, "C": CHECKER_C, "reads": CHECKED, **fit(checker_rows, CHECKER_C)},
    }


def report(model: dict, folders: list[Path]) -> str:
    """Totals on `folders` of the rules alone and of the rules with `model`'s second reading."""
    before, after = Score(), Score()
    for text, key in keyed(folders):
        extractor = _Extractor(text, dt.date.fromisoformat(key["published"]), [])
        extractor.run(second_reading=False)
        before = before.add(score_items(found_items(extractor.result.as_dict()), key))
        learned.second_reading(extractor, model)
        after = after.add(score_items(found_items(extractor.result.as_dict()), key))
    return "\n".join(
        f"{name}: P {s.precision:.3f} R {s.recall:.3f} ({s.right} right, {s.wrong} wrong, {s.missed} missed)"
        for name, s in (("rules", before), ("rules + second reading", after))
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help=f"where the weights go (default {learned.WEIGHTS}, for all batches)")
    parser.add_argument("--leave-out", default="", help="comma-separated batch folders not to train on")
    parser.add_argument("--folders", default="", help="comma-separated batch folders to train on (default: all)")
    parser.add_argument("--batteries", default="", help="comma-separated battery numbers (default: those studied)")
    parser.add_argument("--report", default="", help="comma-separated batch folders to score after training")
    args = parser.parse_args(argv)
    leave_out = tuple(name for name in args.leave_out.split(",") if name)
    chosen = tuple(name for name in args.folders.split(",") if name)
    known = {folder.name for folder in training_folders()}
    if unknown := sorted(set(leave_out + chosen) - known - set(MEASURED)):
        parser.error(f"no such batch folder: {', '.join(unknown)}")
    if measured := sorted(set(chosen) & set(MEASURED)):
        parser.error(f"kept for measuring, never trained on: {', '.join(measured)}")
    folders = [folder for folder in training_folders(leave_out) if not chosen or folder.name in chosen]
    try:
        batteries = tuple(int(number) for number in args.batteries.split(",")) if args.batteries else STUDIED_BATTERIES
    except ValueError:
        parser.error("--batteries takes battery numbers: 1,2,3")
    if measured := sorted(set(batteries) & set(MEASURED_BATTERIES)):
        parser.error(f"batteries kept for measuring, never trained on: {', '.join(map(str, measured))}")
    if unknown := sorted(set(batteries) - set(STUDIED_BATTERIES)):
        parser.error(f"no such battery: {', '.join(map(str, unknown))}")
    if args.out is None and (leave_out or chosen or args.batteries):
        parser.error("training on a part of the texts needs --out (the shipped weights are trained on all of them)")
    out = args.out or learned.WEIGHTS
    model = train(folders, batteries)
    out.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{out}: {model['trained_on']['texts']} texts", file=sys.stderr)
    if args.report:
        print(report(model, [HERE / name for name in args.report.split(",")]))
    return 0


if __name__ == "__main__":
    import django

    django.setup()
    raise SystemExit(main())
