"""Running an import job from a management command: a progress bar on a terminal, a summary at the end."""

import sys
from pathlib import Path

from django.core.management.base import CommandError

from incidents.models import ImportJob


def read_input(location: str) -> tuple[str, bytes | None, str]:
    """(url, content, file name) for a path or an http(s) URL given on the command line."""
    if location.startswith(("http://", "https://")):
        return location, None, ""
    path = Path(location)
    if not path.is_file():
        raise CommandError(f"{location} is neither a file nor an http(s) URL.")
    return "", path.read_bytes(), path.name


class ProgressBar:
    """`[#####-----]  50% Actors 520/1,041` redrawn in place on a terminal; silent otherwise."""

    def __init__(self, stream=None, width: int = 30):
        self.stream = stream or sys.stderr
        self.width = width
        self.live = hasattr(self.stream, "isatty") and self.stream.isatty()

    def __call__(self, percent: int, message: str) -> None:
        if not self.live:
            return
        filled = self.width * percent // 100
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {percent:3d}% {message[:60]:<60}")
        self.stream.flush()

    def close(self) -> None:
        if self.live:
            self.stream.write("\n")
            self.stream.flush()


def run_job(*, kind: str, location: str, options: dict | None = None, content: bytes | None = None) -> ImportJob:
    """Create the job and run it here, in this process, drawing its progress. `content`, when given, is
    the input itself (assembled by the command) and `location` its name."""
    from incidents.services import importjob_claim, importjob_create, importjob_run

    url, name = "", location
    if content is None:
        url, content, name = read_input(location)
    try:
        job = importjob_create(kind=kind, url=url, upload=content, upload_name=name, options=options, queue=False)
    except Exception as error:
        raise CommandError(f"{location}: {error}") from error
    job = importjob_claim(job_id=job.pk)
    if job is None:  # not queued, so nothing else can hold it; kept as a guard
        raise CommandError(f"{location}: the import job was taken by another process.")
    bar = ProgressBar()
    try:
        return importjob_run(job=job, on_progress=bar)
    finally:
        bar.close()


def summary(job: ImportJob, label: str) -> str:
    counts = ", ".join(f"{value:,} {key}" for key, value in job.counts.items())
    return f"Import job {job.pk} ({label}) {job.get_status_display().lower()}: {counts or 'nothing to do'}."


def write_outcome(command, job: ImportJob, label: str, *, problems_shown: int = 20) -> None:
    """The summary, then the items the job reports on (the first few; all of them are on the job): items
    not imported, or imported with a remark, each line saying which."""
    if job.status == ImportJob.Status.FAILED:
        reason, *items = job.errors or ["(no reason recorded)"]
        _list(command, job, items, problems_shown)
        raise CommandError(f"Import job {job.pk} ({label}) failed: {reason}")
    style = command.style.SUCCESS if job.status == ImportJob.Status.SUCCEEDED else command.style.WARNING
    command.stdout.write(style(summary(job, label)))
    _list(command, job, job.errors, problems_shown)


def _list(command, job: ImportJob, items: list[str], shown: int) -> None:
    for item in items[:shown]:
        command.stdout.write(f"  - {item}")
    if len(items) > shown:
        command.stdout.write(f"  … and {len(items) - shown:,} more (see import job {job.pk}).")
