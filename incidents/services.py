"""Writes of the case tracker that go beyond one row."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from attribution.services import record_delete, save_with_history
from incidents.models import ImportJob, Incident, IncidentSource, Source


@transaction.atomic
def incident_sources_set(*, incident: Incident, sources: list[Source], user=None) -> None:
    """Make the sources linked to a case exactly `sources` (links to sources the user cannot see are kept)."""
    from attribution.access import visibility_q

    wanted = {source.pk for source in sources}
    visible_links = incident.source_links.filter(visibility_q(user, "source__")) if user else incident.source_links
    for link in visible_links.all():
        if link.source_id not in wanted:
            record_delete(instance=link, user=user, reason="source unlinked")
    linked = set(incident.source_links.values_list("source_id", flat=True))
    for source in sources:
        if source.pk not in linked:
            save_with_history(IncidentSource(incident=incident, source=source), user=user, reason="source linked")


# --- Import jobs ------------------------------------------------------------------------------------------
def importjob_input_problem(*, url: str, upload_size: int | None, text: str) -> tuple[str, str] | None:
    """What is wrong with an import request, as (what, message) — what is "input" or "upload" — or None.

    Forms and the API ask before reading an upload (its declared size), the service asks again.
    """
    if sum([bool(url), upload_size is not None, bool(text.strip())]) != 1:
        return "input", "Give exactly one of: a URL, a file, or pasted text."
    if upload_size is not None and upload_size > settings.IMPORT_MAX_BYTES:
        return "upload", f"The file is larger than the limit of {settings.IMPORT_MAX_BYTES:,} bytes."
    return None


def importjob_options(*, kind: str, dataset_format: str = "", strict: bool = False) -> dict:
    """The options of a job of `kind` from what a form or the API was given; a ValidationError when a
    dataset has no known format or a format is given to another kind."""
    from incidents.importers.datasets import FORMATS

    if kind == ImportJob.Kind.DATASET:
        if dataset_format not in FORMATS:
            raise ValidationError(f"A dataset import needs its format: one of {', '.join(sorted(FORMATS))}.")
        return {"format": dataset_format, "strict": bool(strict)}
    if dataset_format or strict:
        raise ValidationError("A format and strict mode belong to dataset imports only.")
    return {}


@transaction.atomic
def importjob_create(
    *,
    user=None,
    url: str = "",
    upload: bytes | None = None,
    upload_name: str = "",
    text: str = "",
    published: dt.date | None = None,
    title: str = "",
    kind: str = ImportJob.Kind.REPORT,
    options: dict | None = None,
    queue: bool = True,
) -> ImportJob:
    """Record an import request and queue it for a worker once the transaction commits (with
    `queue=False` the caller runs it: `importjob_claim` then `importjob_run`)."""
    from incidents.tasks import run_import_job

    problem = importjob_input_problem(url=url, upload_size=None if upload is None else len(upload), text=text)
    if problem:
        raise ValidationError(problem[1])
    if kind == ImportJob.Kind.REPORT:
        options = {"published": published.isoformat() if published else None, "title": title, **(options or {})}
    job = ImportJob(
        kind=kind,
        input_url=url,
        input_bytes=upload,
        input_name=upload_name[:255] if upload is not None else "",
        input_text=text,
        options=options or {},
        created_by=user if user and user.is_authenticated else None,
    )
    save_with_history(job, user=job.created_by, reason="import requested")
    if queue:
        transaction.on_commit(lambda: _queue(job, run_import_job))
    return job


def _queue(job: ImportJob, task) -> None:
    result = task.delay(job.pk)
    ImportJob.objects.filter(pk=job.pk, task_id="").update(task_id=result.id or "")


def importjob_claim(*, job_id: int) -> ImportJob | None:
    """Take a queued job, or a running one whose worker let its lease expire (it died); None if another
    run holds it. A compare-and-set update, so two deliveries of one message never both run it."""
    now = timezone.now()
    takeable = Q(status=ImportJob.Status.QUEUED) | Q(status=ImportJob.Status.RUNNING, lease_expires_at__lt=now)
    claimed = ImportJob.objects.filter(takeable, pk=job_id).update(
        status=ImportJob.Status.RUNNING,
        started_at=now,
        attempts=F("attempts") + 1,
        progress=5,
        progress_message="Started",
        lease_expires_at=_lease(),
    )
    return ImportJob.objects.get(pk=job_id) if claimed else None


def _lease():
    return timezone.now() + dt.timedelta(seconds=settings.IMPORT_JOB_LEASE_SECONDS)


def importjob_run(*, job: ImportJob, on_progress=None) -> ImportJob:
    """Run one claimed job; the job records progress, counts and errors. `on_progress(percent, message)`
    is told as well (a command draws its progress bar with it)."""

    def report(percent: int, message: str) -> None:
        _progress(job, percent, message[:300])
        if on_progress is not None:
            on_progress(percent, message)

    if job.kind != ImportJob.Kind.REPORT:
        return _run_structured(job, report)
    return _run_report(job, report)


def _run_structured(job: ImportJob, report) -> ImportJob:
    """A structured input (an actor list): the importer of the job's kind."""
    from incidents.fetching import FetchError, safe_fetch
    from incidents.importers import ImportFailure, Progress, importer_for

    try:
        report(10, "Reading the input")
        if job.input_url:
            content = safe_fetch(job.input_url).content
        elif job.input_bytes is not None:
            content = bytes(job.input_bytes)
        else:
            content = job.input_text.encode("utf-8")
        outcome = importer_for(job.kind)(
            content, options=job.options or {}, user=job.created_by, progress=Progress(report)
        )
    except ImportFailure as error:
        return _finish(job, ImportJob.Status.FAILED, errors=[_message(error), *error.problems])
    except (FetchError, ValidationError) as error:
        return _finish(job, ImportJob.Status.FAILED, errors=[_message(error)])
    job.counts = _counts(outcome.counts)
    job.result = outcome.details
    status = ImportJob.Status.PARTIAL if outcome.problems else ImportJob.Status.SUCCEEDED
    return _finish(job, status, errors=outcome.problems)


