"""How far careful readers agree with the authors' keys of the unseen report batches (agreement/README.md).

Each reader's key of a report is scored against the author's key exactly as the extractor's output is: the items the
reader requires are its "found" items; the author's optional items count neither way. Run it to print the table:

    DJANGO_SETTINGS_MODULE=config.settings_test .venv/bin/python -m tests.attribution.key_agreement
"""

import datetime as dt
import functools
import json
from collections.abc import Iterator
from pathlib import Path

from tests.attribution.scoring import Score, found_items, key_items, score_items

HERE = Path(__file__).parent
AGREEMENT = HERE / "agreement"
READERS = ("B", "C")


AUTHORS, EXTRACTOR = "authors", "extractor"


def keyed_reports(reader: str) -> Iterator[tuple[Path, dict]]:
    """(the report's text file, the reader's key of it), for every report the reader keyed."""
    for path in sorted((AGREEMENT / reader).glob("*/*.key.json")):
        report = HERE / path.parent.name / path.name.replace(".key.json", ".txt")
        yield report, json.loads(path.read_text(encoding="utf-8"))


def author_key(report: Path) -> dict:
    return json.loads(report.with_name(f"{report.stem}.expected.json").read_text(encoding="utf-8"))


def key_of(source: str, report: Path) -> dict:
    """The authors' key of a report, or a reader's."""
    if source == AUTHORS:
        return author_key(report)
    return json.loads((AGREEMENT / source / report.parent.name / f"{report.stem}.key.json").read_text(encoding="utf-8"))


def found_by(source: str, report: Path) -> dict[str, set]:
    """The items a key requires, or the items the extractor finds (which needs Django set up)."""
    return key_items(key_of(source, report)) if source != EXTRACTOR else _extracted(report)


@functools.cache
def _extracted(report: Path) -> dict[str, set]:
    """The extractor's items in a report, read once for all the keys it is scored against."""
    from attribution.extraction import extract_report

    published = dt.date.fromisoformat(author_key(report)["published"])
    return found_items(extract_report(report.read_text(encoding="utf-8"), published=published).as_dict())


def agreement(predictor: str, reference: str = AUTHORS) -> Score:
    """One source's items (a reader's, the authors' or the extractor's) scored against another's key, over every
    report the readers keyed."""
    total = Score()
    for report, _ in keyed_reports(READERS[0]):
        total = total.add(score_items(found_by(predictor, report), key_of(reference, report), report.stem))
    return total


def _line(label: str, result: Score) -> str:
    counts = f"{result.right} right, {result.wrong} wrong, {result.missed} missed"
    return f"{label:<34} P {result.precision:.3f}  R {result.recall:.3f}  ({counts})"


def main() -> None:
    import django

    django.setup()
    for reader in READERS:
        print(_line(f"reader {reader} against the authors", agreement(reader)))
        print(_line(f"the authors against reader {reader}", agreement(AUTHORS, reader)))
    print(_line(f"reader {READERS[0]} against reader {READERS[1]}", agreement(READERS[0], READERS[1])))
    for reference in (AUTHORS, *READERS):
        label = "the authors" if reference == AUTHORS else f"reader {reference}"
        print(_line(f"the extractor against {label}", agreement(EXTRACTOR, reference)))


if __name__ == "__main__":
    main()
