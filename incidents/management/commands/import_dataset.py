"""`manage.py import_dataset --format cfr|eurepoc FILE [--attributions FILE] [--strict]`."""

import io
import zipfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from incidents.importers.datasets import FORMATS
from incidents.management.jobs import run_job, write_outcome


class Command(BaseCommand):
    help = (
        "Import an incident dataset: the product's own CSV (export_dataset), the CFR Cyber Operations Tracker CSV, "
        "or the EuRepoC global database "
        "CSV with its attribution CSV (--attributions) or the ZIP archive holding both. Good rows are imported "
        "and bad ones listed with their line numbers; --strict imports nothing unless every row is sound. "
        "Re-importing changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The dataset file (.csv or .zip) or an http(s) URL.")
        parser.add_argument("--format", required=True, choices=sorted(FORMATS), help="The dataset's format.")
        parser.add_argument(
            "--attributions", metavar="FILE", help="EuRepoC only: the attribution dataset CSV (claims)."
        )
        parser.add_argument(
            "--strict", action="store_true", help="All or nothing: when any row is not sound, import nothing."
        )

    def handle(self, *args, file: str, format: str, attributions: str | None, strict: bool, **options):
        content = None
        if attributions:
            if format != "eurepoc":
                raise CommandError("--attributions belongs to the eurepoc format only.")
            content = _eurepoc_archive(file, attributions)
        options = {"format": format, "strict": strict}
        location = f"{Path(file).stem}.zip" if content is not None else file
        job = run_job(kind="dataset", location=location, options=options, content=content)
        write_outcome(self, job, f"{format} dataset")
        note = job.result.get("note")
        if note:
            self.stdout.write(f"  {note}")


def _eurepoc_archive(global_csv: str, attributions: str) -> bytes:
    """The two CSVs packed into one ZIP, as EuRepoC distributes them."""
    paths = [Path(global_csv), Path(attributions)]
    for path in paths:
        if not path.is_file():
            raise CommandError(f"{path} is not a file (the EuRepoC files are read from disk).")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in paths:
            archive.write(path, arcname=path.name)
    return buffer.getvalue()
