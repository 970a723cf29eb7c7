"""Incident datasets: the CFR Cyber Operations Tracker, EuRepoC, and the product's own CSV export.

The job's options name the format (`{"format": "cfr"}`); `{"strict": true}` makes the import
all-or-nothing: when any row is not sound, nothing is written and the job lists every bad row.
"""

from django.db import transaction
from django.utils.module_loading import import_string

from incidents.importers import ImportFailure, ImportResult, Progress

FORMATS = {
    "cfr": "incidents.importers.cfr.import_cfr",
    "eurepoc": "incidents.importers.eurepoc.import_eurepoc",
    "csv": "incidents.importers.csvdataset.import_csv",
}
DATASET_FORMATS = [
    ("csv", "This product's dataset CSV (export_dataset --format csv)"),
    ("cfr", "CFR Cyber Operations Tracker (CSV)"),
    ("eurepoc", "EuRepoC global database + attribution dataset (ZIP, or the global CSV alone)"),
]


class _Rollback(Exception):
    def __init__(self, result: ImportResult):
        self.result = result


def import_dataset(content: bytes, *, options: dict, user, progress: Progress) -> ImportResult:
    fmt = options.get("format")
    if fmt not in FORMATS:
        raise ImportFailure(f"Unknown dataset format {fmt!r}: give one of {', '.join(sorted(FORMATS))}.")
    importer = import_string(FORMATS[fmt])
    if not options.get("strict"):
        return importer(content, options=options, user=user, progress=progress)
    try:
        with transaction.atomic():
            result = importer(content, options=options, user=user, progress=progress)
            if result.problems:
                raise _Rollback(result)
    except _Rollback as rollback:
        problems = rollback.result.problems
        raise ImportFailure(
            f"Strict import: nothing was imported because {len(problems):,} row(s) are not sound.", problems
        ) from None
    return result
