"""How far careful readers agree with the authors' keys of the unseen report batches (agreement/README.md).

Each reader's key of a report is scored against the author's key exactly as the extractor's output is: the items the
reader requires are its "found" items; the author's optional items count neither way. Run it to print the table:

    DJANGO_SETTINGS_MODULE=config.settings_test .venv/bin/python -m tests.attribution.key_agreement
"""

import json
from collections.abc import Iterator
from pathlib import Path

from tests.attribution.scoring import Score, key_items, score_items

HERE = Path(__file__).parent
AGREEMENT = HERE / "agreement"
READERS = ("B", "C")


def keyed_reports(reader: str) -> Iterator[tuple[Path, dict]]:
    """(the report's text file, the reader's key of it), for every report the reader keyed."""
    for path in sorted((AGREEMENT / reader).glob("*/*.key.json")):
        report = HERE / path.parent.name / path.name.replace(".key.json", ".txt")
        yield report, json.loads(path.read_text(encoding="utf-8"))


def author_key(report: Path) -> dict:
    return json.loads(report.with_name(f"{report.stem}.expected.json").read_text(encoding="utf-8"))


def agreement(reader: str, against: str = "author") -> Score:
    """The reader's keys scored against the author's keys (or against another reader's)."""
    total = Score()
    for report, key in keyed_reports(reader):
        if against == "author":
            reference = author_key(report)
        else:
            path = AGREEMENT / against / report.parent.name / f"{report.stem}.key.json"
            reference = json.loads(path.read_text(encoding="utf-8"))
        total = total.add(score_items(key_items(key), reference, report.stem))
    return total


def reversed_agreement(reader: str) -> Score:
    """The authors' keys scored against the reader's: how much of what the reader requires the author required."""
    total = Score()
    for report, key in keyed_reports(reader):
        total = total.add(score_items(key_items(author_key(report)), key, report.stem))
    return total


def extractor_against(reader: str) -> Score:
    """The extractor's output scored against the reader's keys (needs Django set up)."""
    import datetime as dt

    from attribution.extraction import extract_report
    from tests.attribution.scoring import score

    total = Score()
    for report, key in keyed_reports(reader):
        output = extract_report(report.read_text(encoding="utf-8"), published=dt.date.fromisoformat(key["published"]))
        total = total.add(score(output.as_dict(), key, report.stem))
    return total


def _line(label: str, result: Score) -> str:
    counts = f"{result.right} right, {result.wrong} wrong, {result.missed} missed"
    return f"{label:<34} P {result.precision:.3f}  R {result.recall:.3f}  ({counts})"


def main() -> None:
    import django

    django.setup()
    for reader in READERS:
        print(_line(f"reader {reader} against the authors", agreement(reader)))
        print(_line(f"the authors against reader {reader}", reversed_agreement(reader)))
    print(_line(f"reader {READERS[0]} against reader {READERS[1]}", agreement(READERS[0], READERS[1])))
    from tests.attribution.scoring import score_folder

    authors = Score()
    for batch in sorted({report.parent for report, _ in keyed_reports(READERS[0])}):
        authors = authors.add(score_folder(batch))
    print(_line("the extractor against the authors", authors))
    for reader in READERS:
        print(_line(f"the extractor against reader {reader}", extractor_against(reader)))


if __name__ == "__main__":
    main()
