"""Writes of the case tracker that go beyond one row."""

import datetime as dt
import logging
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from attribution.services import record_delete, save_with_history
from incidents.models import ImportJob, Incident, IncidentSource, Source

logger = logging.getLogger(__name__)


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


# --- Optimistic locking of incidents ----------------------------------------------------------------------
class IncidentChanged(Exception):
    """Someone saved the incident after the version a writer read (the admin form, an API If-Match)."""

    def __init__(self, *, incident_id: int, version: int | None, changed_by: str, changed_at: dt.datetime | None):
        self.incident_id, self.version, self.changed_by, self.changed_at = incident_id, version, changed_by, changed_at
        if version is None:
            message = "This incident was deleted since you opened it."
        else:
            when = timezone.localtime(changed_at).strftime("%Y-%m-%d %H:%M:%S %Z") if changed_at else "an unknown time"
            message = (
                f"This incident was changed by {changed_by} at {when} since you opened it "
                f"(it is now at version {version}); reload to see their changes."
            )
        super().__init__(message)
        self.message = message


def incident_version_lock(*, incident: Incident, expected: int | None = None) -> None:
    """Hold the incident's row until the caller's transaction ends and load its stored version into
    `incident`, whose next save writes the version after it; IncidentChanged when `expected` is given
    and the stored version is another (someone saved in between: their change is kept, this one refused)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("incident_version_lock holds the row for a transaction: call it inside one.")
    rows = Incident.objects.filter(pk=incident.pk)
    if expected is not None:
        rows = rows.filter(version=expected)
    # A write that changes nothing, for its lock: a second writer waits here, then finds the new version.
    if not rows.update(version=F("version")):
        raise incident_changed(incident.pk)
    incident.version = Incident.objects.values_list("version", flat=True).get(pk=incident.pk)


def incident_changed(incident_id: int) -> IncidentChanged:
    """The error telling who saved the incident last, and when (from its history)."""
    last = Incident.history.filter(id=incident_id).select_related("history_user").order_by("-history_id").first()
    stored = Incident.objects.filter(pk=incident_id).values_list("version", flat=True).first()
    who = "someone"
    if last is not None:
        who = last.history_user.get_username() if last.history_user else "an import or a background task"
    return IncidentChanged(
        incident_id=incident_id, version=stored, changed_by=who, changed_at=last.history_date if last else None
    )


# --- Import jobs ------------------------------------------------------------------------------------------
class ImportQueueUnavailable(Exception):
    """The broker did not answer, so nothing was queued (and no job recorded)."""

    message = "The import queue is unavailable; nothing was queued, try again later."

    def __init__(self, reason: str = ""):
        super().__init__(f"{self.message} ({reason})" if reason else self.message)


def import_queue_check() -> None:
    """Raise ImportQueueUnavailable unless the broker answers now (a fresh connection, no retries), so a
    submission is refused at once instead of recording a job no worker will ever hear of."""
    from celery import current_app

    if current_app.conf.task_always_eager:
        return
    timeout = current_app.conf.broker_connection_timeout
    try:
        with current_app.connection_for_write(transport_options={"socket_timeout": timeout}) as broker:
            broker.ensure_connection(max_retries=0)
    except (BrokerError, OSError) as error:
        raise ImportQueueUnavailable(str(error)) from error


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
    if queue:
        import_queue_check()  # the broker is down: nothing is recorded, the caller answers "try again later"
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


QUEUE_LOST = "The import queue became unavailable as this job was submitted, so it never ran; submit it again."


def _queue(job: ImportJob, task) -> None:
    try:
        result = task.delay(job.pk)
    except BrokerError as error:  # the broker went away since import_queue_check: say so, never leave it "queued"
        logger.error("Import job %s could not be queued: %s", job.pk, error)
        ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.QUEUED).update(
            status=ImportJob.Status.FAILED,
            errors=[QUEUE_LOST],
            progress=100,
            progress_message="Failed",
            finished_at=timezone.now(),
        )
        return
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


def importjob_lease_left(*, job_id: int) -> float | None:
    """Seconds until a running job's lease expires (its worker may have died: it can be taken over then),
    or None when the job is finished, queued or gone."""
    lease = (
        ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.RUNNING)
        .values_list("lease_expires_at", flat=True)
        .first()
    )
    if lease is None:
        return None
    return max((lease - timezone.now()).total_seconds(), 0.0)


def _lease():
    return timezone.now() + dt.timedelta(seconds=settings.IMPORT_JOB_LEASE_SECONDS)


def importjob_run(*, job: ImportJob, on_progress=None) -> ImportJob:
    """Run one claimed job; the job records progress, counts and errors. `on_progress(percent, message)`
    is told as well (a command draws its progress bar with it)."""

    def report(percent: int, message: str) -> None:
        _progress(job, percent, message[:300])
        if on_progress is not None:
            on_progress(percent, message)

    try:
        if job.kind != ImportJob.Kind.REPORT:
            return _run_structured(job, report)
        return _run_report(job, report)
    except (OperationalError, InterfaceError) as error:
        # The database connection broke outside an item's transaction (items are whole or absent): record
        # it on a fresh connection rather than leave the job "running" for ever.
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()
        return _finish(job, ImportJob.Status.FAILED, errors=[_connection_lost(error)])


def _connection_lost(error: Exception) -> str:
    reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return (
        f"The database connection was lost during the import ({reason}). Every item is imported whole or "
        "not at all; run the import again to import the rest (what is already there is left as it is)."
    )


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
    job.status, job.errors, job.finished_at = status, _storable(errors), timezone.now()
    job.counts, job.result = _storable(job.counts), _storable(job.result)
    job.progress = 100
    job.progress_message = {
        ImportJob.Status.SUCCEEDED: "Done",
        ImportJob.Status.PARTIAL: f"Done; {len(errors):,} item(s) not imported",
    }.get(status, "Failed")
    job.save(update_fields=["status", "errors", "finished_at", "progress", "progress_message", "counts", "result"])
    return job


_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")


def _storable(value):
    """`value` (JSON-ready) with what PostgreSQL's JSON cannot hold — NUL, lone surrogates, both of which an
    imported name may carry into a message — replaced by U+FFFD."""
    if isinstance(value, str):
        return _UNSTORABLE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_storable(key): _storable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_storable(item) for item in value]
    return value


def _message(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    return str(error)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
