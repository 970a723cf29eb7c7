"""Background tasks: thin wrappers that take an id (or nothing) and call one service."""

from celery import shared_task
from django.conf import settings

from incidents.feeds import feeds_poll_due, feeds_summary
from incidents.services import importjob_claim, importjob_run


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=settings.IMPORT_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.IMPORT_TASK_TIME_LIMIT,
)
def run_import_job(job_id: int) -> str:
    """Run one import job; a second delivery of the same message finds it taken and stops."""
    job = importjob_claim(job_id=job_id)
    if job is None:
        return "already taken"
    return importjob_run(job=job).status


@shared_task
def poll_due_feeds() -> str:
    """Poll the feeds that are due (run by celery beat, periodic task "Poll feeds"); polls that would
    start after half the soft time limit wait for the next run."""
    return feeds_summary(feeds_poll_due(seconds=settings.CELERY_TASK_SOFT_TIME_LIMIT / 2))