def _run_report(job: ImportJob, report) -> ImportJob:
    """Read, extract and store one claimed job's report."""
    from incidents.documents import DocumentError
    from incidents.fetching import FetchError
    from incidents.importing import extract_from, read_report, report_store

    options = job.options or {}
    try:
        report(20, "Reading the report")
        document = read_report(
            url=job.input_url,
            content=bytes(job.input_bytes) if job.input_bytes is not None else None,
            name=job.input_name,
            text=job.input_text,
            title=options.get("title") or "",
            published=_date(options.get("published")),
        )
        report(50, "Finding claims, reactions and consequences")
        extraction = extract_from(document)
        report(80, "Storing drafts")
        outcome = report_store(document, extraction, user=job.created_by)
    except (FetchError, DocumentError, ValidationError) as error:
        return _finish(job, ImportJob.Status.FAILED, errors=[_message(error)])
    job.counts = _counts(outcome.counts)
    job.result = {"source": outcome.source.pk, "incidents": outcome.incidents, **outcome.records}
    return _finish(job, ImportJob.Status.SUCCEEDED, errors=[])


def _counts(counts) -> dict[str, int]:
    """Every job shows created, updated, unchanged and skipped (0 when none), then any count of its own."""
    return {**dict.fromkeys(("created", "updated", "unchanged", "skipped"), 0), **counts}


def _progress(job: ImportJob, percent: int, message: str) -> None:
    ImportJob.objects.filter(pk=job.pk).update(progress=percent, progress_message=message, lease_expires_at=_lease())


def _finish(job: ImportJob, status: str, *, errors: list[str]) -> ImportJob:
    job.status, job.errors, job.finished_at = status, errors, timezone.now()
    job.progress = 100
    job.progress_message = {
        ImportJob.Status.SUCCEEDED: "Done",
        ImportJob.Status.PARTIAL: f"Done; {len(errors):,} item(s) not imported",
    }.get(status, "Failed")
    job.save(update_fields=["status", "errors", "finished_at", "progress", "progress_message", "counts", "result"])
    return job


def _message(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    return str(error)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
