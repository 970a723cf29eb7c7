"""Background tasks: thin wrappers that take an id (or nothing) and call one service."""

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from incidents.feeds import feeds_poll_due, feeds_summary
from incidents.services import importjob_claim, importjob_lease_left, importjob_run


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=settings.IMPORT_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.IMPORT_TASK_TIME_LIMIT,
    autoretry_for=(OperationalError, InterfaceError),  # the database was unreachable: transient
    retry_backoff=5,
    max_retries=10,
)
def run_import_job(self, job_id: int) -> str:
    """Run one import job. A second delivery finds it taken: done, it stops; still running (its worker may
    have died, e.g. a killed pool process, whose message comes back at once), it waits for the lease to expire."""
    job = importjob_claim(job_id=job_id)
    if job is not None:
        return importjob_run(job=job).status
    wait = importjob_lease_left(job_id=job_id)
    if wait is None:
        return "already taken"
    raise self.retry(countdown=wait + 1)


@shared_task
def poll_due_feeds() -> str:
    """Poll the feeds that are due (run by celery beat, periodic task "Poll feeds"); polls that would
    start after half the soft time limit wait for the next run."""
    return feeds_summary(feeds_poll_due(seconds=settings.CELERY_TASK_SOFT_TIME_LIMIT / 2))
