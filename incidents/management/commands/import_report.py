"""`manage.py import_report PATH_OR_URL [--published YYYY-MM-DD] [--title T] [--dry-run]`."""

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from incidents.documents import DocumentError
from incidents.fetching import FetchError
from incidents.management.jobs import read_input, run_job, summary


class Command(BaseCommand):
    help = (
        "Import one report (a local .txt, .html or .pdf file, or an http/https URL) and draft its incident, "
        "claims, reactions and consequences. With --dry-run nothing is written and the extraction is printed "
        "as JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("location", help="Path of a .txt/.html/.pdf file, or an http(s) URL.")
        parser.add_argument("--published", type=_date, help="Publication date (YYYY-MM-DD), for relative dates.")
        parser.add_argument("--title", default="", help="Title of the report (default: taken from the document).")
        parser.add_argument("--dry-run", action="store_true", help="Write nothing; print the extraction as JSON.")

    def handle(self, *args, location: str, published, title: str, dry_run: bool, **options):
        if dry_run:
            self._dry_run(location, published, title)
            return
        options = {"published": published.isoformat() if published else None, "title": title}
        job = run_job(kind="report", location=location, options=options)
        if job.status != job.Status.SUCCEEDED:
            raise CommandError(f"Import job {job.pk} {job.status}: {'; '.join(job.errors)}")
        self.stdout.write(self.style.SUCCESS(summary(job, "report")))
        result = job.result
        self.stdout.write(
            f"Source {result['source']}; incident(s) {result['incidents']}; "
            f"{len(result['attributions'])} claim(s), {len(result['reactions'])} reaction(s), "
            f"{len(result['consequences'])} consequence(s), all drafts for review."
        )

    def _dry_run(self, location: str, published, title: str) -> None:
        from incidents.importing import dry_run_document, extract_from, read_report

        url, content, name = read_input(location)
        try:
            report = read_report(url=url, content=content, name=name, published=published, title=title)
        except (FetchError, DocumentError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(json.dumps(dry_run_document(report, extract_from(report)), ensure_ascii=False, indent=2))


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--published takes YYYY-MM-DD, not {value!r}.") from error
